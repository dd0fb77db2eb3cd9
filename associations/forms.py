"""Forms of the associations app: the application for the entry and its steps, a reported change,
the organisations of the court register (typed in or imported), supervision, opinions, reports
and memberships."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.models import (
    CHECKLIST,
    AssociationVersion,
    CourtOpinion,
    KrsOrganisation,
    LegalForm,
    Membership,
    OrdinaryAssociation,
    SupervisionKind,
    validate_krs_number,
)
from associations.services import krs as krs_services
from associations.services import register
from office.forms import ContactChoiceField
from office.kit.imports import LabelChoiceField
from office.kit.spreadsheets import header_key
from office.kit.widgets import DateInput

_TEXT = {"rows": 3}
#: The columns an application gives (transformation, liquidator and measures come later).
APPLICATION_COLUMNS = [
    "name",
    "goals",
    "territory",
    "means_of_action",
    "seat_address",
    "representation",
    "representatives",
    "audit_body",
    "public_benefit",
    "remarks",
]
_VERSION_WIDGETS = {
    "goals": forms.Textarea(attrs=_TEXT),
    "means_of_action": forms.Textarea(attrs=_TEXT),
    "representatives": forms.Textarea(attrs=_TEXT),
    "audit_body": forms.Textarea(attrs={"rows": 2}),
    "transformation": forms.Textarea(attrs={"rows": 2}),
    "supervisory_measures": forms.Textarea(attrs={"rows": 2}),
    "remarks": forms.Textarea(attrs={"rows": 2}),
}


class ApplicationForm(forms.ModelForm):
    """The application for the entry: the association's address for letters, the day it came,
    and the columns it asks to enter (the first version of the register). Given the association
    as ``instance``; edits its current version."""

    contact = ContactChoiceField(
        label=_("address for letters"),
        help_text=_("The representative's or the board's contact in the directory (not published)."),
    )
    received_on = forms.DateField(label=_("application received on"), widget=DateInput())

    class Meta:
        model = AssociationVersion
        fields = APPLICATION_COLUMNS
        widgets = _VERSION_WIDGETS

    def __init__(self, data: Any = None, *args: Any, instance: OrdinaryAssociation, **kwargs: Any) -> None:
        self.association = instance
        version = instance.current if instance.pk and instance.current_id else AssociationVersion()
        super().__init__(data, *args, instance=version, **kwargs)
        self.order_fields(["contact", "received_on", *APPLICATION_COLUMNS])
        if instance.pk:
            self.initial.setdefault("contact", instance.contact_id)
        self.initial.setdefault("received_on", instance.received_on or timezone.localdate())


class FounderForm(forms.Form):
    name = forms.CharField(label=_("first name and surname"), max_length=200)
    residence = forms.CharField(label=_("place of residence"), max_length=300)
    pesel = forms.CharField(
        label=_("PESEL"), max_length=11, required=False, help_text=_("Optional; 11 digits. Never published.")
    )

    def clean_pesel(self) -> str:
        value = self.cleaned_data["pesel"].strip()
        if value and (not value.isdigit() or len(value) != 11):
            raise ValidationError(_("A PESEL number has 11 digits."))
        return value


class RemoveFounderForm(forms.Form):
    founder = forms.ModelChoiceField(label=_("founder"), queryset=None)

    def __init__(self, *args: Any, association: OrdinaryAssociation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["founder"].queryset = association.founders.order_by("id")


class ChecklistForm(forms.Form):
    """A box for every statutory condition the officer reads in the documents."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in CHECKLIST:
            self.fields[key] = forms.BooleanField(label=label, required=False)


class EnterForm(forms.Form):
    entered_on = forms.DateField(label=_("entered in the register on"), widget=DateInput(), initial=timezone.localdate)


class RefuseForm(forms.Form):
    reasons = forms.CharField(label=_("reasons of the refusal"), max_length=4000, widget=forms.Textarea(attrs=_TEXT))


