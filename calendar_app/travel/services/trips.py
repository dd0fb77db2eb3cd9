"""Business trips: planning one (its number, its travellers, on their calendars), the itinerary,
the travel orders (letters) and their approval, cancelling, the report and its follow-up tasks.
Every function is a complete change: validated, atomic, on the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from calendar_app import services as calendar_services
from calendar_app.deadlines import TravelRules
from calendar_app.travel.models import ApproverRule, Leg, Traveller, TravellerKind, Trip, TripStatus
from correspondence.services import letters as letter_services
from office.deadlines import compute_deadline
from office.models import Contact, OfficeHolder, OrgUnit
from office.services import assignments as assignment_services
from office.services import audit

#: the letter source of a travel order (polecenie wyjazdu służbowego)
ORDER_SOURCE = "polecenie_wyjazdu"
NUMBER_LOCK = 7311


def trip_url(trip: Trip) -> str:
    return reverse("travel:trip_detail", args=[trip.pk])


def _locked(trip: Trip) -> Trip:
    return Trip.objects.select_for_update(of=("self",)).get(pk=trip.pk)


def _check(trip: Trip, holders: list[OfficeHolder], users: list[Any]) -> None:
    errors = {}
    if trip.departs_at and trip.returns_at and trip.returns_at <= trip.departs_at:
        errors["returns_at"] = _("The return must be after the departure.")
    if trip.line_id and trip.departs_at and trip.line.year != timezone.localtime(trip.departs_at).year:
        errors["line"] = _("Choose a budget line of the year of the departure.")
    if not holders and not users:
        errors["holders"] = _("Choose at least one traveller.")
    if trip.pk and trip.departs_at and trip.returns_at:
        outside = trip.legs.exclude(departs_at__gte=trip.departs_at, arrives_at__lte=trip.returns_at).first()
        if outside is not None:
            errors["departs_at"] = _("The leg %(leg)s would lie outside the trip: change it first.") % {"leg": outside}
    if errors:
        raise ValidationError(errors)


def _number(trip: Trip) -> None:
    year = timezone.localtime(trip.departs_at).year
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [NUMBER_LOCK, year])
    trip.year = year
    trip.number = (Trip.objects.filter(year=year).aggregate(last=Max("number"))["last"] or 0) + 1


def _due(trip: Trip) -> None:
    deadline = compute_deadline(TravelRules.TRIP_SETTLEMENT, timezone.localtime(trip.returns_at).date())
    trip.settlement_due_on, trip.settlement_rule = deadline.due, deadline.label


def _set_travellers(actor: Any, trip: Trip, holders: list[OfficeHolder], users: list[Any]) -> None:
    """Travellers added or removed; a removed office holder's calendar entry is cancelled."""
    current = list(trip.travellers.all())
    for traveller in current:
        gone = (traveller.holder_id and traveller.holder_id not in {h.pk for h in holders}) or (
            traveller.user_id and traveller.user_id not in {u.pk for u in users}
        )
        if gone:
            if hasattr(traveller, "settlement"):
                raise ValidationError({"holders": _("%(name)s has a settlement: keep them.") % {"name": traveller}})
            _cancel_entry(actor, traveller, _("No longer on the trip."))
            traveller.delete()
    have_holders = {t.holder_id for t in current if t.holder_id}
    have_users = {t.user_id for t in current if t.user_id}
    for holder in holders:
        if holder.pk not in have_holders:
            Traveller.objects.create(trip=trip, holder=holder)
    for user in users:
        if user.pk not in have_users:
            Traveller.objects.create(trip=trip, user=user)


@transaction.atomic
def plan_trip(
    *, actor: Any, trip: Trip, holders: Iterable[OfficeHolder], users: Iterable[Any], keep_conflict_reason: str = ""
) -> Trip:
    """A new trip: numbered in its year, the settlement's deadline set, on each travelling office
    holder's calendar (tentative until approved)."""
    holders, users = list(holders), list(users)
    _check(trip, holders, users)
    _number(trip)
    _due(trip)
    trip.created_by = actor
    audit.save_record(actor=actor, record=trip)
    _set_travellers(actor, trip, holders, users)
    sync_calendar(actor, trip, keep_conflict_reason)
    return trip


