"""The register of gifts given and received by the mayor and the deputies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Gift
from office.models import AuditEntry
from tests.factories import ContactFactory
from tests.patronage.factories import mayor
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db


def _gift(**fields: Any) -> Gift:
    values: dict[str, Any] = {
        "direction": "received",
        "holder": mayor(),
        "on": timezone.localdate() - dt.timedelta(days=3),
        "counterpart_name": "Delegacja miasta partnerskiego",
        "occasion": "Wizyta delegacji",
        "description": "Ręcznie malowany talerz",
        "value_band": "300",
    }
    values.update(fields)
    return Gift(**values)


def test_a_gift_needs_to_say_from_whom_or_to_whom(persona: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        services.save_gift(actor=persona("secretariat"), gift=_gift(counterpart_name="  "))
    assert "counterpart" in caught.value.message_dict
    known = services.save_gift(
        actor=persona("secretariat"), gift=_gift(counterpart_name="", counterpart=ContactFactory())
    )
    assert known.counterpart_label == known.counterpart.name
    assert AuditEntry.objects.of(known).get().action == "create"


def test_the_register_filters_prints_and_searches(persona: Any) -> None:
    secretary = persona("secretariat")
    plate = services.save_gift(actor=secretary, gift=_gift())
    services.save_gift(actor=secretary, gift=_gift(direction="given", description="Album o mieście"))
    client = client_for(persona("auditor"))
    text = page_text(fetch(client, "get", reverse("events:gift_list"), {"direction": "received"}))
    assert "Ręcznie malowany talerz" in text and "Album o mieście" not in text
    printed = page_text(fetch(client, "get", reverse("events:gift_print"), {"q": "album"}))
    assert "Album o mieście" in printed and "talerz" not in printed
    assert "Otrzymany" in page_text(fetch(client, "get", reverse("events:gift_detail", args=[plate.pk])))
    hits = page_text(fetch(client_for(secretary), "get", reverse("office:search"), {"q": "malowany"}))
    assert "Ręcznie malowany talerz" in hits
    assert fetch(client_for(persona("press_officer")), "get", reverse("events:gift_list")).status_code == 403


def test_the_form_keeps_what_was_typed(persona: Any) -> None:
    response = fetch(
        client_for(persona("secretariat")),
        "post",
        reverse("events:gift_create"),
        {
            "direction": "given",
            "holder": mayor().pk,
            "on": "2199-13-01",
            "occasion": "Jubileusz",
            "description": "Kosz kwiatów",
        },
    )
    assert response.status_code == 200 and "on" in response.context["form"].errors
    assert "Kosz kwiatów" in response.content.decode() and not Gift.objects.exists()


def test_the_contact_page_lists_the_gifts(persona: Any) -> None:
    giver = ContactFactory(name="Cech Rzemiosł Różnych")
    services.save_gift(actor=persona("secretariat"), gift=_gift(counterpart=giver, description="Medal Cechu"))
    page = page_text(
        fetch(client_for(persona("secretariat")), "get", reverse("office:contact_detail", args=[giver.pk]))
    )
    assert "Medal Cechu" in page
