"""Forms of the mayor's reports: a new report (its period and units), a section's text, the
reason to reopen a final report, and the choice of an ad-hoc activity report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from office.kit.widgets import DateInput
from office.models import OrgUnit
from office.reporting import services
from office.reporting.models import Report


def _check_period(cleaned: dict[str, Any], form: forms.Form) -> None:
    try:
        services.check_period(cleaned.get("start"), cleaned.get("end"))
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field, message)


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["title", "start", "end", "units"]
        widgets = {"start": DateInput(), "end": DateInput(), "units": forms.CheckboxSelectMultiple}
        help_texts = {"title": _("E.g. “Informacja Prezydenta Miasta z pracy w okresie między sesjami”.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = OrgUnit.objects.order_by("symbol")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        _check_period(cleaned, self)
        return cleaned


class NewSectionForm(forms.Form):
    title = forms.CharField(label=_("heading"), max_length=255)
    text = forms.CharField(
        label=_("text"),
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Paragraphs separated by a blank line."),
    )


class SectionTextForm(forms.Form):
    title = forms.CharField(label=_("heading"), max_length=255)
    text = forms.CharField(
        label=_("text"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Paragraphs separated by a blank line."),
    )
    points = forms.CharField(
        label=_("list"),
        required=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One line per item."),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("why the report is changed again"), max_length=500)


class ActivityForm(forms.Form):
    """An activity report for any period: the sections and units to report on."""

    start = forms.DateField(label=_("from"), widget=DateInput())
    end = forms.DateField(label=_("to"), widget=DateInput())
    sections = forms.MultipleChoiceField(
        label=_("sections"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every section."),
    )
    units = forms.ModelMultipleChoiceField(
        label=_("units"),
        required=False,
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: the whole office."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sections"].choices = services.section_choices()
        self.fields["units"].queryset = OrgUnit.objects.order_by("symbol")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        _check_period(cleaned, self)
        return cleaned