@transaction.atomic
def update_trip(
    *, actor: Any, trip: Trip, holders: Iterable[OfficeHolder], users: Iterable[Any], keep_conflict_reason: str = ""
) -> Trip:
    """Change a trip that is not decided yet; the calendar entries move with it."""
    holders, users = list(holders), list(users)
    if Trip.objects.filter(pk=trip.pk).exclude(status__in=(TripStatus.PLANNED, TripStatus.APPROVED)).exists():
        raise ValidationError(_("Only a planned or approved trip can be changed."))
    _check(trip, holders, users)
    _due(trip)
    audit.save_record(actor=actor, record=trip)
    _set_travellers(actor, trip, holders, users)
    sync_calendar(actor, trip, keep_conflict_reason)
    return trip


# --- The calendar ----------------------------------------------------------------------------------


def _entry_fields(trip: Trip) -> dict[str, Any]:
    where = f"{trip.destination} ({trip.country.name})" if trip.country_id else trip.destination
    with translation.override("pl"):
        title = _("Business trip: %(purpose)s") % {"purpose": trip.purpose}
    return {
        "title": title[:200],
        "start": trip.departs_at,
        "end": trip.returns_at,
        "place": where[:200],
        "status": calendar_services.EntryStatus.CONFIRMED
        if trip.is_approved
        else calendar_services.EntryStatus.TENTATIVE,
    }


def _cancel_entry(actor: Any, traveller: Traveller, reason: str) -> None:
    entry = calendar_services.entry_by_id(traveller.calendar_entry_id)
    if entry is not None and entry.status != calendar_services.EntryStatus.CANCELLED:
        calendar_services.cancel_entry(actor=actor, entry=entry, reason=reason)
    if traveller.calendar_entry_id is not None:
        Traveller.objects.filter(pk=traveller.pk).update(calendar_entry_id=None)
        traveller.calendar_entry_id = None


def sync_calendar(actor: Any, trip: Trip, keep_conflict_reason: str = "") -> None:
    """Each travelling office holder has the trip on their calendar (the staff on the trip named
    on the entry), moved with its dates; a refused or cancelled trip is taken off."""
    travellers = list(trip.travellers.select_related("holder", "user"))
    staff = [t.user for t in travellers if t.user_id]
    for traveller in travellers:
        if not traveller.holder_id:
            continue
        if not trip.is_open:
            _cancel_entry(actor, traveller, _("The trip will not take place."))
            continue
        entry = calendar_services.entry_by_id(traveller.calendar_entry_id)
        if entry is None or entry.status == calendar_services.EntryStatus.CANCELLED:
            entry = calendar_services.schedule_entry(
                actor=actor,
                calendar=calendar_services.calendar_of(traveller.holder),
                kind=calendar_services.EntryKind.TRIP,
                visibility=calendar_services.Visibility.INTERNAL,
                staff=staff,
                keep_conflict_reason=keep_conflict_reason,
                source=trip,
                source_label=str(trip)[:255],
                source_url=trip_url(trip),
                **_entry_fields(trip),
            )
            Traveller.objects.filter(pk=traveller.pk).update(calendar_entry_id=entry.pk)
        else:
            # a clash kept once stays kept when the trip is approved or its staff change
            reason = keep_conflict_reason or entry.conflict_reason
            calendar_services.update_entry(
                actor=actor, entry=entry, keep_conflict_reason=reason, staff=staff, **_entry_fields(trip)
            )


# --- The itinerary ---------------------------------------------------------------------------------


@transaction.atomic
def add_leg(
    *,
    actor: Any,
    trip: Trip,
    from_place: str,
    to_place: str,
    departs_at: dt.datetime,
    arrives_at: dt.datetime,
    transport: str,
    crosses_border: bool = False,
    notes: str = "",
) -> Leg:
    """A leg of the itinerary: after its departure it arrives, within the trip, overlapping no other leg."""
    trip = _locked(trip)
    if not trip.is_open:
        raise ValidationError(_("The trip will not take place."))
    if arrives_at <= departs_at:
        raise ValidationError({"arrives_at": _("The arrival must be after the departure.")})
    if departs_at < trip.departs_at or arrives_at > trip.returns_at:
        raise ValidationError({"departs_at": _("The leg must lie within the trip's departure and return.")})
    clash = trip.legs.filter(departs_at__lt=arrives_at, arrives_at__gt=departs_at).first()
    if clash is not None:
        raise ValidationError({"departs_at": _("The leg overlaps the leg %(leg)s.") % {"leg": clash}})
    leg = Leg(
        trip=trip,
        from_place=from_place.strip(),
        to_place=to_place.strip(),
        departs_at=departs_at,
        arrives_at=arrives_at,
        transport=transport,
        crosses_border=crosses_border,
        notes=notes.strip(),
    )
    return audit.save_record(actor=actor, record=leg)


