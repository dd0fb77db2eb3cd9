"""The outgoing mail: every e-mail kept with its record and status, transient failures retried by
the task, a failure shown on the page of the record it was sent from."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.core.mail import EmailMessage
from django.urls import reverse

from calendar_app import tasks as calendar_tasks
from office.models import AuditEntry, MailStatus, OutgoingMail
from office.services import mail
from tests.calendar_app.factories import MeetingRequestFactory
from tests.factories import AssignmentFactory
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db
SEND = "django.core.mail.EmailMessage.send"


@pytest.fixture
def worker_like() -> Iterator[None]:
    """The task runs here as a worker runs it: a retry is the next attempt, not an exception."""
    conf = calendar_tasks.send_request_reply.app.conf
    before = conf.task_eager_propagates
    conf.task_eager_propagates = False
    yield
    conf.task_eager_propagates = before


def _failing(*errors: Exception) -> Any:
    """A ``send`` that raises ``errors`` in turn, then sends."""
    queue = list(errors)

    def send(message: EmailMessage, fail_silently: bool = False) -> int:
        if queue:
            raise queue.pop(0)
        return 1

    return send


def test_a_sent_mail_is_kept_with_its_record(wok: Any, mailoutbox: list) -> None:
    assignment = AssignmentFactory(unit=wok, title="Opinia")
    kept = mail.send_templated(
        to=["wok@um.example.gov.pl"],
        subject="Nowe\r\nzadanie",
        template="office/email/assignment_handed_over",
        context={"assignment": assignment},
        record=assignment,
    )
    [message] = mailoutbox
    assert message.subject == "Nowe zadanie"  # a header holds no line break
    kept.refresh_from_db()
    assert (kept.status, kept.attempts, kept.recipients) == (MailStatus.SENT, 1, "wok@um.example.gov.pl")
    assert kept.sent_at is not None and kept.error == ""
    assert mail.mails_of(assignment) == [kept]


def test_a_failure_outside_a_task_is_recorded_as_failed(wok: Any) -> None:
    assignment = AssignmentFactory(unit=wok)
    message = EmailMessage(subject="Temat", body="Treść", to=["a@example.com"])
    with mock.patch(SEND, _failing(smtplib.SMTPServerDisconnected("gone"))), pytest.raises(smtplib.SMTPException):
        mail.deliver(message, record=assignment)
    [kept] = mail.mails_of(assignment)
    assert kept.status == MailStatus.FAILED and "gone" in kept.error and kept.attempts == 1


def test_the_task_retries_a_transient_error_in_one_row(worker_like: None) -> None:
    request = MeetingRequestFactory(email="h.adamczyk@example.com", reply_text="Szanowna Pani")
    errors = (smtplib.SMTPServerDisconnected("busy"), ConnectionError("reset"))
    with mock.patch(SEND, _failing(*errors)):
        calendar_tasks.send_request_reply.apply(args=[request.pk])
    [kept] = mail.mails_of(request)
    assert (kept.status, kept.attempts, kept.error) == (MailStatus.SENT, 3, "")
    assert kept.task_id


def test_the_last_attempt_marks_it_failed(worker_like: None) -> None:
    request = MeetingRequestFactory(email="h.adamczyk@example.com", reply_text="Szanowna Pani")
    attempts = calendar_tasks.send_request_reply.max_retries + 1
    errors = [smtplib.SMTPRecipientsRefused({"h.adamczyk@example.com": (550, b"no such user")})] * (attempts + 1)
    with mock.patch(SEND, _failing(*errors)):
        result = calendar_tasks.send_request_reply.apply(args=[request.pk])
    assert result.failed()
    [kept] = OutgoingMail.objects.all()
    assert (kept.status, kept.attempts) == (MailStatus.FAILED, attempts)
    assert "no such user" in kept.error


def test_a_bug_is_not_retried(worker_like: None) -> None:
    request = MeetingRequestFactory(email="h.adamczyk@example.com", reply_text="Szanowna Pani")
    with mock.patch(SEND, _failing(ValueError("bad header"))):
        calendar_tasks.send_request_reply.apply(args=[request.pk])
    [kept] = OutgoingMail.objects.all()
    assert (kept.status, kept.attempts) == (MailStatus.FAILED, 1)


def test_the_reply_is_queued_not_sent_in_the_audit_trail(persona: Any) -> None:
    from calendar_app.services import requests as request_services

    request = MeetingRequestFactory(email="h.adamczyk@example.com", reply_text="Szanowna Pani")
    with mock.patch.object(calendar_tasks.send_request_reply, "delay"):
        request_services.send_reply(actor=persona("secretariat"), request=request)
    entry = AuditEntry.objects.filter(object_id=request.pk).latest("at")
    assert entry.message == "Reply queued for e-mail to %(email)s"


def test_the_record_page_shows_a_failed_mail(persona: Any, wok: Any) -> None:
    secretariat = persona("secretariat")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat, title="Opinia w sprawie")
    message = EmailMessage(subject="Nowe zadanie: Opinia", body="…", to=["wok@um.example.gov.pl"])
    with mock.patch(SEND, _failing(smtplib.SMTPDataError(554, b"rejected"))), pytest.raises(smtplib.SMTPException):
        mail.deliver(message, record=assignment)
    client = client_for(secretariat)
    client.cookies["django_language"] = "en"
    text = page_text(fetch(client, "get", reverse("office:assignment_detail", args=[assignment.pk])))
    assert "E-mail to wok@um.example.gov.pl: Nowe zadanie: Opinia" in text
    assert "not delivered" in text and "rejected" in text


def test_the_admin_lists_outgoing_mail(admin_client: Any, wok: Any) -> None:
    OutgoingMail.objects.create(recipients="a@example.com", subject="Temat", status=MailStatus.FAILED, error="550")
    response = admin_client.get(reverse("admin:office_outgoingmail_changelist") + "?status=failed")
    assert response.status_code == 200 and "a@example.com" in response.content.decode()
