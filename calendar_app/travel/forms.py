"""Forms of business trips and foreign relations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from calendar_app.travel.models import (
    Delegation,
    DomesticRate,
    ForeignRate,
    PartnerCity,
    Settlement,
    Transport,
    Trip,
)
from calendar_app.travel.services import settlements, trips
from office.administration import services as budget
from office.forms import ContactsChoiceField
from office.kit.widgets import DateInput, DateTimeInput
from office.models import OfficeHolder, OrgUnit

CONFLICT_HELP = _("Only when the time clashes with another entry of a traveller's calendar.")


def _conflict_field() -> forms.CharField:
    return forms.CharField(label=_("reason to keep a clash"), required=False, max_length=500, help_text=CONFLICT_HELP)


class TripForm(forms.ModelForm):
    holders = forms.ModelMultipleChoiceField(
        label=_("office holders travelling"), queryset=OfficeHolder.objects.none(), required=False
    )
    users = forms.ModelMultipleChoiceField(label=_("staff travelling"), queryset=None, required=False)
    keep_conflict_reason = _conflict_field()

    class Meta:
        model = Trip
        fields = [
            "purpose",
            "destination",
            "country",
            "partner",
            "departs_at",
            "returns_at",
            "accommodation",
            "interpreter",
            "delegation_members",
            "line",
            "budget_line",
            "notes",
        ]
        widgets = {
            "departs_at": DateTimeInput(),
            "returns_at": DateTimeInput(),
            "delegation_members": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holders"].queryset = OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")
        year = timezone.localdate().year
        self.fields["line"].queryset = budget.open_lines(year) | budget.open_lines(year + 1)
        self.fields["users"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, office_holder__isnull=True)
            .order_by("last_name", "first_name")
        )
        self.fields["users"].label_from_instance = lambda user: user.get_full_name() or user.get_username()
        if self.instance.pk:
            travellers = list(self.instance.travellers.all())
            self.initial.setdefault("holders", [t.holder_id for t in travellers if t.holder_id])
            self.initial.setdefault("users", [t.user_id for t in travellers if t.user_id])


class LegForm(forms.Form):
    from_place = forms.CharField(label=_("from"), max_length=200)
    to_place = forms.CharField(label=_("to"), max_length=200)
    departs_at = forms.DateTimeField(label=_("departure"), widget=DateTimeInput())
    arrives_at = forms.DateTimeField(label=_("arrival"), widget=DateTimeInput())
    transport = forms.ChoiceField(label=_("means of transport"), choices=Transport.choices)
    crosses_border = forms.BooleanField(label=_("crosses the border"), required=False)
    notes = forms.CharField(label=_("notes"), max_length=300, required=False)


class RemoveLegForm(forms.Form):
    leg = forms.ModelChoiceField(label=_("leg"), queryset=None)

    def __init__(self, *args: Any, trip: Trip, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leg"].queryset = trip.legs.all()


class OrderForm(forms.Form):
    template = forms.ModelChoiceField(label=_("template of the travel order"), queryset=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = trips.order_templates()


class NoteForm(forms.Form):
    note = forms.CharField(label=_("note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.Form):
    agreed = forms.CharField(label=_("what was agreed"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))
    contacts = forms.CharField(
        label=_("contacts made"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class FollowUpForm(forms.Form):
    title = forms.CharField(label=_("task"), max_length=300)
    unit = forms.ModelChoiceField(label=_("responsible unit"), queryset=OrgUnit.objects.none())
    due_date = forms.DateField(label=_("due date"), widget=DateInput())
    description = forms.CharField(
        label=_("description"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class SettlementForm(forms.ModelForm):
    class Meta:
        model = Settlement
        fields = list(settlements.CLAIM_FIELDS)
        widgets = {
            "started_at": DateTimeInput(),
            "ended_at": DateTimeInput(),
            "abroad_from": DateTimeInput(),
            "abroad_until": DateTimeInput(),
            "exchange_rate_on": DateInput(),
        }
        help_texts = {
            "hotel_invoices": _("The amount of each invoiced night, one after another separated by “;”."),
            "abroad_from": _("Crossing the border, or the plane's take-off from the last airport in Poland."),
            "abroad_until": _("Crossing the border back, or the landing at the first airport in Poland."),
            "exchange_rate": _("The NBP average rate of the day before payment, PLN for one unit of the currency."),
        }

    def __init__(self, *args: Any, foreign: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not foreign:
            for name in ("abroad_from", "abroad_until", "abroad_breakfasts", "abroad_lunches", "abroad_suppers"):
                del self.fields[name]
            del self.fields["exchange_rate"]
            del self.fields["exchange_rate_on"]

    def clean_hotel_invoices(self) -> str:
        text = self.cleaned_data["hotel_invoices"]
        try:
            settlements.parse_amounts(text)
        except ValidationError as error:
            raise ValidationError(error.message_dict["hotel_invoices"]) from None
        return text

    def claim(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in settlements.CLAIM_FIELDS if name in self.cleaned_data}


class DomesticRateForm(forms.ModelForm):
    class Meta:
        model = DomesticRate
        fields = ["valid_from", "valid_to", "per_diem", "basis"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}


class ForeignRateForm(forms.ModelForm):
    class Meta:
        model = ForeignRate
        fields = ["country", "valid_from", "valid_to", "currency", "per_diem", "hotel_limit"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}


class PartnerForm(forms.ModelForm):
    class Meta:
        model = PartnerCity
        fields = ["name", "country", "kind", "partner_since", "languages", "contacts", "description", "is_active"]
        widgets = {"partner_since": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"contacts": ContactsChoiceField}


class AgreementForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=300)
    signed_on = forms.DateField(label=_("signed"), widget=DateInput())
    valid_until = forms.DateField(label=_("valid until"), required=False, widget=DateInput())
    notes = forms.CharField(label=_("notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class DelegationForm(forms.ModelForm):
    keep_conflict_reason = _conflict_field()

    class Meta:
        model = Delegation
        fields = [
            "name",
            "partner",
            "country",
            "arrives_at",
            "departs_at",
            "host",
            "guests",
            "interpreter",
            "accommodation",
            "protocol_notes",
        ]
        widgets = {
            "arrives_at": DateTimeInput(),
            "departs_at": DateTimeInput(),
            "guests": forms.Textarea(attrs={"rows": 3}),
            "protocol_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")


class ProgrammeForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("from"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("until"), widget=DateTimeInput())
    title = forms.CharField(label=_("what"), max_length=300)
    place = forms.CharField(label=_("place"), required=False, max_length=200)


class GiftForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("direction"), choices=[("given", _("given to the guests")), ("received", _("received from the guests"))]
    )
    description = forms.CharField(label=_("gift"), max_length=300)
    person = forms.CharField(label=_("from or to whom"), max_length=200)
    value = forms.DecimalField(
        label=_("estimated value (PLN)"), required=False, max_digits=10, decimal_places=2, min_value=0
    )
