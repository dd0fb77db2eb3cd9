"""The press office's demo data is made on top of other data too (the bench's outlets), once."""

from __future__ import annotations

from typing import Any

import pytest

from media_relations import demo
from media_relations.models import Inquiry, Outlet

pytestmark = pytest.mark.django_db


def test_the_demo_is_made_beside_other_outlets_and_only_once(persona: Any) -> None:
    Outlet.objects.create(name="Redakcja 001", kind="daily")
    demo.seed(persona("administrator"))
    assert Outlet.objects.filter(name=demo.OUTLETS[0][0]).exists()
    made = (Outlet.objects.count(), Inquiry.objects.count())
    assert made[1] > 0
    demo.seed(persona("administrator"))
    assert (Outlet.objects.count(), Inquiry.objects.count()) == made
