"""The register of gifts and its printed form: the same number of queries at any number of rows."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.urls import reverse

from events import services
from events.models import Gift
from tests.factories import ContactFactory
from tests.patronage.factories import mayor
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db
COUNTER = itertools.count()


@pytest.mark.parametrize("name", ["events:gift_list", "events:gift_print"])
def test_the_register_of_gifts(persona: Any, name: str) -> None:
    secretary = persona("secretariat")

    def make(count: int) -> None:
        for _ in range(count):
            n = next(COUNTER)
            services.save_gift(
                actor=secretary,
                gift=Gift(
                    direction="received",
                    holder=mayor(),
                    counterpart=ContactFactory(name=f"Gość {n}"),
                    occasion="Wizyta",
                    description=f"Upominek {n}",
                ),
            )

    assert_constant_queries(client_for(persona("auditor")), reverse(name), make)