@transaction.atomic
def remove_leg(*, actor: Any, trip: Trip, leg: Leg) -> Trip:
    if leg.trip_id != trip.pk:
        raise ValidationError({"leg": _("Choose a leg of this trip.")})
    audit.record(
        actor=actor,
        instance=trip,
        action="update",
        message=audit.note(gettext_noop("Leg removed: %(leg)s"), leg=str(leg)),
    )
    leg.delete()
    return trip


# --- The travel order and its approval -----------------------------------------------------------

_HOLDER_KINDS = {role.value: role.value for role in OfficeHolder.Role}


def approver_for(trip: Trip) -> OfficeHolder | None:
    """Who orders the trip: per traveller the rule of their kind (``ApproverRule``; without one the
    mayor for office holders and the city secretary for staff); of several, the highest in order."""
    rules = {rule.traveller_kind: rule.approver for rule in ApproverRule.objects.select_related("approver")}
    defaults = {
        "holder": OfficeHolder.objects.filter(role=OfficeHolder.Role.MAYOR, is_active=True).order_by("order").first(),
        "staff": OfficeHolder.objects.filter(role=OfficeHolder.Role.SECRETARY, is_active=True)
        .order_by("order")
        .first(),
    }
    found = []
    for traveller in trip.travellers.select_related("holder"):
        if traveller.holder_id:
            kind = _HOLDER_KINDS.get(traveller.holder.role, TravellerKind.DEPUTY)
            found.append(rules.get(kind) or defaults["holder"])
        else:
            found.append(rules.get(TravellerKind.STAFF) or defaults["staff"] or defaults["holder"])
    found = [holder for holder in found if holder is not None]
    return min(found, key=lambda holder: (holder.order, holder.pk)) if found else None


def order_fields(trip: Trip, traveller: Traveller) -> dict[str, str]:
    """The merge fields of the ``polecenie_wyjazdu`` letter source, in Polish."""
    with translation.override("pl"):
        legs = "; ".join(
            f"{leg.from_place} → {leg.to_place} "
            f"({date_format(timezone.localtime(leg.departs_at), 'SHORT_DATETIME_FORMAT')}, "
            f"{leg.get_transport_display()})"
            for leg in trip.legs.all()
        )
        return {
            "numer": trip.reference,
            "podrozny": traveller.name,
            "stanowisko": traveller.holder.title if traveller.holder_id else "pracownik Urzędu Miasta",
            "cel": trip.purpose,
            "miejsce": trip.destination,
            "kraj": trip.country.name if trip.country_id else "Polska",
            "wyjazd": date_format(timezone.localtime(trip.departs_at), "j E Y, H:i"),
            "powrot": date_format(timezone.localtime(trip.returns_at), "j E Y, H:i"),
            "trasa": legs or "według planu podróży",
            "zakwaterowanie": trip.accommodation,
            "tlumacz": trip.interpreter,
            "budzet": trip.budget_line,
        }


def order_templates() -> Any:
    return letter_services.templates_for(ORDER_SOURCE)


def _contact(traveller: Traveller) -> Contact:
    """The traveller as the letter's addressee: their contact (a person, found by name) or a new one."""
    found = Contact.objects.filter(kind=Contact.Kind.PERSON, name=traveller.name, merged_into__isnull=True).first()
    if found is not None:
        return found
    position = traveller.holder.title if traveller.holder_id else _("staff member of the city office")
    contact = Contact(kind=Contact.Kind.PERSON, name=traveller.name, position=position[:200])
    return audit.save_record(actor=None, record=contact)