class LetterForm(forms.Form):
    template = forms.ModelChoiceField(label=_("letter template"), queryset=None)

    def __init__(self, *args: Any, association: OrdinaryAssociation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = (
            register.refusal_templates() if association.is_refused else register.certificate_templates()
        )


class ChangeForm(forms.ModelForm):
    """A change the association reported: every column as it is after the change, and its dates."""

    changed_on = forms.DateField(
        label=_("changed on"), widget=DateInput(), help_text=_("When the association made the change.")
    )
    reported_on = forms.DateField(label=_("reported on"), widget=DateInput())
    valid_from = forms.DateField(label=_("entered in the register on"), widget=DateInput(), initial=timezone.localdate)
    description = forms.CharField(label=_("what changed"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    class Meta:
        model = AssociationVersion
        fields = list(register.COLUMNS)
        widgets = _VERSION_WIDGETS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["changed_on", "reported_on", "valid_from", "description", *register.COLUMNS])


class KrsNumberField(forms.CharField):
    """Ten digits; spaces and dashes typed between them are dropped."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        number = krs_services.normalise_krs(super().clean(value))
        if number:
            validate_krs_number(number)
        return number


class OrganisationForm(forms.ModelForm):
    krs_number = KrsNumberField(label=_("KRS number"), help_text=_("10 digits, e.g. 0000123456."))

    class Meta:
        model = KrsOrganisation
        fields = [
            "krs_number",
            "legal_form",
            "name",
            "seat_address",
            "registered_on",
            "nip",
            "regon",
            "representation",
            "purpose",
            "public_benefit",
            "supervised",
            "email",
            "notes",
        ]
        widgets = {
            "registered_on": DateInput(),
            "representation": forms.Textarea(attrs={"rows": 2}),
            "purpose": forms.Textarea(attrs=_TEXT),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class LegalFormField(LabelChoiceField):
    """A legal form as KRS extracts name it ("FUNDACJA", "stowarzyszenie kultury fizycznej"), or
    as the office's choices do, in any language."""

    KRS_NAMES = {
        "fundacja": LegalForm.FOUNDATION,
        "stowarzyszenie": LegalForm.ASSOCIATION,
        "zwiazekstowarzyszen": LegalForm.UNION,
        "klubsportowy": LegalForm.SPORTS_CLUB,
        "stowarzyszeniekulturyfizycznej": LegalForm.SPORTS_CLUB,
        "uczniowskiklubsportowy": LegalForm.SPORTS_CLUB,
    }

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        return self.KRS_NAMES.get(header_key(text), text)


class OrganisationImportForm(forms.Form):
    """One row of a spreadsheet of KRS data (text in every cell)."""

    krs_number = KrsNumberField(label=_("KRS number"))
    legal_form = LegalFormField(label=_("legal form"), choices=LegalForm.choices)
    name = forms.CharField(label=_("name"), max_length=300)
    seat_address = forms.CharField(label=_("address of the seat"), max_length=300)
    registered_on = forms.DateField(label=_("registered in KRS on"), required=False)
    nip = forms.CharField(label=_("NIP"), max_length=13, required=False)
    regon = forms.CharField(label=_("REGON"), max_length=14, required=False)
    representation = forms.CharField(label=_("representation"), max_length=2000, required=False)
    purpose = forms.CharField(label=_("goals"), max_length=5000, required=False)
    public_benefit = forms.CharField(
        label=_("public-benefit organisation (OPP)"), max_length=5, required=False, help_text=_("tak / nie (yes / no)")
    )
    email = forms.EmailField(label=_("e-mail"), required=False)

    def clean_public_benefit(self) -> bool:
        value = self.cleaned_data["public_benefit"].strip().lower()
        if value in ("", "nie", "no", "n", "0", "false"):
            return False
        if value in ("tak", "yes", "t", "y", "1", "true"):
            return True
        raise ValidationError(_("Write “tak” or “nie”."))


class CaseForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=SupervisionKind.choices)
    subject = forms.CharField(label=_("subject"), max_length=300)
    opened_on = forms.DateField(label=_("opened on"), widget=DateInput(), initial=timezone.localdate)
    due_on = forms.DateField(label=_("due on"), widget=DateInput())


class CloseCaseForm(forms.Form):
    outcome = forms.CharField(label=_("outcome"), max_length=4000, widget=forms.Textarea(attrs=_TEXT))
    closed_on = forms.DateField(label=_("closed on"), widget=DateInput(), initial=timezone.localdate)


class ExtendCaseForm(forms.Form):
    due_on = forms.DateField(label=_("new due date"), widget=DateInput())
    reason = forms.CharField(label=_("reason"), max_length=500, required=False)


class OpinionForm(forms.ModelForm):
    class Meta:
        model = CourtOpinion
        fields = ["organisation", "court_case", "subject", "requested_on", "due_on", "given_on", "opinion"]
        widgets = {
            "requested_on": DateInput(),
            "due_on": DateInput(),
            "given_on": DateInput(),
            "opinion": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = KrsOrganisation.objects.order_by("name", "id")


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("year reported on"), min_value=2000, max_value=2199)
    received_on = forms.DateField(label=_("received on"), widget=DateInput(), initial=timezone.localdate)
    notes = forms.CharField(label=_("notes"), max_length=500, required=False)


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = [
            "organisation",
            "kind",
            "member_since",
            "resolution_number",
            "resolution_on",
            "resolution_text",
            "yearly_fee",
            "representatives",
            "ended_on",
            "notes",
        ]
        widgets = {
            "member_since": DateInput(),
            "resolution_on": DateInput(),
            "ended_on": DateInput(),
            "resolution_text": forms.Textarea(attrs={"rows": 6}),
            "representatives": forms.Textarea(attrs=_TEXT),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
