"""Interpellations and questions (u.s.g. art. 24): registered with the statutory deadline,
forwarded to units as office Assignments, the draft answer approved by the mayor or a deputy, the
answer sent; statistics per councillor, unit and timeliness. Every function is a complete change:
validated, atomic, on the audit trail. The caller (a view) decided that ``actor`` may do it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from office.council.deadlines import CouncilRules
from office.council.models import OPEN_STATUSES, Councillor, Interpellation, InterpellationStatus
from office.council.workflows import INTERPELLATION_WORKFLOW
from office.deadlines import compute_deadline
from office.models import Assignment, AssignmentStatus, OfficeHolder, OrgUnit
from office.services import assignments as assignment_services
from office.services import audit

S = InterpellationStatus
#: The key of the advisory lock under which the numbers of a year are given.
NUMBER_LOCK = 7311


def interpellation_url(interpellation: Interpellation) -> str:
    return reverse("council:interpellation_detail", args=[interpellation.pk])


def _lock_numbers(year: int) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [NUMBER_LOCK, year])


def _deadline(interpellation: Interpellation) -> Any:
    deadline = compute_deadline(CouncilRules.INTERPELLATION_ANSWER, interpellation.received_on)
    interpellation.due_on, interpellation.due_rule = deadline.due, deadline.label
    return deadline


def _check_received(received_on: dt.date) -> None:
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date of receipt cannot be in the future.")})


@transaction.atomic
def register_interpellation(*, actor: Any, interpellation: Interpellation) -> Interpellation:
    """Register an interpellation or question: the next number of its year, the answer due 14 days
    after receipt (moved to the next working day)."""
    _check_received(interpellation.received_on)
    year = interpellation.received_on.year
    _lock_numbers(year)
    last = Interpellation.objects.filter(year=year).aggregate(last=Max("number"))["last"] or 0
    interpellation.year, interpellation.number = year, last + 1
    interpellation.subject = interpellation.subject.strip()
    _deadline(interpellation)
    interpellation.created_by = actor if getattr(actor, "is_authenticated", False) else None
    interpellation.full_clean()
    interpellation.save()
    audit.record_create(actor=actor, instance=interpellation)
    return interpellation


@transaction.atomic
def update_interpellation(*, actor: Any, interpellation: Interpellation) -> Interpellation:
    """Correct what was typed before the answer; the deadline follows the date of receipt."""
    _check_received(interpellation.received_on)
    if interpellation.received_on.year != interpellation.year:
        raise ValidationError({"received_on": _("The date of receipt stays in the year of the number.")})
    _deadline(interpellation)
    interpellation.subject = interpellation.subject.strip()
    return audit.save_record(actor=actor, record=interpellation)


def _locked(interpellation: Interpellation) -> Interpellation:
    return Interpellation.objects.select_for_update(of=("self",)).select_related("councillor").get(pk=interpellation.pk)


def _move(actor: Any, interpellation: Interpellation, target: str, fields: dict[str, Any], message: str = "") -> None:
    INTERPELLATION_WORKFLOW.check(interpellation.status, target)
    before = audit.snapshot(interpellation, ["status", *fields])
    interpellation.status = target
    for name, value in fields.items():
        setattr(interpellation, name, value)
    interpellation.save()
    audit.record_update(actor=actor, instance=interpellation, before=before, message=message)


def assignments_of(interpellation: Interpellation) -> QuerySet:
    ct = ContentType.objects.get_for_model(Interpellation)
    return Assignment.objects.filter(source_type=ct, source_id=interpellation.pk)


@transaction.atomic
def forward(*, actor: Any, interpellation: Interpellation, units: Any, instruction: str = "") -> list[Assignment]:
    """Forward to one or more units: an Assignment each, due on the statutory deadline computed
    from the date of receipt (the unit's answer feeds the draft). A unit already asked is not asked twice."""
    interpellation = _locked(interpellation)
    units = list(units)
    if not units:
        raise ValidationError({"units": _("Choose at least one unit.")})
    asked = set(assignments_of(interpellation).exclude(status=AssignmentStatus.CLOSED).values_list("unit", flat=True))
    again = [unit for unit in units if unit.pk in asked]
    if again:
        raise ValidationError(
            {"units": _("Already asked: %(units)s.") % {"units": ", ".join(unit.symbol for unit in again)}}
        )
    deadline = compute_deadline(CouncilRules.INTERPELLATION_ANSWER, interpellation.received_on)
    made = [
        assignment_services.hand_over(
            actor=actor,
            title=_("Answer to %(ref)s: %(subject)s")
            % {"ref": interpellation.reference, "subject": interpellation.subject},
            unit=unit,
            deadline=deadline,
            description=instruction.strip() or interpellation.text,
            source=interpellation,
            source_label=str(interpellation),
            source_url=interpellation_url(interpellation),
        )
        for unit in units
    ]
    _move(actor, interpellation, S.IN_PREPARATION, {}, _("Forwarded to %(units)s.") % {"units": _symbols(units)})
    return made


def _symbols(units: list[OrgUnit]) -> str:
    return ", ".join(unit.symbol for unit in units)


@transaction.atomic
def submit_draft(*, actor: Any, interpellation: Interpellation, text: str) -> Interpellation:
    """The draft answer, written from the units' replies, goes to the mayor or a deputy for approval."""
    interpellation = _locked(interpellation)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the draft answer.")})
    _move(actor, interpellation, S.FOR_APPROVAL, {"draft_answer": text, "submitted_on": timezone.localdate()})
    return interpellation


@transaction.atomic
def approve(*, actor: Any, interpellation: Interpellation, approved_by: OfficeHolder) -> Interpellation:
    """The mayor or a deputy approves the draft answer."""
    interpellation = _locked(interpellation)
    if approved_by.role not in (OfficeHolder.Role.MAYOR, OfficeHolder.Role.DEPUTY) or not approved_by.is_active:
        raise ValidationError({"approved_by": _("The answer is approved by the mayor or a deputy mayor.")})
    _move(actor, interpellation, S.APPROVED, {"approved_by": approved_by, "approved_on": timezone.localdate()})
    return interpellation


@transaction.atomic
def send_back(*, actor: Any, interpellation: Interpellation, text: str) -> Interpellation:
    """The draft is sent back for changes (an approved draft too, before it is sent); the reason is kept."""
    interpellation = _locked(interpellation)
    if not text.strip():
        raise ValidationError({"text": _("Say what should change.")})
    _move(actor, interpellation, S.IN_PREPARATION, {"approved_by": None, "approved_on": None}, text.strip())
    return interpellation


@transaction.atomic
def send_answer(*, actor: Any, interpellation: Interpellation, answered_on: dt.date) -> Interpellation:
    """The approved answer is sent to the councillor (and the council's chair) on ``answered_on``:
    never before the interpellation was received, never in the future. The units' assignments close."""
    interpellation = _locked(interpellation)
    if answered_on < interpellation.received_on:
        raise ValidationError(
            {
                "answered_on": _("The answer cannot be dated before the interpellation was received (%(day)s).")
                % {"day": interpellation.received_on.strftime("%d.%m.%Y")}
            }
        )
    if answered_on > timezone.localdate():
        raise ValidationError({"answered_on": _("The date cannot be in the future.")})
    if interpellation.approved_on and answered_on < interpellation.approved_on:
        raise ValidationError({"answered_on": _("The answer is sent after it was approved.")})
    _move(
        actor,
        interpellation,
        S.ANSWERED,
        {"answer": interpellation.draft_answer, "answered_on": answered_on},
    )
    _close_assignments(actor, interpellation, _("The answer was sent."))
    return interpellation


def _close_assignments(actor: Any, interpellation: Interpellation, text: str) -> None:
    for assignment in assignments_of(interpellation).exclude(status=AssignmentStatus.CLOSED):
        assignment_services.decide(actor=actor, assignment=assignment, target=AssignmentStatus.CLOSED, text=text)


@transaction.atomic
def withdraw(*, actor: Any, interpellation: Interpellation, text: str = "") -> Interpellation:
    """The councillor withdrew the interpellation: no answer is owed, the units' assignments close."""
    interpellation = _locked(interpellation)
    _move(actor, interpellation, S.WITHDRAWN, {}, text.strip())
    _close_assignments(actor, interpellation, text.strip() or _("The interpellation was withdrawn."))
    return interpellation


# --- Reading ---------------------------------------------------------------------------------------


def overdue(today: dt.date | None = None) -> QuerySet:
    """Open interpellations past their deadline, the oldest deadline first."""
    today = today or timezone.localdate()
    return (
        Interpellation.objects.filter(status__in=OPEN_STATUSES, due_on__lt=today)
        .select_related("councillor")
        .order_by("due_on", "id")
    )


def published() -> QuerySet:
    """What the BIP shows: every interpellation not withdrawn, with the councillor, newest first."""
    return (
        Interpellation.objects.exclude(status=S.WITHDRAWN)
        .select_related("councillor")
        .only(
            "pk",
            "year",
            "number",
            "kind",
            "received_on",
            "subject",
            "text",
            "status",
            "answer",
            "answered_on",
            "updated_at",
            "due_on",
            "councillor__first_name",
            "councillor__last_name",
            "councillor__club",
        )
        .order_by("-received_on", "-id")
    )


def _timeliness(qs: QuerySet, today: dt.date) -> dict[str, Any]:
    return qs.aggregate(
        total=Count("id"),
        answered=Count("id", filter=Q(status=S.ANSWERED)),
        on_time=Count("id", filter=Q(status=S.ANSWERED, answered_on__lte=F("due_on"))),
        late=Count("id", filter=Q(status=S.ANSWERED, answered_on__gt=F("due_on"))),
        open=Count("id", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("id", filter=Q(status__in=OPEN_STATUSES, due_on__lt=today)),
        withdrawn=Count("id", filter=Q(status=S.WITHDRAWN)),
    )


def statistics(year: int) -> dict[str, Any]:
    """Interpellations received in ``year``: totals and timeliness, per councillor and per unit."""
    today = timezone.localdate()
    qs = Interpellation.objects.filter(year=year)
    per_councillor = (
        Councillor.objects.filter(interpellations__year=year)
        .annotate(
            total=Count("interpellations", filter=Q(interpellations__year=year)),
            on_time=Count(
                "interpellations",
                filter=Q(
                    interpellations__year=year,
                    interpellations__status=S.ANSWERED,
                    interpellations__answered_on__lte=F("interpellations__due_on"),
                ),
            ),
            late=Count(
                "interpellations",
                filter=Q(
                    interpellations__year=year,
                    interpellations__status=S.ANSWERED,
                    interpellations__answered_on__gt=F("interpellations__due_on"),
                ),
            ),
            open=Count(
                "interpellations",
                filter=Q(interpellations__year=year, interpellations__status__in=OPEN_STATUSES),
            ),
        )
        .order_by("-total", "last_name", "first_name")
    )
    ct = ContentType.objects.get_for_model(Interpellation)
    ids = qs.values("pk")
    per_unit = (
        Assignment.objects.filter(source_type=ct, source_id__in=ids)
        .values("unit__symbol", "unit__name")
        .annotate(
            total=Count("id"),
            answered=Count("id", filter=Q(answered_at__isnull=False)),
            late=Count("id", filter=Q(answered_at__date__gt=F("due_date"))),
            overdue=Count(
                "id", filter=Q(status__in=(AssignmentStatus.NEW, AssignmentStatus.IN_PROGRESS), due_date__lt=today)
            ),
        )
        .order_by("-total", "unit__symbol")
    )
    return {"totals": _timeliness(qs, today), "per_councillor": list(per_councillor), "per_unit": list(per_unit)}
