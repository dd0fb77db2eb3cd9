"""The resolutions register (a resolution tasking the mayor becomes an office Assignment of the
responsible unit, reports on its implementation), the mayor's draft resolutions with the filing
deadline before the session, and the request for an extraordinary session (its letter written by
correspondence's letters service, the date the session must be held by, tracked to the session)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from correspondence.services import letters as letter_services
from office.council.deadlines import CouncilRules
from office.council.models import (
    DraftResolution,
    ExtraordinaryRequest,
    ImplementationReport,
    RequestStatus,
    Resolution,
    ResolutionStatus,
    Session,
    SessionKind,
)
from office.council.services.council import agenda_lines
from office.deadlines import compute_deadline
from office.models import AssignmentStatus, DeadlineRule, OfficeHolder
from office.services import assignments as assignment_services
from office.services import audit

#: The letter source of the request for an extraordinary session: its merge fields.
REQUEST_SOURCE = "wniosek_sesja"


def resolution_url(resolution: Resolution) -> str:
    return reverse("council:resolution_detail", args=[resolution.pk])


def request_url(request: ExtraordinaryRequest) -> str:
    return reverse("council:request_detail", args=[request.pk])


def draft_url(draft: DraftResolution) -> str:
    return reverse("council:draft_detail", args=[draft.pk])


def _not_future(day: dt.date | None, field: str) -> None:
    if day and day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})


# --- Resolutions -----------------------------------------------------------------------------------


@transaction.atomic
def save_resolution(*, actor: Any, resolution: Resolution) -> Resolution:
    """Register or correct a resolution. One that tasks the mayor is handed to its responsible
    unit as an office Assignment due on the resolution's own deadline (once)."""
    _not_future(resolution.adopted_on, "adopted_on")
    if resolution.due_on and resolution.due_on < resolution.adopted_on:
        raise ValidationError({"due_on": _("The deadline comes after the resolution was adopted.")})
    if resolution.tasks_mayor and (resolution.unit_id is None or resolution.due_on is None):
        raise ValidationError(
            {"unit": _("A resolution that tasks the mayor needs the responsible unit and its deadline.")}
        )
    resolution.number, resolution.title = resolution.number.strip(), resolution.title.strip()
    if resolution.pk is None:
        resolution.created_by = actor
    resolution = audit.save_record(actor=actor, record=resolution)
    if resolution.tasks_mayor and resolution.assignment_id is None and resolution.is_open:
        assignment = assignment_services.hand_over(
            actor=actor,
            title=_("Carry out resolution %(number)s") % {"number": resolution.number},
            unit=resolution.unit,
            due_date=resolution.due_on,
            description=resolution.title,
            source=resolution,
            source_label=str(resolution),
            source_url=resolution_url(resolution),
        )
        Resolution.objects.filter(pk=resolution.pk).update(assignment=assignment)
        resolution.assignment = assignment
    return resolution


@transaction.atomic
def report(
    *, actor: Any, resolution: Resolution, reported_on: dt.date, text: str, final: bool = False
) -> ImplementationReport:
    """A report on carrying out the resolution; the final one closes it (and its assignment)."""
    resolution = Resolution.objects.select_for_update(of=("self",)).get(pk=resolution.pk)
    if not resolution.is_open:
        raise ValidationError({"text": _("The resolution is no longer being carried out.")})
    if not text.strip():
        raise ValidationError({"text": _("Write what was done.")})
    if reported_on < resolution.adopted_on:
        raise ValidationError({"reported_on": _("A report comes after the resolution was adopted.")})
    _not_future(reported_on, "reported_on")
    made = ImplementationReport.objects.create(
        resolution=resolution, reported_on=reported_on, text=text.strip(), final=final, created_by=actor
    )
    audit.record_create(actor=actor, instance=made)
    if final:
        before = audit.snapshot(resolution, ["status", "carried_out_on"])
        resolution.status, resolution.carried_out_on = ResolutionStatus.CARRIED_OUT, reported_on
        resolution.save()
        audit.record_update(actor=actor, instance=resolution, before=before)
        _close(actor, resolution, _("The resolution was carried out."))
    return made


