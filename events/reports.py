"""Background jobs of the events app: sending the invitations (with the letters to print), the
reminders, and the list of confirmed guests in the order of precedence for seating (PDF)."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from correspondence.services import letters as letter_services
from events.models import Answer, Event, Guest
from events.services import guests
from office.contributions import registry
from office.models import Job, OfficeHolder, OrgUnit
from office.services.jobs import JobError, JobResult, Progress
from office.services.pdf import render_pdf


def _event(job: Job) -> Event:
    try:
        return Event.objects.get(pk=job.params["event"])
    except (KeyError, Event.DoesNotExist):
        raise JobError(_("The event no longer exists.")) from None


@registry.job_kind(guests.INVITATIONS)
def invitations(job: Job, progress: Progress) -> JobResult:
    event = _event(job)
    template = letter_services.templates_for(guests.INVITATION_SOURCE).filter(pk=job.params.get("template")).first()
    if template is None:
        raise JobError(_("The invitation template is no longer in use."))
    try:
        signatory = OfficeHolder.objects.get(pk=job.params["signatory"])
        unit = OrgUnit.objects.get(pk=job.params["unit"])
    except (KeyError, OfficeHolder.DoesNotExist, OrgUnit.DoesNotExist):
        raise JobError(_("The signatory or the register no longer exists.")) from None
    progress(2, _("Inviting the guests"))
    to_print = guests.send_invitations(
        actor=job.owner, event=event, template=template, signatory=signatory, unit=unit, progress=progress
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if to_print:
        progress(85, _("Laying out %(count)d letters for print") % {"count": len(to_print)})
        content = letter_services.letters_pdf(to_print, title=_("Invitations: %(event)s") % {"event": event.name})
        return JobResult(filename=f"zaproszenia-{event.pk}-{stamp}.pdf", content=content)
    # everyone was mailed: the result is the list of who was invited how
    return JobResult(filename=f"zaproszenia-{event.pk}-{stamp}.csv", content=_invited_csv(event))


def _invited_csv(event: Event) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Guest"), _("E-mail"), _("Invited"), _("By e-mail")])
    for guest in Guest.objects.filter(event=event).in_precedence().with_related():
        writer.writerow(
            [
                guest.contact.name,
                guest.contact.email,
                timezone.localtime(guest.invited_at).strftime("%Y-%m-%d %H:%M") if guest.invited_at else "",
                _("yes") if guest.invited_by_email else _("no"),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@registry.job_kind(guests.REMINDERS)
def reminders(job: Job, progress: Progress) -> JobResult:
    event = _event(job)
    sent = guests.send_reminders(event=event, progress=progress)
    text = _("%(count)d reminders sent for %(event)s.") % {"count": sent, "event": event.name}
    return JobResult(filename=f"przypomnienia-{event.pk}.txt", content=text.encode("utf-8"))


@registry.job_kind(guests.GUEST_LIST)
def guest_list(job: Job, progress: Progress) -> JobResult:
    """The confirmed guests in the order of precedence (seats, company, needs) and who else was
    invited, as PDF."""
    event = _event(job)
    progress(20, _("Listing the guests"))
    everyone = list(Guest.objects.filter(event=event).in_precedence().with_related())
    confirmed = [guest for guest in everyone if guest.answer == Answer.ACCEPTED]
    progress(50, _("Rendering the PDF"))
    content = render_pdf(
        "events/pdf/guest_list.html",
        {
            "event": event,
            "confirmed": confirmed,
            "others": [guest for guest in everyone if guest.answer != Answer.ACCEPTED],
            "counts": guests.counts(event),
            "made_at": timezone.localtime(),
        },
    )
    return JobResult(filename=f"lista-gosci-{event.pk}.pdf", content=content)
