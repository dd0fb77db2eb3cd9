"""Honorary patronage: registering an application (its number and the lead-time rule), the unit's
opinion (an office Assignment), the decision, the decision letter (written by correspondence's
letters service) and the report after the event. Every function is a complete change: validated,
atomic, on the audit trail. The caller (a view) decided that ``actor`` may do it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from calendar_app import services as calendar_services
from correspondence.services import letters as letter_services
from office.deadlines import compute_deadline
from office.kit.public import new_token
from office.models import AssignmentStatus, Contact, OfficeHolder, OrgUnit
from office.services import assignments as assignment_services
from office.services import audit
from office.services.attachments import attach
from patronage.deadlines import PatronageRules
from patronage.models import (
    Application,
    ApplicationStatus,
    Channel,
    Cooperation,
    HonoraryTitle,
    Reach,
    TitleStatus,
)
from patronage.tasks import send_confirmation
from patronage.workflows import APPLICATION_WORKFLOW

#: The letter source a decision letter is written from: its merge fields (correspondence.merge).
DECISION_SOURCE = "patronat"

#: The key of the advisory lock under which the numbers of a year are given.
NUMBER_LOCK = 7301

#: The unit's opinion is due this many days after it is asked for.
OPINION_DAYS = 7


def application_url(application: Application) -> str:
    return reverse("patronage:application_detail", args=[application.pk])


def _check_dates(starts_on: dt.date, ends_on: dt.date, received_on: dt.date) -> None:
    errors = {}
    if ends_on < starts_on:
        errors["ends_on"] = _("The event cannot end before it starts.")
    if received_on > timezone.localdate():
        errors["received_on"] = _("The date of receipt cannot be in the future.")
    if errors:
        raise ValidationError(errors)


def _lead_time(application: Application) -> None:
    """Late when the event starts sooner than the rule's days after receipt (flagged, never refused)."""
    latest = compute_deadline(PatronageRules.PATRONAGE_LEAD_TIME, application.received_on)
    application.is_late = latest.due > application.starts_on
    application.lead_time_rule = latest.label


