"""The council's demo data: a term of 23 councillors, twelve sessions, interpellations in every
state; seeding twice adds nothing."""

from __future__ import annotations

from typing import Any

import pytest

from office.council.models import Councillor, Interpellation, InterpellationStatus, Session

pytestmark = pytest.mark.django_db


def test_demo_office_has_the_council(django_user_model: Any) -> None:
    from office import demo

    demo.seed()
    assert Councillor.objects.count() == 23
    assert Session.objects.count() == 12
    statuses = set(Interpellation.objects.values_list("status", flat=True))
    assert statuses >= {
        InterpellationStatus.ANSWERED,
        InterpellationStatus.FOR_APPROVAL,
        InterpellationStatus.IN_PREPARATION,
    }
    count = Interpellation.objects.count()
    demo.seed()
    assert Interpellation.objects.count() == count
