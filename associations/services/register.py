"""The register of ordinary associations: the application (its 7-day deadline), its founders and
the check of the statutory conditions, the entry (the next number) or the refusal, the changes the
association reports (each a dated version), the register as it stood on a day, and the letters
(the entry certificate, the refusal) written by correspondence's letters service.

Every function is a complete change: validated, atomic, on the audit trail. The caller (a view)
decided that ``actor`` may do it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from associations.deadlines import AssociationRules
from associations.models import (
    CHECKLIST,
    AssociationStatus,
    AssociationVersion,
    Founder,
    OrdinaryAssociation,
    VersionKind,
)
from associations.models.register import MIN_FOUNDERS
from correspondence.services import letters as letter_services
from office.deadlines import compute_deadline
from office.models import AuditEntry, OrgUnit
from office.services import audit

UPDATE = AuditEntry.Action.UPDATE
#: The letter sources: the entry certificate and the refusal (their merge fields in contributions).
CERTIFICATE_SOURCE = "wpis_stowarzyszenia"
REFUSAL_SOURCE = "odmowa_wpisu"
#: The key of the advisory lock under which register numbers are given.
NUMBER_LOCK = 7401
#: The columns of the register's template a change may alter (the version's own fields).
COLUMNS = (
    "name",
    "goals",
    "territory",
    "means_of_action",
    "seat_address",
    "representation",
    "representatives",
    "audit_body",
    "public_benefit",
    "transformation",
    "liquidator",
    "supervisory_measures",
    "remarks",
)


def association_url(association: OrdinaryAssociation) -> str:
    return reverse("associations:association_detail", args=[association.pk])


def _not_future(day: dt.date | None, field: str, errors: dict[str, str]) -> None:
    if day and day > timezone.localdate():
        errors[field] = _("The date cannot be in the future.")


def _locked(association: OrdinaryAssociation) -> OrdinaryAssociation:
    return OrdinaryAssociation.objects.select_for_update(of=("self",)).select_related("current").get(pk=association.pk)


# --- The application ------------------------------------------------------------------------------


@transaction.atomic
def register_application(
    *, actor: Any, association: OrdinaryAssociation, version: AssociationVersion
) -> OrdinaryAssociation:
    """An application for the entry: received on its date, the entry due under the 7-day rule
    (art. 40a), the data it asks to enter kept as the first version (dated when entered)."""
    errors: dict[str, str] = {}
    _not_future(association.received_on, "received_on", errors)
    if errors:
        raise ValidationError(errors)
    due = compute_deadline(AssociationRules.ASSOCIATION_ENTRY, association.received_on)
    association.entry_due_on, association.entry_rule = due.due, due.label
    association.created_by = actor if getattr(actor, "is_authenticated", False) else None
    association.full_clean(exclude=["current"])
    association.save()
    version.association, version.kind, version.valid_from, version.created_by = (
        association,
        VersionKind.ENTRY,
        None,
        association.created_by,
    )
    version.full_clean()
    version.save()
    association.current = version
    association.save(update_fields=["current", "updated_at"])
    audit.record_create(actor=actor, instance=association)
    return association


@transaction.atomic
def update_application(
    *, actor: Any, association: OrdinaryAssociation, version: AssociationVersion
) -> OrdinaryAssociation:
    """Correct the application's data before the entry (the deadline follows a corrected date of receipt)."""
    if not association.is_applied:
        raise ValidationError(_("Only an application waiting for the entry can be corrected; report a change."))
    errors: dict[str, str] = {}
    _not_future(association.received_on, "received_on", errors)
    if errors:
        raise ValidationError(errors)
    due = compute_deadline(AssociationRules.ASSOCIATION_ENTRY, association.received_on)
    association.entry_due_on, association.entry_rule = due.due, due.label
    audit.save_record(actor=actor, record=version)
    return audit.save_record(actor=actor, record=association)


@transaction.atomic
def add_founder(*, actor: Any, association: OrdinaryAssociation, name: str, residence: str, pesel: str = "") -> Founder:
    association = _locked(association)
    if not association.is_applied:
        raise ValidationError({"name": _("Founders are added while the application waits for the entry.")})
    founder = Founder(association=association, name=name.strip(), residence=residence.strip(), pesel=pesel.strip())
    founder.full_clean()
    founder.save()
    audit.record(
        actor=actor, instance=association, action=UPDATE, message=audit.note(gettext_noop("A founder was added."))
    )
    return founder


@transaction.atomic
def remove_founder(*, actor: Any, association: OrdinaryAssociation, founder: Any) -> OrdinaryAssociation:
    association = _locked(association)
    if not association.is_applied:
        raise ValidationError({"founder": _("Founders are removed while the application waits for the entry.")})
    if founder is None or founder.association_id != association.pk:
        raise ValidationError({"founder": _("Choose a founder of this association.")})
    founder.delete()
    audit.record(
        actor=actor, instance=association, action=UPDATE, message=audit.note(gettext_noop("A founder was removed."))
    )
    return association


