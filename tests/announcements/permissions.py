"""Rows of the permission matrix for internal announcements: every member of staff reads those
addressed to them (the world's announcement is for the liaison's unit WOK only: others 404,
administrators see all); the secretariat, office staff and management write them; only the author
(the secretariat persona here) and administrators change one."""

from __future__ import annotations

from tests.matrix import Row, World, pk_of, table

ADMINS = frozenset({"administrator", "superuser"})
WRITERS = ADMINS | {"secretariat", "office_staff", "management"}
READERS = ADMINS | {"secretariat", "unit_liaison"}  # the author, the addressed unit, administrators


def build(world: World) -> None:
    from office.announcements.models import Announcement
    from office.announcements.services import save_announcement

    announcement = save_announcement(
        actor=world.people["secretariat"],
        announcement=Announcement(title="Sprawozdania kwartalne", body="Do 15 grudnia.", to_all=False),
        units=[world.units["WOK"]],
    )
    world.extra["announcement"] = announcement


EXPECTED: dict[str, Row] = {
    "announcements:announcement_list": Row("get", table(200), wrong="post"),
    "announcements:announcement_create": Row("get", table(403, (WRITERS, 200)), wrong="put"),
    "announcements:announcement_detail": Row("get", table(404, (READERS, 200)), pk_of("announcement"), wrong="post"),
    "announcements:announcement_edit": Row(
        "get", table(404, ({"unit_liaison"}, 403), (ADMINS | {"secretariat"}, 200)), pk_of("announcement"), wrong="put"
    ),
    "announcements:announcement_read": Row("post", table(404, (READERS, 302)), pk_of("announcement"), wrong="get"),
}
