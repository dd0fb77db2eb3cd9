"""Polish alphabetical order: Ć after C, Ł after L — on SQLite (custom collation) and PostgreSQL (ICU)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from office.db import polish, polish_sort_key
from office.models import Contact
from tests.factories import ContactFactory
from tests.utils import client_for, fetch

NAMES = ["Łódź", "Lublin", "Zabrze", "Ćmielów", "Czersk"]
EXPECTED = ["Czersk", "Ćmielów", "Lublin", "Łódź", "Zabrze"]


def test_the_sort_key() -> None:
    assert sorted(NAMES, key=polish_sort_key) == EXPECTED
    assert sorted(["żaba", "Zebra", "źrebię", "Ząb"], key=polish_sort_key) == ["Ząb", "Zebra", "źrebię", "żaba"]
    assert sorted(["ośrodek", "Oś", "Óśmy", "Ozorków"], key=polish_sort_key) == ["Oś", "ośrodek", "Ozorków", "Óśmy"]
    assert sorted(["b", "a", "A"], key=polish_sort_key) == ["A", "a", "b"]


@pytest.mark.django_db
def test_the_database_orders_by_the_polish_alphabet() -> None:
    for name in NAMES:
        ContactFactory(name=name)
    assert list(Contact.objects.order_by(polish("name")).values_list("name", flat=True)) == EXPECTED


@pytest.mark.django_db
def test_the_contact_list_is_in_polish_order(persona: Any) -> None:
    for name in NAMES:
        ContactFactory(name=name)
    response = fetch(client_for(persona("secretariat")), "get", reverse("office:contact_list"))
    assert response.status_code == 200
    assert [c.name for c in response.context["page_obj"].object_list] == EXPECTED
    html = response.content.decode()
    positions = [html.index(name) for name in EXPECTED]
    assert positions == sorted(positions)


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgresql_has_the_icu_collation() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT collprovider FROM pg_collation WHERE collname = 'polish'")
        assert cursor.fetchone() == ("i",)
