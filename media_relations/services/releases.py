"""Press releases: draft → approval → published; the newsroom; e-mail distribution once per recipient.

Distribution: ``distribute`` creates one ``Delivery`` row per release × recipient (a unique
constraint, ``ignore_conflicts``), then enqueues ``tasks.send_release_deliveries`` after
commit. The task claims each row (``pending → sending`` with a conditional UPDATE) before it
sends, so a second run or a duplicate task delivery never sends a message twice.

A worker killed mid-distribution leaves one row ``sending`` (was it sent? nobody knows) and the
rest ``pending``. Every minute beat runs ``recover_deliveries``: a row ``sending`` for longer than
``LEASE`` becomes ``uncertain`` (the press officer sends it again or marks it sent), and a
distribution with waiting rows that nobody has claimed for ``LEASE`` is enqueued again.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from media_relations.models import Delivery, DistributionList, Release, ReleaseStatus
from media_relations.workflows import RELEASE_WORKFLOW
from office.services import audit
from office.services.mail import send_templated

logger = logging.getLogger(__name__)
BATCH = 200
#: A message claimed longer ago than this and still "sending": its worker died while sending it.
LEASE = dt.timedelta(minutes=2)


def _unique_slug(title: str, exclude_pk: int | None) -> str:
    base = slugify(title.replace("ł", "l").replace("Ł", "L"))[:100] or "komunikat"
    slug, n = base, 2
    while Release.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def save_release(*, actor: Any, release: Release) -> Release:
    if release.pk and Release.objects.get(pk=release.pk).status == ReleaseStatus.PUBLISHED:
        raise ValidationError(_("A published release cannot be changed."))
    if not release.slug:
        release.slug = _unique_slug(release.title, release.pk)
    if release.pk is None:
        release.created_by = actor
    return audit.save_record(actor=actor, record=release)


@transaction.atomic
def move_release(*, actor: Any, release: Release, target: str) -> Release:
    """Submit for approval, send back, or approve and publish (the caller holds approve_answer)."""
    release = Release.objects.select_for_update(of=("self",)).get(pk=release.pk)
    RELEASE_WORKFLOW.check(release.status, target)
    if target == ReleaseStatus.PUBLISHED:
        release.published_at = timezone.now()
        release.approved_by = actor
    before = audit.snapshot(release, ["status", "published_at"])
    release.status = target
    release.save()
    audit.record(
        actor=actor,
        instance=release,
        action="transition",
        changes=audit.diff(before, audit.snapshot(release, ["status", "published_at"])),
    )
    return release


def newsroom_releases(now: dt.datetime | None = None) -> QuerySet[Release]:
    """Published releases past their embargo, newest first (what the public sees)."""
    now = now or timezone.now()
    return (
        Release.objects.filter(status=ReleaseStatus.PUBLISHED, published_at__lte=now)
        .filter(Q(embargo_until__isnull=True) | Q(embargo_until__lte=now))
        .order_by("-published_at", "-id")
    )


@transaction.atomic
def distribute(*, actor: Any, release: Release, lists: list[DistributionList]) -> int:
    """Queue the release for every journalist with an e-mail on ``lists``; returns how many are new."""
    if release.status != ReleaseStatus.PUBLISHED:
        raise ValidationError(_("Only a published release can be sent."))
    if not lists:
        raise ValidationError({"lists": _("Choose at least one distribution list.")})
    recipients: dict[str, int] = {}
    for journalist_id, email in (
        DistributionList.journalists.through.objects.filter(distributionlist__in=lists)
        .exclude(journalist__email="")
        .values_list("journalist_id", "journalist__email")
    ):
        recipients.setdefault(email.strip().lower(), journalist_id)
    before = Delivery.objects.filter(release=release).count()
    Delivery.objects.bulk_create(
        [Delivery(release=release, journalist_id=jid, email=email) for email, jid in recipients.items()],
        ignore_conflicts=True,
        batch_size=500,
    )
    added = Delivery.objects.filter(release=release).count() - before
    audit.record(
        actor=actor,
        instance=release,
        action="action",
        message=audit.note(
            gettext_noop("Sent to %(lists)s: %(n)d new recipients"), lists=", ".join(map(str, lists)), n=added
        ),
    )

    _enqueue(release.pk)
    return added


def _enqueue(release_id: int) -> None:
    def enqueue() -> None:
        from media_relations.tasks import send_release_deliveries

        send_release_deliveries.delay(release_id)

    transaction.on_commit(enqueue)


def _claim(delivery_id: int) -> bool:
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SENDING, claimed_at=timezone.now()
        )
    )


def send_pending_deliveries(*, release_id: int, batch: int = BATCH, until: float | None = None) -> int:
    """Send every waiting delivery of the release, each after claiming it; returns how many were sent.

    ``until`` (``time.monotonic()``): stop between batches after it (the caller enqueues the rest)."""
    release = Release.objects.get(pk=release_id)
    url = settings.SITE_URL + reverse("media_relations:newsroom_detail", args=[release.slug])
    sent = 0
    while until is None or time.monotonic() < until:
        ids = list(
            Delivery.objects.filter(release_id=release_id, status=Delivery.Status.PENDING)
            .order_by("id")
            .values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return sent
        with get_connection() as connection:  # one SMTP session per batch
            sent += _send_batch(release, url, ids, connection)
    return sent


def has_waiting_deliveries(release_id: int) -> bool:
    return Delivery.objects.filter(release_id=release_id, status=Delivery.Status.PENDING).exists()


def _send_batch(release: Release, url: str, ids: list[int], connection: Any) -> int:
    sent = 0
    for delivery in Delivery.objects.filter(pk__in=ids).order_by("id"):
        if not _claim(delivery.pk):
            continue  # another worker has it
        try:
            send_templated(
                to=[delivery.email],
                subject=release.title,
                template="media_relations/email/release",
                context={"release": release, "url": url},
                connection=connection,
            )
        except Exception as error:  # a refused address must not stop the others
            logger.warning("Release %s to %s failed: %s", release.pk, delivery.email, error)
            _settle(delivery).update(status=Delivery.Status.FAILED, error=str(error)[:500])
        else:
            _settle(delivery).update(status=Delivery.Status.SENT, sent_at=timezone.now(), error="")
            sent += 1
    return sent


def _settle(delivery: Delivery) -> QuerySet[Delivery]:
    """The row to record the outcome on: still this send's (a slow send past its lease that was
    marked uncertain meanwhile gets its true outcome; a decision of the press officer stays)."""
    return Delivery.objects.filter(pk=delivery.pk, status__in=[Delivery.Status.SENDING, Delivery.Status.UNCERTAIN])


def stuck_deliveries() -> QuerySet[Delivery]:
    """Messages "sending" for longer than the lease: their worker died while sending them."""
    cutoff = timezone.now() - LEASE
    return Delivery.objects.filter(status=Delivery.Status.SENDING).filter(
        Q(claimed_at__lt=cutoff) | Q(claimed_at__isnull=True)
    )


def recover_deliveries() -> dict[str, int]:
    """Every minute (beat): messages stuck "sending" become uncertain; stalled distributions go on."""
    uncertain = stuck_deliveries().update(status=Delivery.Status.UNCERTAIN)
    cutoff = timezone.now() - LEASE
    recent = Delivery.objects.filter(release=OuterRef("release"), claimed_at__gte=cutoff)
    stalled = sorted(
        set(
            Delivery.objects.filter(status=Delivery.Status.PENDING, created_at__lt=cutoff)
            .exclude(Exists(recent))
            .values_list("release_id", flat=True)
        )
    )
    if uncertain:
        logger.warning("%d release messages were left sending by a worker that died: now uncertain", uncertain)
    for release_id in stalled:
        logger.warning("The distribution of release %s stalled; enqueued again", release_id)
        _enqueue(release_id)
    return {"uncertain": uncertain, "resumed": len(stalled)}


def _uncertain(delivery: Delivery) -> QuerySet[Delivery]:
    return Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.UNCERTAIN)


def _not_uncertain() -> ValidationError:
    return ValidationError(_("This message is no longer waiting for a decision."))


@transaction.atomic
def send_again(*, actor: Any, delivery: Delivery) -> Delivery:
    """An uncertain message: send it (again) — the press officer accepts a possible duplicate."""
    if not _uncertain(delivery).update(status=Delivery.Status.PENDING, claimed_at=None, error=""):
        raise _not_uncertain()
    audit.record(
        actor=actor,
        instance=delivery.release,
        action="action",
        message=audit.note(gettext_noop("Sent again to %(email)s after an interrupted sending"), email=delivery.email),
    )
    _enqueue(delivery.release_id)
    return delivery


@transaction.atomic
def mark_sent(*, actor: Any, delivery: Delivery) -> Delivery:
    """An uncertain message the press officer knows arrived (the journalist confirmed it)."""
    if not _uncertain(delivery).update(status=Delivery.Status.SENT, sent_at=timezone.now(), error=""):
        raise _not_uncertain()
    audit.record(
        actor=actor,
        instance=delivery.release,
        action="action",
        message=audit.note(
            gettext_noop("Marked as sent to %(email)s after an interrupted sending"), email=delivery.email
        ),
    )
    return delivery


def distribution_progress(release: Release) -> dict[str, int]:
    counts = Delivery.objects.filter(release=release).aggregate(
        total=Count("id"),
        sent=Count("id", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("id", filter=Q(status=Delivery.Status.FAILED)),
        uncertain=Count("id", filter=Q(status=Delivery.Status.UNCERTAIN)),
        waiting=Count("id", filter=Q(status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING])),
    )
    settled = counts["sent"] + counts["failed"] + counts["uncertain"]
    counts["percent"] = round(100 * settled / counts["total"]) if counts["total"] else 0
    return counts
