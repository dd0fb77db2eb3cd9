"""Forms of the office's administration: the records as staff type them in, the actions on a
budget line and a promotion, and one row of the finance system's spreadsheet."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.administration.models import (
    Announcement,
    BudgetLine,
    CommitmentKind,
    MaterialRequest,
    Procurement,
    Promotion,
    SocialFundApplication,
)
from office.kit.spreadsheets import fold
from office.kit.widgets import DateInput, QuickSelect
from office.models import OrgUnit

MAX_MONEY = Decimal("999999999999.99")


class MoneyField(forms.DecimalField):
    """An amount in złoty as people type it: "1 234,56", "1234.56", "1 234 zł"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("max_value", MAX_MONEY)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            value = re.sub(r"(?i)\s|zł|pln|\u00a0", "", value).replace(",", ".")
        return super().to_python(value)


def _money(label: Any, *, required: bool = True, help_text: Any = "", allow_negative: bool = False) -> MoneyField:
    return MoneyField(
        label=label, required=required, help_text=help_text, min_value=-MAX_MONEY if allow_negative else Decimal("0")
    )


def _lines(year: int | None = None) -> Any:
    """The lines a record may name: last year's, this year's and next year's."""
    year = year or timezone.localdate().year
    return BudgetLine.objects.filter(year__in=[year - 1, year, year + 1]).order_by(
        "-year", "division", "chapter", "paragraph", "name"
    )


class LineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: BudgetLine) -> str:
        return f"{obj.year} · {obj.classification} · {obj.name}"


