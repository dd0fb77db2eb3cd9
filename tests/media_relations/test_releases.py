"""Releases: approval, the newsroom (unpublished and embargoed hidden), once-only distribution."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from media_relations.models import Delivery, DistributionList, Journalist, Release
from media_relations.services import releases as services
from tests.utils import client_for

pytestmark = pytest.mark.django_db


def _release(officer, **kwargs):
    return services.save_release(
        actor=officer, release=Release(title=kwargs.pop("title", "Nowy park"), body="Treść", **kwargs)
    )


def _publish(officer, management, release):
    services.move_release(actor=officer, release=release, target="approval")
    return services.move_release(actor=management, release=release, target="published")


def test_publishing_needs_approval_permission(officer, management):
    release = _release(officer)
    with pytest.raises(ValidationError):
        services.move_release(actor=officer, release=release, target="published")
    services.move_release(actor=officer, release=release, target="approval")
    publish = reverse("media_relations:release_publish", args=[release.pk])
    assert client_for(officer).post(publish).status_code == 403  # the press officer does not approve
    release.refresh_from_db()
    assert release.status == "approval"
    assert client_for(management).post(publish).status_code == 302
    release.refresh_from_db()
    assert release.status == "published" and release.published_at and release.slug == "nowy-park"


def test_newsroom_hides_unpublished_and_embargoed(officer, management):
    draft = _release(officer, title="Szkic komunikatu")
    embargoed = _publish(
        officer,
        management,
        _release(officer, title="Pod embargiem", embargo_until=timezone.now() + dt.timedelta(hours=3)),
    )
    public = _publish(officer, management, _release(officer, title="Komunikat publiczny"))
    past_embargo = _publish(
        officer,
        management,
        _release(officer, title="Po embargu", embargo_until=timezone.now() - dt.timedelta(minutes=1)),
    )
    anonymous = client_for(None)
    page = anonymous.get(reverse("media_relations:newsroom"))
    assert page.status_code == 200
    text = page.content.decode()
    assert public.title in text and past_embargo.title in text
    assert draft.title not in text and embargoed.title not in text
    for hidden in (draft, embargoed):
        assert anonymous.get(reverse("media_relations:newsroom_detail", args=[hidden.slug])).status_code == 404
    assert anonymous.get(reverse("media_relations:newsroom_detail", args=[public.slug])).status_code == 200
    assert anonymous.post(reverse("media_relations:newsroom")).status_code == 405


def test_distribution_sends_each_recipient_exactly_once(
    officer, management, mailoutbox, django_capture_on_commit_callbacks
):
    people = Journalist.objects.bulk_create(
        [Journalist(name=f"Dziennikarz {n}", email=f"d{n}@example.com") for n in range(30)]
        + [Journalist(name="Bez adresu")]
    )
    all_list = DistributionList.objects.create(name="Wszyscy")
    all_list.journalists.set(people)
    local = DistributionList.objects.create(name="Lokalne")
    local.journalists.set(people[:10])  # on both lists
    release = _publish(officer, management, _release(officer))
    with django_capture_on_commit_callbacks(execute=True):
        added = services.distribute(actor=officer, release=release, lists=[all_list, local])
    assert added == 30 and len(mailoutbox) == 30
    with django_capture_on_commit_callbacks(execute=True):  # sent again: nobody gets a second message
        assert services.distribute(actor=officer, release=release, lists=[all_list, local]) == 0
    assert len(mailoutbox) == 30
    assert sorted(m.to[0] for m in mailoutbox) == sorted(f"d{n}@example.com" for n in range(30))
    assert Delivery.objects.filter(release=release, status="sent").count() == 30
    # the task itself is idempotent too
    assert services.send_pending_deliveries(release_id=release.pk) == 0
    assert len(mailoutbox) == 30


def test_failures_are_recorded_and_shown(
    officer, management, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    people = Journalist.objects.bulk_create([Journalist(name=f"D {n}", email=f"x{n}@example.com") for n in range(3)])
    distribution = DistributionList.objects.create(name="Lista")
    distribution.journalists.set(people)
    release = _publish(officer, management, _release(officer))
    real_send = services.send_templated

    def flaky(*, to, **kwargs):
        if to == ["x1@example.com"]:
            raise OSError("550 mailbox unavailable")
        real_send(to=to, **kwargs)

    monkeypatch.setattr(services, "send_templated", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        services.distribute(actor=officer, release=release, lists=[distribution])
    assert len(mailoutbox) == 2
    failed = Delivery.objects.get(status="failed")
    assert failed.email == "x1@example.com" and "550" in failed.error
    progress = client_for(officer).get(reverse("media_relations:release_progress", args=[release.pk]))
    assert progress.status_code == 200 and "x1@example.com" in progress.content.decode()


def test_only_published_releases_are_distributed(officer):
    release = _release(officer)
    with pytest.raises(ValidationError):
        services.distribute(actor=officer, release=release, lists=[DistributionList.objects.create(name="L")])


def test_distribute_view(officer, management, mailoutbox, django_capture_on_commit_callbacks):
    person = Journalist.objects.create(name="Ewelina Kamińska", email="e.k@example.com")
    distribution = DistributionList.objects.create(name="Lista")
    distribution.journalists.add(person)
    release = _publish(officer, management, _release(officer))
    url = reverse("media_relations:release_distribute", args=[release.pk])
    assert client_for(officer).post(url, {}).status_code == 200  # no list chosen: the form again
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(officer).post(url, {"distribute-lists": [distribution.pk]}).status_code == 302
    assert len(mailoutbox) == 1
    assert client_for(management).post(url, {"distribute-lists": [distribution.pk]}).status_code == 403
