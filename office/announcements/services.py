"""Internal announcements: published to all staff or chosen units, confirmed read by each reader."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from office.announcements.models import Announcement, AnnouncementRead
from office.services import audit


@transaction.atomic
def save_announcement(*, actor: Any, announcement: Announcement, units: Any = None) -> Announcement:
    if announcement.pk is None:
        announcement.author = actor
    if not announcement.to_all and not units:
        raise ValidationError({"units": _("Choose the units, or address the announcement to all staff.")})
    if announcement.visible_until and announcement.visible_until <= announcement.published_at:
        raise ValidationError({"visible_until": _("An announcement must be shown for a while after it is published.")})
    return audit.save_record(actor=actor, record=announcement, related={"units": [] if announcement.to_all else units})


def mark_read(*, actor: Any, announcement: Announcement) -> AnnouncementRead:
    """The reader confirms reading (once: a second confirmation changes nothing)."""
    try:
        with transaction.atomic():
            return AnnouncementRead.objects.create(announcement=announcement, user=actor)
    except IntegrityError:
        return AnnouncementRead.objects.get(announcement=announcement, user=actor)


def audience(announcement: Announcement) -> QuerySet:
    """The active staff the announcement is addressed to."""
    users = get_user_model().objects.filter(is_active=True)
    if announcement.to_all:
        return users
    return users.filter(unit__in=announcement.units.all())


def unread_for(user: Any) -> QuerySet[Announcement]:
    return (
        Announcement.objects.current()
        .for_user(user)
        .exclude(reads__user=user)
        .order_by("-is_important", "-published_at")
    )


def read_summary(announcement: Announcement) -> dict[str, Any]:
    """For the author: who confirmed reading, and who of the audience has not yet."""
    reads = list(announcement.reads.select_related("user__unit").order_by("read_at"))
    readers = {read.user_id for read in reads}
    waiting = (
        audience(announcement).exclude(Q(pk__in=readers)).select_related("unit").order_by("last_name", "first_name")
    )
    return {"reads": reads, "waiting": list(waiting[:200]), "waiting_count": waiting.count()}
