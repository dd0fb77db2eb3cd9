"""Photos and documents of a release are public exactly when the release is."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from media_relations.models import Release
from office.models import Attachment

pytestmark = pytest.mark.django_db


def _with_photo(**fields) -> tuple[Release, Attachment]:
    release = Release.objects.create(title="Otwarcie mostu", body="Treść", **fields)
    photo = Attachment(record=release, original_name="most.png", size=4, mime_type="image/png", description="Most")
    photo.file.save("most.png", ContentFile(b"\x89PNG"), save=False)
    photo.save()
    return release, photo


def test_published_release_shows_and_serves_its_photo(client):
    release, photo = _with_photo(slug="most", status="published", published_at=timezone.now())
    page = client.get(reverse("media_relations:newsroom_detail", args=[release.slug]))
    url = reverse("media_relations:newsroom_file", args=[release.slug, photo.pk])
    assert page.status_code == 200 and url in page.content.decode() and 'alt="Most"' in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == b"\x89PNG"
    response.close()


@pytest.mark.parametrize(
    "fields",
    [
        {"slug": "szkic", "status": "draft"},
        {
            "slug": "embargo",
            "status": "published",
            "published_at": timezone.now(),
            "embargo_until": timezone.now() + dt.timedelta(days=1),
        },
    ],
)
def test_unpublished_or_embargoed_files_are_not_served(client, fields):
    release, photo = _with_photo(**fields)
    assert client.get(reverse("media_relations:newsroom_file", args=[release.slug, photo.pk])).status_code == 404


def test_a_file_of_another_record_is_not_served_through_a_release(client):
    release, _photo = _with_photo(slug="most", status="published", published_at=timezone.now())
    _other, stray = _with_photo(slug="inny", status="draft")
    assert client.get(reverse("media_relations:newsroom_file", args=[release.slug, stray.pk])).status_code == 404
