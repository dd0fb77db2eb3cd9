"""Forms of the registers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from office.forms import ContactChoiceField, ContactsChoiceField
from office.kit.widgets import DateInput
from office.models import OrgUnit
from office.registers.models import Agreement, AgreementStatus, CulturalInstitution


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "number",
            "kind",
            "subject",
            "parties",
            "value",
            "currency",
            "signed_on",
            "starts_on",
            "ends_on",
            "unit",
            "remind_days_before",
            "notes",
        ]
        widgets = {
            "signed_on": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"parties": ContactsChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class EndAgreementForm(forms.Form):
    status = forms.ChoiceField(
        label=_("how it ended"),
        choices=[(AgreementStatus.ENDED, _("its term ran out")), (AgreementStatus.TERMINATED, _("terminated early"))],
    )
    note = forms.CharField(label=_("note"), max_length=500, required=False)


class InstitutionForm(forms.ModelForm):
    class Meta:
        model = CulturalInstitution
        fields = [
            "register_number",
            "entered_on",
            "name",
            "short_name",
            "kind",
            "address",
            "director",
            "founding_act",
            "statute",
            "regon",
            "supervising_unit",
            "contact",
            "is_active",
            "notes",
        ]
        widgets = {"entered_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"contact": ContactChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact"].required = False
        self.fields["supervising_unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")

    def clean_regon(self) -> str:
        regon = self.cleaned_data["regon"].replace(" ", "")
        if regon and not (regon.isascii() and regon.isdecimal() and len(regon) in (9, 14)):
            raise forms.ValidationError(_("A REGON number has 9 or 14 digits."))
        return regon
