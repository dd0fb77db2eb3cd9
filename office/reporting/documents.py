"""The documents of a report: the PDF (WeasyPrint, on the office's print layout with the city's
header, a table of contents and page numbers; PDF/A-3b for the archive), the DOCX for the council
office (python-docx, the library the letters use) and the XLSX of the figures (openpyxl).

All three are made from one ``Document``: a saved report's sections, or the sections of an ad-hoc
activity report assembled now, so the figures are the same in every format."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from office.kit.exports import inert
from office.services import pdf

PDF_TEMPLATE = "reporting/pdf/report.html"


@dataclass(frozen=True)
class Part:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    figures: list[tuple[str, Any]] = field(default_factory=list)
    unavailable: bool = False


@dataclass(frozen=True)
class Document:
    title: str
    start: Any
    end: Any
    parts: list[Part]
    units: list[str] = field(default_factory=list)
    draft: bool = False

    @property
    def period(self) -> str:
        return f"{date_format(self.start, 'SHORT_DATE_FORMAT')} – {date_format(self.end, 'SHORT_DATE_FORMAT')}"

    @property
    def file_stem(self) -> str:
        words = re.sub(r"[^\w]+", "-", self.title.lower(), flags=re.ASCII).strip("-")[:60] or "raport"
        return f"{words}-{self.start:%Y%m%d}-{self.end:%Y%m%d}"


def of_report(report: Any) -> Document:
    """A saved report's document (its sections and units joined by the caller or read here)."""
    return Document(
        title=report.title,
        start=report.start,
        end=report.end,
        parts=[section.as_part for section in report.sections.all()],
        units=[unit.name for unit in report.units.all()],
        draft=report.is_draft,
    )


def of_assembled(title: str, start: Any, end: Any, parts: list[Any], units: list[str]) -> Document:
    """An activity report's document from ``services.assemble``'s sections."""
    unavailable = _("This section is unavailable now; try again later.")
    return Document(
        title=title,
        start=start,
        end=end,
        parts=[
            Part(part.title, [unavailable], unavailable=True)
            if part.failed
            else Part(
                part.section.title,
                list(part.section.paragraphs),
                list(part.section.items),
                [(str(f.label), f.value) for f in part.section.figures],
            )
            for part in parts
        ],
        units=units,
    )


def html(document: Document) -> str:
    return pdf.render_html(
        PDF_TEMPLATE,
        {"document": document, "generated_at": timezone.localtime(), "office_address": settings.OFFICE_ADDRESS},
    )


def pdf_bytes(document: Document, *, archival: bool) -> bytes:
    return pdf.write(pdf.render_document(html(document)), archival=archival)


def docx_bytes(document: Document) -> bytes:
    from docx import Document as Word
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word = Word()
    style = word.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    word.core_properties.title = document.title
    word.core_properties.author = settings.OFFICE_NAME
    head = word.add_paragraph()
    head.add_run(settings.CITY_NAME).bold = True
    head.add_run(f"\n{settings.OFFICE_NAME}")
    word.add_heading(document.title, level=0)
    word.add_paragraph(_("Period: %(period)s") % {"period": document.period})
    if document.units:
        word.add_paragraph(_("Units: %(units)s") % {"units": ", ".join(document.units)})
    word.add_heading(_("Contents"), level=1)
    for number, part in enumerate(document.parts, 1):
        word.add_paragraph(f"{number}. {part.title}")
    for number, part in enumerate(document.parts, 1):
        word.add_heading(f"{number}. {part.title}", level=1)
        for paragraph in part.paragraphs:
            word.add_paragraph(paragraph).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for item in part.items:
            word.add_paragraph(item, style="List Bullet")
        if part.figures:
            table = word.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = _("Figure"), _("Value")
            for label, value in part.figures:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = str(label), str(value)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    """A number stays a number; a text never becomes a formula, nor carries a control character."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, int | float):
        return value
    return inert(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def xlsx_bytes(document: Document) -> bytes:
    """Two sheets: the figures of every section (typed numbers) and the items listed."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Figures")[:31]
    sheet.append([_cell(document.title), document.period])
    sheet.append([_("Section"), _("Figure"), _("Value")])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for part in document.parts:
        for label, value in part.figures:
            sheet.append([_cell(part.title), _cell(label), _cell(value)])
    sheet.column_dimensions["A"].width = 45
    sheet.column_dimensions["B"].width = 45
    items = book.create_sheet(_("Items")[:31])
    items.append([_("Section"), _("Item")])
    for part in document.parts:
        for line in part.items:
            items.append([_cell(part.title), _cell(line)])
    items.column_dimensions["A"].width = 45
    items.column_dimensions["B"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
