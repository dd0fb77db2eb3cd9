"""Conferences on the calendar (and without calendar_app), the weekly digest, statistics."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from calendar_app.models import Calendar, Entry
from media_relations.models import Conference, Publication, ResponseCase
from media_relations.services import conferences, digest
from office.models import DigestDelivery
from tests.factories import OfficeHolderFactory
from tests.utils import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def mayor(db):
    return OfficeHolderFactory(role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk")


def _times():
    start = timezone.localtime().replace(hour=11, minute=0, second=0, microsecond=0) + dt.timedelta(days=3)
    return start, start + dt.timedelta(hours=1)


def test_conference_goes_on_the_calendar(officer, mayor, daily, online):
    start, end = _times()
    conference = conferences.create_conference(
        actor=officer,
        topic="Budżet 2026",
        starts_at=start,
        ends_at=end,
        place="Sala Sesyjna",
        office_holder=mayor,
        outlets=[daily, online],
    )
    entry = Entry.objects.get(pk=conference.calendar_entry_id)
    assert entry.calendar == Calendar.objects.get(office_holder=mayor)
    assert entry.kind == "press" and entry.visibility == "public" and entry.source_id == conference.pk
    assert entry.start == start and conference.invitations.count() == 2
    conferences.record_attendance(actor=officer, conference=conference, attended=[daily])
    assert list(conference.invitations.filter(attended=True).values_list("outlet", flat=True)) == [daily.pk]
    page = client_for(officer).get(reverse("media_relations:conference_detail", args=[conference.pk]))
    assert page.status_code == 200 and reverse("calendar_app:entry_detail", args=[entry.pk]) in page.content.decode()


def test_without_calendar_app_the_conference_keeps_its_own_date(officer, mayor, monkeypatch):
    monkeypatch.setattr(conferences, "calendar_available", lambda: False)
    start, end = _times()
    conference = conferences.create_conference(
        actor=officer, topic="Bez kalendarza", starts_at=start, ends_at=end, place="Sala", office_holder=mayor
    )
    assert conference.calendar_entry_id is None and not Entry.objects.exists()
    assert Conference.objects.get().starts_at == start


def test_conference_form_errors_keep_input(officer):
    response = client_for(officer).post(
        reverse("media_relations:conference_create"),
        {
            "topic": "Konferencja o drogach",
            "starts_at": "2030-05-06T12:00",
            "ends_at": "2030-05-06T11:00",
            "place": "Sala",
        },
    )
    assert response.status_code == 200 and "Konferencja o drogach" in response.content.decode()
    assert not Conference.objects.exists()


def test_weekly_digest_once_per_week(management, daily, mailoutbox):
    management.email = "prezydent@example.com"
    management.save()
    monday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())
    publication = Publication.objects.create(
        outlet=daily, published_on=monday - dt.timedelta(days=3), title="Krytyka remontu", tone="negative"
    )
    ResponseCase.objects.create(publication=publication, kind="statement")
    assert management.pk in digest.weekly_digest_recipients()
    assert digest.send_weekly_digest(user_id=management.pk, week_start=monday) is True
    assert digest.send_weekly_digest(user_id=management.pk, week_start=monday) is False
    assert len(mailoutbox) == 1 and "Krytyka remontu" in mailoutbox[0].body
    assert DigestDelivery.objects.filter(kind=digest.WEEKLY_DIGEST).count() == 1


def test_digest_task_fans_out(management, officer, daily, mailoutbox):
    from media_relations.tasks import send_weekly_digests

    management.email = "prezydent@example.com"
    management.save()
    Publication.objects.create(
        outlet=daily,
        published_on=timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday() + 2),
        title="Ważny artykuł",
        importance="high",
    )
    send_weekly_digests.delay()
    send_weekly_digests.delay()
    assert len(mailoutbox) == 1
    assert (
        not Permission.objects.get(codename="approve_answer", content_type__app_label="media_relations")
        .group_set.filter(name="Biuro prasowe")
        .exists()
    )


def test_statistics(make_inquiry, officer, management, daily):
    from media_relations.services import inquiries as services

    inquiry = make_inquiry(received_at=timezone.now() - dt.timedelta(days=2))
    services.save_draft(actor=officer, inquiry=inquiry, text="Odpowiedź", base_version=0)
    services.move(actor=officer, inquiry=inquiry, target="approval")
    services.approve_answer(actor=management, inquiry=inquiry, version=1)
    services.send_answer(actor=officer, inquiry=inquiry, channel="email")
    make_inquiry()
    Publication.objects.create(outlet=daily, published_on=timezone.localdate(), title="A", tone="negative")
    response = client_for(officer).get(reverse("media_relations:statistics"))
    assert response.status_code == 200
    context = response.context
    assert context["totals"]["received"] == 2 and context["totals"]["answered"] == 1
    assert context["totals"]["on_time_share"] == 100 and context["totals"]["median_days"] == pytest.approx(2, abs=0.1)
    assert context["top_outlets"][0]["n"] == 1
    assert 'role="img"' in response.content.decode()
    assert client_for(officer).get(reverse("media_relations:statistics") + "?year=abc").status_code == 200
