"""The visitor log and paper documents (correspondence.services.visitors, views/visitors.py): a
visit saved, the arrival with a badge, the departure (the badge back, never before arriving), the
log of a day (today unless asked) filtered by host and name; a document registered to its holder,
handed over (the move recorded, the holder changed) and archived; the pages per persona and bad
input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from correspondence.models import Handover, PaperDocument, Visit
from correspondence.services import visitors as services
from tests.correspondence.factories import PaperDocumentFactory, VisitFactory
from tests.correspondence.permissions import EDITORS, READERS
from tests.factories import OfficeHolderFactory
from tests.personas import AUTHENTICATED
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


TODAY = timezone.localdate


@pytest.fixture
def mayor(db: Any) -> Any:
    return OfficeHolderFactory(role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Wiśniewski")


@pytest.fixture
def deputy(db: Any) -> Any:
    return OfficeHolderFactory(first_name="Joanna", last_name="Kaczmarczyk", title="Zastępca Prezydenta Miasta")


# --- Visits -----------------------------------------------------------------------------------------------


def test_save_visit_records_who_registered_it(secretariat, mayor):
    visit = VisitFactory(actor=secretariat, host=mayor, visitor_name="Jerzy Ćwik", expected_at=at(TODAY(), 11))
    assert visit.created_by == secretariat and not visit.has_arrived
    with pytest.raises(ValidationError) as caught:
        early = Visit(visitor_name="X", host=mayor, purpose="Y", expected_at=at(TODAY()), left_at=at(TODAY(), 12))
        services.save_visit(actor=secretariat, visit=early)
    assert "left_at" in caught.value.message_dict
    visit.arrived_at, visit.left_at = at(TODAY(), 12), at(TODAY(), 11)
    with pytest.raises(ValidationError) as caught:
        services.save_visit(actor=secretariat, visit=visit)
    assert "left_at" in caught.value.message_dict


def test_arrive_and_leave_with_a_badge(secretariat, mayor):
    visit = VisitFactory(actor=secretariat, host=mayor)
    with pytest.raises(ValidationError):
        services.leave(actor=secretariat, visit=visit, badge_returned=False)  # not arrived yet

    arrived = services.arrive(actor=secretariat, visit=visit, badge_number=" G-17 ", at=at(TODAY(), 9, 55))
    assert (arrived.badge_number, arrived.arrived_at, arrived.is_inside) == ("G-17", at(TODAY(), 9, 55), True)
    assert arrived.badge_outstanding
    with pytest.raises(ValidationError):
        services.arrive(actor=secretariat, visit=arrived, badge_number="G-18")

    with pytest.raises(ValidationError) as caught:
        services.leave(actor=secretariat, visit=arrived, badge_returned=False)
    assert "badge_returned" in caught.value.message_dict
    left = services.leave(actor=secretariat, visit=arrived, badge_returned=True, at=at(TODAY(), 10, 40))
    assert (left.has_left, left.badge_returned, left.badge_outstanding) == (True, True, False)
    with pytest.raises(ValidationError):
        services.leave(actor=secretariat, visit=left, badge_returned=True)


def test_leave_without_a_badge_needs_nothing_back(secretariat, mayor):
    visit = services.arrive(actor=secretariat, visit=VisitFactory(actor=secretariat, host=mayor))
    left = services.leave(actor=secretariat, visit=visit, badge_returned=False)
    assert left.has_left and not left.badge_returned and not left.badge_outstanding


def test_the_log_shows_today_unless_asked_and_filters(secretariat, mayor, deputy):
    today, yesterday = TODAY(), TODAY() - dt.timedelta(days=1)
    VisitFactory(actor=secretariat, host=mayor, visitor_name="Irena Dziekońska", expected_at=at(today, 9))
    VisitFactory(actor=secretariat, host=deputy, visitor_name="Paweł Łasica", organisation="Rada Osiedla Zachód",
                 expected_at=at(today, 13))  # fmt: skip
    VisitFactory(actor=secretariat, host=mayor, visitor_name="Wczorajszy Gość", expected_at=at(yesterday, 12))
    VisitFactory(actor=secretariat, host=mayor, visitor_name="Jutrzejszy Gość", expected_at=at(today + dt.timedelta(1)))
    client = client_for(secretariat)
    url = reverse("correspondence:visit_list")

    def names(**params: Any) -> list[str]:
        response = fetch(client, "get", url, params)
        assert response.status_code == 200
        return [visit.visitor_name for visit in response.context["page_obj"].object_list]

    assert names() == ["Irena Dziekońska", "Paweł Łasica"]
    assert names(day=yesterday.isoformat()) == ["Wczorajszy Gość"]
    assert names(host=deputy.pk) == ["Paweł Łasica"]  # today's, of that host
    assert names(q="osiedla") == ["Paweł Łasica"]
    assert names(q="irena") == ["Irena Dziekońska"]
    assert names(day=yesterday.isoformat(), host=deputy.pk) == []
    for garbage in ({"day": "wczoraj"}, {"day": "99999-01-01"}, {"host": "abc"}, {"page": "-1"}):
        assert fetch(client, "get", url, garbage).status_code == 200


def test_visit_pages_per_persona(persona, secretariat, mayor):
    visit = VisitFactory(actor=secretariat, host=mayor)
    pages = {
        reverse("correspondence:visit_list"): READERS,
        reverse("correspondence:visit_create"): EDITORS,
        reverse("correspondence:visit_edit", args=[visit.pk]): EDITORS,
    }
    for url, allowed in pages.items():
        got = {key: fetch(client_for(persona(key)), "get", url).status_code for key in AUTHENTICATED}
        assert got == {key: 200 if key in allowed else 403 for key in AUTHENTICATED}, url
    for name in ("arrive", "leave"):
        url = reverse(f"correspondence:visit_{name}", args=[visit.pk])
        got = {key: fetch(client_for(persona(key)), "post", url).status_code for key in AUTHENTICATED}
        assert got == {key: 403 for key in AUTHENTICATED if key not in EDITORS} | {key: got[key] for key in EDITORS}
    visit.refresh_from_db()
    assert visit.has_arrived  # an editor recorded it; no one else changed anything


def _visit_form(holder: Any, **changes: Any) -> dict[str, Any]:
    return {
        "visitor_name": "Krystyna Żebrowska",
        "organisation": "Uniwersytet Trzeciego Wieku",
        "host": holder.pk,
        "expected_at": f"{TODAY().isoformat()}T14:30",
        "purpose": "Zaproszenie na inaugurację roku akademickiego",
        **changes,
    }


def test_visit_create_saves_and_goes_to_the_day(secretariat, mayor):
    response = fetch(client_for(secretariat), "post", reverse("correspondence:visit_create"), _visit_form(mayor))
    visit = Visit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("correspondence:visit_list") + f"?day={TODAY().isoformat()}"
    assert visit.expected_at == at(TODAY(), 14, 30) and visit.created_by == secretariat


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"expected_at": "jutro o 14"}, "expected_at"),
        ({"expected_at": "0001-01-01T10:00"}, "expected_at"),
        ({"host": ""}, "host"),
        ({"purpose": ""}, "purpose"),
    ],
)
def test_visit_create_with_bad_input(secretariat, mayor, changes, field):
    response = fetch(
        client_for(secretariat), "post", reverse("correspondence:visit_create"), _visit_form(mayor, **changes)
    )
    assert response.status_code == 200 and field in response.context["form"].errors
    text = page_text(response)
    assert 'id="error-summary"' in text and "Krystyna Żebrowska" in text and "Uniwersytet Trzeciego Wieku" in text
    assert not Visit.objects.exists()


def test_arrive_and_leave_through_the_log(secretariat, mayor):
    visit = VisitFactory(actor=secretariat, host=mayor, visitor_name="Marian Źrebiec")
    client = client_for(secretariat)
    day_url = reverse("correspondence:visit_list") + f"?day={timezone.localtime(visit.expected_at).date()}"

    arrive = reverse("correspondence:visit_arrive", args=[visit.pk])
    response = fetch(client, "post", arrive, {f"arrive-{visit.pk}-badge_number": "G-5"})
    assert response.status_code == 302 and response["Location"] == day_url and messages_of(response)
    assert "G-5" in page_text(fetch(client, "get", day_url))

    leave = reverse("correspondence:visit_leave", args=[visit.pk])
    refused = fetch(client, "post", leave, {})
    assert refused.status_code == 200
    assert "badge_returned" in refused.context["failed_form"].errors
    assert 'id="error-summary"' in page_text(refused) and "Marian Źrebiec" in page_text(refused)
    visit.refresh_from_db()
    assert visit.is_inside

    response = fetch(client, "post", leave, {f"leave-{visit.pk}-badge_returned": "on"})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.has_left and visit.badge_returned
    again = fetch(client, "post", leave, {f"leave-{visit.pk}-badge_returned": "on"})
    assert again.status_code == 200 and again.context["failed_form"].non_field_errors()


def test_arriving_twice_through_the_log_is_refused(secretariat, mayor):
    visit = services.arrive(actor=secretariat, visit=VisitFactory(actor=secretariat, host=mayor), badge_number="G-1")
    url = reverse("correspondence:visit_arrive", args=[visit.pk])
    response = fetch(client_for(secretariat), "post", url, {f"arrive-{visit.pk}-badge_number": "G-2"})
    assert response.status_code == 200 and response.context["failed_form"].non_field_errors()
    assert "G-2" in page_text(response)
    visit.refresh_from_db()
    assert visit.badge_number == "G-1"


# --- Paper documents ---------------------------------------------------------------------------------------


def test_documents_move_between_desks(secretariat, management, wok, liaison):
    document = PaperDocumentFactory(actor=secretariat, title="Umowa dotacyjna nr 12/2026 – oryginał")
    assert (document.holder, document.created_by, document.is_archived) == (secretariat, secretariat, False)

    first = services.hand_document(actor=secretariat, document=document, to_user=management, note=" do podpisu ")
    document.refresh_from_db()
    assert (first.from_user, first.to_user, first.to_unit, first.note) == (secretariat, management, None, "do podpisu")
    assert first.recorded_by == secretariat and document.holder == management and document.held_since == first.at

    second = services.hand_document(actor=secretariat, document=document, to_user=liaison)
    document.refresh_from_db()
    assert (second.from_user, second.to_unit, document.holder, document.holder_unit) == (management, wok, liaison, wok)

    third = services.hand_document(actor=secretariat, document=document, to_unit=wok)
    document.refresh_from_db()
    assert (third.from_user, third.to_user, document.holder, document.holder_unit) == (liaison, None, None, wok)
    assert list(document.handovers.values_list("pk", flat=True)) == [first.pk, second.pk, third.pk]


@pytest.mark.parametrize("case", ["nobody", "same holder", "archived"])
def test_hand_document_refuses(secretariat, case):
    document = PaperDocumentFactory(actor=secretariat)
    target = {"nobody": {}, "same holder": {"to_user": secretariat}, "archived": {"to_user": secretariat}}[case]
    if case == "archived":
        document = services.archive_document(actor=secretariat, document=document)
        assert document.is_archived and document.holder is None
    with pytest.raises(ValidationError):
        services.hand_document(actor=secretariat, document=document, **target)
    assert not Handover.objects.exists()


def test_document_pages_per_persona(persona, secretariat, management):
    document = PaperDocumentFactory(actor=secretariat)
    pages = {
        reverse("correspondence:document_list"): READERS,
        reverse("correspondence:document_create"): EDITORS,
        reverse("correspondence:document_detail", args=[document.pk]): READERS,
    }
    for url, allowed in pages.items():
        got = {key: fetch(client_for(persona(key)), "get", url).status_code for key in AUTHENTICATED}
        assert got == {key: 200 if key in allowed else 403 for key in AUTHENTICATED}, url
    hand = reverse("correspondence:document_hand", args=[document.pk])
    others = [key for key in AUTHENTICATED if key not in EDITORS]
    got = {
        key: fetch(client_for(persona(key)), "post", hand, {"hand-to_user": management.pk}).status_code
        for key in others
    }
    assert got == dict.fromkeys(others, 403)
    assert not Handover.objects.exists()


def test_register_hand_over_and_archive_through_the_pages(secretariat, management):
    client = client_for(secretariat)
    response = fetch(client, "post", reverse("correspondence:document_create"), {"title": "Akt notarialny – oryginał"})
    document = PaperDocument.objects.get()
    detail = reverse("correspondence:document_detail", args=[document.pk])
    assert response.status_code == 302 and response["Location"] == detail and document.holder == secretariat

    hand = reverse("correspondence:document_hand", args=[document.pk])
    data = {"hand-to_user": management.pk, "hand-note": "Do podpisu przez Prezydenta"}
    assert fetch(client, "post", hand, data).status_code == 302
    page = page_text(fetch(client, "get", detail))
    assert "Do podpisu przez Prezydenta" in page and management.get_full_name() in page

    response = fetch(client, "post", reverse("correspondence:document_archive", args=[document.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.is_archived and document.holder is None
    refused = fetch(client, "post", hand, {"hand-to_user": secretariat.pk, "hand-note": "Wypożyczenie z archiwum"})
    assert refused.status_code == 200 and refused.context["failed_form"].non_field_errors()
    assert "Wypożyczenie z archiwum" in page_text(refused)
    assert Handover.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"hand-note": "Bez adresata"}, "to_user"),
        ({"hand-to_user": "abc", "hand-note": "Bez adresata"}, "to_user"),
        ({"hand-to_unit": "999999", "hand-note": "Bez adresata"}, "to_unit"),
    ],
)
def test_hand_over_with_bad_input(secretariat, data, field):
    document = PaperDocumentFactory(actor=secretariat)
    url = reverse("correspondence:document_hand", args=[document.pk])
    response = fetch(client_for(secretariat), "post", url, data)
    assert response.status_code == 200 and field in response.context["failed_form"].errors
    text = page_text(response)
    assert 'id="error-summary"' in text and "Bez adresata" in text
    assert not Handover.objects.exists()


def test_document_create_with_bad_input(secretariat):
    response = fetch(client_for(secretariat), "post", reverse("correspondence:document_create"), {"letter": "987654"})
    form = response.context["form"]
    assert response.status_code == 200 and {"title", "letter"} <= set(form.errors)
    assert not PaperDocument.objects.exists()
