"""Spreadsheets in: the rows of a CSV or XLSX file added to a register, after a preview.

An app declares what it imports once::

    CONTACT_IMPORT = Importer(
        key="office.contacts",
        url_name="office:contact",
        label=gettext_lazy("Contacts"),
        permission="office.add_contact",
        form=ContactImportForm,           # checks one row (a plain Form of text fields)
        columns=("name", "kind", "email", ...),
        keys=contact_keys,                # a row's duplicate keys: ["email:jan@example.pl", ...]
        existing=existing_contacts,       # {key: Match} of the records in the directory having them
        save=import_contacts,             # save(actor=, rows=[cleaned_data], message=) -> how many
        listing="office:contact_list",
    )
    registry.add_importer(CONTACT_IMPORT)                 # in its contributions
    urlpatterns += CONTACT_IMPORT.urls("contacts/import/")  # <name>_import, <name>_import_template

The upload page reads the file (``office.kit.spreadsheets``), matches its headers to the
columns (the label of the form's field in any of the office's languages, or the field's name, in
any case and without diacritics), checks every row with the form and looks for duplicates — in
the directory and earlier in the file — at once for all rows. The rows wait in an
``office.ImportBatch`` of the user's own; its preview (``office:import_preview``) shows each
row with its number in the spreadsheet, its status (new, duplicate, error) and errors, and the
confirmation (``office:import_confirm``) checks the new rows again and saves them in one
transaction through the app's service. Nothing is saved before that.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import URLPattern, path, reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from office.kit import spreadsheets
from office.kit.pages import form_page, paginate
from office.kit.spreadsheets import fold, header_key
from office.services import imports

NEW, DUPLICATE, ERROR = "new", "duplicate", "error"
STATUSES = (NEW, DUPLICATE, ERROR)
#: The longest text one cell may hold (a longer one is a row error, and is kept cut to this).
MAX_CELL_CHARS = 5_000
#: What a spreadsheet would run as a formula: "=…", or "+", "-", "@" before a letter ("+48 …" is a phone).
_FORMULA = re.compile(r"^(?:=|[+\-@][^\W\d])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Values looked up in one query when finding records by a column (duplicates, organisations).
_CHUNK = 500


@dataclass(frozen=True)
class Match:
    """A record of the directory that a row repeats: how the preview names it, and its page."""

    label: str
    url: str = ""


class LabelChoiceField(forms.ChoiceField):
    """A choice typed into a spreadsheet: its value ("person") or its label in any of the
    office's languages ("Osoba", "person"), in any case and without diacritics."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value).strip()
        return _choice_aliases(tuple(self.choices)).get(header_key(text), text) if text else ""


