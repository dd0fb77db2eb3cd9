"""Query budgets: every list and widget page makes as many queries with 23 rows as with 3."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from office.models import Contact, SecretariatMembership
from tests.factories import (
    AssignmentFactory,
    ContactFactory,
    OfficeHolderFactory,
    OrgUnitFactory,
    TagFactory,
    UserFactory,
)
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db


def _past(days: int = 5) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def test_assignment_list(persona: Any, client_for: Any, wok: Any) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")

    def make_rows(count: int) -> None:
        for _ in range(count):
            AssignmentFactory(
                unit=OrgUnitFactory(), created_by=secretariat, assignee=None, source_label="Spotkanie z mieszkańcami"
            )
        AssignmentFactory.create_batch(count, unit=wok, created_by=secretariat, assignee=liaison)

    assert_constant_queries(client_for(secretariat), reverse("office:assignment_list"), make_rows)


def test_assignment_list_for_a_liaison(persona: Any, client_for: Any, wok: Any) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")

    def make_rows(count: int) -> None:
        AssignmentFactory.create_batch(count, unit=wok, created_by=secretariat, assignee=liaison)

    assert_constant_queries(client_for(liaison), reverse("office:assignment_list") + "?mine=on", make_rows)


def test_unit_inbox(persona: Any, client_for: Any, wok: Any) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")

    def make_rows(count: int) -> None:
        AssignmentFactory.create_batch(count, unit=wok, created_by=secretariat, assignee=liaison, due_date=_past())

    assert_constant_queries(client_for(liaison), reverse("office:unit_inbox"), make_rows)


def test_overdue_board(persona: Any, client_for: Any) -> None:
    secretariat = persona("secretariat")

    def make_rows(count: int) -> None:
        for _ in range(count):
            AssignmentFactory(unit=OrgUnitFactory(), created_by=secretariat, due_date=_past())

    assert_constant_queries(client_for(secretariat), reverse("office:overdue_board"), make_rows)


def test_contact_list(persona: Any, client_for: Any) -> None:
    def make_rows(count: int) -> None:
        for _ in range(count):
            organisation = ContactFactory(kind=Contact.Kind.INSTITUTION)
            ContactFactory(organisation=organisation, tags=[TagFactory(), TagFactory()])

    assert_constant_queries(client_for(persona("office_staff")), reverse("office:contact_list"), make_rows)


def test_unit_list(persona: Any, client_for: Any, wok: Any) -> None:
    def make_rows(count: int) -> None:
        for _ in range(count):
            unit = OrgUnitFactory(parent=wok, head=UserFactory())
            AssignmentFactory(unit=unit, due_date=_past())
            holder = OfficeHolderFactory(supervised_units=[unit, wok])
            SecretariatMembership.objects.create(office_holder=holder, user=UserFactory())

    assert_constant_queries(client_for(persona("auditor")), reverse("office:unit_list"), make_rows)


@pytest.mark.parametrize("role", ["unit_liaison", "secretariat", "management"])
def test_dashboard_widgets(persona: Any, client_for: Any, wok: Any, role: str) -> None:
    user, secretariat = persona(role), persona("secretariat")

    def make_rows(count: int) -> None:
        for index in range(count):
            AssignmentFactory(
                unit=wok, created_by=secretariat, due_date=_past(index + 1), assignee=persona("unit_liaison")
            )
            AssignmentFactory(unit=OrgUnitFactory(), created_by=user, status="answered")

    assert_constant_queries(client_for(user), reverse("office:dashboard"), make_rows)


def test_search(persona: Any, client_for: Any, wok: Any) -> None:
    secretariat = persona("secretariat")

    def make_rows(count: int) -> None:
        for _ in range(count):
            AssignmentFactory(unit=OrgUnitFactory(), created_by=secretariat, title="Remont szkoły")
            ContactFactory(name="Remontex sp. z o.o.", kind=Contact.Kind.COMPANY)

    assert_constant_queries(client_for(secretariat), reverse("office:search") + "?q=Remont", make_rows)