# --- The statutory conditions ---------------------------------------------------------------------


def checklist(association: OrdinaryAssociation, founders: int) -> list[dict[str, Any]]:
    """The conditions of an ordinary association, each with whether it is met: the number of
    founders first (counted), then those the officer ticked on reading the documents."""
    rows = [
        {
            "key": "founders",
            "label": _("At least %(min)s founders (there are %(count)s)") % {"min": MIN_FOUNDERS, "count": founders},
            "met": founders >= MIN_FOUNDERS,
        }
    ]
    rows += [{"key": key, "label": str(label), "met": bool(association.checklist.get(key))} for key, label in CHECKLIST]
    return rows


@transaction.atomic
def record_check(*, actor: Any, association: OrdinaryAssociation, **checked: bool) -> OrdinaryAssociation:
    """The officer's reading of the application: which statutory conditions it meets."""
    association = _locked(association)
    if not association.is_applied:
        raise ValidationError(_("The conditions are checked while the application waits for the entry."))
    before = audit.snapshot(association, ["checklist", "checked_on"])
    association.checklist = {key: bool(checked.get(key)) for key, _label in CHECKLIST}
    association.checked_on = timezone.localdate()
    association.save(update_fields=["checklist", "checked_on", "updated_at"])
    audit.record_update(actor=actor, instance=association, before=before)
    return association


def _lock_numbers() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [NUMBER_LOCK])


@transaction.atomic
def enter(*, actor: Any, association: OrdinaryAssociation, entered_on: dt.date) -> OrdinaryAssociation:
    """Enter the association in the register with the next number: only when every statutory
    condition is met (the missing ones are named), on or after the day the application came."""
    association = _locked(association)
    if not association.is_applied:
        raise ValidationError({"entered_on": _("Only an application waiting for the entry can be entered.")})
    errors: dict[str, str] = {}
    _not_future(entered_on, "entered_on", errors)
    if entered_on < association.received_on:
        errors["entered_on"] = _("The entry cannot be dated before the application was received.")
    unmet = [row["label"] for row in checklist(association, association.founders.count()) if not row["met"]]
    if unmet:
        errors["__all__"] = _("The application does not meet: %(conditions)s.") % {"conditions": "; ".join(unmet)}
    if errors:
        raise ValidationError(errors)
    _lock_numbers()
    last = OrdinaryAssociation.objects.aggregate(last=Max("number"))["last"] or 0
    before = audit.snapshot(association, ["status", "number", "entered_on"])
    association.status, association.number, association.entered_on = AssociationStatus.ENTERED, last + 1, entered_on
    association.save(update_fields=["status", "number", "entered_on", "updated_at"])
    AssociationVersion.objects.filter(pk=association.current_id).update(valid_from=entered_on)
    audit.record_update(actor=actor, instance=association, before=before)
    return association


@transaction.atomic
def refuse(*, actor: Any, association: OrdinaryAssociation, reasons: str) -> OrdinaryAssociation:
    """Refuse the entry (the application does not meet the conditions), with the reasons."""
    association = _locked(association)
    if not association.is_applied:
        raise ValidationError({"reasons": _("Only an application waiting for the entry can be refused.")})
    if not reasons.strip():
        raise ValidationError({"reasons": _("Give the reasons of the refusal.")})
    before = audit.snapshot(association, ["status", "refused_on", "refusal_reasons"])
    association.status, association.refused_on = AssociationStatus.REFUSED, timezone.localdate()
    association.refusal_reasons = reasons.strip()
    association.save(update_fields=["status", "refused_on", "refusal_reasons", "updated_at"])
    audit.record_update(actor=actor, instance=association, before=before)
    return association


# --- Changes ------------------------------------------------------------------------------------


