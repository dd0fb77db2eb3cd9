"""Forms of honorary patronage: the application as staff type it in, and the forms of its steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.forms import ContactChoiceField
from office.kit.widgets import DateInput
from office.models import OfficeHolder, OrgUnit
from patronage import services
from patronage.models import Application


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = [
            "organiser",
            "event_name",
            "description",
            "starts_on",
            "ends_on",
            "place",
            "reach",
            "is_commercial",
            "collects_money",
            "permits",
            "mayor_invited",
            "prize_requested",
            "co_organisation_requested",
            "channel",
            "received_on",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "received_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "permits": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"organiser": ContactChoiceField}


class OpinionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("unit asked for its opinion"), queryset=OrgUnit.objects.none())
    instruction = forms.CharField(
        label=_("what the unit should assess"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class DecisionForm(forms.Form):
    grant = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("yes", _("grant the patronage")), ("no", _("refuse"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    decided_by = forms.ModelChoiceField(label=_("decided by"), queryset=OfficeHolder.objects.none())
    reasons = forms.CharField(
        label=_("reasons of the decision"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a refusal, and for granting an event the city's rules exclude."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decided_by"].queryset = OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")


class DecisionLetterForm(forms.Form):
    template = forms.ModelChoiceField(label=_("letter template"), queryset=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = services.decision_templates()


class ReportForm(forms.Form):
    text = forms.CharField(label=_("what the report says"), max_length=8000, widget=forms.Textarea(attrs={"rows": 5}))
    audience = forms.IntegerField(label=_("participants reached"), required=False, min_value=0, max_value=10_000_000)
    filed_on = forms.DateField(label=_("report received on"), widget=DateInput(), initial=timezone.localdate)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("note"), required=False, max_length=500)
