"""The registers beside the applications and the public list: the same number of queries at any
number of rows."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from patronage import services
from patronage.models import Cooperation, HonoraryTitle
from tests.factories import ContactFactory
from tests.patronage.factories import granted_application
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db
COUNTER = itertools.count()


def test_the_titles(persona: Any) -> None:
    staff = persona("office_staff")

    def make(count: int) -> None:
        for _ in range(count):
            n = next(COUNTER)
            services.save_title(
                actor=staff,
                title=HonoraryTitle(kind="medal", nominee=ContactFactory(name=f"Kandydat {n}"), proposed_by="Klub"),
            )

    assert_constant_queries(client_for(persona("auditor")), reverse("patronage:title_list"), make)


def test_the_cooperations_with_their_juries(persona: Any) -> None:
    staff = persona("office_staff")
    day = timezone.localdate() - dt.timedelta(days=10)

    def make(count: int) -> None:
        for _ in range(count):
            n = next(COUNTER)
            services.save_cooperation(
                actor=staff,
                cooperation=Cooperation(
                    kind="competition", name=f"Konkurs {n}", partner=ContactFactory(), starts_on=day, ends_on=day
                ),
                jury=[ContactFactory(), ContactFactory()],
            )

    assert_constant_queries(client_for(persona("auditor")), reverse("patronage:cooperation_list"), make)


def test_the_public_list_of_granted_patronages(persona: Any) -> None:
    staff = persona("office_staff")

    def make(count: int) -> None:
        for _ in range(count):
            granted_application(staff, ContactFactory(name=f"Organizator {next(COUNTER)}", kind="ngo"))

    assert_constant_queries(client_for(None), reverse("patronage:public_granted"), make)