@transaction.atomic
def order(*, actor: Any, trip: Trip, template: Any, unit: OrgUnit | None = None) -> Trip:
    """Write each traveller's travel order (a letter numbered in the outgoing register, signed by
    the person entitled) and put the trip before them for approval."""
    trip = _locked(trip)
    if not trip.is_planned:
        raise ValidationError({"template": _("Only a planned trip is ordered.")})
    if template is None or template.source_kind != ORDER_SOURCE:
        raise ValidationError({"template": _("Choose a template of a travel order.")})
    approver = approver_for(trip)
    if approver is None:
        raise ValidationError({"template": _("Nobody is entitled to approve this trip: set it in the administration.")})
    unit = unit or letter_services.register_unit(actor)
    if unit is None:
        raise ValidationError({"template": _("There is no register to number the letter in.")})
    for traveller in trip.travellers.select_related("holder", "user"):
        letter = letter_services.write_letter(
            actor=actor,
            template=template,
            contact=_contact(traveller),
            signatory=approver,
            unit=unit,
            source_fields=order_fields(trip, traveller),
        )
        traveller.order_letter = letter
        traveller.save(update_fields=["order_letter"])
    before = audit.snapshot(trip, ["status", "approver"])
    trip.status, trip.approver = TripStatus.AWAITING, approver
    trip.save(update_fields=["status", "approver", "updated_at"])
    audit.record_update(actor=actor, instance=trip, before=before)
    return trip


def _decide(actor: Any, trip: Trip, target: str, note: str) -> Trip:
    trip = _locked(trip)
    if not trip.is_awaiting:
        raise ValidationError({"note": _("The trip is not waiting for approval.")})
    before = audit.snapshot(trip, ["status", "decided_by", "decided_at", "decision_note"])
    trip.status, trip.decided_by, trip.decided_at, trip.decision_note = target, actor, timezone.now(), note.strip()
    trip.save()
    audit.record_update(actor=actor, instance=trip, before=before)
    sync_calendar(actor, trip)
    return trip


@transaction.atomic
def approve(*, actor: Any, trip: Trip, note: str = "") -> Trip:
    """The entitled person approves the order: the calendar entries are confirmed."""
    return _decide(actor, trip, TripStatus.APPROVED, note)


@transaction.atomic
def refuse(*, actor: Any, trip: Trip, note: str = "") -> Trip:
    if not note.strip():
        raise ValidationError({"note": _("Say why the trip is refused.")})
    return _decide(actor, trip, TripStatus.REFUSED, note)


@transaction.atomic
def cancel(*, actor: Any, trip: Trip, note: str = "") -> Trip:
    trip = _locked(trip)
    if not trip.is_open:
        raise ValidationError({"note": _("The trip is already closed.")})
    if Traveller.objects.filter(trip=trip, settlement__isnull=False).exists():
        raise ValidationError({"note": _("A settled trip cannot be cancelled.")})
    before = audit.snapshot(trip, ["status"])
    trip.status = TripStatus.CANCELLED
    trip.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=trip, before=before, message=note.strip())
    sync_calendar(actor, trip)
    return trip


# --- After the return ------------------------------------------------------------------------------


@transaction.atomic
def file_report(*, actor: Any, trip: Trip, agreed: str, contacts: str = "") -> Trip:
    """What was agreed and the contacts made, once the travellers are back."""
    trip = _locked(trip)
    if not trip.has_returned:
        raise ValidationError({"agreed": _("The report is written after the return of an approved trip.")})
    if not agreed.strip():
        raise ValidationError({"agreed": _("Write what was agreed.")})
    before = audit.snapshot(trip, ["report_agreed", "report_contacts", "reported_on"])
    trip.report_agreed, trip.report_contacts = agreed.strip(), contacts.strip()
    trip.reported_on = timezone.localdate()
    trip.save()
    audit.record_update(actor=actor, instance=trip, before=before)
    return trip


@transaction.atomic
def follow_up(*, actor: Any, trip: Trip, title: str, unit: OrgUnit, due_date: dt.date, description: str = "") -> Any:
    """A follow-up task from the report: an office Assignment whose source is the trip."""
    trip = _locked(trip)
    if trip.reported_on is None:
        raise ValidationError({"title": _("File the report first.")})
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date cannot be in the past.")})
    return assignment_services.hand_over(
        actor=actor,
        title=title,
        unit=unit,
        due_date=due_date,
        description=description.strip(),
        source=trip,
        source_label=str(trip)[:255],
        source_url=trip_url(trip),
    )
