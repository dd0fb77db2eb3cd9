"""Associations and foundations of the court register under the mayor's supervision: their data
(typed in or imported from a spreadsheet), supervision cases with their due dates, opinions for
the registry court, foundations' annual reports and the list of those missing. Every function is
validated, atomic and on the audit trail; the caller decided that ``actor`` may do it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from associations.models import (
    CourtOpinion,
    FoundationReport,
    KrsOrganisation,
    LegalForm,
    SupervisionCase,
)
from office.services import audit


def normalise_krs(value: str) -> str:
    """The number as typed, without spaces or dashes (``0000 123 456`` → ``0000123456``)."""
    return "".join(char for char in (value or "") if char not in " -\u00a0\t")


def _not_future(day: dt.date | None, field: str, errors: dict[str, str]) -> None:
    if day and day > timezone.localdate():
        errors[field] = _("The date cannot be in the future.")


@transaction.atomic
def save_organisation(*, actor: Any, organisation: KrsOrganisation) -> KrsOrganisation:
    """Register or correct an organisation of the court register (its KRS number checked)."""
    organisation.krs_number = normalise_krs(organisation.krs_number)
    errors: dict[str, str] = {}
    _not_future(organisation.registered_on, "registered_on", errors)
    if errors:
        raise ValidationError(errors)
    if organisation.pk is None:
        organisation.created_by = actor if getattr(actor, "is_authenticated", False) else None
    return audit.save_record(actor=actor, record=organisation)


@transaction.atomic
def import_organisations(*, actor: Any, rows: list[dict[str, Any]], message: Any = "") -> int:
    """Add an organisation for each checked spreadsheet row (``office.kit.imports``): one insert
    for all of them, one trail entry each naming the file."""
    fields = (
        "krs_number",
        "legal_form",
        "name",
        "seat_address",
        "registered_on",
        "nip",
        "regon",
        "representation",
        "purpose",
        "public_benefit",
        "email",
    )
    creator = actor if getattr(actor, "is_authenticated", False) else None
    organisations = [KrsOrganisation(**{name: row.get(name) for name in fields}, created_by=creator) for row in rows]
    for organisation in organisations:
        organisation.krs_number = normalise_krs(organisation.krs_number)
        organisation.nip, organisation.regon = organisation.nip or "", organisation.regon or ""
        organisation.representation, organisation.purpose = (
            organisation.representation or "",
            organisation.purpose or "",
        )
        organisation.email = organisation.email or ""
        organisation.public_benefit = bool(organisation.public_benefit)
        organisation.full_clean(validate_unique=False)
    numbers = [organisation.krs_number for organisation in organisations]
    taken = list(KrsOrganisation.objects.filter(krs_number__in=numbers).values_list("krs_number", flat=True)[:1])
    if taken or len(set(numbers)) != len(numbers):
        raise ValidationError(
            _("The KRS number %(number)s is registered already; check the file again.")
            % {"number": taken[0] if taken else next(n for n in numbers if numbers.count(n) > 1)}
        )
    KrsOrganisation.objects.bulk_create(organisations, batch_size=500)
    audit.record_created_rows(actor=actor, instances=organisations, message=message)
    return len(organisations)


# --- Supervision ----------------------------------------------------------------------------------


@transaction.atomic
def open_case(
    *,
    actor: Any,
    organisation: KrsOrganisation,
    kind: str,
    subject: str,
    due_on: dt.date,
    opened_on: dt.date | None = None,
) -> SupervisionCase:
    """A supervision case (a request for documents, an inspection, measures, a court application)
    with the date by which it has to be acted on."""
    opened_on = opened_on or timezone.localdate()
    errors: dict[str, str] = {}
    _not_future(opened_on, "opened_on", errors)
    if due_on < opened_on:
        errors["due_on"] = _("The due date cannot be before the case was opened.")
    if errors:
        raise ValidationError(errors)
    case = SupervisionCase(
        organisation=organisation,
        kind=kind,
        subject=subject.strip(),
        opened_on=opened_on,
        due_on=due_on,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    case.full_clean()
    case.save()
    audit.record_create(actor=actor, instance=case)
    return case


@transaction.atomic
def close_case(*, actor: Any, case: SupervisionCase, outcome: str, closed_on: dt.date | None = None) -> SupervisionCase:
    case = SupervisionCase.objects.select_for_update(of=("self",)).get(pk=case.pk)
    closed_on = closed_on or timezone.localdate()
    errors: dict[str, str] = {}
    if not case.is_open:
        errors["outcome"] = _("The case is closed already.")
    if not outcome.strip():
        errors["outcome"] = _("Say how the case ended.")
    _not_future(closed_on, "closed_on", errors)
    if closed_on < case.opened_on:
        errors["closed_on"] = _("A case cannot close before it was opened.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(case, ["closed_on", "outcome"])
    case.closed_on, case.outcome = closed_on, outcome.strip()
    case.save(update_fields=["closed_on", "outcome", "updated_at"])
    audit.record_update(actor=actor, instance=case, before=before)
    return case


@transaction.atomic
def extend_case(*, actor: Any, case: SupervisionCase, due_on: dt.date, reason: str = "") -> SupervisionCase:
    case = SupervisionCase.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if not case.is_open:
        raise ValidationError({"due_on": _("The case is closed already.")})
    if due_on < case.opened_on:
        raise ValidationError({"due_on": _("The due date cannot be before the case was opened.")})
    before = audit.snapshot(case, ["due_on"])
    case.due_on = due_on
    case.save(update_fields=["due_on", "updated_at"])
    audit.record_update(actor=actor, instance=case, before=before, message=reason.strip())
    return case


def cases_due(*, within_days: int = 7) -> QuerySet:
    """Open cases due within ``within_days`` days or overdue, the most pressing first."""
    limit = timezone.localdate() + dt.timedelta(days=within_days)
    return (
        SupervisionCase.objects.filter(closed_on__isnull=True, due_on__lte=limit)
        .select_related("organisation")
        .order_by("due_on", "id")
    )


# --- Opinions for the registry court --------------------------------------------------------------


@transaction.atomic
def save_opinion(*, actor: Any, opinion: CourtOpinion) -> CourtOpinion:
    """Register the court's request, or record the opinion given (its date and text together)."""
    errors: dict[str, str] = {}
    _not_future(opinion.requested_on, "requested_on", errors)
    _not_future(opinion.given_on, "given_on", errors)
    if opinion.due_on and opinion.requested_on and opinion.due_on < opinion.requested_on:
        errors["due_on"] = _("The due date cannot be before the request.")
    if opinion.given_on and opinion.requested_on and opinion.given_on < opinion.requested_on:
        errors["given_on"] = _("An opinion is given after it was requested.")
    if opinion.given_on and not opinion.opinion.strip():
        errors["opinion"] = _("Write the opinion that was given.")
    if errors:
        raise ValidationError(errors)
    if opinion.pk is None:
        opinion.created_by = actor if getattr(actor, "is_authenticated", False) else None
    return audit.save_record(actor=actor, record=opinion)


