"""Every list as a spreadsheet (CSV or XLSX) of the rows its filters select.

The rows are the list's own results table, rendered by the list's own fragment in chunks and
read back: the columns, the headers (in the user's language), the masking of what the user may
not see and the scope of the rows are exactly the page's, so a new list exports itself. A list
of more than ``settings.EXPORT_INLINE_ROWS`` rows is exported by a background job (the job's
page shows the progress); the job calls the same view as its owner.

Cells read back as dates (``29.11.2026``, ``29.11.2026 14:05``) and whole numbers become dates
and numbers in XLSX; the CSV is UTF-8 with a BOM and semicolons, as Excel opens it in Poland.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.text import slugify

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
#: Rows rendered at a time (each chunk makes the page's constant number of queries).
CHUNK = 500
JOB_KIND = "office.list_export"
_SKIPPED = {"form", "button", "script", "style", "template"}
_BREAK = "\x00"
_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "col", "source"}


class _Table(HTMLParser):
    """The header and body cells of the first table, as text (hidden helper texts and buttons
    left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headers: list[tuple[str, bool]] = []
        self.rows: list[list[str]] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self._cell: list[str] | None = None
        self._section = ""
        self._row: list[str] | None = None
        self._tables = 0

    def _skipping(self) -> bool:
        return any(skipped for _tag, skipped in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and self._cell is not None and not self._skipping():
                self._cell.append(_BREAK)
            return
        classes = (dict(attrs).get("class") or "").split()
        self._stack.append((tag, tag in _SKIPPED or "visually-hidden" in classes))
        if tag == "table":
            self._tables += 1
        if self._tables != 1:
            return
        if tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self._stack:
            open_tag, _skipped = self._stack.pop()
            if open_tag == tag:
                break
        if self._tables != 1:
            return
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            lines = " ".join("".join(self._cell).split()).split(_BREAK)
            self._row.append("\n".join(line.strip() for line in lines if line.strip()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._section == "thead":
                self.headers = [(text, bool(text)) for text in self._row]
            elif self._row:
                self.rows.append(self._row)
            self._row = None
        elif tag == "table":
            self._tables += 1  # only the first table counts

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skipping():
            self._cell.append(data)


def read_table(html: str) -> tuple[list[str], list[list[str]]]:
    """(headers, rows) of the first table in ``html``; columns without a visible header (the
    row's actions) are left out."""
    table = _Table()
    table.feed(html)
    keep = [index for index, (_text, shown) in enumerate(table.headers) if shown]
    headers = [table.headers[index][0] for index in keep]
    rows = [[row[index] if index < len(row) else "" for index in keep] for row in table.rows]
    return headers, rows


_NUMBER = re.compile(r"-?(0|[1-9]\d{0,11})")


def typed(text: str) -> Any:
    """A cell's value for XLSX: a date, a date and time, a whole number, or the text."""
    if _NUMBER.fullmatch(text):
        return int(text)
    if 8 <= len(text) <= 19 and text[:1].isdigit():
        for name in ("DATETIME_INPUT_FORMATS", "DATE_INPUT_FORMATS"):
            for pattern in get_format(name):
                try:
                    value = dt.datetime.strptime(text, pattern)  # office time, as the page shows it
                except ValueError:
                    continue
                return value if name == "DATETIME_INPUT_FORMATS" and ("%H" in pattern) else value.date()
    return text


def table_rows(
    render: Callable[[Any], str], queryset: Any, progress: Callable[[int, int], None] | None = None
) -> Iterator[list[str]]:
    """The header row, then every row of ``queryset`` as the list's fragment shows it
    (``render(page)`` renders one chunk)."""
    paginator = Paginator(queryset, CHUNK)
    headers: list[str] = []
    for number in paginator.page_range:
        found, rows = read_table(render(paginator.page(number)))
        if number == 1:
            headers = found
            yield headers
        yield from rows
        if progress is not None:
            progress(min(number * CHUNK, paginator.count), paginator.count)


_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?!\d))")


def inert(text: str) -> str:
    """A cell that a spreadsheet would run as a formula (``=HYPERLINK(…)`` typed into a form by
    anyone) is kept as text: an apostrophe before it, as Excel itself writes it."""
    return "'" + text if _FORMULA.match(text) else text


def as_csv(rows: Iterator[list[str]]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    for row in rows:
        writer.writerow([inert(text) for text in row])
    return out.getvalue().encode("utf-8")


def as_xlsx(rows: Iterator[list[str]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=(re.sub(r"[\[\]:*?/\\]", " ", title).strip() or "Lista")[:31])
    for number, row in enumerate(rows):
        cells = []
        for text in row:
            value = text if number == 0 else typed(text)
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if number == 0:
                cell.font = Font(bold=True)
            elif isinstance(value, dt.datetime):
                cell.number_format = "DD.MM.YYYY HH:MM"
            elif isinstance(value, dt.date):
                cell.number_format = "DD.MM.YYYY"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_file(rows: Iterator[list[str]], fmt: str, title: str) -> tuple[str, bytes]:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    name = f"{slugify(str(title))[:60] or 'lista'}-{stamp}.{fmt}"
    return name, as_csv(rows) if fmt == "csv" else as_xlsx(rows, str(title))


def wanted(request: HttpRequest) -> str:
    """The format asked for by ``?export=`` (empty when none)."""
    fmt = request.GET.get("export", "")
    return fmt if fmt in FORMATS else ""


def respond(request: HttpRequest, *, queryset: Any, render: Callable[[Any], str], fmt: str, title: Any) -> HttpResponse:
    """The file, at once for a list within ``EXPORT_INLINE_ROWS`` rows (or inside the export job),
    else a job that makes it (the response redirects to the job's page)."""
    job_progress = getattr(request, "export_progress", None)
    total = queryset.count()
    if job_progress is None and total > settings.EXPORT_INLINE_ROWS:
        from office.services.jobs import start_job

        query = {key: value for key, value in request.GET.lists() if key not in ("export", "page")}
        job = start_job(
            actor=request.user,
            kind=JOB_KIND,
            title=str(title),
            params={"path": request.path, "query": urlencode(query, doseq=True), "format": fmt},
        )
        return redirect("office:job_detail", job.pk)
    from office.services.reads import note_export

    note_export(request, queryset.model, label=f"{title} ({total})")
    name, content = export_file(table_rows(render, queryset, job_progress), fmt, title)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.export_name = name  # type: ignore[attr-defined]
    return response


def render_chunks(request: HttpRequest, fragment: str, context: dict[str, Any]) -> Callable[[Any], str]:
    def render(page: Any) -> str:
        return render_to_string(fragment, {**context, "page_obj": page, "exporting": True}, request=request)

    return render
