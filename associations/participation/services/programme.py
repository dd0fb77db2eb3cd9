"""The cooperation programme: its statutory dates, adoption, the grants register and the report
assembled from recorded data, edited before its PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from associations.deadlines import AssociationRules
from associations.participation.models import Consultation, Grant, GrantMode, Programme
from associations.services import memberships as membership_services
from office.deadlines import compute_deadline
from office.services import audit


def programme_url(programme: Programme) -> str:
    return reverse("participation:programme_detail", args=[programme.pk])


def statutory_dates(year: int) -> tuple[Any, Any]:
    """The programme for ``year`` is adopted by 30 November of the year before; its report is due
    on 31 May of the year after (the rules' installed rows say the dates)."""
    adoption = compute_deadline(AssociationRules.COOPERATION_PROGRAMME, dt.date(year - 1, 1, 1))
    report = compute_deadline(AssociationRules.COOPERATION_REPORT, dt.date(year + 1, 1, 1))
    return adoption, report


@transaction.atomic
def save_programme(*, actor: Any, programme: Programme) -> Programme:
    """Create or correct a programme; its statutory dates follow its year."""
    if programme.year and not 2000 <= programme.year <= 2198:
        raise ValidationError({"year": _("Give a year between 2000 and 2198.")})
    if programme.adopted_on and programme.adopted_on > timezone.localdate():
        raise ValidationError({"adopted_on": _("The date of adoption cannot be in the future.")})
    adoption, report = statutory_dates(programme.year)
    programme.adoption_due, programme.adoption_rule = adoption.due, adoption.label
    programme.report_due, programme.report_rule = report.due, report.label
    if programme.pk is None:
        programme.created_by = actor
    return audit.save_record(actor=actor, record=programme)


@transaction.atomic
def adopt(*, actor: Any, programme: Programme, adopted_on: dt.date, resolution: str) -> Programme:
    if adopted_on > timezone.localdate():
        raise ValidationError({"adopted_on": _("The date of adoption cannot be in the future.")})
    programme.adopted_on, programme.resolution = adopted_on, resolution.strip()
    return audit.save_record(actor=actor, record=programme)


@transaction.atomic
def save_grant(*, actor: Any, grant: Grant) -> Grant:
    if grant.starts_on and grant.ends_on and grant.ends_on < grant.starts_on:
        raise ValidationError({"ends_on": _("The task cannot end before it starts.")})
    grant.task = grant.task.strip()
    if grant.pk is None:
        grant.created_by = actor
    return audit.save_record(actor=actor, record=grant)


def report_figures(programme: Programme) -> dict[str, Any]:
    """What the report counts, from the registers: the grants by mode, the organisations funded,
    the consultations of the year with their comments."""
    grants = Grant.objects.filter(programme=programme)
    by_mode = {row["mode"]: row for row in grants.values("mode").annotate(count=Count("id"), total=Sum("amount"))}
    modes = [
        {"label": label, "count": by_mode.get(value, {}).get("count", 0), "total": by_mode.get(value, {}).get("total")}
        for value, label in GrantMode.choices
    ]
    consultations = (
        Consultation.objects.filter(starts_on__year=programme.year)
        .annotate(comments=Count("submissions"))
        .order_by("starts_on", "id")
    )
    total = grants.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    return {
        "grants": list(grants.select_related("organisation").order_by("awarded_on", "id")),
        "modes": modes,
        "total": total,
        "organisations": grants.values("organisation").distinct().count(),
        "consultations": list(consultations),
        "share": (total / programme.planned_funds * 100) if programme.planned_funds else None,
    }


def _money(value: Decimal | None) -> str:
    return number_format(value or 0, decimal_pos=2, force_grouping=True) + " zł"


def assemble_report_text(programme: Programme) -> str:
    """The report's text drafted from the registers (Polish: it goes to the council and BIP);
    staff edit it before the PDF."""
    figures = report_figures(programme)
    lines = [
        f"Sprawozdanie z realizacji „{programme.title}” w roku {programme.year}.",
        "",
        f"Program przyjęto uchwałą {programme.resolution or '(brak danych)'}"
        + (f" z dnia {date_format(programme.adopted_on, 'j E Y')} r." if programme.adopted_on else "."),
        f"Na realizację programu zaplanowano {_money(programme.planned_funds)}, "
        f"a udzielono dotacji na łączną kwotę {_money(figures['total'])}"
        + (f" ({figures['share']:.1f}% planu)." if figures["share"] is not None else "."),
        f"Dotacje otrzymało {figures['organisations']} organizacji w {len(figures['grants'])} zadaniach:",
    ]
    lines += [f"– tryb: {m['label']}: {m['count']} zadań, {_money(m['total'])}" for m in figures["modes"] if m["count"]]
    lines += ["", "Zadania publiczne zlecone organizacjom:"]
    lines += [f"– {g.task} – {g.organisation.name}: {_money(g.amount)}" for g in figures["grants"]]
    lines += ["", "Konsultacje z mieszkańcami i organizacjami:"]
    lines += [
        f"– {c.title} ({date_format(c.starts_on, 'SHORT_DATE_FORMAT')}–{date_format(c.ends_on, 'SHORT_DATE_FORMAT')}):"
        f" {c.comments} uwag"
        for c in figures["consultations"]
    ] or ["– nie prowadzono."]
    lines += ["", "Członkostwo Miasta w związkach i stowarzyszeniach:"]
    lines += [f"– {name}" for name in membership_services.active().values_list("organisation", flat=True)] or [
        "– brak."
    ]
    lines += ["", "Pozostałe formy współpracy (wzajemne informowanie, zespoły doradcze, patronaty):", "(uzupełnić)"]
    return "\n".join(lines)


@transaction.atomic
def draft_report(*, actor: Any, programme: Programme) -> Programme:
    """Assemble the report's text from the registers (it replaces the text kept so far)."""
    before = audit.snapshot(programme, ["report_text"])
    programme.report_text = assemble_report_text(programme)
    programme.report_drafted_at = timezone.now()
    programme.save(update_fields=["report_text", "report_drafted_at", "updated_at"])
    audit.record_update(actor=actor, instance=programme, before=before)
    return programme


@transaction.atomic
def edit_report(*, actor: Any, programme: Programme, text: str) -> Programme:
    before = audit.snapshot(programme, ["report_text"])
    programme.report_text = text.strip()
    programme.save(update_fields=["report_text", "updated_at"])
    audit.record_update(actor=actor, instance=programme, before=before)
    return programme


@transaction.atomic
def submit_report(*, actor: Any, programme: Programme, submitted_on: dt.date) -> Programme:
    """The report went to the council (and BIP) on ``submitted_on``."""
    if not programme.report_text:
        raise ValidationError(_("Assemble the report before marking it submitted."))
    if submitted_on > timezone.localdate():
        raise ValidationError({"submitted_on": _("The date cannot be in the future.")})
    before = audit.snapshot(programme, ["report_submitted_on"])
    programme.report_submitted_on = submitted_on
    programme.save(update_fields=["report_submitted_on", "updated_at"])
    audit.record_update(actor=actor, instance=programme, before=before)
    return programme
