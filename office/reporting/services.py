"""The mayor's reports: assembling sections from the apps' ``report_section`` contributions,
the inter-session report's draft (created, edited section by section, made final) and the audit
of every change. Services trust their caller (the views check permissions) and take ``actor``
only to record who acted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from office.contributions import Figure, ReportSection, registry
from office.models import AuditEntry
from office.reporting.models import Report, ReportStatus, Section
from office.services import audit

KIND = "report_section"
#: The longest period a report may cover (an activity report of a year or two is fine).
LONGEST_PERIOD = dt.timedelta(days=3 * 366)


@dataclass(frozen=True)
class Assembled:
    """One section of a report as assembled now: the app's ``ReportSection``, or ``failed``."""

    key: str
    label: str
    section: ReportSection | None = None
    failed: bool = False

    @property
    def title(self) -> str:
        return self.section.title if self.section is not None else self.label


def section_choices() -> list[tuple[str, str]]:
    """The sections the apps contribute, in the report's order: ``[(key, label)]``."""
    return [(c.key, str(c.label or c.key)) for c in registry.contributions(KIND)]


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    """A period ends on or after its start and is at most about three years long."""
    if start is None or end is None:
        return
    if end < start:
        raise ValidationError(
            {"end": _("The period ends before it starts: the end must be on or after %(start)s.") % {"start": start}}
        )
    if end - start > LONGEST_PERIOD:
        raise ValidationError({"end": _("A report covers at most three years; choose a shorter period.")})


def assemble(
    *, user: Any, start: dt.date, end: dt.date, units: list[int] | None = None, keys: Any = None
) -> list[Assembled]:
    """The sections the apps give for the period (``keys``: only these), in the report's order;
    a provider that raised is ``failed`` (shown as unavailable), one that gave None is left out."""
    check_period(start, end)
    labels = dict(section_choices())
    outcomes = registry.collect(KIND, user, only=keys, start=start, end=end, units=list(units) if units else None)
    return [
        Assembled(outcome.key, labels.get(outcome.key, outcome.key), outcome.data, outcome.failed)
        for outcome in outcomes
    ]


def _section_row(report: Report, position: int, part: Assembled) -> Section:
    if part.failed or part.section is None:
        return Section(
            report=report,
            position=position,
            source=part.key,
            title=part.label,
            text=_("This section was unavailable when the report was assembled; assemble it again later."),
            unavailable=True,
        )
    data = part.section
    return Section(
        report=report,
        position=position,
        source=part.key,
        title=data.title[:255],
        text="\n\n".join(data.paragraphs),
        points="\n".join(line.replace("\n", " ") for line in data.items),
        figures=[[str(f.label), f.value] for f in data.figures],
    )


def report_url(report: Report) -> str:
    return reverse("reporting:report_detail", args=[report.pk])


def section_url(section: Section) -> str:
    return reverse("reporting:section_detail", args=[section.pk])


@transaction.atomic
def create_report(*, actor: Any, report: Report, units: Any = ()) -> Report:
    """A new draft for the period, its sections assembled from every app now — in the office's
    language whatever the preparer's (the report is read at a session of the council)."""
    check_period(report.start, report.end)
    report.status = ReportStatus.DRAFT
    report.created_by = actor if getattr(actor, "is_authenticated", False) else None
    audit.save_record(actor=actor, record=report, related={"units": list(units)})
    with override(settings.LANGUAGE_CODE):
        parts = assemble(user=actor, start=report.start, end=report.end, units=[u.pk for u in units])
        rows = [_section_row(report, (n + 1) * 10, part) for n, part in enumerate(parts)]
    Section.objects.bulk_create(rows)
    return report


def _require_draft(report: Report) -> None:
    if not report.is_draft:
        raise ValidationError(_("The report is final: make it a draft again to change it."))


def _note(actor: Any, report: Report, message: str, changes: dict[str, Any] | None = None, **params: Any) -> None:
    audit.record(
        actor=actor,
        instance=report,
        action=AuditEntry.Action.UPDATE,
        changes=changes,
        message=audit.note(message, **params),
    )