class _WithLine(forms.ModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["line"]
        current = self.instance.line_id if self.instance and self.instance.pk else None
        queryset = _lines()
        if current:
            queryset = (queryset | BudgetLine.objects.filter(pk=current)).distinct()
        self.fields["line"] = LineChoiceField(
            queryset=queryset, required=False, label=field.label, help_text=_("The cost is committed on this line.")
        )


class BudgetLineForm(forms.ModelForm):
    planned = _money(_("plan adopted (PLN)"))

    class Meta:
        model = BudgetLine
        fields = ["year", "division", "chapter", "paragraph", "name", "planned", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class PlanChangeForm(forms.Form):
    amount = _money(_("change (PLN)"), allow_negative=True, help_text=_("Negative when the plan is reduced."))
    changed_on = forms.DateField(label=_("date"), widget=DateInput())
    basis = forms.CharField(
        label=_("basis"), max_length=255, help_text=_("e.g. Zarządzenie nr 245/2026 Prezydenta Miasta")
    )


class ExecutionForm(forms.Form):
    amount = _money(_("amount (PLN)"))
    booked_on = forms.DateField(label=_("booked on"), widget=DateInput())
    document = forms.CharField(label=_("document"), max_length=100, required=False)
    description = forms.CharField(label=_("description"), max_length=255, required=False)


def _link(value: str) -> str:
    value = value.strip()
    if value and not (re.match(r"^/[^/\\]", value) or re.match(r"^https://[^\s/]+", value)):
        raise forms.ValidationError(_("Give a page of this site (starting with /) or an https:// address."))
    return value


class CommitmentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("from"),
        choices=[(value, label) for value, label in CommitmentKind.choices if value in ("order", "event", "other")],
    )
    amount = _money(_("amount (PLN)"))
    date = forms.DateField(label=_("date"), widget=DateInput())
    source_label = forms.CharField(
        label=_("source"), max_length=255, help_text=_("e.g. Zlecenie nr 12/2026 – catering")
    )
    source_url = forms.CharField(label=_("link to the source"), max_length=500, required=False)
    description = forms.CharField(label=_("description"), max_length=255, required=False)

    def clean_source_url(self) -> str:
        return _link(self.cleaned_data["source_url"])


class CancelCommitmentForm(forms.Form):
    commitment = forms.ModelChoiceField(label=_("commitment"), queryset=BudgetLine.objects.none(), widget=QuickSelect)
    reason = forms.CharField(label=_("reason"), max_length=255)

    def __init__(self, *args: Any, line: BudgetLine, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commitment"].queryset = line.commitments.filter(cancelled_at__isnull=True).order_by(
            "-committed_on", "-id"
        )


class ExecutionImportForm(forms.Form):
    """One row of the finance system's spreadsheet: the line by its classification (and task name
    when several lines of the year share it), the date, the amount, the document."""

    booked_on = forms.DateField(label=_("booked on"))
    division = forms.CharField(label=_("division (dział)"), max_length=3)
    chapter = forms.CharField(label=_("chapter (rozdział)"), max_length=5)
    paragraph = forms.CharField(label=_("paragraph (paragraf)"), max_length=4)
    task = forms.CharField(label=_("task"), max_length=255, required=False)
    amount = _money(_("amount (PLN)"))
    document = forms.CharField(label=_("document"), max_length=100, required=False)
    description = forms.CharField(label=_("description"), max_length=255, required=False)

    def __init__(
        self, *args: Any, lines: dict[tuple[int, str, str, str], list[BudgetLine]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lines = lines or {}

    def clean_amount(self) -> Decimal:
        amount = self.cleaned_data["amount"]
        if amount <= 0:
            raise forms.ValidationError(_("The amount must be more than zero."))
        return amount

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors or not data.get("booked_on"):
            return data
        key = (data["booked_on"].year, data["division"].strip(), data["chapter"].strip(), data["paragraph"].strip())
        found = self.lines.get(key, [])
        if data.get("task"):
            found = [line for line in found if fold(line.name) == fold(data["task"])]
        label = f"{key[1]}-{key[2]}-§{key[3]}" + (f" {data['task']}" if data.get("task") else "")
        if not found:
            raise forms.ValidationError(
                _("There is no budget line %(line)s in %(year)s.") % {"line": label, "year": key[0]},
                code="unknown_line",
            )
        if len(found) > 1:
            raise forms.ValidationError(
                _("Several lines of %(year)s are %(line)s; give the task.") % {"line": label, "year": key[0]}
            )
        data["line"] = found[0]
        return data


class ProcurementForm(_WithLine):
    estimated_value = _money(
        _("estimated value, net (PLN)"), help_text=_("Below 130,000 PLN; the value in euro is computed.")
    )
    gross_amount = _money(
        _("amount of the order, gross (PLN)"),
        required=False,
        help_text=_("Committed on the budget line; the estimated value when empty."),
    )

    class Meta:
        model = Procurement
        fields = [
            "subject",
            "supply_type",
            "estimated_value",
            "estimated_on",
            "contractor",
            "order_number",
            "ordered_on",
            "gross_amount",
            "invoice",
            "invoice_on",
            "line",
            "notes",
        ]
        widgets = {
            "estimated_on": DateInput(),
            "ordered_on": DateInput(),
            "invoice_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class AnnouncementForm(_WithLine):
    cost = _money(_("cost, gross (PLN)"))

    class Meta:
        model = Announcement
        fields = [
            "outlet",
            "title",
            "text",
            "ordered_on",
            "published_from",
            "published_until",
            "cost",
            "invoice",
            "line",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "ordered_on": DateInput(),
            "published_from": DateInput(),
            "published_until": DateInput(),
        }


class PromotionForm(_WithLine):
    cost = _money(_("cost, gross (PLN)"))

    class Meta:
        model = Promotion
        fields = ["kind", "title", "partner", "description", "starts_on", "ends_on", "cost", "line", "results"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "results": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=255)


class SocialFundForm(forms.ModelForm):
    requested = _money(_("amount requested (PLN)"), required=False)
    granted = _money(_("amount granted (PLN)"), required=False)

    class Meta:
        model = SocialFundApplication
        fields = ["applicant", "kind", "received_on", "requested", "status", "decided_on", "granted", "notes"]
        widgets = {"received_on": DateInput(), "decided_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class MaterialRequestForm(forms.ModelForm):
    units = forms.ModelMultipleChoiceField(
        label=_("units"), queryset=OrgUnit.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = MaterialRequest
        fields = ["title", "purpose", "instructions", "due_date", "units"]
        widgets = {"due_date": DateInput(), "instructions": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")
        if self.instance.pk is None and not self.initial.get("due_date"):
            self.initial["due_date"] = timezone.localdate() + dt.timedelta(days=7)
