"""Translation orders (correspondence.services.translations, views/translations.py): what an order
may say, start, delivery with the translated file (date rules), cancelling with a reason, and the
pages and actions per persona with bad input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from correspondence.models import TranslationOrder, TranslationStatus
from correspondence.services import translations as services
from office.models import Attachment
from tests.correspondence.factories import TranslationOrderFactory
from tests.correspondence.permissions import EDITORS, READERS
from tests.factories import ContactFactory
from tests.personas import AUTHENTICATED
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db
S = TranslationStatus


def days(offset: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=offset)


def translation_file(name: str = "porozumienie-de.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, "Partnerschaftsabkommen zwischen den Städten.".encode(), "text/plain")


def order(actor: Any, **kwargs: Any) -> TranslationOrder:
    return TranslationOrderFactory(actor=actor, **kwargs)


# --- The services ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ordered_on": days(-2), "due_on": days(-3)}, "due_on"),
        ({"source_language": "Polski", "target_language": " polski "}, "target_language"),
    ],
)
def test_save_order_refuses(secretariat, changes, field):
    with pytest.raises(ValidationError) as caught:
        order(secretariat, **changes)
    assert set(caught.value.message_dict) == {field}
    assert not TranslationOrder.objects.exists()


def test_save_order_due_on_the_day_it_was_ordered(secretariat, management):
    saved = order(secretariat, ordered_on=days(-1), due_on=days(-1), source_language="angielski")
    assert (saved.status, saved.created_by, saved.is_open) == (S.ORDERED, secretariat, True)
    saved.notes = "Termin uzgodniony telefonicznie."
    changed = services.save_order(actor=management, order=saved)
    assert changed.created_by == secretariat  # a change keeps who ordered it


def test_start_deliver_with_the_file(secretariat):
    ordered = order(secretariat, ordered_on=days(-10), due_on=days(-1))
    started = services.start(actor=secretariat, order=ordered)
    assert started.status == S.IN_PROGRESS and started.overdue
    with pytest.raises(ValidationError):
        services.start(actor=secretariat, order=started)

    delivered = services.deliver(actor=secretariat, order=started, delivered_on=days(-2), file=translation_file())
    assert (delivered.status, delivered.delivered_on, delivered.is_open) == (S.DELIVERED, days(-2), False)
    attachment = Attachment.objects.get()
    assert attachment.object_id == delivered.pk and attachment.original_name == "porozumienie-de.txt"
    for move in (services.start, lambda **kw: services.cancel(reason="Za późno.", **kw)):
        with pytest.raises(ValidationError):
            move(actor=secretariat, order=delivered)


@pytest.mark.parametrize("delivered", ["tomorrow", "before ordered"])
def test_deliver_date_rules(secretariat, delivered):
    ordered = order(secretariat, ordered_on=days(-5), due_on=days(5))
    day = days(1) if delivered == "tomorrow" else days(-6)
    with pytest.raises(ValidationError) as caught:
        services.deliver(actor=secretariat, order=ordered, delivered_on=day, file=translation_file())
    assert "delivered_on" in caught.value.message_dict
    ordered.refresh_from_db()
    assert ordered.status == S.ORDERED and not Attachment.objects.exists()


def test_deliver_on_the_day_of_the_order_without_a_file(secretariat):
    ordered = order(secretariat, ordered_on=days(0), due_on=days(3))
    delivered = services.deliver(actor=secretariat, order=ordered, delivered_on=days(0))
    assert delivered.status == S.DELIVERED and not Attachment.objects.exists()


def test_cancel_needs_a_reason_and_keeps_it(secretariat):
    ordered = order(secretariat, notes="Tłumaczenie przysięgłe.")
    with pytest.raises(ValidationError) as caught:
        services.cancel(actor=secretariat, order=ordered, reason="  ")
    assert "reason" in caught.value.message_dict
    cancelled = services.cancel(actor=secretariat, order=ordered, reason="Delegacja odwołana.")
    cancelled.refresh_from_db()
    assert cancelled.status == S.CANCELLED and cancelled.notes == "Tłumaczenie przysięgłe.\nDelegacja odwołana."
    with pytest.raises(ValidationError):
        services.deliver(actor=secretariat, order=cancelled, delivered_on=days(0))


# --- The pages ----------------------------------------------------------------------------------------------


def test_pages_and_actions_per_persona(persona, secretariat):
    ordered = order(secretariat)
    pages = {
        reverse("correspondence:translation_list"): READERS,
        reverse("correspondence:translation_create"): EDITORS,
        reverse("correspondence:translation_detail", args=[ordered.pk]): READERS,
        reverse("correspondence:translation_edit", args=[ordered.pk]): EDITORS,
    }
    for url, allowed in pages.items():
        got = {key: fetch(client_for(persona(key)), "get", url).status_code for key in AUTHENTICATED}
        assert got == {key: 200 if key in allowed else 403 for key in AUTHENTICATED}, url
    others = [key for key in AUTHENTICATED if key not in EDITORS]
    actions = {"start": {}, "cancel": {"cancel-reason": "Niepotrzebne."}, "deliver": {"deliver-delivered_on": "x"}}
    for name, data in actions.items():
        url = reverse(f"correspondence:translation_{name}", args=[ordered.pk])
        assert {key: fetch(client_for(persona(key)), "post", url, data).status_code for key in others} == dict.fromkeys(
            others, 403
        ), name
    ordered.refresh_from_db()
    assert ordered.status == S.ORDERED


def _form(who: Any, **changes: Any) -> dict[str, Any]:
    return {
        "document": "List intencyjny w sprawie współpracy z miastem Lwów",
        "source_language": "polski",
        "target_language": "ukraiński",
        "translator": who.pk,
        "ordered_on": days(0).isoformat(),
        "due_on": days(7).isoformat(),
        "pages": "3.5",
        "sworn": "on",
        "notes": "Pilne – wizyta delegacji",
        **changes,
    }


def test_create_and_edit(secretariat):
    translator = ContactFactory(name="Olena Kowalenko, tłumacz przysięgły")
    client = client_for(secretariat)
    response = fetch(client, "post", reverse("correspondence:translation_create"), _form(translator))
    created = TranslationOrder.objects.get()
    detail = reverse("correspondence:translation_detail", args=[created.pk])
    assert response.status_code == 302 and response["Location"] == detail
    assert (created.target_language, str(created.pages), created.sworn) == ("ukraiński", "3.5", True)
    edit = reverse("correspondence:translation_edit", args=[created.pk])
    assert fetch(client, "post", edit, _form(translator, due_on=days(10).isoformat())).status_code == 302
    created.refresh_from_db()
    assert created.due_on == days(10) and created.created_by == secretariat
    services.cancel(actor=secretariat, order=created, reason="Wizyta odwołana.")
    assert fetch(client, "get", edit).status_code == 403  # a closed order is not changed


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"due_on": "yesterday"}, "due_on"),
        ({"target_language": "Polski"}, "target_language"),
        ({"translator": ""}, "translator"),
        ({"pages": "trzy"}, "pages"),
        ({"ordered_on": "2026-02-30"}, "ordered_on"),
        ({"letter": "987654"}, "letter"),
    ],
)
def test_create_with_bad_input(secretariat, changes, field):
    translator = ContactFactory(name="Olena Kowalenko")
    if changes.get("due_on") == "yesterday":
        changes = {"due_on": days(-1).isoformat()}
    response = fetch(
        client_for(secretariat), "post", reverse("correspondence:translation_create"), _form(translator, **changes)
    )
    assert response.status_code == 200 and field in response.context["form"].errors
    text = page_text(response)
    assert 'id="error-summary"' in text
    assert "List intencyjny w sprawie współpracy z miastem Lwów" in text and "Pilne – wizyta delegacji" in text
    assert not TranslationOrder.objects.exists()


def test_actions_through_the_pages(secretariat):
    ordered = order(secretariat, ordered_on=days(-3))
    client = client_for(secretariat)
    detail = reverse("correspondence:translation_detail", args=[ordered.pk])

    response = fetch(client, "post", reverse("correspondence:translation_start", args=[ordered.pk]))
    assert response.status_code == 302 and response["Location"] == detail and messages_of(response)
    again = fetch(client, "post", reverse("correspondence:translation_start", args=[ordered.pk]))
    assert again.status_code == 302 and messages_of(again)  # a form-less action: the reason as a message

    deliver = reverse("correspondence:translation_deliver", args=[ordered.pk])
    response = fetch(
        client, "post", deliver, {"deliver-delivered_on": days(0).isoformat(), "deliver-file": translation_file()}
    )
    assert response.status_code == 302
    ordered.refresh_from_db()
    assert ordered.status == S.DELIVERED and Attachment.objects.get().object_id == ordered.pk
    assert "porozumienie-de.txt" in page_text(fetch(client, "get", detail))


@pytest.mark.parametrize(
    ("name", "data", "field"),
    [
        ("deliver", {"deliver-delivered_on": "tomorrow"}, "delivered_on"),
        ("deliver", {"deliver-delivered_on": "wczoraj"}, "delivered_on"),
        ("deliver", {"deliver-delivered_on": "today", "deliver-file": "exe"}, "file"),
        ("cancel", {"cancel-reason": ""}, "reason"),
    ],
)
def test_actions_with_bad_input(secretariat, name, data, field):
    ordered = order(secretariat)
    values = {"tomorrow": days(1).isoformat(), "today": days(0).isoformat()}
    data = {key: values.get(value, value) for key, value in data.items()}
    if data.get("deliver-file") == "exe":
        data["deliver-file"] = SimpleUploadedFile("tlumaczenie.exe", b"MZ\x90\x00binary", "application/octet-stream")
    response = fetch(
        client_for(secretariat), "post", reverse(f"correspondence:translation_{name}", args=[ordered.pk]), data
    )
    assert response.status_code == 200
    form = response.context["failed_form"]
    assert field in form.errors
    text = page_text(response)
    assert 'id="error-summary"' in text and all(message in text for message in form.errors[field])
    if data.get("deliver-delivered_on") == "wczoraj":
        assert 'value="wczoraj"' in text
    ordered.refresh_from_db()
    assert ordered.status == S.ORDERED and not Attachment.objects.exists()


def test_the_list_filters(secretariat):
    order(secretariat, document="Umowa partnerska z Lipskiem", target_language="niemiecki")
    started = order(secretariat, document="Przemówienie na Dzień Europy", target_language="angielski")
    services.start(actor=secretariat, order=started)
    done = order(secretariat, document="Zaproszenie dla delegacji z Vilniusu", target_language="litewski")
    services.cancel(actor=secretariat, order=done, reason="Odwołane.")
    client = client_for(secretariat)
    url = reverse("correspondence:translation_list")

    def documents(**params: Any) -> set[str]:
        response = fetch(client, "get", url, params)
        assert response.status_code == 200
        return {row.document for row in response.context["page_obj"].object_list}

    assert len(documents()) == 3
    assert documents(open="on") == {"Umowa partnerska z Lipskiem", "Przemówienie na Dzień Europy"}
    assert documents(status="in_progress") == {"Przemówienie na Dzień Europy"}
    assert documents(q="litew") == {"Zaproszenie dla delegacji z Vilniusu"}
    assert documents(q="LIPSK") == {"Umowa partnerska z Lipskiem"}
    for garbage in ({"status": "zrobione"}, {"page": "999"}, {"q": "%_"}):
        assert fetch(client, "get", url, garbage).status_code == 200