@transaction.atomic
def add_section(*, actor: Any, report: Report, title: str, text: str, points: str = "") -> Section:
    """A section of free text at the end of the report."""
    _require_draft(report)
    last = report.sections.aggregate(last=Max("position"))["last"] or 0
    section = Section.objects.create(report=report, position=last + 10, title=title, text=text, points=points)
    _note(actor, report, gettext_noop("Section “%(title)s” added"), {"section": [None, title]}, title=title)
    return section


@transaction.atomic
def reword_section(*, actor: Any, section: Section, title: str, text: str, points: str = "") -> Section:
    _require_draft(section.report)
    before = audit.snapshot(section, ["title", "text", "points"])
    section.title, section.text, section.points = title, text, points
    section.save(update_fields=["title", "text", "points"])
    changes = audit.diff(before, audit.snapshot(section, ["title", "text", "points"]))
    if changes:
        _note(actor, section.report, gettext_noop("Section “%(title)s” reworded"), changes, title=title)
    return section


@transaction.atomic
def remove_section(*, actor: Any, section: Section) -> None:
    _require_draft(section.report)
    title = section.title
    section.delete()
    _note(actor, section.report, gettext_noop("Section “%(title)s” removed"), {"section": [title, None]}, title=title)


@transaction.atomic
def move_section(*, actor: Any, section: Section, step: int) -> Section:
    """Swap the section with the one before (``step`` -1) or after (+1) it."""
    _require_draft(section.report)
    ordered = list(section.report.sections.order_by("position", "id"))
    index = next(n for n, row in enumerate(ordered) if row.pk == section.pk)
    other = index + step
    if not 0 <= other < len(ordered):
        raise ValidationError(_("The section is already at that end of the report."))
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for number, row in enumerate(ordered):
        row.position = (number + 1) * 10
    Section.objects.bulk_update(ordered, ["position"])
    _note(
        actor,
        section.report,
        gettext_noop("Section “%(title)s” moved to place %(place)s"),
        {"position": [index + 1, other + 1]},
        title=section.title,
        place=other + 1,
    )
    return section


def move_up(*, actor: Any, section: Section) -> Section:
    return move_section(actor=actor, section=section, step=-1)


def move_down(*, actor: Any, section: Section) -> Section:
    return move_section(actor=actor, section=section, step=1)


@transaction.atomic
def reassemble_section(*, actor: Any, section: Section) -> Section:
    """The app's section assembled again for the report's period (staff wording replaced)."""
    report = section.report
    _require_draft(report)
    if section.is_free_text:
        raise ValidationError(_("A section of free text is not assembled from the office's records."))
    units = list(report.units.values_list("pk", flat=True))
    with override(settings.LANGUAGE_CODE):
        parts = assemble(user=actor, start=report.start, end=report.end, units=units, keys=[section.source])
        fresh = _section_row(report, section.position, parts[0]) if parts else None
    if fresh is None:
        raise ValidationError(_("The office's records no longer give this section."))
    for name in ("title", "text", "points", "figures", "unavailable"):
        setattr(section, name, getattr(fresh, name))
    section.save()
    _note(actor, report, gettext_noop("Section “%(title)s” assembled again"), title=section.title)
    return section


@transaction.atomic
def finalise(*, actor: Any, report: Report) -> Report:
    _require_draft(report)
    if not report.sections.exists():
        raise ValidationError(_("A report without sections cannot be final."))
    before = audit.snapshot(report, ["status"])
    report.status, report.finalised_at = ReportStatus.FINAL, timezone.now()
    report.finalised_by = actor if getattr(actor, "is_authenticated", False) else None
    report.save(update_fields=["status", "finalised_at", "finalised_by", "updated_at"])
    audit.record_update(actor=actor, instance=report, before=before, message=gettext_noop("Made final"))
    return report


@transaction.atomic
def reopen(*, actor: Any, report: Report, reason: str) -> Report:
    """Back to a draft (a correction asked for by the council office); the archived PDF stays
    until the final version is printed again."""
    if report.is_draft:
        raise ValidationError(_("The report is already a draft."))
    before = audit.snapshot(report, ["status"])
    report.status = ReportStatus.DRAFT
    report.save(update_fields=["status", "updated_at"])
    audit.record_update(actor=actor, instance=report, before=before, message=reason)
    return report


def figures_of(section: Section) -> list[Figure]:
    return [Figure(str(label), value) for label, value in section.figures]
