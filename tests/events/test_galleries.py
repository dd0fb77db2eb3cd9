"""Galleries (events/services/galleries.py, events/views/galleries.py): uploads checked at once
(not an image, a decompression bomb, too large), sizes made by the worker upright and without
metadata (no GPS in a published copy), the public gallery showing only published photos whose
persons may be shown, the links on the records a gallery documents, and constant queries."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from events.models import Consent, Gallery, Photo, PhotoStatus
from events.services import galleries
from tests.events.factories import new_event, photo_bytes, photo_upload
from tests.utils import assert_constant_queries, client_for, fetch, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    """The messages are matched in English (the office works in Polish by default)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def staff(persona: Any) -> Any:
    return persona("office_staff")


@pytest.fixture
def gallery(staff: Any) -> Gallery:
    event = new_event(staff, name="Święto Miasta")
    return galleries.save_gallery(
        actor=staff,
        gallery=Gallery(title="Święto Miasta", is_public=True),
        record=galleries.target(staff, galleries.key_of(event)),
    )


def ready(
    staff: Any, gallery: Gallery, *, public: bool = True, consent: str = Consent.PUBLIC_FIGURES, **kw: Any
) -> Photo:
    photo = galleries.add_photos(actor=staff, gallery=gallery, uploads=[photo_upload(**kw)], consent=consent)[0]
    assert galleries.make_sizes(photo.pk)
    photo.refresh_from_db()
    if public:
        photo.is_public = True
        galleries.save_photo(actor=staff, photo=photo)
    return photo


