"""Residents' matters (correspondence.services.matters and views/matters.py): intake with the RODO
clause, forwarding to the competent unit, the reply (and the e-mail to the resident), closing
with the retention date, the removal of personal data after it, the monthly statistics, and the
pages and actions per persona with bad input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from correspondence.models import ANONYMISED, MatterStatus, ResidentMatter
from correspondence.services import matters as services
from office.models import Assignment, AssignmentStatus, AuditEntry
from tests.correspondence.factories import ResidentMatterFactory
from tests.correspondence.permissions import EDITORS, LIAISON, READERS
from tests.factories import ContactFactory, OfficeHolderFactory, OrgUnitFactory
from tests.personas import AUTHENTICATED
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


@pytest.fixture
def mayor(db: Any) -> Any:
    return OfficeHolderFactory(role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Wiśniewski")


def matter(actor: Any, mayor: Any, **kwargs: Any) -> ResidentMatter:
    return ResidentMatterFactory(actor=actor, principal=mayor, **kwargs)


# --- Intake -----------------------------------------------------------------------------------------


def _intake(actor: Any, mayor: Any, **changes: Any) -> dict[str, Any]:
    return {
        "actor": actor,
        "resident_name": "  Halina Kowalczyk ",
        "channel": "duty_hour",
        "subject": "Dziura w jezdni na ul. Kościuszki",
        "description": "Głęboka wyrwa przy przejściu dla pieszych.",
        "principal": mayor,
        "received_on": TODAY(),
        "rodo_clause_shown": True,
        "kind": "intervention",
        "email": "halina.kowalczyk@example.pl",
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"rodo_clause_shown": False}, "rodo_clause_shown"), ({"received_on": "tomorrow"}, "received_on")],
)
def test_register_refuses_without_the_clause_or_with_a_future_date(secretariat, mayor, changes, field):
    if changes.get("received_on") == "tomorrow":
        changes = {"received_on": TODAY() + dt.timedelta(days=1)}
    with pytest.raises(ValidationError) as caught:
        services.register_matter(**_intake(secretariat, mayor, **changes))
    assert set(caught.value.message_dict) == {field}
    assert not ResidentMatter.objects.exists()


def _monday_thirty_days_before_a_plain_wednesday() -> dt.date:
    """A Monday in the past whose 30th day after is a Wednesday on no Polish fixed holiday."""
    holidays = {(1, 1), (1, 6), (5, 1), (5, 3), (8, 15), (11, 1), (11, 11), (12, 24), (12, 25), (12, 26)}
    day = days_ago(40)
    day -= dt.timedelta(days=day.weekday())
    while ((day + dt.timedelta(days=30)).month, (day + dt.timedelta(days=30)).day) in holidays:
        day -= dt.timedelta(weeks=1)
    return day


def test_register_sets_the_deadline_and_writes_the_trail(secretariat, mayor):
    received = _monday_thirty_days_before_a_plain_wednesday()
    matter = services.register_matter(**_intake(secretariat, mayor, received_on=received))

    assert matter.resident_name == "Halina Kowalczyk" and matter.status == MatterStatus.NEW
    assert matter.due_on == received + dt.timedelta(days=30)
    assert matter.deadline_rule == "resident_intervention" and matter.deadline_basis
    assert matter.created_by == secretariat and matter.rodo_clause_shown
    assert AuditEntry.objects.of(matter).filter(action="create").count() == 1


# --- Forward, reply, close ---------------------------------------------------------------------------


def test_forward_hands_the_matter_to_the_unit(secretariat, mayor, wok):
    registered = matter(secretariat, mayor, received_on=days_ago(40))
    forwarded = services.forward(actor=secretariat, matter=registered, unit=wok, instruction="Proszę o naprawę.")

    assignment = Assignment.objects.get()
    assert (forwarded.status, forwarded.unit, forwarded.assignment) == (MatterStatus.FORWARDED, wok, assignment)
    assert (assignment.unit, assignment.status, assignment.description) == (wok, "new", "Proszę o naprawę.")
    assert assignment.source_id == registered.pk and assignment.source_label == registered.subject
    assert assignment.source_url == reverse("correspondence:matter_detail", args=[registered.pk])
    assert assignment.due_date == TODAY()  # the resident's deadline has passed: due today, not in the past
    with pytest.raises(ValidationError):
        services.forward(actor=secretariat, matter=forwarded, unit=wok)
    assert Assignment.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"text": "  "}, "text"),
        ({"replied_on": "before"}, "replied_on"),
        ({"replied_on": "tomorrow"}, "replied_on"),
        ({"channel": "email", "no_email": True}, "channel"),
    ],
)
def test_reply_rules(secretariat, mayor, changes, field):
    registered = matter(secretariat, mayor, received_on=days_ago(5), email="" if changes.get("no_email") else "a@b.pl")
    kwargs = {"text": "Wyrwę załatano.", "channel": "phone", "replied_on": TODAY()}
    kwargs.update({k: v for k, v in changes.items() if k != "no_email"})
    if kwargs["replied_on"] == "before":
        kwargs["replied_on"] = days_ago(6)
    elif kwargs["replied_on"] == "tomorrow":
        kwargs["replied_on"] = TODAY() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        services.reply(actor=secretariat, matter=registered, **kwargs)
    assert set(caught.value.message_dict) == {field}
    registered.refresh_from_db()
    assert registered.status == MatterStatus.NEW and not registered.reply_text


def test_reply_by_email_is_sent_to_the_resident(secretariat, mayor, wok, django_capture_on_commit_callbacks):
    forwarded = matter(secretariat, mayor, forwarded_to=wok, received_on=days_ago(3), email="h.nowak@example.pl")
    with django_capture_on_commit_callbacks(execute=True):
        answered = services.reply(
            actor=secretariat, matter=forwarded, text="Wyrwa zostanie załatana do piątku.", channel="email",
            replied_on=TODAY(),
        )  # fmt: skip

    assert answered.status == MatterStatus.ANSWERED and answered.replied_on == TODAY()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["h.nowak@example.pl"] and message.body == "Wyrwa zostanie załatana do piątku."
    assert forwarded.subject in message.subject
    assert Assignment.objects.get().status == AssignmentStatus.CLOSED
    with django_capture_on_commit_callbacks(execute=True):
        services.close(actor=secretariat, matter=answered)  # no note needed once answered
    assert len(mail.outbox) == 1


def test_reply_by_phone_sends_nothing(secretariat, mayor, django_capture_on_commit_callbacks):
    registered = matter(secretariat, mayor)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(actor=secretariat, matter=registered, text="Przekazano telefonicznie.", channel="phone",
                       replied_on=TODAY())  # fmt: skip
    assert mail.outbox == []


def test_close_needs_a_note_unless_answered_and_sets_the_retention(secretariat, mayor, wok):
    forwarded = matter(secretariat, mayor, forwarded_to=wok)
    with pytest.raises(ValidationError) as caught:
        services.close(actor=secretariat, matter=forwarded, note="  ")
    assert "note" in caught.value.message_dict

    closed = services.close(actor=secretariat, matter=forwarded, note="Mieszkanka wycofała zgłoszenie.")
    assert closed.status == MatterStatus.CLOSED and closed.closed_on == TODAY()
    assert closed.retain_until == dt.date(TODAY().year + 5, 12, 31)
    assert Assignment.objects.get().status == AssignmentStatus.CLOSED
    assert AuditEntry.objects.of(closed).filter(message="Mieszkanka wycofała zgłoszenie.").exists()
    with pytest.raises(ValidationError):
        services.close(actor=secretariat, matter=closed, note="Jeszcze raz.")


@pytest.mark.parametrize(
    ("closed_on", "expected"),
    [
        (dt.date(2026, 1, 1), dt.date(2031, 12, 31)),
        (dt.date(2026, 12, 31), dt.date(2031, 12, 31)),
        (dt.date(2024, 2, 29), dt.date(2029, 12, 31)),
    ],
)
def test_retain_until_is_the_end_of_the_fifth_full_year(closed_on, expected):
    assert services.retain_until(closed_on) == expected


# --- Personal data after the retention --------------------------------------------------------------------


def test_anonymise_expired_removes_the_personal_data_once(secretariat, mayor):
    contact = ContactFactory(name="Halina Kowalczyk")
    old = matter(
        secretariat, mayor, resident_name="Halina Kowalczyk", phone="600 100 200", address="ul. Lipowa 3",
        location="ul. Lipowa", contact=contact,
    )  # fmt: skip
    services.reply(actor=secretariat, matter=old, text="Naprawiono.", channel="phone", replied_on=TODAY())
    old = services.close(actor=secretariat, matter=old)
    kept = services.close(actor=secretariat, matter=matter(secretariat, mayor), note="Bez odpowiedzi.")
    ResidentMatter.objects.filter(pk=kept.pk).update(retain_until=old.retain_until + dt.timedelta(days=1))

    assert services.anonymise_expired(today=old.retain_until) == 0  # kept until the end of that day
    assert services.anonymise_expired(today=old.retain_until + dt.timedelta(days=1)) == 1

    old.refresh_from_db()
    assert old.resident_name == ANONYMISED and old.is_anonymised and old.contact is None
    for name in ("email", "phone", "address", "description", "reply_text", "location"):
        assert getattr(old, name) == "", name
    assert (old.subject, old.status) == ("Zepsuta latarnia przy ul. Polnej", MatterStatus.CLOSED)
    entry = AuditEntry.objects.of(old).filter(action="action").get()
    assert entry.actor is None and "retention" in entry.message
    kept.refresh_from_db()
    assert not kept.is_anonymised and kept.resident_name != ANONYMISED

    assert services.anonymise_expired(today=old.retain_until + dt.timedelta(days=30)) == 1  # only the other one
    assert AuditEntry.objects.of(old).filter(action="action").count() == 1


# --- Statistics ---------------------------------------------------------------------------------------------


def test_monthly_statistics_by_unit_kind_channel_and_timeliness(secretariat, mayor, wok, win):
    first = (TODAY().replace(day=1) - dt.timedelta(days=70)).replace(day=1)
    other_month = matter(secretariat, mayor, received_on=first - dt.timedelta(days=1))
    on_time = matter(secretariat, mayor, forwarded_to=wok, received_on=first, kind="complaint", channel="email")
    services.reply(actor=secretariat, matter=on_time, text="Odpowiedź.", channel="letter", replied_on=first)
    late = matter(secretariat, mayor, forwarded_to=wok, received_on=first + dt.timedelta(days=1))
    services.reply(
        actor=secretariat, matter=late, text="Odp.", channel="letter", replied_on=late.due_on + dt.timedelta(1)
    )
    overdue = matter(secretariat, mayor, forwarded_to=win, received_on=first + dt.timedelta(days=2))
    matter(secretariat, mayor, received_on=first + dt.timedelta(days=3), kind="question", channel="phone")
    assert overdue.due_on < TODAY() and other_month.received_on.month != first.month

    stats = services.monthly_statistics(first.year, first.month)

    assert stats["totals"] == {"total": 4, "on_time": 1, "late": 3}
    by_unit = {row["unit__symbol"]: (row["total"], row["on_time"], row["late"]) for row in stats["by_unit"]}
    assert by_unit == {"WOK": (2, 1, 1), "WIN": (1, 0, 1), None: (1, 0, 1)}
    assert stats["by_unit"][0]["unit__symbol"] == "WOK"  # the most matters first
    assert {row["kind"]: row["total"] for row in stats["by_kind"]} == {"intervention": 2, "complaint": 1, "question": 1}
    assert {row["channel"]: row["total"] for row in stats["by_channel"]} == {"phone": 3, "email": 1}
    assert all(row["label"] for row in stats["by_kind"] + stats["by_channel"])


# --- The pages per persona ----------------------------------------------------------------------------


def test_pages_per_persona(persona, secretariat, mayor, wok):
    forwarded = matter(secretariat, mayor, forwarded_to=wok)
    hidden = matter(secretariat, mayor)  # not forwarded: no unit sees it
    pages = {
        reverse("correspondence:matter_list"): {k: 200 if k in READERS else 403 for k in AUTHENTICATED},
        reverse("correspondence:matter_statistics"): {k: 200 if k in READERS else 403 for k in AUTHENTICATED},
        reverse("correspondence:matter_create"): {k: 200 if k in EDITORS else 403 for k in AUTHENTICATED},
        reverse("correspondence:matter_detail", args=[forwarded.pk]): {
            k: 200 if k in READERS | LIAISON else 404 for k in AUTHENTICATED
        },
        reverse("correspondence:matter_detail", args=[hidden.pk]): {
            k: 200 if k in READERS else 404 for k in AUTHENTICATED
        },
        reverse("correspondence:matter_edit", args=[forwarded.pk]): {
            k: 200 if k in EDITORS else 403 if k in READERS | LIAISON else 404 for k in AUTHENTICATED
        },
    }
    for url, expected in pages.items():
        assert {k: fetch(client_for(persona(k)), "get", url).status_code for k in AUTHENTICATED} == expected, url
    assert fetch(client_for(None), "get", reverse("correspondence:matter_list")).status_code == 302


def _form(mayor: Any, **changes: Any) -> dict[str, Any]:
    return {
        "resident_name": "Tadeusz Żmuda",
        "email": "t.zmuda@example.pl",
        "phone": "601 202 303",
        "address": "ul. Wąska 7, Miasto Przykładowo",
        "kind": "intervention",
        "channel": "phone",
        "received_on": TODAY().isoformat(),
        "principal": mayor.pk,
        "subject": "Nieodśnieżony chodnik przy szkole",
        "description": "Chodnik przy SP nr 3 nie jest odśnieżany od tygodnia.",
        "location": "ul. Szkolna",
        "rodo_clause_shown": "on",
        **changes,
    }


def test_matter_create_registers_and_goes_to_the_matter(secretariat, mayor):
    response = fetch(client_for(secretariat), "post", reverse("correspondence:matter_create"), _form(mayor))
    created = ResidentMatter.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "correspondence:matter_detail", args=[created.pk]
    )
    assert (created.resident_name, created.created_by, created.status) == ("Tadeusz Żmuda", secretariat, "new")
    assert created.due_on > created.received_on


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rodo_clause_shown": ""}, "rodo_clause_shown"),
        ({"received_on": "tomorrow"}, "received_on"),
        ({"received_on": "30.02.2026"}, "received_on"),
        ({"received_on": "0001-01-01"}, "received_on"),
        ({"email": "t.zmuda(at)example"}, "email"),
        ({"principal": "999999"}, "principal"),
    ],
)
def test_matter_create_with_bad_input(secretariat, mayor, changes, field):
    if changes.get("received_on") == "tomorrow":
        changes = {"received_on": (TODAY() + dt.timedelta(days=1)).isoformat()}
    response = fetch(client_for(secretariat), "post", reverse("correspondence:matter_create"), _form(mayor, **changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    text = page_text(response)
    assert 'id="error-summary"' in text and all(message in text for message in form.errors[field])
    assert "Tadeusz Żmuda" in text and "Chodnik przy SP nr 3 nie jest odśnieżany od tygodnia." in text
    assert not ResidentMatter.objects.exists()


def test_matter_edit_saves_and_an_anonymised_matter_is_not_edited(secretariat, mayor):
    registered = matter(secretariat, mayor)
    url = reverse("correspondence:matter_edit", args=[registered.pk])
    response = fetch(client_for(secretariat), "post", url, _form(mayor, subject="Nieodśnieżony chodnik – ponownie"))
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.subject == "Nieodśnieżony chodnik – ponownie"
    ResidentMatter.objects.filter(pk=registered.pk).update(anonymised_at=timezone.now())
    assert fetch(client_for(secretariat), "get", url).status_code == 403
    detail = fetch(client_for(secretariat), "get", reverse("correspondence:matter_detail", args=[registered.pk]))
    assert detail.status_code == 200 and url not in page_text(detail)


# --- The actions ------------------------------------------------------------------------------------------


def _action(name: str, subject: ResidentMatter) -> str:
    return reverse(f"correspondence:matter_{name}", args=[subject.pk])


def test_actions_per_persona(persona, secretariat, mayor, wok):
    forwarded = matter(secretariat, mayor, forwarded_to=wok)
    expected = {k: 403 if k in READERS | LIAISON else 404 for k in AUTHENTICATED if k not in EDITORS}
    for name, data in [("close", {"close-note": "Wycofane."}), ("forward", {"forward-unit": wok.pk})]:
        got = {k: fetch(client_for(persona(k)), "post", _action(name, forwarded), data).status_code for k in expected}
        assert got == expected, name
        assert fetch(client_for(secretariat), "get", _action(name, forwarded)).status_code == 405
    forwarded.refresh_from_db()
    assert forwarded.status == MatterStatus.FORWARDED
    for key in sorted(EDITORS):
        fresh = matter(persona(key), mayor)
        response = fetch(client_for(persona(key)), "post", _action("forward", fresh), {"forward-unit": wok.pk})
        assert response.status_code == 302 and response["Location"] == _action("detail", fresh), key
        assert messages_of(response)


@pytest.mark.parametrize(
    ("name", "data", "field", "typed"),
    [
        ("forward", {"forward-unit": "abc", "forward-instruction": "Pilne – szkoła"}, "unit", "Pilne – szkoła"),
        ("reply", {"reply-text": "Odśnieżono.", "reply-channel": "email", "reply-replied_on": "today"},
         "channel", None),
        ("reply", {"reply-text": "Odśnieżono.", "reply-channel": "phone", "reply-replied_on": "2199-13-01"},
         "replied_on", None),
        ("reply", {"reply-text": "Odśnieżono.", "reply-channel": "fax", "reply-replied_on": "today"}, "channel", None),
        ("close", {"close-note": ""}, "note", None),
        ("close", {"close-note": "x" * 501}, "note", None),
    ],
)  # fmt: skip
def test_action_with_bad_input_shows_the_error_and_keeps_the_input(secretariat, mayor, name, data, field, typed):
    registered = matter(secretariat, mayor, email="")
    data = {key: TODAY().isoformat() if value == "today" else value for key, value in data.items()}
    response = fetch(client_for(secretariat), "post", _action(name, registered), data)
    assert response.status_code == 200
    form = response.context["failed_form"]
    assert field in form.errors, form.errors
    text = page_text(response)
    assert 'id="error-summary"' in text and all(message in text for message in form.errors[field])
    for value in [typed or "", data.get("reply-text", "")]:
        assert value in text
    registered.refresh_from_db()
    assert registered.status == MatterStatus.NEW and not Assignment.objects.exists()


def test_reply_and_close_through_the_pages(secretariat, mayor, wok, django_capture_on_commit_callbacks):
    forwarded = matter(secretariat, mayor, forwarded_to=wok, email="t.zmuda@example.pl")
    client = client_for(secretariat)
    data = {"reply-text": "Chodnik odśnieżono.", "reply-channel": "email", "reply-replied_on": TODAY().isoformat()}
    with django_capture_on_commit_callbacks(execute=True):
        assert fetch(client, "post", _action("reply", forwarded), data).status_code == 302
    assert [m.to for m in mail.outbox] == [["t.zmuda@example.pl"]]
    assert fetch(client, "post", _action("close", forwarded), {"close-note": ""}).status_code == 302
    forwarded.refresh_from_db()
    assert forwarded.status == MatterStatus.CLOSED and forwarded.retain_until == dt.date(TODAY().year + 5, 12, 31)
    page = page_text(fetch(client, "get", _action("detail", forwarded)))
    assert "Chodnik odśnieżono." in page and _action("close", forwarded) not in page


# --- Statistics page -------------------------------------------------------------------------------------


MONTHS = ["", "abc", "2026-13", "2026-00", "2026", "2026-1-1", "-5-1", "0001-01", "1800-01", "1800-02", "2199-12",
          "9999-12", "10000-01", "2026-01-01T00", "9" * 5000]  # fmt: skip


def test_statistics_page_survives_any_month(secretariat):
    client = client_for(secretariat)
    url = reverse("correspondence:matter_statistics")
    got = {month[:20]: fetch(client, "get", url, {"month": month}).status_code for month in MONTHS}
    assert got == {month[:20]: 200 for month in MONTHS}


def test_statistics_page_shows_the_month_asked_for(secretariat, mayor, wok):
    first = (TODAY().replace(day=1) - dt.timedelta(days=40)).replace(day=1)
    for _ in range(3):
        matter(secretariat, mayor, forwarded_to=wok, received_on=first + dt.timedelta(days=2))
    OrgUnitFactory(symbol="WKS", name="Wydział Kultury i Sportu")
    url = reverse("correspondence:matter_statistics")
    response = fetch(client_for(secretariat), "get", url, {"month": first.strftime("%Y-%m")})
    assert response.context["totals"]["total"] == 3 and response.context["first"] == first
    assert "WOK" in page_text(response) and "WKS" not in page_text(response)
    assert fetch(client_for(secretariat), "get", url).context["totals"]["total"] == 0  # this month: none
