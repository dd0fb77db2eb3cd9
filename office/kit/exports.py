"""Every list as a spreadsheet (CSV or XLSX) of the rows its filters select.

Where the rows come from:

- by default, the list's own results table: the list's fragment is rendered in chunks and its
  table read back, so the columns, the headers (in the user's language), the masking of what
  the user may not see and the scope of the rows are exactly the page's, and a new list exports
  itself;
- a list that declares ``export_columns`` (``list_page(..., export_columns=[ExportColumn(...)])``,
  for long lists where rendering the fragment row by row is too slow) has its values read
  straight from the same filtered, scoped queryset (``values_list``: masking done by the
  queryset's annotations holds as on the page). The columns must head and show what the page's
  table shows: the permission matrix compares the export of every list with its page.

A CSV is streamed as it is made (UTF-8 with a BOM and semicolons, as Excel opens it in Poland);
only a list read back from its table with more than ``settings.EXPORT_INLINE_ROWS`` rows goes
to a background job instead (rendering it takes long). An XLSX of more than
``EXPORT_INLINE_ROWS`` rows is always the job ``office.list_export``, which calls the same view
as its owner and reports its progress as the rows are read. Dates and whole numbers are typed
cells in XLSX (declared columns give their values typed; cells read back as ``29.11.2026``,
``29.11.2026 14:05`` or ``42`` are typed); a text a spreadsheet would run as a formula is kept as
text in both formats.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import html
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format, localize
from django.utils.text import slugify

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
#: Rows rendered (or read from the database) at a time; each chunk of a list read back from its
#: table makes the page's constant number of queries, and the job's progress moves per chunk.
CHUNK = 2000
#: CSV rows written before the streamed response sends them on.
CSV_BATCH = 1000
JOB_KIND = "office.list_export"

Progress = Callable[[int, int], None]


class ExportColumn:
    """One column of a list's spreadsheet, declared beside the list.

    ``header`` is the page's column header (the same translatable text); ``fields`` are read
    from the list's own queryset (columns, forward relations such as ``journalist__name`` and
    annotations — never a to-many relation, which would repeat rows); ``value`` makes the cell
    from them. Without ``value`` the cell is the first field's value, or with several fields
    their non-empty values one per line (as the page shows them under each other). A cell is
    text, a whole number, a date, a date and time (shown in office time), ``None`` (empty) or a
    tuple of such values (one per line).
    """

    __slots__ = ("fields", "header", "value")

    def __init__(self, header: Any, *fields: str, value: Callable[..., Any] | None = None) -> None:
        if not fields:
            raise ValueError("An export column reads at least one field.")
        self.header = header
        self.fields = fields
        self.value = value


def choice(choices: Iterable[tuple[Any, Any]]) -> Callable[[Any], Any]:
    """``value=`` for a field with choices: its label (what ``get_FOO_display`` shows)."""
    labels = dict(choices)
    return lambda value: labels.get(value, value)


# --- Reading the list's own table back ------------------------------------------------------

#: Elements whose text is not part of a cell (the row's buttons, hidden helper texts).
_SKIPPED = {"form", "button", "script", "style", "template", "select", "textarea"}
_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "col", "source", "area", "base", "embed", "track"}
_BREAK = "\x00"
_TABLE = re.compile(r"<table\b", re.I)
_TABLE_END = re.compile(r"</table\s*>", re.I)
_HEAD = re.compile(r"<thead\b.*?(?:</thead\s*>|$)", re.I | re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.I | re.S)
_CELL = re.compile(r"<t([dh])\b([^>]*)>(.*?)</t\1\s*>", re.I | re.S)
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def _hidden(attributes: str) -> bool:
    if "visually-hidden" not in attributes:
        return False
    found = _CLASS.search(attributes)
    return bool(found) and "visually-hidden" in "".join(part or "" for part in found.groups()).split()


def _cell_text(content: str) -> str:
    """A cell's text as the page shows it: tags dropped, whitespace collapsed, a line per
    ``<br>``, nothing from the elements in ``_SKIPPED`` or hidden for assistive technology only."""
    if "<" in content:
        parts: list[str] = []
        stack: list[tuple[str, bool]] = []
        skipping = 0
        position = 0
        for tag in _TAG.finditer(content):
            if not skipping and tag.start() > position:
                parts.append(content[position : tag.start()])
            position = tag.end()
            name = tag.group(2)
            if name is None:  # a comment
                continue
            name = name.lower()
            if tag.group(1):
                for index in range(len(stack) - 1, -1, -1):
                    if stack[index][0] == name:
                        skipping -= sum(skipped for _name, skipped in stack[index:])
                        del stack[index:]
                        break
            elif name in _VOID or tag.group(3).endswith("/"):
                if name == "br" and not skipping:
                    parts.append(_BREAK)
            else:
                skipped = name in _SKIPPED or _hidden(tag.group(3))
                stack.append((name, skipped))
                skipping += skipped
        if not skipping:
            parts.append(content[position:])
        content = "".join(parts)
    if "&" in content:
        content = html.unescape(content)
    if _BREAK not in content:
        return " ".join(content.split())
    lines = (" ".join(line.split()) for line in content.split(_BREAK))
    return "\n".join(line for line in lines if line)


def _cells(row: str) -> list[str]:
    return ["" if _hidden(attributes) else _cell_text(content) for _kind, attributes, content in _CELL.findall(row)]


def read_table(html_text: str) -> tuple[list[str], list[list[str]]]:
    """(headers, rows) of the first table in ``html_text`` (the markup of ``kit/results.html``);
    columns without a visible header (the row's actions) are left out."""
    start = _TABLE.search(html_text)
    if start is None:
        return [], []
    end = _TABLE_END.search(html_text, start.end())
    table = html_text[start.start() : end.start() if end else len(html_text)]
    head = _HEAD.search(table)
    header_rows = _ROW.findall(head.group(0)) if head else []
    found = _cells(header_rows[-1]) if header_rows else []
    body = table[head.end() :] if head else table
    keep = [index for index, text in enumerate(found) if text]
    rows = []
    for row in _ROW.findall(body):
        cells = _cells(row)
        if cells:
            rows.append([cells[index] if index < len(cells) else "" for index in keep])
    return [found[index] for index in keep], rows


def _chunks(queryset: Any, total: int) -> Iterator[Page]:
    """The rows in pages of ``CHUNK`` (one query for all of them, by a server-side cursor on
    PostgreSQL, instead of an OFFSET per page), each a ``Page`` whose paginator counts ``total``."""
    paginator = Paginator(queryset, CHUNK)
    paginator.count = total  # counted once by the caller
    chunk: list[Any] = []
    number = 0
    for row in queryset.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            number += 1
            yield Page(chunk, number, paginator)
            chunk = []
    if chunk or not number:
        yield Page(chunk, number + 1, paginator)


def table_rows(
    render: Callable[[Any], str], queryset: Any, total: int | None = None, progress: Progress | None = None
) -> Iterator[list[str]]:
    """The header row, then every row of ``queryset`` as the list's fragment shows it
    (``render(page)`` renders one chunk)."""
    total = queryset.count() if total is None else total
    done = 0
    for page in _chunks(queryset, total):
        headers, rows = read_table(render(page))
        if page.number == 1:
            yield headers
        yield from rows
        done += len(page.object_list)
        if progress is not None:
            progress(done, total)


def column_rows(
    columns: Sequence[ExportColumn], queryset: Any, total: int | None = None, progress: Progress | None = None
) -> Iterator[list[Any]]:
    """The headers, then the values of ``columns`` for every row of ``queryset``."""
    total = queryset.count() if total is None else total
    names = ["pk"]  # the rows stay distinct whatever the fields
    for column in columns:
        names += [name for name in column.fields if name not in names]
    where = [tuple(names.index(name) for name in column.fields) for column in columns]
    makers = [(column.value, place) for column, place in zip(columns, where, strict=True)]
    yield [str(column.header) for column in columns]
    values = queryset.prefetch_related(None).values_list(*names)
    for done, record in enumerate(values.iterator(chunk_size=CHUNK), 1):
        row = []
        for value, place in makers:
            if value is not None:
                row.append(value(*[record[index] for index in place]))
            elif len(place) == 1:
                row.append(record[place[0]])
            else:
                row.append(tuple(record[index] for index in place))
        yield row
        if progress is not None and (done % CHUNK == 0 or done == total):
            progress(done, total)


# --- Cells ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _strftime(django_format: str) -> Callable[[Any], str]:
    """A fast formatter for a Django date format made of numbers only (``d.m.Y H:i``), else
    Django's own."""
    pattern = []
    for char in django_format:
        if char.isalpha() or char == "\\":
            code = {"d": "%d", "m": "%m", "Y": "%Y", "y": "%y", "H": "%H", "i": "%M", "s": "%S"}.get(char)
            if code is None:
                return lambda value: date_format(value, django_format)
            pattern.append(code)
        else:
            pattern.append(char.replace("%", "%%"))
    joined = "".join(pattern)
    return lambda value: value.strftime(joined)


def shown(value: Any) -> str:
    """A value as the pages show it: a text on one line with its spaces collapsed (as HTML
    shows it), dates in the short format (date and time in office time), several values one per
    line, ``None`` empty."""
    kind = type(value)
    if kind is str:
        return " ".join(value.split())
    if value is None:
        return ""
    if kind is int:
        return str(value)
    if kind is dt.datetime:
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return _strftime(get_format("SHORT_DATETIME_FORMAT"))(value)
    if kind is dt.date:
        return _strftime(get_format("SHORT_DATE_FORMAT"))(value)
    if kind is tuple or kind is list:
        return "\n".join(text for text in map(shown, value) if text)
    return str(localize(value))


def _spreadsheet_value(value: Any) -> Any:
    """A declared column's value for XLSX: typed as it is (a date and time in office time)."""
    kind = type(value)
    if kind is int or kind is dt.date or value is None:
        return value
    if kind is str:
        return " ".join(value.split())
    if kind is dt.datetime:  # in office time, to the minute (as the page and the cell's format show it)
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if kind is tuple or kind is list:
        return shown(value)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    return shown(value)


@functools.lru_cache(maxsize=16)
def _short_date_patterns(date_format_: str, datetime_format: str) -> list[tuple[re.Pattern[str], bool]]:
    """Regular expressions of the short formats the pages write dates in (``d.m.Y``,
    ``d.m.Y H:i``): numbers only, named groups."""
    groups = {
        "d": r"(?P<day>\d{2})",
        "j": r"(?P<day>\d{1,2})",
        "m": r"(?P<month>\d{2})",
        "n": r"(?P<month>\d{1,2})",
        "Y": r"(?P<year>\d{4})",
        "H": r"(?P<hour>\d{2})",
        "G": r"(?P<hour>\d{1,2})",
        "i": r"(?P<minute>\d{2})",
        "s": r"(?P<second>\d{2})",
    }
    patterns = []
    for django_format, timed in ((datetime_format, True), (date_format_, False)):
        parts = []
        for char in django_format:
            if char.isalpha() or char == "\\":
                if char not in groups:
                    break
                parts.append(groups[char])
            else:
                parts.append(re.escape(char))
        else:
            joined = "".join(parts)
            if all(f"<{name}>" in joined for name in ("day", "month", "year")):
                patterns.append((re.compile(joined), timed and "<hour>" in joined))
    return patterns


def _short_date(text: str) -> Any:
    """A date (or date and time) written in the page's short format, else ``None``."""
    for pattern, timed in _short_date_patterns(get_format("SHORT_DATE_FORMAT"), get_format("SHORT_DATETIME_FORMAT")):
        found = pattern.fullmatch(text)
        if found is None:
            continue
        parts = found.groupdict()
        try:
            day = dt.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
            if not timed:
                return day
            return dt.datetime(
                day.year, day.month, day.day, int(parts["hour"]), int(parts["minute"]), int(parts.get("second") or 0)
            )
        except ValueError:
            return None
    return None


def typed(text: str) -> Any:
    """A cell read back from a page, for XLSX: a date, a date and time (office time, as the page
    shows it), a whole number (without a leading zero: a phone, a code stays text), or the text."""
    if not text:
        return text
    digits = text[1:] if text[0] == "-" else text
    if (digits[:1] in "123456789" and len(digits) <= 12 and digits.isdecimal()) or digits == "0":
        return int(text)
    if 8 <= len(text) <= 19 and text[0].isdigit():
        value = _short_date(text)
        if value is not None:
            return value
        for name in ("DATETIME_INPUT_FORMATS", "DATE_INPUT_FORMATS"):
            for pattern in get_format(name):
                try:
                    value = dt.datetime.strptime(text, pattern)  # office time, as the page shows it
                except ValueError:
                    continue
                return value if name == "DATETIME_INPUT_FORMATS" and ("%H" in pattern) else value.date()
    return text


def inert(text: str) -> str:
    """A cell that a spreadsheet would run as a formula (``=HYPERLINK(…)`` typed into a form by
    anyone) is kept as text: an apostrophe before it, as Excel itself writes it."""
    first = text[:1]
    if first and (first in "=+@\t\r" or (first == "-" and not text[1:2].isdecimal())):
        return "'" + text
    return text


# --- Files ----------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return value if type(value) is str else shown(value)


def csv_stream(rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """The CSV of ``rows`` (the header first; texts read back from a page or a declared column's
    values) in pieces: UTF-8 with a BOM, semicolons."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    for number, row in enumerate(rows, 1):
        writer.writerow([inert(_text(value)) for value in row])
        if number % CSV_BATCH == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def as_csv(rows: Iterable[list[Any]]) -> bytes:
    return b"".join(csv_stream(rows))


def _sheet_title(title: str) -> str:
    return (re.sub(r"[\[\]:*?/\\]", " ", title).strip() or "Lista")[:31]


def as_xlsx(rows: Iterable[list[Any]], title: str, value: Callable[[Any], Any] = typed) -> bytes:
    """The XLSX of ``rows`` (the header first, in bold), written row by row (openpyxl's
    write-only mode); ``value`` turns a cell into what the spreadsheet holds."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_sheet_title(title))
    rows = iter(rows)
    bold = Font(bold=True)
    header = []
    for text in next(rows, []):
        cell = WriteOnlyCell(sheet, value=str(text))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells: list[Any] = []
        for raw in row:
            item = value(raw)
            kind = type(item)
            if kind is str:
                if ILLEGAL_CHARACTERS_RE.search(item):  # control characters pasted from elsewhere
                    item = ILLEGAL_CHARACTERS_RE.sub("", item)
                if item[:1] == "=":
                    cell = WriteOnlyCell(sheet, value=item)
                    cell.data_type = "s"  # text, never a formula
                    item = cell
            elif kind is dt.datetime:
                item = WriteOnlyCell(sheet, value=item)
                item.number_format = "DD.MM.YYYY HH:MM"
            elif kind is dt.date:
                item = WriteOnlyCell(sheet, value=item)
                item.number_format = "DD.MM.YYYY"
            cells.append(item)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(fmt: str, title: str) -> str:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return f"{slugify(str(title))[:60] or 'lista'}-{stamp}.{fmt}"


def wanted(request: HttpRequest) -> str:
    """The format asked for by ``?export=`` (empty when none)."""
    fmt = request.GET.get("export", "")
    return fmt if fmt in FORMATS else ""


def _in_request_context(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """``pieces`` made in the language and time zone of the request, whenever the server reads them."""
    language, zone = translation.get_language(), timezone.get_current_timezone()

    def made() -> Iterator[bytes]:
        with translation.override(language), timezone.override(zone):
            yield from pieces

    return made()


def respond(
    request: HttpRequest,
    *,
    queryset: Any,
    render: Callable[[Any], str],
    fmt: str,
    title: Any,
    columns: Sequence[ExportColumn] = (),
) -> HttpResponse | StreamingHttpResponse:
    """The file: a CSV streamed, an XLSX at once, within ``EXPORT_INLINE_ROWS`` rows (or inside the
    export job); above them a job that makes it (the response redirects to the job's page), except
    for a CSV of ``columns``, which is streamed whatever its length."""
    job_progress = getattr(request, "export_progress", None)
    total = queryset.count()
    if job_progress is None and total > settings.EXPORT_INLINE_ROWS and (fmt == "xlsx" or not columns):
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
    name = file_name(fmt, str(title))
    if columns:
        rows: Iterator[list[Any]] = column_rows(columns, queryset, total, job_progress)
    else:
        rows = table_rows(render, queryset, total, job_progress)
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv" and job_progress is None:
        response = StreamingHttpResponse(_in_request_context(csv_stream(rows)), content_type=FORMATS[fmt])
    elif fmt == "csv":
        response = HttpResponse(b"".join(csv_stream(rows)), content_type=FORMATS[fmt])
    else:
        content = as_xlsx(rows, str(title), _spreadsheet_value if columns else typed)
        response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.export_name = name  # type: ignore[union-attr]
    return response


def render_chunks(request: HttpRequest, fragment: str, context: dict[str, Any]) -> Callable[[Any], str]:
    def render(page: Any) -> str:
        return render_to_string(fragment, {**context, "page_obj": page, "exporting": True}, request=request)

    return render
