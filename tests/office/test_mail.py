"""E-mail: the daily digest (once per user per day, only with content, HTML and text, in the
user's language) and the deadline reminders (once per assignment per day)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from office import tasks
from office.models import AssignmentEvent, AssignmentStatus, DigestDelivery
from office.services import mail
from tests.factories import AssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db
S = AssignmentStatus
TODAY = timezone.localdate


def _days(n: int) -> dt.date:
    return TODAY() + dt.timedelta(days=n)


def _html(message: Any) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


# --- Daily digest ------------------------------------------------------------------------------


def test_the_digest_of_a_liaison(persona: Any, wok: Any, mailoutbox: list) -> None:
    liaison, secretariat = persona("unit_liaison"), persona("secretariat")
    AssignmentFactory(unit=wok, created_by=secretariat, title="Zaległa opinia", due_date=_days(-2))
    AssignmentFactory(unit=wok, created_by=secretariat, title="Przygotowanie sali", due_date=_days(4))
    AssignmentFactory(unit=wok, created_by=secretariat, title="Sprawa zamknięta", status=S.CLOSED)
    assert mail.send_daily_digest(user_id=liaison.pk, day=TODAY()) is True
    [message] = mailoutbox
    assert message.to == [liaison.email]
    for part in (message.body, _html(message)):
        assert "Zaległa opinia" in part and "Przygotowanie sali" in part
        assert "Sprawa zamknięta" not in part
    assert "<html" in _html(message) and "<html" not in message.body
    assert DigestDelivery.objects.filter(user=liaison, day=TODAY()).count() == 1


def test_one_digest_per_user_per_day(persona: Any, wok: Any, mailoutbox: list) -> None:
    liaison = persona("unit_liaison")
    AssignmentFactory(unit=wok, due_date=_days(1))
    assert mail.send_daily_digest(user_id=liaison.pk, day=TODAY()) is True
    assert mail.send_daily_digest(user_id=liaison.pk, day=TODAY()) is False
    assert len(mailoutbox) == 1
    assert mail.send_daily_digest(user_id=liaison.pk, day=_days(1)) is True
    assert len(mailoutbox) == 2


def test_nothing_to_report_means_no_digest(persona: Any, mailoutbox: list) -> None:
    for role in ("unit_liaison", "secretariat", "auditor", "press_officer"):
        assert mail.send_daily_digest(user_id=persona(role).pk, day=TODAY()) is False
    assert mailoutbox == []
    assert not DigestDelivery.objects.exists()


def test_inactive_users_and_users_without_e_mail_get_nothing(wok: Any, persona: Any, mailoutbox: list) -> None:
    liaison = persona("unit_liaison")
    AssignmentFactory(unit=wok, assignee=liaison)
    liaison.email = ""
    liaison.save()
    assert mail.send_daily_digest(user_id=liaison.pk, day=TODAY()) is False
    liaison.email, liaison.is_active = "lacznik@um.example.gov.pl", False
    liaison.save()
    assert mail.send_daily_digest(user_id=liaison.pk, day=TODAY()) is False
    assert mailoutbox == []


def test_replies_waiting_for_the_issuer(persona: Any, wok: Any, mailoutbox: list) -> None:
    secretariat = persona("secretariat")
    AssignmentFactory(unit=wok, created_by=secretariat, title="Odpowiedź do akceptacji", status=S.ANSWERED)
    assert mail.send_daily_digest(user_id=secretariat.pk, day=TODAY()) is True
    assert "Odpowiedź do akceptacji" in mailoutbox[0].body


def test_the_digest_subject_is_polish_by_default(persona: Any, wok: Any, mailoutbox: list) -> None:
    polish = persona("unit_liaison")
    english = UserFactory(unit=wok, groups=list(polish.groups.all()), language="en")
    AssignmentFactory(unit=wok, due_date=_days(2))
    mail.send_daily_digest(user_id=english.pk, day=dt.date(2026, 11, 24))
    mail.send_daily_digest(user_id=polish.pk, day=dt.date(2026, 11, 24))
    subjects = {message.to[0]: message.subject for message in mailoutbox}
    assert subjects[english.email] == "Your matters for 24.11.2026"
    assert "24.11.2026" in subjects[polish.email]
    assert subjects[polish.email] != subjects[english.email], "no Polish translation of the digest subject"


def test_the_daily_task_sends_each_user_one_digest(persona: Any, wok: Any, mailoutbox: list) -> None:
    liaison, outsider, secretariat = persona("unit_liaison"), persona("outsider_liaison"), persona("secretariat")
    AssignmentFactory(unit=wok, created_by=secretariat, due_date=_days(1))
    assert tasks.send_daily_digests() >= 3  # one task per active user with an e-mail address
    assert [m.to for m in mailoutbox] == [[liaison.email]]
    tasks.send_daily_digests()  # beat fired twice, or a retry: nobody gets a second one
    assert len(mailoutbox) == 1
    assert not DigestDelivery.objects.filter(user=outsider).exists()


# --- Reminders ---------------------------------------------------------------------------------


def test_reminders_go_to_the_unit_and_the_responsible_person(persona: Any, wok: Any, mailoutbox: list) -> None:
    liaison, secretariat = persona("unit_liaison"), persona("secretariat")
    assignee = UserFactory(unit=wok, email="osoba@um.example.gov.pl")
    tomorrow = AssignmentFactory(
        unit=wok, created_by=secretariat, title="Na jutro", due_date=_days(1), assignee=assignee
    )
    overdue = AssignmentFactory(
        unit=wok, created_by=secretariat, title="Po terminie", due_date=_days(-3), status=S.IN_PROGRESS
    )
    AssignmentFactory(unit=wok, title="Za tydzień", due_date=_days(7))
    AssignmentFactory(unit=wok, title="Zamknięta po terminie", due_date=_days(-3), status=S.CLOSED)
    AssignmentFactory(unit=wok, title="Odpowiedziana po terminie", due_date=_days(-3), status=S.ANSWERED)

    assert mail.send_reminders(TODAY()) == 2
    by_title: dict[str, set[str]] = {}
    for message in mailoutbox:
        title = "Na jutro" if "Na jutro" in message.subject else "Po terminie"
        assert title in message.subject
        assert _html(message)
        by_title.setdefault(title, set()).update(message.to)
    assert by_title == {"Na jutro": {liaison.email, assignee.email}, "Po terminie": {liaison.email}}
    for assignment in (tomorrow, overdue):
        assert assignment.events.filter(kind=AssignmentEvent.Kind.REMINDER).count() == 1


def test_reminders_once_per_day(persona: Any, wok: Any, mailoutbox: list) -> None:
    persona("unit_liaison")
    AssignmentFactory(unit=wok, due_date=_days(-1))
    assert mail.send_reminders(TODAY()) == 1
    sent = len(mailoutbox)
    assert mail.send_reminders(TODAY()) == 0
    assert tasks.send_assignment_reminders() == 0
    assert len(mailoutbox) == sent
    assert mail.send_reminders(_days(1)) == 1
    assert len(mailoutbox) == 2 * sent


def test_reminders_in_the_language_of_each_user(persona: Any, wok: Any, mailoutbox: list) -> None:
    liaison = persona("unit_liaison")
    english = UserFactory(unit=wok, groups=list(liaison.groups.all()), language="en")
    AssignmentFactory(unit=wok, title="Sprawa", due_date=dt.date(2026, 11, 25))
    mail.send_reminders(dt.date(2026, 11, 24))
    subjects = {message.to[0]: message.subject for message in mailoutbox}
    assert subjects[english.email] == "Reminder: Sprawa is due 25.11.2026"
    assert subjects[liaison.email] != subjects[english.email], "no Polish translation of the reminder subject"
