"""The archive: the JRWA class list (importable from CSV, the office's classes shipped), the
yearly handover list of a unit's files (spis zdawczo-odbiorczy) and the removal of personal
data from letters whose retention has passed."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from correspondence.models import ANONYMISED, ArchiveTransfer, JrwaClass, Letter
from office.models import Contact, OrgUnit
from office.services import audit

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "jrwa.csv"
MAX_IMPORT_BYTES = 1_000_000


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _rows(text: str) -> list[dict[str, str]]:
    sample = text[:2000]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@transaction.atomic
def import_classes(*, actor: Any, text: str) -> ImportResult:
    """Create or update classes from CSV (columns ``symbol``, ``title``, ``category``; ``;`` or
    ``,``). All or nothing: a file with a bad line changes nothing and names the lines."""
    if len(text.encode()) > MAX_IMPORT_BYTES:
        raise ValidationError(_("The file is too large for a class list."))
    rows = _rows(text.lstrip("\ufeff"))
    if not rows or not {"symbol", "title", "category"} <= set(rows[0]):
        raise ValidationError(_("The file needs the columns symbol, title and category."))
    errors, parsed = [], []
    for number, row in enumerate(rows, start=2):
        candidate = JrwaClass(
            symbol=(row.get("symbol") or "").strip(),
            title=(row.get("title") or "").strip(),
            category=(row.get("category") or "").strip(),
        )
        try:
            candidate.clean()
            if not candidate.title:
                raise ValidationError({"title": _("The title is missing.")})
        except ValidationError as error:
            errors.append(_("line %(line)d: %(errors)s") % {"line": number, "errors": " ".join(error.messages)})
        else:
            parsed.append(candidate)
    if errors:
        raise ValidationError(errors[:20])
    existing = JrwaClass.objects.in_bulk([c.symbol for c in parsed], field_name="symbol")
    created = updated = 0
    for candidate in parsed:
        current = existing.get(candidate.symbol)
        if current is None:
            audit.save_record(actor=actor, record=candidate)
            created += 1
        elif (current.title, current.category) != (candidate.title, candidate.category):
            current.title, current.category = candidate.title, candidate.category
            audit.save_record(actor=actor, record=current)
            updated += 1
    return ImportResult(created, updated)


def ensure_shipped_classes() -> int:
    """Install the office's class list into an empty table (after ``migrate``, like the deadline
    rules: an installation, not a change anyone made, so not on the trail)."""
    if JrwaClass.objects.exists():
        return 0
    rows = _rows(SHIPPED.read_text(encoding="utf-8"))
    made = JrwaClass.objects.bulk_create(
        [JrwaClass(symbol=row["symbol"], title=row["title"], category=row["category"]) for row in rows]
    )
    return len(made)


# --- The handover list ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FileRow:
    """One file (teczka) of the list: a class's letters of the unit and year."""

    number: int
    symbol: str
    title: str
    first: dt.date | None
    last: dt.date | None
    letters: int
    category: str


def handover_files(unit: OrgUnit, year: int) -> list[FileRow]:
    rows = (
        Letter.objects.filter(unit=unit, year=year)
        .values("jrwa_class__symbol", "jrwa_class__title", "jrwa_class__category")
        .annotate(
            letters=Count("pk"),
            first_in=Min("received_on"),
            first_out=Min("sent_on"),
            last_in=Max("received_on"),
            last_out=Max("sent_on"),
        )
        .order_by("jrwa_class__symbol")
    )
    files = []
    for number, row in enumerate(rows, start=1):
        firsts = [day for day in (row["first_in"], row["first_out"]) if day]
        lasts = [day for day in (row["last_in"], row["last_out"]) if day]
        files.append(
            FileRow(
                number=number,
                symbol=row["jrwa_class__symbol"],
                title=row["jrwa_class__title"],
                first=min(firsts) if firsts else None,
                last=max(lasts) if lasts else None,
                letters=row["letters"],
                category=row["jrwa_class__category"],
            )
        )
    return files


@transaction.atomic
def prepare_transfer(*, actor: Any, unit: OrgUnit, year: int, handed_on: dt.date, notes: str = "") -> ArchiveTransfer:
    """Record the handover of the unit's files of ``year`` (one list per unit and year, numbered
    in the archive's order of the year)."""
    if year >= timezone.localdate().year:
        raise ValidationError({"year": _("Files are handed over after their year has ended.")})
    if ArchiveTransfer.objects.filter(unit=unit, year=year).exists():
        raise ValidationError(
            {
                "year": _("The files of %(unit)s for %(year)d were already handed over.")
                % {
                    "unit": unit.symbol,
                    "year": year,
                }
            }
        )
    if not Letter.objects.filter(unit=unit, year=year).exists():
        raise ValidationError(
            {"year": _("%(unit)s registered no letters in %(year)d.") % {"unit": unit.symbol, "year": year}}
        )
    number = (ArchiveTransfer.objects.filter(handed_on__year=handed_on.year).aggregate(n=Max("number"))["n"] or 0) + 1
    transfer = ArchiveTransfer(
        unit=unit, year=year, number=number, handed_on=handed_on, notes=notes.strip(), created_by=actor
    )
    return audit.save_record(actor=actor, record=transfer)


# --- Personal data after the retention ----------------------------------------------------------------


def retention_passed(jrwa_class: JrwaClass, closing_year: int, today: dt.date) -> bool:
    """Whether the files of ``closing_year`` of the class have outlived their retention: n full
    years counted from 1 January after the closing year (A: never)."""
    years = jrwa_class.retention_years
    return years is not None and today.year > closing_year + years


def anonymise_letters(today: dt.date | None = None) -> int:
    """Remove the personal data of private persons from letters whose retention has passed."""
    today = today or timezone.localdate()
    count = 0
    classes = [c for c in JrwaClass.objects.all() if c.retention_years is not None]
    for jrwa_class in classes:
        last_year = today.year - jrwa_class.retention_years - 1
        due = Letter.objects.filter(
            jrwa_class=jrwa_class,
            year__lte=last_year,
            anonymised_at__isnull=True,
            contact__kind=Contact.Kind.PERSON,
        )
        for letter in due.iterator(chunk_size=500):
            with transaction.atomic():
                letter.correspondent = ANONYMISED
                letter.summary = letter.body = letter.salutation = ""
                letter.anonymised_at = timezone.now()
                letter.save(update_fields=["correspondent", "summary", "body", "salutation", "anonymised_at"])
                audit.record(
                    actor=None,
                    instance=letter,
                    action="action",
                    message=audit.note(gettext_noop("Personal data removed after the retention period")),
                )
            count += 1
    return count


def ensure_classes_after_migrate(sender: Any, **kwargs: Any) -> None:
    ensure_shipped_classes()
