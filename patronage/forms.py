"""Forms of honorary patronage: the application as staff type it in, and the forms of its steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.forms import ContactChoiceField, ContactsChoiceField
from office.kit.public import PublicForm
from office.kit.widgets import DateInput, DateTimeInput
from office.models import Contact, OfficeHolder, OrgUnit
from office.services.attachments import validate_upload
from patronage import services
from patronage.models import Application, Cooperation, HonoraryTitle, Reach


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


class PublicApplicationForm(PublicForm):
    """The application an organiser sends without logging in."""

    organiser_name = forms.CharField(label=_("Organiser (name of the organisation or person)"), max_length=255)
    organiser_kind = forms.ChoiceField(
        label=_("The organiser is"),
        choices=[
            (Contact.Kind.NGO, _("an association or foundation")),
            (Contact.Kind.INSTITUTION, _("a public institution or school")),
            (Contact.Kind.COMPANY, _("a company")),
            (Contact.Kind.PERSON, _("a private person")),
        ],
    )
    email = forms.EmailField(label=_("E-mail for the confirmation and the answer"))
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    event_name = forms.CharField(label=_("Name of the event"), max_length=255)
    description = forms.CharField(
        label=_("Description of the event"), max_length=8000, widget=forms.Textarea(attrs={"rows": 5})
    )
    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=255)
    reach = forms.ChoiceField(label=_("Reach"), choices=Reach.choices)
    is_commercial = forms.BooleanField(
        label=_("The event is commercial (it earns money for the organiser)"), required=False
    )
    collects_money = forms.BooleanField(
        label=_("Participants pay a fee, or money is collected during the event"), required=False
    )
    permits = forms.CharField(
        label=_("Permits held or applied for"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    mayor_invited = forms.BooleanField(label=_("We invite the mayor to take part"), required=False)
    prize_requested = forms.BooleanField(label=_("We ask for a prize from the city"), required=False)
    co_organisation_requested = forms.BooleanField(label=_("We ask the city to co-organise the event"), required=False)
    promotion_draft = forms.FileField(
        label=_("Draft of the poster or other promotional material"),
        required=False,
    )
    other_file = forms.FileField(label=_("Another document (programme, regulations)"), required=False)
    rodo = forms.BooleanField(
        label=_("I have read the information on the processing of personal data."),
        error_messages={"required": _("Confirm that you have read the information on personal data.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["promotion_draft"].help_text = _("A PDF, an image or an office document, at most %(mb)s MB.") % {
            "mb": settings.ATTACHMENT_MAX_MB
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        today = timezone.localdate()
        if starts_on and starts_on < today:
            self.add_error("starts_on", _("The event has to be in the future."))
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The event cannot end before it starts."))
        for name in ("promotion_draft", "other_file"):
            upload = data.get(name)
            if upload:
                try:
                    validate_upload(upload)
                except ValidationError as error:
                    self.add_error(name, error)
        return data

    @property
    def files_to_attach(self) -> list[Any]:
        return [self.cleaned_data[name] for name in ("promotion_draft", "other_file") if self.cleaned_data.get(name)]


class TitleForm(forms.ModelForm):
    class Meta:
        model = HonoraryTitle
        fields = [
            "kind",
            "nominee",
            "proposed_by",
            "proposed_on",
            "resolution",
            "resolution_on",
            "status",
            "awarded_on",
            "citation",
        ]
        widgets = {
            "proposed_on": DateInput(),
            "resolution_on": DateInput(),
            "awarded_on": DateInput(),
            "citation": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"nominee": ContactChoiceField}


class CooperationForm(forms.ModelForm):
    jury = ContactsChoiceField(label=_("jury"), required=False)

    class Meta:
        model = Cooperation
        fields = [
            "kind",
            "name",
            "partner",
            "starts_on",
            "ends_on",
            "place",
            "prizes",
            "prize_value",
            "jury",
            "mayor_takes_part",
            "results",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "prizes": forms.Textarea(attrs={"rows": 2}),
            "results": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"partner": ContactChoiceField}


class AttendForm(forms.Form):
    holder = forms.ModelChoiceField(label=_("who attends"), queryset=OfficeHolder.objects.none())
    start = forms.DateTimeField(label=_("from"), widget=DateTimeInput())
    end = forms.DateTimeField(label=_("until"), widget=DateTimeInput())
    keep_conflict_reason = forms.CharField(
        label=_("reason to keep a clash"),
        required=False,
        max_length=500,
        help_text=_("Only when the time clashes with another entry of the calendar."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")