def _lock_numbers(year: int) -> None:
    """Two registrations at the same moment wait for each other until the first commits, so no
    number is given twice (a transaction-level advisory lock on PostgreSQL; SQLite writes one at a time)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [NUMBER_LOCK, year])


@transaction.atomic
def register_application(*, actor: Any, application: Application) -> Application:
    """Register an application typed in by staff or sent through the public form: it gets the next
    number of its year and is checked against the lead-time rule."""
    _check_dates(application.starts_on, application.ends_on, application.received_on)
    year = application.received_on.year
    _lock_numbers(year)
    last = Application.objects.filter(year=year).aggregate(last=Max("number"))["last"] or 0
    application.year, application.number = year, last + 1
    application.event_name = application.event_name.strip()
    application.place = application.place.strip()
    _lead_time(application)
    application.created_by = actor if getattr(actor, "is_authenticated", False) else None
    application.full_clean()
    application.save()
    audit.record_create(actor=actor, instance=application)
    return application


@transaction.atomic
def update_application(*, actor: Any, application: Application) -> Application:
    """Correct what was typed; the lead time is checked again."""
    _check_dates(application.starts_on, application.ends_on, application.received_on)
    _lead_time(application)
    return audit.save_record(actor=actor, record=application)


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update(of=("self",)).get(pk=application.pk)


@transaction.atomic
def request_opinion(*, actor: Any, application: Application, unit: OrgUnit, instruction: str = "") -> Application:
    """Ask the responsible unit for its opinion: an Assignment due in a week (or the day before the event)."""
    application = _locked(application)
    APPLICATION_WORKFLOW.check(application.status, ApplicationStatus.IN_OPINION)
    due = min(timezone.localdate() + dt.timedelta(days=OPINION_DAYS), application.starts_on - dt.timedelta(days=1))
    assignment = assignment_services.hand_over(
        actor=actor,
        title=_("Opinion on honorary patronage: %(event)s") % {"event": application.event_name},
        unit=unit,
        due_date=max(due, timezone.localdate()),
        description=instruction.strip(),
        source=application,
        source_label=str(application),
        source_url=application_url(application),
    )
    before = audit.snapshot(application, ["status"])
    application.status, application.opinion = ApplicationStatus.IN_OPINION, assignment
    application.save(update_fields=["status", "opinion", "updated_at"])
    audit.record_update(actor=actor, instance=application, before=before)
    return application


@transaction.atomic
def decide(
    *, actor: Any, application: Application, grant: bool, decided_by: OfficeHolder, reasons: str = ""
) -> Application:
    """Grant or refuse the patronage. A refusal gives its reasons; granting an excluded event
    (commercial, collecting money) needs them too. A grant sets the date the report is due."""
    application = _locked(application)
    target = ApplicationStatus.GRANTED if grant else ApplicationStatus.REFUSED
    APPLICATION_WORKFLOW.check(application.status, target)
    reasons = reasons.strip()
    if not grant and not reasons:
        raise ValidationError({"reasons": _("Give the reasons of the refusal.")})
    if grant and application.is_excluded and not reasons:
        raise ValidationError(
            {"reasons": _("The city's rules exclude commercial events and fundraisers: say why it is granted.")}
        )
    before = audit.snapshot(application, ["status", "decided_by", "decided_on", "reasons", "report_due_on"])
    application.status, application.decided_by, application.reasons = target, decided_by, reasons
    application.decided_on = timezone.localdate()
    if grant:
        report = compute_deadline(PatronageRules.PATRONAGE_REPORT, application.ends_on)
        application.report_due_on, application.report_rule = report.due, report.label
    application.save()
    audit.record_update(actor=actor, instance=application, before=before)
    _close_opinion(actor, application, _("Decided: %(status)s.") % {"status": application.get_status_display()})
    return application


def _close_opinion(actor: Any, application: Application, text: str) -> None:
    """The opinion is accepted and closed with the decision (an unfinished one must not go overdue)."""
    if application.opinion_id and application.opinion.status != AssignmentStatus.CLOSED:
        assignment_services.decide(
            actor=actor, assignment=application.opinion, target=AssignmentStatus.CLOSED, text=text
        )


@transaction.atomic
def withdraw(*, actor: Any, application: Application, text: str = "") -> Application:
    application = _locked(application)
    APPLICATION_WORKFLOW.check(application.status, ApplicationStatus.WITHDRAWN)
    before = audit.snapshot(application, ["status"])
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=application, before=before, message=text.strip())
    _close_opinion(actor, application, text.strip() or _("The application was withdrawn."))
    return application


def decision_fields(application: Application) -> dict[str, str]:
    """The merge fields of the ``patronat`` letter source (the same names as declared), in Polish
    whatever the language of the page the letter is written from."""
    with translation.override("pl"):
        return _decision_fields(application)


def _decision_fields(application: Application) -> dict[str, str]:
    return {
        "wydarzenie": application.event_name,
        "termin": _event_dates(application),
        "miejsce": application.place,
        "numer_wniosku": application.reference,
        "data_wniosku": date_format(application.received_on, "j E Y") + " r.",
        # the letter is written in Polish whatever the language of the page it is started from
        "decyzja": "obejmuje Honorowym Patronatem" if application.is_granted else "nie obejmuje Honorowym Patronatem",
        "przyznany": "tak" if application.is_granted else "",
        "uzasadnienie": application.reasons,
    }


def _event_dates(application: Application) -> str:
    start = date_format(application.starts_on, "j E Y")
    if application.ends_on == application.starts_on:
        return f"{start} r."
    return f"{start} – {date_format(application.ends_on, 'j E Y')} r."


def decision_templates() -> QuerySet:
    return letter_services.templates_for(DECISION_SOURCE)


@transaction.atomic
def write_decision_letter(*, actor: Any, application: Application, template: Any, unit: OrgUnit | None = None) -> Any:
    """The decision letter to the organiser, from a template of the ``patronat`` source, numbered in
    the outgoing register (correspondence's one letters service)."""
    application = _locked(application)
    if application.is_undecided or application.status == ApplicationStatus.WITHDRAWN:
        raise ValidationError({"template": _("The letter is written once the patronage is decided.")})
    if application.decision_letter_id is not None:
        raise ValidationError(
            {
                "template": _("The decision letter was already written: %(sign)s.")
                % {"sign": application.decision_letter.sign}
            }
        )
    if template is None or template.source_kind != DECISION_SOURCE:
        raise ValidationError({"template": _("Choose a template of a patronage decision.")})
    unit = unit or letter_services.register_unit(actor)
    if unit is None:
        raise ValidationError({"template": _("There is no register to number the letter in.")})
    letter = letter_services.write_letter(
        actor=actor,
        template=template,
        contact=application.organiser,
        signatory=application.decided_by,
        unit=unit,
        source_fields=decision_fields(application),
    )
    before = audit.snapshot(application, ["decision_letter"])
    application.decision_letter = letter
    application.save(update_fields=["decision_letter", "updated_at"])
    audit.record_update(actor=actor, instance=application, before=before)
    return letter


@transaction.atomic
def file_report(
    *, actor: Any, application: Application, text: str, audience: int | None = None, filed_on: dt.date | None = None
) -> Application:
    """The organiser's report after the event (text, reach; photos as attachments)."""
    application = _locked(application)
    APPLICATION_WORKFLOW.check(application.status, ApplicationStatus.REPORTED)
    filed_on = filed_on or timezone.localdate()
    if not text.strip():
        raise ValidationError({"text": _("Write what the report says.")})
    if filed_on < application.starts_on:
        raise ValidationError({"filed_on": _("A report is filed after the event has started.")})
    if filed_on > timezone.localdate():
        raise ValidationError({"filed_on": _("The date cannot be in the future.")})
    before = audit.snapshot(application, ["status", "report_text", "report_audience", "reported_on"])
    application.status, application.report_text = ApplicationStatus.REPORTED, text.strip()
    application.report_audience, application.reported_on = audience, filed_on
    application.save()
    audit.record_update(actor=actor, instance=application, before=before)
    return application


def unreported_before(organiser: Contact, *, exclude: Application | None = None) -> list[Application]:
    """The organiser's granted patronages whose report is overdue: flagged on their next application."""
    qs = Application.objects.filter(
        organiser=organiser, status=ApplicationStatus.GRANTED, report_due_on__lt=timezone.localdate()
    ).order_by("starts_on")
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return list(qs)


# --- The public form ------------------------------------------------------------------------------

PUBLIC_FIELDS = (
    "event_name",
    "description",
    "starts_on",
    "ends_on",
    "place",
    "reach",
    "is_commercial",
    "collects_money",
    "permits",
    "mayor_invited",
    "prize_requested",
    "co_organisation_requested",
)


def _organiser(data: dict[str, Any]) -> Contact:
    """The contact with the applicant's e-mail address, or a new one (staff merge duplicates)."""
    found = (
        Contact.objects.filter(email__iexact=data["email"], merged_into__isnull=True).order_by("pk").first()
        if data["email"]
        else None
    )
    if found is not None:
        return found
    contact = Contact(
        kind=data["organiser_kind"],
        name=data["organiser_name"].strip(),
        email=data["email"].strip(),
        phone=data.get("phone", "").strip(),
        street=data.get("street", "").strip(),
        postal_code=data.get("postal_code", "").strip(),
        city=data.get("city", "").strip(),
        notes=_("Added from a patronage application sent through the public form."),
    )
    contact.full_clean()
    contact.save()
    audit.record_create(actor=None, instance=contact)
    return contact


@transaction.atomic
def submit_public_application(*, data: dict[str, Any], files: list[Any], status_url: Any) -> Application:
    """An application sent by an organiser through the public form: registered like one typed in
    by staff (number, lead time), with its files checked and attached, and a confirmation e-mail
    with the link to its status page (``status_url(token)``) sent once the transaction commits."""
    application = Application(
        organiser=_organiser(data),
        channel=Channel.FORM,
        received_on=timezone.localdate(),
        tracking_token=new_token(),
        **{name: data[name] for name in PUBLIC_FIELDS},
    )
    application = register_application(actor=None, application=application)
    for upload in files:
        attach(actor=None, record=application, upload=upload, description=_("sent with the application"))
    link = status_url(application.tracking_token)
    transaction.on_commit(lambda: send_confirmation.delay(application.pk, link))
    return application


def by_token(token: str) -> Application | None:
    """The application a status link points at; None for any other string."""
    if not token or len(token) > 64:
        return None
    return Application.objects.filter(tracking_token=token).first()


def granted_publicly() -> QuerySet:
    """The patronages the public list shows: granted or reported, newest event first."""
    return (
        Application.objects.filter(status__in=(ApplicationStatus.GRANTED, ApplicationStatus.REPORTED))
        .select_related("organiser")
        .order_by("-starts_on", "-id")
    )


def year_statistics(year: int) -> dict[str, Any]:
    """The applications received in ``year``: by status, by reach, late and excluded ones, reports."""
    qs = Application.objects.filter(year=year)
    totals = qs.aggregate(
        total=Count("id"),
        late=Count("id", filter=Q(is_late=True)),
        excluded=Count("id", filter=Q(is_commercial=True) | Q(collects_money=True)),
        granted=Count("id", filter=Q(status__in=(ApplicationStatus.GRANTED, ApplicationStatus.REPORTED))),
        refused=Count("id", filter=Q(status=ApplicationStatus.REFUSED)),
        reported=Count("id", filter=Q(status=ApplicationStatus.REPORTED)),
        overdue=Count("id", filter=Q(status=ApplicationStatus.GRANTED, report_due_on__lt=timezone.localdate())),
        public_form=Count("id", filter=Q(channel=Channel.FORM)),
    )
    by_status = dict(qs.order_by().values_list("status").annotate(n=Count("id")))
    by_reach = dict(qs.order_by().values_list("reach").annotate(n=Count("id")))
    return {
        "totals": totals,
        "by_status": [(label, by_status.get(value, 0)) for value, label in ApplicationStatus.choices],
        "by_reach": [(label, by_reach.get(value, 0)) for value, label in Reach.choices],
    }


# --- Honorary titles, co-organised events and competitions -------------------------------------------


@transaction.atomic
def save_title(*, actor: Any, title: HonoraryTitle) -> HonoraryTitle:
    """Register or change an honorary title: an award has its date, never before the proposal."""
    errors = {}
    today = timezone.localdate()
    if title.status == TitleStatus.AWARDED and title.awarded_on is None:
        errors["awarded_on"] = _("Give the date the title was awarded.")
    if title.awarded_on and title.awarded_on < title.proposed_on:
        errors["awarded_on"] = _("The title cannot be awarded before it was proposed.")
    if title.awarded_on and title.awarded_on > today:
        errors["awarded_on"] = _("The date cannot be in the future.")
    if title.resolution_on and title.resolution_on > today:
        errors["resolution_on"] = _("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    if title.pk is None:
        title.created_by = actor
    return audit.save_record(actor=actor, record=title)


@transaction.atomic
def save_cooperation(*, actor: Any, cooperation: Cooperation, jury: Any = None) -> Cooperation:
    """Register or change a co-organised event or a competition with its jury."""
    if cooperation.ends_on and cooperation.starts_on and cooperation.ends_on < cooperation.starts_on:
        raise ValidationError({"ends_on": _("The event cannot end before it starts.")})
    if cooperation.results.strip() and cooperation.starts_on > timezone.localdate():
        raise ValidationError({"results": _("Results are entered once the event has started.")})
    if cooperation.pk is None:
        cooperation.created_by = actor
    return audit.save_record(actor=actor, record=cooperation, related={"jury": jury})


# --- The calendar ---------------------------------------------------------------------------------


@transaction.atomic
def attend(
    *,
    actor: Any,
    application: Application,
    holder: OfficeHolder,
    start: dt.datetime,
    end: dt.datetime,
    keep_conflict_reason: str = "",
) -> Application:
    """The mayor (or a deputy) attends a granted event: it goes on their calendar, linked back here.
    A clash with their other entries is refused unless a reason is given (calendar_app's rule)."""
    application = _locked(application)
    if not application.is_granted:
        raise ValidationError({"holder": _("Only a granted patronage goes on the calendar.")})
    if application.calendar_entry_id is not None:
        raise ValidationError({"holder": _("The event is on the calendar already.")})
    entry = calendar_services.schedule_entry(
        actor=actor,
        calendar=calendar_services.calendar_of(holder),
        title=_("Patronage: %(event)s") % {"event": application.event_name},
        start=start,
        end=end,
        kind=calendar_services.EntryKind.CEREMONY,
        place=application.place,
        visibility=calendar_services.Visibility.PUBLIC,
        keep_conflict_reason=keep_conflict_reason,
        source=application,
        source_label=str(application),
        source_url=application_url(application),
    )
    before = audit.snapshot(application, ["calendar_entry_id"])
    application.calendar_entry_id = entry.pk
    application.save(update_fields=["calendar_entry_id", "updated_at"])
    audit.record_update(actor=actor, instance=application, before=before)
    return application


# --- Reminders of the report -------------------------------------------------------------------------

#: Days before the report is due when the organiser is reminded.
REMIND_DAYS = 7


def reports_to_remind(today: dt.date) -> list[tuple[int, int]]:
    """(application id, reminder number) of the reminders due today: the first a week before the
    report is due, the second once it is overdue. Each is claimed with a conditional update, so a
    task run twice (or two workers) sends none twice."""
    due_soon = Application.objects.filter(
        status=ApplicationStatus.GRANTED,
        report_reminders=0,
        report_due_on__gte=today,
        report_due_on__lte=today + dt.timedelta(days=REMIND_DAYS),
    )
    overdue = Application.objects.filter(
        status=ApplicationStatus.GRANTED, report_reminders__lt=2, report_due_on__lt=today
    )
    claimed = []
    for number, qs in ((1, due_soon), (2, overdue)):
        for pk, sent in qs.values_list("pk", "report_reminders"):
            if Application.objects.filter(pk=pk, report_reminders=sent).update(report_reminders=number):
                claimed.append((pk, number))
    return claimed
