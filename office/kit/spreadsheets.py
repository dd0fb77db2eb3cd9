"""Reading a spreadsheet someone uploaded (CSV or XLSX) into rows of text, and writing an empty
one with the headers (the template of an import).

- CSV: UTF-8 with or without a BOM (UTF-16 with its BOM, as Excel's "Unicode text" saves it),
  otherwise Windows-1250 (what Excel writes in Poland); the delimiter is the one of ``;``, ``,``
  and tab that the header line uses most.
- XLSX: the first sheet, read with openpyxl in read-only mode (rows streamed, never the whole
  workbook in memory); the archive's unpacked size is checked first, so a small file cannot
  unpack into gigabytes. Formulas are read as written (``=A1+B1``), not as their last value.

Every cell becomes text: whole numbers without ``.0`` (a phone number typed as a number), dates
as ISO dates (which every date field of a form accepts). Rows are numbered as the spreadsheet
numbers them (the header is row 1 when it is the first line). Anything that cannot be read is a
``ValidationError`` with a message for the upload form.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import decimal
import io
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

#: The largest file accepted, and what an XLSX may unpack into.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
#: Data rows (the header not counted) one file may have.
MAX_ROWS = 5_000
#: Columns read; more are ignored.
MAX_COLUMNS = 60
#: A run of this many empty rows ends an XLSX sheet (formatted but empty rows at the end).
EMPTY_RUN = 1_000
EXTENSIONS = ("csv", "txt", "xlsx")
DELIMITERS = (";", ",", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_BINARY_MAGIC = (b"%PDF", b"\xd0\xcf\x11\xe0", b"MZ", b"\x7fELF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")


@dataclass
class Sheet:
    """The header cells and the data rows: (row number, cells), empty rows left out."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]


def fold(text: str) -> str:
    """``text`` compared loosely: lower case, spaces collapsed (duplicate checks)."""
    return " ".join(str(text).casefold().split())


def header_key(text: str) -> str:
    """A header compared the loosest way: lower case, no diacritics (ł as l), letters and digits
    only — "E-mail *", "email" and "E‑MAIL" are the same column."""
    plain = unicodedata.normalize("NFKD", str(text).casefold().replace("ł", "l"))
    return "".join(char for char in plain if char.isalnum() and not unicodedata.combining(char))


def cell_text(value: Any) -> str:
    """A cell of either format as the text a form field parses."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if not isinstance(value, str | int | float | decimal.Decimal):
        # an array or data-table formula of openpyxl: its text (which a row check refuses), never the object
        return str(getattr(value, "text", None) or "=")
    return str(value).replace("\r\n", "\n").strip()


def read(upload: IO[bytes], name: str) -> Sheet:
    """The rows of the uploaded file ``name`` (its extension says CSV or XLSX; the content must agree)."""
    extension = PurePath(name or "").suffix.lower().lstrip(".")
    size = getattr(upload, "size", None)
    if extension in ("xls", "ods", "numbers"):
        raise ValidationError(_("Save the spreadsheet as XLSX or CSV and upload it again."), code="file_type")
    if extension not in EXTENSIONS:
        raise ValidationError(
            _("Upload a CSV or XLSX file (this one is “%(ext)s”).") % {"ext": extension or _("none")}, code="file_type"
        )
    if size is not None and size > MAX_FILE_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_FILE_BYTES)},
            code="file_size",
        )
    upload.seek(0)
    content = upload.read(MAX_FILE_BYTES + 1)
    if not content.strip():
        raise ValidationError(_("The file is empty."), code="file_empty")
    if len(content) > MAX_FILE_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s.") % {"limit": filesizeformat(MAX_FILE_BYTES)}, code="file_size"
        )
    lines = _xlsx_rows(content) if extension == "xlsx" else _csv_rows(content)
    return _sheet(lines)


def _sheet(lines: Iterator[tuple[int, list[str]]]) -> Sheet:
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, cells in lines:
        if not any(cells):
            continue
        if headers is None:
            headers = cells
            continue
        if len(rows) == MAX_ROWS:
            raise ValidationError(
                _("The file has more than %(limit)s rows; split it into smaller files.")
                % {"limit": number_format(MAX_ROWS, force_grouping=True)},
                code="too_many_rows",
            )
        rows.append((number, cells))
    if headers is None:
        raise ValidationError(_("The file is empty."), code="file_empty")
    return Sheet(headers, rows)


def _decode(content: bytes) -> str:
    if content.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "cp1250"]
    for encoding in encodings:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("The file could not be read as text (UTF-8 or Windows-1250)."), code="file_encoding")


def _csv_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    if content.startswith(_ZIP_MAGIC):
        raise ValidationError(_("This file is a spreadsheet, not a CSV: name it .xlsx."), code="file_content")
    if content.startswith(_BINARY_MAGIC):
        raise ValidationError(_("This file is not a CSV file."), code="file_content")
    text = _decode(content)
    hint, _newline, rest = text.partition("\n")
    if hint.lower().startswith("sep=") and len(hint.strip()) == 5:
        # Excel's hint of the delimiter, a line of its own before the headers (not a row of the sheet)
        delimiter, text = hint.strip()[4], rest
    else:
        first = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            yield number, [cell_text(cell) for cell in record[:MAX_COLUMNS]]
    except csv.Error as error:
        raise ValidationError(
            _("Row %(row)s of the file could not be read (%(error)s).") % {"row": number + 1, "error": error},
            code="file_content",
        ) from None


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    unreadable = ValidationError(
        _("The file could not be read as an XLSX spreadsheet. Open it and save it again as XLSX or CSV."),
        code="file_content",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise unreadable from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(_("The spreadsheet is too large once unpacked."), code="file_size")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of features it leaves out (styles, validation)
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
            rows = list(_sheet_rows(workbook.worksheets[0])) if workbook.worksheets else []
            workbook.close()
    except ValidationError:
        raise
    except Exception:  # a broken archive can fail anywhere inside openpyxl
        raise unreadable from None
    yield from rows


def _sheet_rows(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    empty = 0
    data = 0
    for number, values in enumerate(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1):
        cells = [cell_text(value) for value in values]
        if not any(cells):
            empty += 1
            if empty >= EMPTY_RUN:
                return
            continue
        empty = 0
        data += 1
        yield number, cells
        if data > MAX_ROWS + 1:  # the header and one row too many: enough to say the file is too long
            return


def template(headers: Sequence[str], fmt: str) -> bytes:
    """An empty spreadsheet with ``headers`` in the first row: XLSX, or CSV (UTF-8 with a BOM and
    semicolons, as Excel opens it in Poland)."""
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow(headers)
        return buffer.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(12, len(header) + 4)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
