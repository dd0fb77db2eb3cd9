"""A distribution whose worker died: messages left "sending" become uncertain, the press officer
sends them again or marks them sent, and a stalled distribution goes on by itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from media_relations import tasks
from media_relations.models import Delivery
from media_relations.services import releases as services
from office.models import AuditEntry
from tests.media_relations.factories import DeliveryFactory, ReleaseFactory
from tests.media_relations.helpers import expected_for_action, statuses
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db

S = Delivery.Status


def _ago(**delta: Any) -> dt.datetime:
    return timezone.now() - dt.timedelta(**delta)


def _killed_distribution() -> tuple[Any, Delivery, list[Delivery]]:
    """A worker died while sending the third of five messages: two sent, one sending, two waiting."""
    release = ReleaseFactory(published=True)
    sent = [DeliveryFactory(release=release) for _ in range(2)]
    sending = DeliveryFactory(release=release, status=S.SENDING, claimed_at=_ago(minutes=3), sent_at=None)
    waiting = [DeliveryFactory(release=release, status=S.PENDING, sent_at=None) for _ in range(2)]
    Delivery.objects.filter(release=release).update(created_at=_ago(minutes=4))
    return release, sending, sent + waiting


def test_a_message_left_sending_past_its_lease_becomes_uncertain_and_the_rest_is_sent(
    mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    release, sending, others = _killed_distribution()
    alive = DeliveryFactory(status=S.SENDING, claimed_at=_ago(seconds=10), sent_at=None)  # its worker is sending
    assert list(services.stuck_deliveries()) == [sending]
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.recover_deliveries() == {"uncertain": 1, "resumed": 1}
    sending.refresh_from_db()
    alive.refresh_from_db()
    assert (sending.status, alive.status) == (S.UNCERTAIN, S.SENDING)
    assert len(mailoutbox) == 2  # the two waiting ones; neither the sent nor the uncertain again
    assert {m.to[0] for m in mailoutbox} == {d.email for d in others[2:]}
    progress = services.distribution_progress(release)
    assert progress == {"total": 5, "sent": 4, "failed": 0, "uncertain": 1, "waiting": 0, "percent": 100}
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.recover_deliveries() == {"uncertain": 0, "resumed": 0}
    assert len(mailoutbox) == 2


def test_a_distribution_in_progress_is_not_enqueued_again(django_capture_on_commit_callbacks: Any) -> None:
    release = ReleaseFactory(published=True)
    DeliveryFactory(release=release, status=S.SENDING, claimed_at=_ago(seconds=5), sent_at=None)
    DeliveryFactory(release=release, status=S.PENDING, sent_at=None)
    Delivery.objects.filter(release=release).update(created_at=_ago(minutes=10))
    fresh = DeliveryFactory(status=S.PENDING, sent_at=None)  # distributed a moment ago: its task is queued
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.recover_deliveries() == {"uncertain": 0, "resumed": 0}
    assert callbacks == []
    fresh.refresh_from_db()
    assert fresh.status == S.PENDING


def test_a_slow_send_marked_uncertain_meanwhile_records_its_true_outcome(mailoutbox: Any, monkeypatch: Any) -> None:
    release = ReleaseFactory(published=True)
    delivery = DeliveryFactory(release=release, status=S.PENDING, sent_at=None)
    real = services.send_templated

    def slow(**kwargs: Any) -> None:
        Delivery.objects.filter(pk=delivery.pk).update(status=S.UNCERTAIN)  # the sweeper ran meanwhile
        real(**kwargs)

    monkeypatch.setattr(services, "send_templated", slow)
    assert services.send_pending_deliveries(release_id=release.pk) == 1
    delivery.refresh_from_db()
    assert delivery.status == S.SENT and len(mailoutbox) == 1


def test_the_task_stops_after_its_budget_and_enqueues_the_rest(
    monkeypatch: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    release = ReleaseFactory(published=True)
    for _ in range(3):
        DeliveryFactory(release=release, status=S.PENDING, sent_at=None)
    monkeypatch.setattr(services, "BATCH", 1)
    monkeypatch.setattr(tasks, "SENDING_BUDGET_SECONDS", 0)  # every run: no time left after the first batch
    calls = []
    original = services.send_pending_deliveries

    def counted(**kwargs: Any) -> int:
        calls.append(kwargs)
        return original(**{**kwargs, "batch": 1, "until": None if len(calls) > 1 else kwargs["until"]})

    monkeypatch.setattr(services, "send_pending_deliveries", counted)
    assert tasks.send_release_deliveries(release.pk) == 0  # no time at all: the rest is enqueued (eager)
    assert len(calls) == 2 and len(mailoutbox) == 3
    assert not services.has_waiting_deliveries(release.pk)


# --- The press officer decides on uncertain messages ----------------------------------------------


def _uncertain() -> Delivery:
    release = ReleaseFactory(published=True)
    DeliveryFactory(release=release)
    return DeliveryFactory(release=release, status=S.UNCERTAIN, claimed_at=_ago(minutes=5), sent_at=None)


def _url(name: str, delivery: Delivery) -> str:
    return reverse(f"media_relations:delivery_{name}", args=[delivery.pk])


def test_the_release_page_lists_uncertain_messages_with_their_actions(officer: Any, persona: Any) -> None:
    delivery = _uncertain()
    page = fetch(client_for(officer), "get", reverse("media_relations:release_detail", args=[delivery.release.pk]))
    text = page_text(page)
    assert delivery.email in text
    html = page.content.decode()
    assert _url("send_again", delivery) in html and _url("mark_sent", delivery) in html
    assert page.context["progress"]["uncertain"] == 1
    reader = fetch(
        client_for(persona("secretariat")),
        "get",
        reverse("media_relations:release_progress", args=[delivery.release.pk]),
    )
    assert delivery.email in page_text(reader)
    assert _url("send_again", delivery) not in reader.content.decode()


def test_send_again(officer: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any) -> None:
    delivery = _uncertain()
    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client_for(officer), "post", _url("send_again", delivery))
    assert response.status_code == 302
    assert response["Location"] == reverse("media_relations:release_detail", args=[delivery.release.pk])
    delivery.refresh_from_db()
    assert delivery.status == S.SENT
    assert [m.to for m in mailoutbox] == [[delivery.email]]
    assert AuditEntry.objects.filter(object_id=str(delivery.release.pk), action="action").exists()
    # a second click (a stale page): nothing more is sent, the officer reads why
    with django_capture_on_commit_callbacks(execute=True):
        again = fetch(client_for(officer), "post", _url("send_again", delivery), follow=True)
    assert len(mailoutbox) == 1
    with override("pl"):  # the office's language, as the page was shown
        assert gettext("This message is no longer waiting for a decision.") in messages_of(again)


def test_mark_sent(officer: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any) -> None:
    delivery = _uncertain()
    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client_for(officer), "post", _url("mark_sent", delivery))
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == S.SENT and delivery.sent_at is not None
    assert mailoutbox == []
    progress = services.distribution_progress(delivery.release)
    assert (progress["sent"], progress["uncertain"]) == (2, 0)


@pytest.mark.parametrize("action", ["send_again", "mark_sent"])
def test_only_those_who_send_releases_decide(persona: Any, action: str) -> None:
    delivery = _uncertain()
    expected = expected_for_action()
    assert statuses(persona, "post", _url(action, delivery), expected) == expected
    assert fetch(client_for(persona("press_officer")), "get", _url(action, delivery)).status_code == 405
    delivery.refresh_from_db()
    assert delivery.status == S.UNCERTAIN


def test_a_message_that_is_not_uncertain_cannot_be_decided(officer: Any) -> None:
    delivery = DeliveryFactory(status=S.PENDING, sent_at=None)
    fetch(client_for(officer), "post", _url("mark_sent", delivery))
    delivery.refresh_from_db()
    assert delivery.status == S.PENDING