def _close(actor: Any, resolution: Resolution, text: str) -> None:
    if resolution.assignment_id and resolution.assignment.status != AssignmentStatus.CLOSED:
        assignment_services.decide(
            actor=actor, assignment=resolution.assignment, target=AssignmentStatus.CLOSED, text=text
        )


@transaction.atomic
def repeal(*, actor: Any, resolution: Resolution, text: str) -> Resolution:
    """The resolution was repealed (or lost force); nothing more is to be carried out."""
    resolution = Resolution.objects.select_for_update(of=("self",)).get(pk=resolution.pk)
    if not resolution.is_open:
        raise ValidationError({"text": _("The resolution is no longer being carried out.")})
    if not text.strip():
        raise ValidationError({"text": _("Name the resolution or ruling that repealed it.")})
    before = audit.snapshot(resolution, ["status"])
    resolution.status = ResolutionStatus.REPEALED
    resolution.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=resolution, before=before, message=text.strip())
    _close(actor, resolution, text.strip())
    return resolution


# --- Draft resolutions -----------------------------------------------------------------------------


def filing_deadline(session: Session) -> tuple[dt.date, str]:
    """The last day to file a draft for ``session``: the rule's days before it (u.s.g. art. 20 ust. 7),
    with the rule's label."""
    rule = DeadlineRule.objects.get(code=CouncilRules.DRAFT_RESOLUTION_FILING.code)
    return session.day - dt.timedelta(days=rule.amount), f"{rule.name} ({rule.basis})"


def _flag(draft: DraftResolution) -> None:
    if draft.session_id is None:
        draft.latest_on, draft.filing_rule, draft.is_late = None, "", False
        return
    draft.latest_on, draft.filing_rule = filing_deadline(draft.session)
    draft.is_late = draft.filed_on is not None and draft.filed_on > draft.latest_on


@transaction.atomic
def save_draft(*, actor: Any, draft: DraftResolution) -> DraftResolution:
    """Register or change a draft; its filing deadline follows the session it is for."""
    draft.title = draft.title.strip()
    if draft.session_id and not draft.session.is_planned and not draft.is_filed:
        raise ValidationError({"session": _("Drafts are prepared for a planned session.")})
    _flag(draft)
    if draft.pk is None:
        draft.created_by = actor
    return audit.save_record(actor=actor, record=draft)


@transaction.atomic
def file_draft(*, actor: Any, draft: DraftResolution, filed_on: dt.date) -> DraftResolution:
    """The draft is filed with the council's chair on ``filed_on``; filed later than the rule's days
    before the session, it is flagged (the chair decides whether the council takes it)."""
    draft = DraftResolution.objects.select_for_update(of=("self",)).select_related("session").get(pk=draft.pk)
    if draft.is_filed:
        raise ValidationError({"filed_on": _("The draft was filed already.")})
    if draft.session_id is None:
        raise ValidationError({"filed_on": _("Choose the session the draft is for first.")})
    _not_future(filed_on, "filed_on")
    if filed_on > draft.session.day:
        raise ValidationError({"filed_on": _("A draft is filed before its session.")})
    before = audit.snapshot(draft, ["filed_on", "is_late"])
    draft.filed_on = filed_on
    _flag(draft)
    draft.save()
    audit.record_update(actor=actor, instance=draft, before=before)
    return draft


# --- Extraordinary session -------------------------------------------------------------------------


