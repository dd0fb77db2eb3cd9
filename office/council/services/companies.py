"""Municipal companies: the register, their meetings, the office's opinion on the meeting's documents
(an office Assignment due the working day before the meeting), the mayor's instruction to the
city's representative and what the meeting adopted."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from office.council.models import Company, ShareholderMeeting
from office.deadlines import is_working_day
from office.models import AssignmentStatus, OfficeHolder, OrgUnit
from office.services import assignments as assignment_services
from office.services import audit


def company_url(company: Company) -> str:
    return reverse("council:company_detail", args=[company.pk])


def meeting_url(meeting: ShareholderMeeting) -> str:
    return reverse("council:shareholder_meeting_detail", args=[meeting.pk])


@transaction.atomic
def save_company(*, actor: Any, company: Company) -> Company:
    company.name, company.representative = company.name.strip(), company.representative.strip()
    if company.krs and not (company.krs.isdigit() and len(company.krs) == 10):
        raise ValidationError({"krs": _("A KRS number has 10 digits.")})
    return audit.save_record(actor=actor, record=company)


@transaction.atomic
def save_meeting(*, actor: Any, meeting: ShareholderMeeting) -> ShareholderMeeting:
    """Register or change a meeting; an opinion already asked for follows a new date."""
    meeting.place = meeting.place.strip()
    if meeting.pk is None:
        meeting.created_by = actor
    meeting = audit.save_record(actor=actor, record=meeting)
    if meeting.opinion_id and meeting.opinion.is_open:
        due = opinion_due(meeting)
        if meeting.opinion.due_date != due and due >= timezone.localdate():
            opinion = meeting.opinion
            assignment_services.update_details(
                actor=actor,
                assignment=opinion,
                title=opinion.title,
                description=opinion.description,
                unit=opinion.unit,
                assignee=opinion.assignee,
                due_date=due,
                reason=_("The meeting was moved."),
            )
    return meeting


def opinion_due(meeting: ShareholderMeeting) -> dt.date:
    """The working day before the meeting: the representative needs the opinion in hand."""
    day = meeting.day - dt.timedelta(days=1)
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


@transaction.atomic
def request_opinion(*, actor: Any, meeting: ShareholderMeeting, unit: OrgUnit, instruction: str = "") -> Any:
    """Ask a unit for the office's opinion on the meeting's documents, due before the meeting."""
    meeting = ShareholderMeeting.objects.select_for_update(of=("self",)).select_related("company").get(pk=meeting.pk)
    if meeting.opinion_id and meeting.opinion.status != AssignmentStatus.CLOSED:
        raise ValidationError({"unit": _("An opinion was asked for already.")})
    due = opinion_due(meeting)
    if due < timezone.localdate():
        raise ValidationError({"unit": _("The meeting is too near: there is no working day left for an opinion.")})
    assignment = assignment_services.hand_over(
        actor=actor,
        title=_("Opinion on the documents of the %(meeting)s of %(company)s")
        % {"meeting": meeting.company.meeting_name, "company": meeting.company.name},
        unit=unit,
        due_date=due,
        description=instruction.strip() or meeting.agenda,
        source=meeting,
        source_label=str(meeting),
        source_url=meeting_url(meeting),
    )
    before = audit.snapshot(meeting, ["opinion"])
    meeting.opinion = assignment
    meeting.save(update_fields=["opinion", "updated_at"])
    audit.record_update(actor=actor, instance=meeting, before=before)
    return meeting


@transaction.atomic
def instruct(*, actor: Any, meeting: ShareholderMeeting, text: str, instructed_by: OfficeHolder) -> ShareholderMeeting:
    """The mayor's (or a deputy's) instruction to the city's representative on how to vote, before the meeting."""
    meeting = ShareholderMeeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if not text.strip():
        raise ValidationError({"text": _("Write the instruction.")})
    if meeting.is_past:
        raise ValidationError({"text": _("The instruction is given before the meeting.")})
    if instructed_by.role not in (OfficeHolder.Role.MAYOR, OfficeHolder.Role.DEPUTY):
        raise ValidationError({"instructed_by": _("The instruction is given by the mayor or a deputy mayor.")})
    before = audit.snapshot(meeting, ["instruction", "instructed_by", "instructed_on"])
    meeting.instruction, meeting.instructed_by = text.strip(), instructed_by
    meeting.instructed_on = timezone.localdate()
    meeting.save()
    audit.record_update(actor=actor, instance=meeting, before=before)
    return meeting


@transaction.atomic
def record_outcome(*, actor: Any, meeting: ShareholderMeeting, text: str) -> ShareholderMeeting:
    """What the meeting adopted, once it was held."""
    meeting = ShareholderMeeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if not meeting.is_past:
        raise ValidationError({"text": _("The outcome is recorded after the meeting.")})
    if not text.strip():
        raise ValidationError({"text": _("Write what the meeting adopted.")})
    before = audit.snapshot(meeting, ["outcome"])
    meeting.outcome = text.strip()
    meeting.save(update_fields=["outcome", "updated_at"])
    audit.record_update(actor=actor, instance=meeting, before=before)
    return meeting