def check_change_dates(
    association: OrdinaryAssociation, changed_on: dt.date, reported_on: dt.date, valid_from: dt.date
) -> None:
    """A change happens after the entry, is reported after it happens, and is entered after it is reported."""
    errors: dict[str, str] = {}
    if association.entered_on and changed_on < association.entered_on:
        errors["changed_on"] = _(
            "A change cannot be dated before the association was entered in the register (%(day)s)."
        ) % {"day": date_format(association.entered_on, "SHORT_DATE_FORMAT")}
    if reported_on < changed_on:
        errors["reported_on"] = _("A change is reported on or after the day it was made.")
    if valid_from < reported_on:
        errors["valid_from"] = _("A change is entered in the register on or after the day it was reported.")
    for field, day in (("changed_on", changed_on), ("reported_on", reported_on), ("valid_from", valid_from)):
        _not_future(day, field, errors)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_change(
    *,
    actor: Any,
    association: OrdinaryAssociation,
    version: AssociationVersion,
    changed_on: dt.date,
    reported_on: dt.date,
    valid_from: dt.date,
    description: str = "",
) -> AssociationVersion:
    """A change the association reported (art. 40a: within 7 days of the change, flagged when
    later): a new version of every column, in force in the register from ``valid_from``."""
    association = _locked(association)
    if not association.is_entered:
        raise ValidationError({"changed_on": _("Changes are recorded for associations entered in the register.")})
    check_change_dates(association, changed_on, reported_on, valid_from)
    due = compute_deadline(AssociationRules.ASSOCIATION_CHANGE, changed_on)
    previous = version_as_of(association, valid_from) or association.current
    version.pk = None
    version.association, version.kind, version.valid_from = association, VersionKind.CHANGE, valid_from
    version.changed_on, version.reported_on, version.description = changed_on, reported_on, description.strip()
    version.report_due_on, version.report_rule = due.due, due.label
    version.created_by = actor if getattr(actor, "is_authenticated", False) else None
    version.full_clean()
    version.save()
    latest = AssociationVersion.objects.filter(association=association).order_by("-valid_from", "-pk").first()
    if association.current_id != latest.pk:
        association.current = latest
        association.save(update_fields=["current", "updated_at"])
    else:
        association.save(update_fields=["updated_at"])
    changed = {
        name: [getattr(previous, name), getattr(version, name)]
        for name in COLUMNS
        if getattr(previous, name) != getattr(version, name)
    }
    audit.record(actor=actor, instance=association, action=UPDATE, changes=changed, message=description.strip())
    return version


# --- Reading the register -------------------------------------------------------------------------


def version_as_of(association: OrdinaryAssociation, day: dt.date) -> AssociationVersion | None:
    """What the register said of the association on ``day`` (None before its entry)."""
    return (
        AssociationVersion.objects.filter(association=association, valid_from__lte=day)
        .order_by("-valid_from", "-pk")
        .first()
    )


def history(association: OrdinaryAssociation) -> list[AssociationVersion]:
    """The entry and every change in the register, oldest first (the application's draft excluded)."""
    return list(association.versions.filter(valid_from__isnull=False).order_by("valid_from", "pk"))


# --- Letters ------------------------------------------------------------------------------------


def letter_fields(association: OrdinaryAssociation) -> dict[str, str]:
    """The merge fields of both letter sources, in Polish whatever the page's language."""
    with translation.override("pl"):
        version = association.current

        def day(value: dt.date | None) -> str:
            return f"{date_format(value, 'j E Y')} r." if value else ""

        return {
            "nazwa": version.name if version else "",
            "numer_ewidencyjny": str(association.number or ""),
            "data_wpisu": day(association.entered_on),
            "data_wniosku": day(association.received_on),
            "siedziba": version.seat_address if version else "",
            "cele": version.goals if version else "",
            "teren_dzialania": version.territory if version else "",
            "reprezentacja": "; ".join(version.representative_lines()) if version else "",
            "uzasadnienie": association.refusal_reasons,
        }


def certificate_templates() -> QuerySet:
    return letter_services.templates_for(CERTIFICATE_SOURCE)


def refusal_templates() -> QuerySet:
    return letter_services.templates_for(REFUSAL_SOURCE)


@transaction.atomic
def write_letter(*, actor: Any, association: OrdinaryAssociation, template: Any, unit: OrgUnit | None = None) -> Any:
    """The entry certificate (an entered association) or the refusal (a refused one), from a
    template of the matching source, numbered in the outgoing register."""
    association = _locked(association)
    if association.is_entered:
        source, field, done = CERTIFICATE_SOURCE, "certificate", association.certificate
    elif association.is_refused:
        source, field, done = REFUSAL_SOURCE, "refusal_letter", association.refusal_letter
    else:
        raise ValidationError({"template": _("The letter is written once the association is entered or refused.")})
    if done is not None:
        raise ValidationError({"template": _("The letter was already written: %(sign)s.") % {"sign": done.sign}})
    if template is None or template.source_kind != source:
        raise ValidationError({"template": _("Choose a template of this kind of letter.")})
    unit = unit or letter_services.register_unit(actor)
    if unit is None:
        raise ValidationError({"template": _("There is no register to number the letter in.")})
    letter = letter_services.write_letter(
        actor=actor,
        template=template,
        contact=association.contact,
        unit=unit,
        source_fields=letter_fields(association),
    )
    before = audit.snapshot(association, [field])
    setattr(association, field, letter)
    association.save(update_fields=[field, "updated_at"])
    audit.record_update(actor=actor, instance=association, before=before)
    return letter