def test_the_upload_returns_at_once_and_the_worker_makes_the_sizes(staff, gallery, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        photos = galleries.add_photos(
            actor=staff, gallery=gallery, uploads=[photo_upload(f"IMG_{n}.jpg") for n in range(3)]
        )
    assert len(queued) == 1 and all(p.status == PhotoStatus.PROCESSING and not p.thumb for p in photos)
    with django_capture_on_commit_callbacks(execute=True):
        galleries.add_photos(actor=staff, gallery=gallery, uploads=[photo_upload("IMG_9.jpg", size=(3000, 2000))])
    done = Photo.objects.get(original_name="IMG_9.jpg")
    assert done.status == PhotoStatus.READY and (done.width, done.height) == (1600, 1067)
    with done.thumb.open("rb") as stream, Image.open(stream) as thumb:
        assert max(thumb.size) == galleries.THUMB_SIZE
    assert done.taken_at is not None and done.taken_at.year == 2026
    assert not galleries.make_sizes(done.pk)  # a second delivery leaves it as it is


@pytest.mark.parametrize(
    "orientation, upright, blue_corner",
    [
        (1, (640, 480), "top left"),
        (6, (480, 640), "top right"),  # the camera was turned right: the picture's top was on its left
        (8, (480, 640), "bottom left"),
        (3, (640, 480), "bottom right"),
    ],
)
def test_exif_orientation_is_honoured_and_no_metadata_is_published(staff, gallery, orientation, upright, blue_corner):
    photo = ready(staff, gallery, orientation=orientation)
    for field in (photo.web, photo.thumb):
        with field.open("rb") as stream, Image.open(stream) as image:
            assert len(image.getexif()) == 0  # no orientation left to apply twice, no GPS, no camera
            assert "exif" not in image.info
    with photo.web.open("rb") as stream, Image.open(stream) as web:
        assert web.size == upright
        # the stored picture's blue top-left corner ends where the turn takes it
        width, height = web.size
        vertical, horizontal = blue_corner.split()
        x = 5 if horizontal == "left" else width - 6
        y = 5 if vertical == "top" else height - 6
        red, _green, blue = web.convert("RGB").getpixel((x, y))
        assert blue > 150 and red < 100, (orientation, blue_corner, (red, blue))
    # the original keeps what the camera wrote (staff only)
    with photo.original.open("rb") as stream, Image.open(stream) as original:
        assert original.getexif().get_ifd(0x8825)


def test_not_an_image_a_bomb_or_too_big_is_refused_with_a_message(staff, gallery, settings):
    text = SimpleUploadedFile("zdjecie.jpg", b"%PDF-1.7 not a photo", "image/jpeg")
    with pytest.raises(ValidationError) as refused:
        galleries.add_photos(actor=staff, gallery=gallery, uploads=[text])
    assert "zdjecie.jpg" in " ".join(refused.value.messages)
    # a tiny file that claims a huge picture: refused from its header, before it is decoded
    settings.PHOTO_MAX_MEGAPIXELS = 1
    bomb = io.BytesIO()
    Image.new("1", (4000, 4000)).save(bomb, "PNG", optimize=True)
    assert bomb.tell() < 100_000
    with pytest.raises(ValidationError, match="too many pixels"):
        galleries.add_photos(
            actor=staff, gallery=gallery, uploads=[SimpleUploadedFile("bomba.png", bomb.getvalue(), "image/png")]
        )
    settings.PHOTO_MAX_MEGAPIXELS = 60
    settings.PHOTO_MAX_MB = 1
    big = SimpleUploadedFile("duze.jpg", b"\xff\xd8" + b"0" * (1024 * 1024 + 10), "image/jpeg")
    with pytest.raises(ValidationError, match="larger than"):
        galleries.add_photos(actor=staff, gallery=gallery, uploads=[big])
    assert not Photo.objects.exists()


def test_the_upload_form_names_the_refused_file_and_keeps_the_page(staff, gallery):
    client = client_for(staff)
    response = fetch(
        client,
        "post",
        reverse("events:gallery_upload", args=[gallery.pk]),
        {
            "upload-photos": [SimpleUploadedFile("list.txt", b"tekst", "text/plain")],
            "upload-author": "Jan Fotograf",
            "upload-licence": "city",
            "upload-consent": "nobody",
        },
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "list.txt" in text and "Jan Fotograf" in response.content.decode()
    response = fetch(
        client,
        "post",
        reverse("events:gallery_upload", args=[gallery.pk]),
        {
            "upload-photos": [photo_upload("a.jpg"), photo_upload("b.jpg")],
            "upload-author": "Jan Fotograf",
            "upload-licence": "cc-by",
            "upload-consent": "given",
        },
    )
    assert response.status_code == 302
    assert list(gallery.photos.values_list("original_name", "author", "licence")) == [
        ("a.jpg", "Jan Fotograf", "cc-by"),
        ("b.jpg", "Jan Fotograf", "cc-by"),
    ]


def test_a_photo_without_consent_is_never_published(staff, gallery):
    photo = ready(staff, gallery, public=False, consent=Consent.MISSING)
    photo.is_public = True
    with pytest.raises(ValidationError):
        galleries.save_photo(actor=staff, photo=photo)


def test_the_public_gallery_shows_only_published_photos_and_never_originals(staff, gallery, client):
    shown = ready(staff, gallery)
    hidden = ready(staff, gallery, public=False)
    Photo.objects.filter(pk=hidden.pk).update(caption="Niepublikowane")
    response = fetch(client, "get", reverse("events:public_gallery", args=[gallery.pk]))
    html = response.content.decode()
    assert reverse("events:public_photo", args=[shown.pk, "thumb"]) in html
    assert f"/public/photos/{hidden.pk}/" not in html
    assert fetch(client, "get", reverse("events:public_photo", args=[shown.pk, "web"])).status_code == 200
    assert fetch(client, "get", reverse("events:public_photo", args=[hidden.pk, "web"])).status_code == 404
    assert fetch(client, "get", f"/events/public/photos/{shown.pk}/original/").status_code == 404
    # staff files need a login
    assert fetch(client, "get", reverse("events:photo_file", args=[shown.pk, "original"])).status_code == 302
    # a gallery not made public is not there at all
    Gallery.objects.filter(pk=gallery.pk).update(is_public=False)
    assert fetch(client, "get", reverse("events:public_gallery", args=[gallery.pk])).status_code == 404
    assert fetch(client, "get", reverse("events:public_photo", args=[shown.pk, "web"])).status_code == 404


def test_the_record_page_links_its_galleries_and_offers_a_new_one(staff, gallery):
    client = client_for(staff)
    event_url = gallery.record_url
    text = page_text(fetch(client, "get", event_url))
    assert "Święto Miasta" in text
    key = galleries.key_of(gallery.record_type.get_object_for_this_type(pk=gallery.record_id))
    response = fetch(client, "get", reverse("events:gallery_create") + f"?record={key}")
    assert response.status_code == 200
    response = fetch(
        client,
        "post",
        reverse("events:gallery_create"),
        {"record": key, "title": "Druga galeria", "taken_on": "2026-11-11", "description": ""},
    )
    assert response.status_code == 302
    assert Gallery.objects.filter(title="Druga galeria", record_id=gallery.record_id).exists()


def test_a_gallery_cannot_document_a_record_its_maker_may_not_see(staff, persona):
    outsider = persona("press_officer")
    event = new_event(staff)
    with pytest.raises(ValidationError):
        galleries.target(outsider, galleries.key_of(event))  # press officers do not see events
    for key in ("office.contact:1", "events.event:x", "events.event:99999999", ""):
        with pytest.raises(ValidationError):
            galleries.target(staff, key)


def test_a_film_by_link_must_be_secure_and_a_file_must_be_a_film(staff, gallery):
    from events.models import Video

    with pytest.raises(ValidationError):
        galleries.add_video(actor=staff, video=Video(gallery=gallery, title="F", link="http://example.org/f"))
    with pytest.raises(ValidationError):
        galleries.add_video(
            actor=staff,
            video=Video(gallery=gallery, title="F"),
            upload=SimpleUploadedFile("f.mp4", photo_bytes(), "video/mp4"),
        )
    made = galleries.add_video(actor=staff, video=Video(gallery=gallery, title="F", link="https://example.org/f"))
    assert made.pk


def test_the_gallery_pages_keep_their_queries_with_their_photos(staff, gallery, client):
    def make(count: int) -> None:
        for _ in range(count):
            ready(staff, gallery)

    assert_constant_queries(client_for(staff), reverse("events:gallery_detail", args=[gallery.pk]), make, extra=5)
    assert_constant_queries(client, reverse("events:public_gallery", args=[gallery.pk]), make, extra=5)
    assert_constant_queries(client, reverse("events:public_galleries"), make, extra=5)


def test_the_search_finds_a_gallery_by_what_it_documents(staff, gallery, persona):
    url = reverse("office:search") + "?q=Święto Miasta"
    found = reverse("events:gallery_detail", args=[gallery.pk])
    assert found in fetch(client_for(staff), "get", url).content.decode()
    # a unit liaison sees no galleries, so finds none
    response = fetch(client_for(persona("unit_liaison")), "get", url)
    assert response.status_code == 200 and found not in response.content.decode()


def test_a_private_calendar_entry_is_not_documented(persona, monkeypatch):
    from calendar_app.models import Visibility
    from tests.calendar_app.factories import EntryFactory

    admin = persona("administrator")
    private = EntryFactory(visibility=Visibility.PRIVATE, title="Wizyta u lekarza")
    public = EntryFactory(visibility=Visibility.PUBLIC, title="Otwarcie szkoły")
    assert not galleries.documentable(private) and galleries.documentable(public)
    # even its owner, who sees it, gets no gallery of it: a gallery's label is read by many
    monkeypatch.setattr(galleries, "can_view_record", lambda user, record: True)
    with pytest.raises(ValidationError, match="private"):
        galleries.target(admin, galleries.key_of(private))
    assert galleries.target(admin, galleries.key_of(public)).label
    response = fetch(client_for(admin), "get", reverse("calendar_app:meeting", args=[public.pk]))
    assert f"record=calendar_app.entry%3A{public.pk}" in response.content.decode()