@functools.lru_cache(maxsize=64)
def _choice_aliases(choices: tuple[tuple[Any, Any], ...]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for value, label in choices:
                aliases.setdefault(header_key(str(label)), value)
    aliases.update({header_key(str(value)): value for value, _label in choices})
    return aliases


def find_by(queryset: QuerySet, fields: dict[str, Iterable[str]]) -> list[Any]:
    """The records of ``queryset`` whose ``field`` equals one of its values, ignoring case (a few
    queries, whatever the number of values): ``find_by(Contact.objects.active(), {"email": [...]})``.

    The database compares lower-cased text (PostgreSQL lowers every letter, SQLite only A–Z), so
    the caller compares the found records again with ``fold``."""
    found: dict[Any, Any] = {}
    for name, values in fields.items():
        wanted = sorted({value for value in values if value})
        variants = sorted({variant for value in wanted for variant in (value, value.lower(), _ascii_lower(value))})
        rows = queryset.annotate(_lowered=Lower(name))
        for start in range(0, len(variants), _CHUNK):
            chunk = variants[start : start + _CHUNK]
            for record in rows.filter(Q(**{f"{name}__in": chunk}) | Q(_lowered__in=chunk)):
                found.setdefault(record.pk, record)
    return list(found.values())


def _ascii_lower(text: str) -> str:
    return "".join(char.lower() if "A" <= char <= "Z" else char for char in text)


@dataclass(frozen=True)
class Importer:
    """One kind of record read from spreadsheets (see the module's docstring).

    ``form(data=values, **prepare(all_values))`` checks one row: ``values`` is ``{field: text}``
    for the ``columns``; ``prepare`` (optional) runs once for the whole file and gives the form
    what it looks up (the organisations named in the file, in one query). ``keys(cleaned_data)``
    are the row's duplicate keys (compare them folded: ``fold``); ``existing([cleaned_data, ...])``
    gives ``{key: Match}`` for the records that already have one of them (``find_by`` helps).
    ``save(actor=, rows=[cleaned_data, ...], message=)`` is the app's service: it saves the rows
    with their audit entries (``message`` names the file) and returns how many it saved.
    ``aliases``: more headers a column is known by (``{"name": ("imię i nazwisko",)}``)."""

    key: str
    url_name: str
    label: Any
    permission: str
    form: type[forms.Form]
    columns: tuple[str, ...]
    keys: Callable[[dict[str, Any]], list[str]]
    existing: Callable[[list[dict[str, Any]]], dict[str, Match]]
    save: Callable[..., int]
    listing: str
    prepare: Callable[[list[dict[str, str]]], dict[str, Any]] | None = None
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    # --- columns ------------------------------------------------------------------------------

    def labels(self) -> dict[str, str]:
        """Each field's label in the user's language, as the headers of the template."""
        return {name: capfirst(str(spec.label or name)) for name, spec in self.form.base_fields.items()}

    def describe(self) -> list[dict[str, Any]]:
        """The columns for the upload page: header, whether required, help text, choices."""
        labels = self.labels()
        described = []
        for name in self.columns:
            spec = self.form.base_fields[name]
            choices = [str(label) for value, label in getattr(spec, "choices", ()) if value]
            described.append(
                {"label": labels[name], "required": spec.required, "help": spec.help_text, "choices": choices}
            )
        return described

    def headers(self) -> list[str]:
        labels = self.labels()
        return [labels[name] + (" *" if self.form.base_fields[name].required else "") for name in self.columns]

    def _known(self) -> dict[str, str]:
        known: dict[str, str] = {}
        for name in self.columns:
            label = self.form.base_fields[name].label or name
            names = [name, *self.aliases.get(name, ())]
            for code, _language in settings.LANGUAGES:
                with translation.override(code):
                    names.append(str(label))
            known.update(dict.fromkeys((header_key(text) for text in names if header_key(text)), name))
        return known

    def match(self, headers: list[str]) -> tuple[list[tuple[int, str]], list[str]]:
        """(column index, field) of every header the importer reads, and the headers it does not
        know. A ValidationError when a required column is missing or a column appears twice."""
        known = self._known()
        labels = self.labels()
        found: dict[str, int] = {}
        ignored: list[str] = []
        for index, header in enumerate(headers):
            name = known.get(header_key(header))
            if name is None:
                if header:
                    ignored.append(header[:100])
                continue
            if name in found:
                raise ValidationError(
                    _("The columns “%(first)s” and “%(second)s” both give “%(column)s”; keep one of them.")
                    % {"first": headers[found[name]], "second": header, "column": labels[name]},
                    code="duplicate_column",
                )
            found[name] = index
        missing = [labels[name] for name in self.columns if self.form.base_fields[name].required and name not in found]
        if missing:
            raise ValidationError(
                _("The file has no column “%(columns)s”. Download the template to see the headers.")
                % {"columns": "”, “".join(missing)},
                code="missing_column",
            )
        return sorted(((index, name) for name, index in found.items())), ignored

    # --- rows ---------------------------------------------------------------------------------

    def check(self, sheet: spreadsheets.Sheet) -> dict[str, Any]:
        """The columns read, the headers ignored and every row checked (what an ImportBatch keeps)."""
        matched, ignored = self.match(sheet.headers)
        entries = []
        for line, cells in sheet.rows:
            values = {name: cells[index] if index < len(cells) else "" for index, name in matched}
            if any(values.values()):
                entries.append((line, values))
        rows = [row for row, _cleaned in self._evaluate(entries)]
        return {"columns": [name for _index, name in matched], "ignored": ignored, "rows": rows}

    def recheck(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The cleaned data of the rows that were new in the preview and still are (the directory
        may have changed since): what the confirmation saves."""
        entries = [(row["line"], row["values"]) for row in rows if row["status"] == NEW]
        return [cleaned for row, cleaned in self._evaluate(entries) if row["status"] == NEW]

    def _evaluate(self, entries: list[tuple[int, dict[str, str]]]) -> list[tuple[dict[str, Any], Any]]:
        extra = self.prepare([values for _line, values in entries]) if self.prepare else {}
        labels = self.labels()
        checked: list[tuple[dict[str, Any], Any]] = []
        for line, values in entries:
            errors = _cell_errors(values, labels)
            form = self.form(data=values, **extra)
            valid = form.is_valid() and not errors
            flagged = {label for label, _message in errors}
            for name, messages in form.errors.items():
                label = labels.get(name, "")
                if label not in flagged or not label:
                    errors.extend((label, str(message)) for message in messages)
            row = {"line": line, "values": _kept(values), "status": NEW if valid else ERROR, "errors": errors}
            checked.append((row, form.cleaned_data if valid else None))
        self._mark_duplicates([(row, cleaned) for row, cleaned in checked if cleaned is not None])
        return checked

    def _mark_duplicates(self, valid: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        found = self.existing([cleaned for _row, cleaned in valid]) if valid else {}
        seen: dict[str, int] = {}
        for row, cleaned in valid:
            keys = self.keys(cleaned)
            match = next((found[key] for key in keys if key in found), None)
            earlier = next((seen[key] for key in keys if key in seen), None)
            if match is not None:
                row.update(status=DUPLICATE, duplicate_of=match.label, duplicate_url=match.url)
            elif earlier is not None:
                row.update(status=DUPLICATE, duplicate_of=_("row %(line)s of this file") % {"line": earlier})
            else:
                for key in keys:
                    seen.setdefault(key, row["line"])

    # --- pages ----------------------------------------------------------------------------------

    def urls(self, route: str) -> list[URLPattern]:
        """The upload page and the template spreadsheet at ``route`` (``"contacts/import/"``)."""
        name = self.url_name.split(":")[-1]
        return [
            path(route, self.upload_view(), name=f"{name}_import"),
            path(f"{route}template/", self.template_view(), name=f"{name}_import_template"),
        ]

    def url(self, page: str = "") -> str:
        return reverse(f"{self.url_name}_import{'_' + page if page else ''}")

    def upload_view(self) -> Callable[..., HttpResponse]:
        @require_http_methods(["GET", "POST"])
        @login_required
        @permission_required(self.permission, raise_exception=True)
        def view(request: HttpRequest) -> HttpResponse:
            form = ImportFileForm(
                request.POST if request.method == "POST" else None, request.FILES or None, importer=self
            )
            if request.method == "POST" and form.is_valid():
                batch = imports.create_batch(
                    owner=request.user, importer=self.key, file_name=form.file_name, **form.checked
                )
                return redirect("office:import_preview", batch.pk)
            return form_page(
                request,
                form,
                title=_("Import: %(register)s") % {"register": self.label},
                cancel_url=reverse(self.listing),
                submit_label=_("Check the file"),
                parents=[(reverse(self.listing), self.label)],
                template="kit/import_upload.html",
                context={"importer": self, "columns": self.describe(), "template_url": self.url("template")},
            )

        return view

    def template_view(self) -> Callable[..., HttpResponse]:
        @require_GET
        @login_required
        @permission_required(self.permission, raise_exception=True)
        def view(request: HttpRequest) -> HttpResponse:
            fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
            response = HttpResponse(spreadsheets.template(self.headers(), fmt), content_type=_MIME[fmt])
            name = slugify(f"{self.label} {_('template')}") or "template"
            response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
            return response

        return view

    def preview(self, request: HttpRequest, batch: Any) -> dict[str, Any]:
        """The context of a batch's preview page: the counts, the rows of one status (``?show=``)
        on the current page, each with its values in the columns' order."""
        shown = request.GET.get("show", "")
        shown = shown if shown in STATUSES else ""
        counts = dict.fromkeys(STATUSES, 0)
        for row in batch.rows:
            counts[row["status"]] += 1
        rows = [row for row in batch.rows if not shown or row["status"] == shown]
        page = paginate(request, rows)
        page.object_list = [
            {
                **row,
                "cells": [row["values"].get(name, "") for name in batch.columns],
                "is_new": row["status"] == NEW,
                "is_duplicate": row["status"] == DUPLICATE,
                "is_error": row["status"] == ERROR,
            }
            for row in page
        ]
        labels = self.labels()
        return {
            "batch": batch,
            "importer": self,
            "title": _("Import: %(register)s") % {"register": self.label},
            "parents": [(reverse(self.listing), self.label), (self.url(), _("Import"))],
            "columns": [labels.get(name, name) for name in batch.columns],
            "counts": counts,
            "total": len(batch.rows),
            "shown": shown,
            "page_obj": page,
            "upload_url": self.url(),
        }


_MIME = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _cell_errors(values: dict[str, str], labels: dict[str, str]) -> list[tuple[str, str]]:
    errors = []
    for name, value in values.items():
        if _CONTROL.search(value):
            errors.append((labels.get(name, name), _("The text holds control characters (such as NUL).")))
        elif len(value) > MAX_CELL_CHARS:
            errors.append(
                (labels.get(name, name), _("The text is longer than %(limit)s characters.") % {"limit": MAX_CELL_CHARS})
            )
        elif _FORMULA.match(value):
            errors.append((labels.get(name, name), _("Formulas are not imported: type the value itself.")))
    return errors


def _kept(values: dict[str, str]) -> dict[str, str]:
    """The values as the batch keeps them: without control characters (PostgreSQL's JSON holds no
    NUL) and cut to the longest cell; only a row with errors ever differs from what was read."""
    return {name: _CONTROL.sub("", value)[:MAX_CELL_CHARS] for name, value in values.items()}


class ImportFileForm(forms.Form):
    """The file of an import: read, its headers matched and its rows checked when it is valid
    (``checked``: what ``Importer.check`` gives; ``file_name``)."""

    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )

    def __init__(self, *args: Any, importer: Importer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.importer = importer
        self.fields["file"].help_text = _("The first row holds the headers; at most %(rows)s rows and %(size)s.") % {
            "rows": number_format(spreadsheets.MAX_ROWS, force_grouping=True),
            "size": filesizeformat(spreadsheets.MAX_FILE_BYTES),
        }
        self.checked: dict[str, Any] = {}
        self.file_name = ""

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        sheet = spreadsheets.read(upload, upload.name)
        self.checked = self.importer.check(sheet)
        if not self.checked["rows"]:
            raise ValidationError(_("The file has headers but no rows to import."), code="no_rows")
        self.file_name = (upload.name or "")[-255:]
        return upload


__all__ = ["DUPLICATE", "ERROR", "NEW", "ImportFileForm", "Importer", "LabelChoiceField", "Match", "find_by", "fold"]
