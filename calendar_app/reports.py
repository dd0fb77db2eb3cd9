"""PDF jobs of the calendar: the daily agenda and the meeting file (teczka spotkania)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from calendar_app.models import Calendar, Entry
from calendar_app.notifications import agenda_for
from office.contributions import registry
from office.models import Assignment, Attachment, Job
from office.services.jobs import JobError, JobResult, Progress
from office.services.pdf import render_pdf

DAILY_AGENDA_PDF = "daily_agenda_pdf"
MEETING_FILE_PDF = "meeting_file_pdf"


@registry.job_kind(DAILY_AGENDA_PDF)
def daily_agenda_pdf(job: Job, progress: Progress) -> JobResult:
    with override(job.params.get("language", "pl")):
        try:
            calendar = Calendar.objects.select_related("office_holder").get(pk=job.params["calendar_id"])
            day = dt.date.fromisoformat(job.params["day"])
        except (KeyError, ValueError, Calendar.DoesNotExist):
            raise JobError(_("The calendar or the day is not valid.")) from None
        progress(20, _("Collecting the agenda"))
        items = agenda_for(calendar, day, user=job.owner)
        content = render_pdf(
            "calendar_app/pdf/daily_agenda.html",
            {
                "holder": calendar.office_holder,
                "day": day,
                "items": items,
                "generated_at": timezone.localtime(),
            },
        )
    return JobResult(f"agenda-{calendar.office_holder.last_name.lower()}-{day:%Y-%m-%d}.pdf", content)


@registry.job_kind(MEETING_FILE_PDF)
def meeting_file_pdf(job: Job, progress: Progress) -> JobResult:
    from django.contrib.contenttypes.models import ContentType

    with override(job.params.get("language", "pl")):
        try:
            entry = Entry.objects.select_related("calendar__office_holder").get(pk=job.params["entry_id"])
        except (KeyError, Entry.DoesNotExist):
            raise JobError(_("The meeting no longer exists.")) from None
        progress(20, _("Collecting the materials"))
        entry_type = ContentType.objects.get_for_model(Entry)
        content = render_pdf(
            "calendar_app/pdf/meeting_file.html",
            {
                "entry": entry,
                "notes": getattr(entry, "meeting_notes", None),
                "staff": list(entry.staff.order_by("last_name")),
                "contacts": list(entry.contacts.order_by("name")),
                "briefings": list(
                    Assignment.objects.filter(source_type=entry_type, source_id=entry.pk)
                    .select_related("unit")
                    .order_by("due_date")
                ),
                "attachments": list(Attachment.objects.filter(content_type=entry_type, object_id=entry.pk)),
                "decisions": list(entry.decisions.select_related("assignment__unit")),
                "generated_at": timezone.localtime(),
            },
        )
    return JobResult(f"teczka-spotkania-{entry.pk}.pdf", content)