@transaction.atomic
def save_request(*, actor: Any, request: ExtraordinaryRequest, drafts: Any = None) -> ExtraordinaryRequest:
    """Prepare or change the request with its agenda and the drafts attached to it."""
    if request.pk and request.status != RequestStatus.PREPARED:
        raise ValidationError({"subject": _("A request sent to the chair is not changed any more.")})
    if not agenda_lines(request.agenda):
        raise ValidationError({"agenda": _("Give at least one point of the agenda.")})
    request.subject = request.subject.strip()
    if request.pk is None:
        request.created_by = actor
    request = audit.save_record(actor=actor, record=request)
    if drafts is not None:
        DraftResolution.objects.filter(request=request).exclude(pk__in=[d.pk for d in drafts]).update(request=None)
        DraftResolution.objects.filter(pk__in=[d.pk for d in drafts]).update(request=request)
    return request


def request_fields(request: ExtraordinaryRequest, hold_by: dt.date) -> dict[str, str]:
    """The merge fields of the ``wniosek_sesja`` letter source, in Polish whatever the page's language."""
    with translation.override("pl"):
        points = agenda_lines(request.agenda)
        drafts = [d.title for d in request.drafts.order_by("pk")]
        return {
            "temat": request.subject,
            "porzadek_obrad": "\n".join(f"{n}. {point}" for n, point in enumerate(points, start=1)),
            "projekty_uchwal": "\n".join(f"– {title}" for title in drafts) or "brak",
            "uzasadnienie": request.justification,
            "termin_sesji": date_format(hold_by, "j E Y") + " r.",
        }


@transaction.atomic
def send_request(
    *, actor: Any, request: ExtraordinaryRequest, template: Any, filed_on: dt.date, signatory: OfficeHolder
) -> ExtraordinaryRequest:
    """The request goes to the council's chair: the letter from a template of the ``wniosek_sesja``
    source, numbered in the outgoing register, and the date the session must be held by (the rule's
    7 days from the request)."""
    request = ExtraordinaryRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    if request.status != RequestStatus.PREPARED:
        raise ValidationError({"template": _("The request was sent already.")})
    if template is None or template.source_kind != REQUEST_SOURCE:
        raise ValidationError({"template": _("Choose a template of a request for an extraordinary session.")})
    _not_future(filed_on, "filed_on")
    unit = letter_services.register_unit(actor)
    if unit is None:
        raise ValidationError({"template": _("There is no register to number the letter in.")})
    deadline = compute_deadline(CouncilRules.EXTRAORDINARY_SESSION, filed_on)
    letter = letter_services.write_letter(
        actor=actor,
        template=template,
        contact=request.addressee,
        signatory=signatory,
        unit=unit,
        dated_on=filed_on,
        source_fields=request_fields(request, deadline.due),
    )
    before = audit.snapshot(request, ["status", "filed_on", "hold_by", "letter"])
    request.status, request.filed_on, request.letter = RequestStatus.SENT, filed_on, letter
    request.hold_by, request.hold_rule = deadline.due, deadline.label
    request.save()
    audit.record_update(actor=actor, instance=request, before=before)
    return request


@transaction.atomic
def link_session(*, actor: Any, request: ExtraordinaryRequest, session: Session) -> ExtraordinaryRequest:
    """The chair convened the session: the request is tracked to it and its drafts go to it."""
    request = ExtraordinaryRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    if request.status != RequestStatus.SENT:
        raise ValidationError({"session": _("Link the session once the request was sent.")})
    if session.kind != SessionKind.EXTRAORDINARY:
        raise ValidationError({"session": _("Choose an extraordinary session.")})
    if session.day < request.filed_on:
        raise ValidationError({"session": _("The session comes after the request.")})
    before = audit.snapshot(request, ["status", "session"])
    request.status, request.session = RequestStatus.CONVENED, session
    request.save()
    audit.record_update(actor=actor, instance=request, before=before)
    for draft in request.drafts.filter(session__isnull=True):
        draft.session = session
        draft.latest_on, draft.filing_rule = filing_deadline(session)
        draft.save(update_fields=["session", "latest_on", "filing_rule", "updated_at"])
    return request
