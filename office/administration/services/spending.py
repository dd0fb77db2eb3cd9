"""Small procurements (the threshold check in euro at the regulation's rate), paid
announcements and promotion undertakings: each that names a budget line keeps one commitment
on it, changed with the record and cancelled when the line is taken away or the offer declined."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Max, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from office.administration import services as budget
from office.administration.models import (
    Announcement,
    CommitmentKind,
    EuroRate,
    Procurement,
    Promotion,
    PromotionDecision,
    SupplyType,
)
from office.administration.models.spending import THRESHOLD_PLN
from office.services import audit

#: The advisory lock under which the procurement numbers of a year are given (PostgreSQL).
NUMBER_LOCK = 27_271


def _sync_commitment(
    *, actor: Any, record: Any, amount: Decimal | None, date: Any, kind: str, url: str, label: str
) -> None:
    """Keep the record's one commitment in step: made when it names a line and costs something,
    changed with the amount, cancelled (and a new one made) when the line changes or goes."""
    current = record.commitment
    wanted = record.line is not None and amount is not None and amount > 0
    if current is not None and current.is_active:
        if wanted and current.line_id == record.line_id and current.committed_on.year == date.year:
            if current.amount != amount or current.committed_on != date:
                budget.change_commitment(actor=actor, commitment=current, amount=amount, date=date)
            return
        budget.cancel_commitment(actor=actor, commitment=current, reason=_("changed in the register"))
    record.commitment = None
    if wanted:
        record.commitment = budget.commit(
            actor=actor,
            budget_line=record.line,
            amount=amount,
            date=date,
            source=record,
            kind=kind,
            source_label=label,
            source_url=url,
        )
    type(record).objects.filter(pk=record.pk).update(commitment=record.commitment)


def _line_year(record: Any, date: Any, field: str = "line") -> None:
    if record.line is not None and date is not None and record.line.year != date.year:
        raise ValidationError(
            {field: _("Choose a line of %(year)s, the year of the record's date.") % {"year": date.year}}
        )


# --- Small procurements -----------------------------------------------------------------------------


def threshold_check(*, value: Decimal, on: Any) -> tuple[Decimal, Decimal]:
    """(rate, value in euro) of an estimated value on a date; a ValidationError when the value
    reaches the statutory threshold or no rate is in force."""
    rate = EuroRate.on(on)
    if rate is None:
        raise ValidationError(
            {"estimated_on": _("No euro rate of the regulation is in force on this date; an administrator adds it.")}
        )
    if value >= THRESHOLD_PLN:
        raise ValidationError(
            {
                "estimated_value": _(
                    "%(value)s PLN (%(eur)s EUR) reaches the statutory threshold of %(threshold)s PLN: this order "
                    "falls under the Public Procurement Law and is not registered here."
                )
                % {
                    "value": number_format(value, 2, force_grouping=True),
                    "eur": number_format(Procurement.in_euro(value, rate.rate), 2, force_grouping=True),
                    "threshold": number_format(THRESHOLD_PLN, 0, force_grouping=True),
                }
            }
        )
    return rate.rate, Procurement.in_euro(value, rate.rate)


def _lock_numbers(year: int) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [NUMBER_LOCK, year])


@transaction.atomic
def save_procurement(*, actor: Any, procurement: Procurement) -> Procurement:
    """Register or change a small procurement: below the threshold, with its value in euro at the
    rate in force on the day it was estimated, numbered within its year, committed on its line."""
    if procurement.estimated_value is not None and procurement.estimated_value <= 0:
        raise ValidationError({"estimated_value": _("The value must be more than zero.")})
    if procurement.gross_amount is not None and procurement.gross_amount <= 0:
        raise ValidationError({"gross_amount": _("The amount must be more than zero.")})
    if procurement.invoice and not procurement.order_number:
        raise ValidationError({"order_number": _("Give the order or contract the invoice is for.")})
    if procurement.ordered_on and procurement.ordered_on < procurement.estimated_on:
        raise ValidationError({"ordered_on": _("The order cannot come before the value was estimated.")})
    when = procurement.ordered_on or procurement.estimated_on
    _line_year(procurement, when)
    procurement.euro_rate, procurement.value_eur = threshold_check(
        value=procurement.estimated_value, on=procurement.estimated_on
    )
    if procurement.pk is None:
        procurement.year = procurement.estimated_on.year
        _lock_numbers(procurement.year)
        last = Procurement.objects.filter(year=procurement.year).aggregate(last=Max("number"))["last"] or 0
        procurement.number = last + 1
        procurement.created_by = actor
    audit.save_record(actor=actor, record=procurement)
    _sync_commitment(
        actor=actor,
        record=procurement,
        amount=procurement.amount_committed,
        date=when,
        kind=CommitmentKind.PROCUREMENT,
        url=reverse("administration:procurement_detail", args=[procurement.pk]),
        label=str(procurement)[:255],
    )
    return procurement


def yearly_summary(year: int) -> list[dict[str, Any]]:
    """Per type of supply: how many procurements of the year, their estimated value (PLN, EUR) and
    what was ordered — one grouped query."""
    rows = {
        row["supply_type"]: row
        for row in Procurement.objects.filter(year=year)
        .values("supply_type")
        .annotate(count=Count("id"), value=Sum("estimated_value"), eur=Sum("value_eur"), ordered=Sum("gross_amount"))
        .order_by()
    }
    summary = []
    for value, label in SupplyType.choices:
        row = rows.get(value, {})
        summary.append(
            {
                "type": label,
                "count": row.get("count", 0),
                "value": row.get("value") or Decimal("0"),
                "eur": row.get("eur") or Decimal("0"),
                "ordered": row.get("ordered") or Decimal("0"),
            }
        )
    return summary


# --- Paid announcements --------------------------------------------------------------------------------


@transaction.atomic
def save_announcement(*, actor: Any, announcement: Announcement) -> Announcement:
    if announcement.cost is not None and announcement.cost < 0:
        raise ValidationError({"cost": _("The cost cannot be negative.")})
    if announcement.published_until and announcement.published_until < announcement.published_from:
        raise ValidationError({"published_until": _("The publication cannot end before it starts.")})
    if announcement.published_from < announcement.ordered_on:
        raise ValidationError({"published_from": _("The announcement cannot appear before it was ordered.")})
    _line_year(announcement, announcement.ordered_on)
    if announcement.pk is None:
        announcement.created_by = actor
    audit.save_record(actor=actor, record=announcement)
    _sync_commitment(
        actor=actor,
        record=announcement,
        amount=announcement.cost,
        date=announcement.ordered_on,
        kind=CommitmentKind.ANNOUNCEMENT,
        url=reverse("administration:announcement_detail", args=[announcement.pk]),
        label=str(announcement)[:255],
    )
    return announcement


# --- Promotion undertakings -------------------------------------------------------------------------------


def _promotion_commitment(actor: Any, promotion: Promotion) -> None:
    _sync_commitment(
        actor=actor,
        record=promotion,
        amount=promotion.cost if promotion.is_accepted else None,
        date=promotion.decided_on or promotion.starts_on,
        kind=CommitmentKind.PROMOTION,
        url=reverse("administration:promotion_detail", args=[promotion.pk]),
        label=str(promotion)[:255],
    )


@transaction.atomic
def save_promotion(*, actor: Any, promotion: Promotion) -> Promotion:
    """Register or change a promotion undertaking; an accepted one commits its cost on its line."""
    if promotion.cost is not None and promotion.cost < 0:
        raise ValidationError({"cost": _("The cost cannot be negative.")})
    if promotion.ends_on and promotion.ends_on < promotion.starts_on:
        raise ValidationError({"ends_on": _("The undertaking cannot end before it starts.")})
    if promotion.results.strip() and promotion.decision == PromotionDecision.DECLINED:
        raise ValidationError({"results": _("A declined offer has no results.")})
    _line_year(promotion, promotion.decided_on or promotion.starts_on)
    if promotion.pk is None:
        promotion.created_by = actor
    audit.save_record(actor=actor, record=promotion)
    _promotion_commitment(actor, promotion)
    return promotion


@transaction.atomic
def decide_promotion(*, actor: Any, promotion: Promotion, decision: str, reason: str = "") -> Promotion:
    """Accept or decline an offer or action waiting for the decision; accepting commits its cost."""
    if not promotion.is_pending:
        raise ValidationError(_("The undertaking was already decided."))
    if decision not in (PromotionDecision.ACCEPTED, PromotionDecision.DECLINED):
        raise ValidationError({"decision": _("Accept or decline.")})
    if decision == PromotionDecision.DECLINED and not reason.strip():
        raise ValidationError({"reason": _("Say why the offer is declined.")})
    today = timezone.localdate()
    if decision == PromotionDecision.ACCEPTED and promotion.line is not None and promotion.line.year != today.year:
        raise ValidationError({"decision": _("The budget line is of another year; change the line first.")})
    before = audit.snapshot(promotion)
    promotion.decision, promotion.decided_on, promotion.decision_reason = decision, today, reason.strip()[:255]
    promotion.save()
    audit.record(
        actor=actor,
        instance=promotion,
        action="transition",
        changes=audit.diff(before, audit.snapshot(promotion, before.keys())),
    )
    _promotion_commitment(actor, promotion)
    return promotion


#: the rate of the regulation in force since 2024 (rozporządzenie Prezesa Rady Ministrów z 14.12.2023)
DEFAULT_EURO_RATE = (
    dt.date(2024, 1, 1),
    Decimal("4.6435"),
    "Rozporządzenie Prezesa Rady Ministrów z dnia 14 grudnia 2023 r. w sprawie średniego kursu złotego "
    "w stosunku do euro (Dz.U. 2023 poz. 2720)",
)


def ensure_default_euro_rate(**_kwargs: Any) -> None:
    """The rate of the regulation installed when missing (after every migrate and a test database's
    flush, like the deadline rules); an administrator's later rates are kept."""
    valid_from, rate, basis = DEFAULT_EURO_RATE
    EuroRate.objects.get_or_create(valid_from=valid_from, defaults={"rate": rate, "basis": basis})
