"""Internal announcements: the audience, the dashboard until read, read confirmations for the author."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from office.announcements import services
from office.announcements.models import Announcement, AnnouncementRead
from tests.utils import client_for, page_text

pytestmark = pytest.mark.django_db


def _publish(author, **fields) -> Announcement:
    units = fields.pop("units", None)
    return services.save_announcement(
        actor=author,
        announcement=Announcement(title=fields.pop("title", "Szkolenie z RODO"), body="W piątek o 10:00.", **fields),
        units=units,
    )


def test_to_units_needs_units(persona):
    with pytest.raises(ValidationError):
        _publish(persona("secretariat"), to_all=False)


def test_an_announcement_stays_on_the_dashboard_until_read(persona):
    author, reader = persona("secretariat"), persona("press_officer")
    announcement = _publish(author, title="Zmiana godzin pracy kancelarii")
    client = client_for(reader)
    assert "Zmiana godzin pracy kancelarii" in page_text(client.get(reverse("office:dashboard")))
    response = client.post(reverse("announcements:announcement_read", args=[announcement.pk]))
    assert response.status_code == 302
    client.post(reverse("announcements:announcement_read", args=[announcement.pk]))  # twice: still one
    assert AnnouncementRead.objects.filter(announcement=announcement, user=reader).count() == 1
    assert "Zmiana godzin pracy kancelarii" not in page_text(client.get(reverse("office:dashboard")))


def test_unit_announcements_reach_only_their_units(persona):
    liaison, outsider = persona("unit_liaison"), persona("outsider_liaison")
    announcement = _publish(persona("secretariat"), to_all=False, units=[liaison.unit])
    assert list(services.unread_for(liaison)) == [announcement]
    assert list(services.unread_for(outsider)) == []
    assert (
        client_for(outsider).get(reverse("announcements:announcement_detail", args=[announcement.pk])).status_code
        == 404
    )


def test_future_and_expired_announcements_are_not_shown(persona):
    now = timezone.now()
    _publish(persona("secretariat"), title="Przyszłe", published_at=now + dt.timedelta(days=2))
    _publish(
        persona("secretariat"),
        title="Wygasłe",
        published_at=now - dt.timedelta(days=5),
        visible_until=now - dt.timedelta(days=1),
    )
    assert not services.unread_for(persona("auditor")).exists()


def test_the_author_sees_who_read_and_who_not_yet(persona):
    author, reader, other = persona("secretariat"), persona("auditor"), persona("management")
    announcement = _publish(author)
    services.mark_read(actor=reader, announcement=announcement)
    body = page_text(client_for(author).get(reverse("announcements:announcement_detail", args=[announcement.pk])))
    assert reader.get_full_name() in body and other.get_full_name() in body
    reader_view = page_text(
        client_for(reader).get(reverse("announcements:announcement_detail", args=[announcement.pk]))
    )
    assert other.get_full_name() not in reader_view  # the confirmations are the author's


def test_only_the_author_edits(persona):
    announcement = _publish(persona("secretariat"))
    url = reverse("announcements:announcement_edit", args=[announcement.pk])
    assert client_for(persona("office_staff")).get(url).status_code == 403
    assert client_for(persona("secretariat")).get(url).status_code == 200
