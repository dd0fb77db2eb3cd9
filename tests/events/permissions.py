"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for ceremonies and events.

Office staff and the secretariat plan events; management and auditors read them; press officers
and unit liaisons have no access (403: there is no record scope, only the permission).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import Row, World, table
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

ADMINS = frozenset({"administrator", "superuser"})
EDITORS = ADMINS | {"office_staff", "secretariat"}
READERS = EDITORS | {"management", "auditor"}
PHOTOGRAPHERS = EDITORS | {"press_officer"}
GALLERY_READERS = READERS | {"press_officer"}
ANYONE = frozenset()


def build(world: World) -> None:
    from events import services
    from events.models import ChecklistItem, Event, EventStatus

    staff = world.people["office_staff"]
    start = timezone.now() + dt.timedelta(days=20)

    def event(name: str, status: str, **fields: Any) -> Event:
        made = services.save_event(
            actor=staff, event=Event(name=name, starts_at=start, ends_at=start + dt.timedelta(hours=2), **fields)
        )
        Event.objects.filter(pk=made.pk).update(status=status)
        made.refresh_from_db()
        return made

    ChecklistItem.objects.create(kind="state", label="Wieńce", unit=world.units["WOK"], days_before=7)
    world.extra["proposed"] = event("Święto Niepodległości", EventStatus.PROPOSED, kind="state")
    world.extra["planned"] = event("Dni Miasta", EventStatus.PLANNED, kind="state")
    world.extra["dropped"] = event("Dzień Flagi", EventStatus.DROPPED, kind="state")
    from events.models import Gift
    from tests.patronage.factories import mayor

    world.extra["gift"] = services.save_gift(
        actor=staff,
        gift=Gift(
            direction="received", holder=mayor(), counterpart_name="Delegacja", occasion="Wizyta", description="Album"
        ),
    )
    from events.models import Consent, Gallery, Video
    from events.services import galleries, guests
    from tests.events.factories import photo_upload

    planned = world.extra["planned"]
    planned.rsvp_by = timezone.localdate() + dt.timedelta(days=10)
    services.save_event(actor=staff, event=planned)
    from office.models import Contact, Tag

    world.extra["newcomer"] = Contact.objects.create(name="Gość Nowy", email="nowy@example.org")
    world.extra["tag"] = Tag.objects.create(name="Goście honorowi")
    world.extra["newcomer"].tags.add(world.extra["tag"])
    world.extra["guest"] = guests.add_guests(actor=staff, event=planned, contacts=[world.contact])[0]
    world.extra["leaving"] = guests.add_guests(actor=staff, event=planned, contacts=[world.duplicate])[0]
    gallery = galleries.save_gallery(
        actor=staff,
        gallery=Gallery(title="Dni Miasta", is_public=True),
        record=galleries.target(staff, galleries.key_of(planned)),
    )
    world.extra["gallery"] = gallery
    photo = galleries.add_photos(
        actor=staff, gallery=gallery, uploads=[photo_upload()], consent=Consent.PUBLIC_FIGURES
    )[0]
    galleries.make_sizes(photo.pk)
    photo.refresh_from_db()
    photo.is_public = True
    world.extra["photo"] = galleries.save_photo(actor=staff, photo=photo)
    world.extra["doomed_photo"] = galleries.add_photos(actor=staff, gallery=gallery, uploads=[photo_upload()])[0]
    world.extra["video"] = galleries.add_video(
        actor=staff,
        video=Video(gallery=gallery, title="Film"),
        upload=SimpleUploadedFile("film.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64, "video/mp4"),
    )
    past = timezone.now() - dt.timedelta(days=3)
    world.extra["past"] = services.save_event(
        actor=staff, event=Event(name="Jubileusz", starts_at=past, ends_at=past + dt.timedelta(hours=2))
    )


def _upload(w: World) -> dict[str, Any]:
    return {
        "attach-file": SimpleUploadedFile("program.txt", b"Program.", "text/plain"),
        "attach-description": "program",
    }


def _row(name: str, target: str, data: Any = None) -> Row:
    return action(target, data or (lambda w: {}), allowed=EDITORS, viewers=READERS, default=403)


EXPECTED = {
    "events:event_list": page(READERS),
    "events:event_create": form(EDITORS),
    "events:plan": form(EDITORS),
    "events:event_detail": record("planned", READERS, default=403),
    "events:event_edit": form(EDITORS, lambda w: {"pk": w.extra["planned"].pk}),
    "events:event_confirm": _row("confirm", "proposed"),
    "events:event_drop": _row("drop", "proposed"),
    "events:event_restore": _row("restore", "dropped"),
    "events:event_held": _row("held", "past"),
    "events:event_cancel": _row("cancel", "planned"),
    "events:event_checklist": _row("checklist", "planned"),
    "events:event_attach": _row("attach", "planned", _upload),
    "events:gift_list": page(READERS),
    "events:gift_print": page(READERS),
    "events:gift_create": form(EDITORS),
    "events:gift_detail": record("gift", READERS, default=403),
    "events:gift_edit": form(EDITORS, lambda w: {"pk": w.extra["gift"].pk}),
    "events:gift_attach": _row("attach", "gift", _upload),
    # guests: the list is read by those who read events; office staff and the secretariat manage it
    "events:guest_list": record("planned", READERS, default=403),
    "events:guests_add": _row("add", "planned", lambda w: {"add-contacts": [w.extra["newcomer"].pk]}),
    "events:guests_add_tagged": _row("add_tagged", "planned", lambda w: {"add-tagged-tag": w.extra["tag"].pk}),
    "events:guests_invite": Row(
        "post",
        table(403, (READERS, 403), (EDITORS, 200)),
        lambda w: {"pk": w.extra["planned"].pk},
        data=lambda w: {},
        wrong="get",
    ),
    "events:guests_remind": _row("remind", "planned"),
    "events:guests_print": Row(
        "post", table(403, (READERS, 302)), lambda w: {"pk": w.extra["planned"].pk}, wrong="get"
    ),
    "events:check_in": form(EDITORS, lambda w: {"pk": w.extra["planned"].pk}),
    "events:guest_edit": form(EDITORS, lambda w: {"pk": w.extra["guest"].pk}),
    "events:guest_arrived": _row("arrived", "guest"),
    "events:guest_not_arrived": _row("not_arrived", "guest"),
    "events:guest_remove": _row("remove", "leaving"),
    # the guest's own page: anybody with the link
    "events:rsvp": Row("get", table(200, anonymous=200), lambda w: {"token": w.extra["guest"].token}, wrong="put"),
    # galleries: the press office's photographers too
    "events:gallery_list": page(GALLERY_READERS),
    "events:gallery_create": form(PHOTOGRAPHERS),
    "events:gallery_detail": record("gallery", GALLERY_READERS, default=403),
    "events:gallery_edit": form(PHOTOGRAPHERS, lambda w: {"pk": w.extra["gallery"].pk}),
    "events:gallery_upload": Row(
        "post",
        table(403, (GALLERY_READERS, 403), (PHOTOGRAPHERS, 200)),
        lambda w: {"pk": w.extra["gallery"].pk},
        data=lambda w: {},
        wrong="get",
    ),
    "events:gallery_video": action(
        "gallery",
        lambda w: {"video-title": "Relacja", "video-link": "https://example.org/film", "video-consent": "nobody"},
        allowed=PHOTOGRAPHERS,
        viewers=GALLERY_READERS,
        default=403,
    ),
    "events:photo_edit": form(PHOTOGRAPHERS, lambda w: {"pk": w.extra["photo"].pk}),
    "events:photo_delete": action(
        "doomed_photo", lambda w: {}, allowed=PHOTOGRAPHERS, viewers=GALLERY_READERS, default=403
    ),
    "events:photo_file": Row(
        "get",
        table(403, (GALLERY_READERS, 200)),
        lambda w: {"pk": w.extra["photo"].pk, "size": "thumb"},
        wrong="post",
    ),
    "events:video_file": record("video", GALLERY_READERS, default=403),
    "events:public_galleries": Row("get", table(200, anonymous=200), wrong="post"),
    "events:public_gallery": Row(
        "get", table(200, anonymous=200), lambda w: {"pk": w.extra["gallery"].pk}, wrong="post"
    ),
    "events:public_photo": Row(
        "get", table(200, anonymous=200), lambda w: {"pk": w.extra["photo"].pk, "size": "web"}, wrong="post"
    ),
}
