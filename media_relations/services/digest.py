"""The weekly monitoring digest for the mayor and management: important publications and open
response cases; once per week per user (``DigestDelivery`` kind ``media-weekly`` on the Monday)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import override

from media_relations.models import Importance, Publication, ResponseCase, ResponseStatus, Tone
from office.models import DigestDelivery
from office.services.mail import send_templated

WEEKLY_DIGEST = "media-weekly"


def weekly_digest_recipients() -> list[int]:
    """Active users with an e-mail who may approve answers (the mayor, deputies, the spokesperson)."""
    perm = Permission.objects.get(codename="approve_answer", content_type__app_label="media_relations")
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return list(
        users.filter(Q(user_permissions=perm) | Q(groups__permissions=perm) | Q(is_superuser=True))
        .distinct()
        .values_list("pk", flat=True)
    )


def weekly_content(week_start: dt.date) -> dict[str, Any]:
    since = week_start - dt.timedelta(days=7)
    important = list(
        Publication.objects.filter(published_on__gte=since, published_on__lt=week_start)
        .filter(Q(importance=Importance.HIGH) | Q(tone=Tone.NEGATIVE))
        .select_related("outlet")
        .order_by("-published_on", "-id")[:30]
    )
    cases = list(
        ResponseCase.objects.exclude(status=ResponseStatus.CLOSED)
        .select_related("publication__outlet")
        .order_by("send_due", "id")[:30]
    )
    return {"since": since, "until": week_start - dt.timedelta(days=1), "publications": important, "cases": cases}


def send_weekly_digest(*, user_id: int, week_start: dt.date) -> bool:
    """Send the week's digest to one user, at most once (the delivery row is made with the send)."""
    user = get_user_model().objects.get(pk=user_id)
    if not user.is_active or not user.email:
        return False
    content = weekly_content(week_start)
    if not content["publications"] and not content["cases"]:
        return False
    with override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
        try:
            with transaction.atomic():
                DigestDelivery.objects.create(user=user, kind=WEEKLY_DIGEST, day=week_start)
                send_templated(
                    to=[user.email],
                    subject=_("Media monitoring: the week to %(day)s") % {"day": content["until"].strftime("%d.%m.%Y")},
                    template="media_relations/email/weekly_digest",
                    context={"user": user, **content},
                )
        except IntegrityError:
            return False
    return True