# --- Foundations' annual reports ------------------------------------------------------------------


@transaction.atomic
def receive_report(
    *, actor: Any, organisation: KrsOrganisation, year: int, received_on: dt.date, notes: str = ""
) -> FoundationReport:
    """A foundation's annual report for ``year``, received once."""
    errors: dict[str, str] = {}
    if not organisation.is_foundation:
        errors["year"] = _("Annual reports are kept for foundations.")
    _not_future(received_on, "received_on", errors)
    if received_on.year < year:
        errors["received_on"] = _("A report on a year is received after the year.")
    if FoundationReport.objects.filter(organisation=organisation, year=year).exists():
        errors["year"] = _("The report on %(year)s was received already.") % {"year": year}
    if errors:
        raise ValidationError(errors)
    report = FoundationReport(
        organisation=organisation,
        year=year,
        received_on=received_on,
        notes=notes.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    report.full_clean()
    report.save()
    audit.record_create(actor=actor, instance=report)
    return report


def foundations_for_year(year: int) -> QuerySet:
    """Supervised foundations registered before the end of ``year``, each annotated with whether
    its report on that year came (``reported``)."""
    received = FoundationReport.objects.filter(organisation=OuterRef("pk"), year=year)
    return (
        KrsOrganisation.objects.filter(legal_form=LegalForm.FOUNDATION, supervised=True)
        .exclude(registered_on__year__gt=year)
        .annotate(reported=Exists(received))
    )
