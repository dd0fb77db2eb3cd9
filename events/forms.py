"""Forms of ceremonies and events."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Gift
from office.forms import ContactChoiceField, ContactsChoiceField
from office.kit.widgets import DateInput, DateTimeInput
from office.models import OfficeHolder


class EventForm(forms.ModelForm):
    co_organisers = ContactsChoiceField(label=_("co-organisers"), required=False)
    keep_conflict_reason = forms.CharField(
        label=_("reason to keep a clash"),
        required=False,
        max_length=500,
        help_text=_("Only when the time clashes with another entry of the calendar."),
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "name",
            "starts_at",
            "ends_at",
            "place",
            "organiser",
            "co_organisers",
            "holder",
            "programme",
            "budget_line",
            "budget_amount",
            "notes",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "programme": forms.Textarea(attrs={"rows": 5}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"organiser": ContactChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")
        self.fields["organiser"].required = False
        if self.instance.pk:
            self.initial.setdefault("co_organisers", list(self.instance.co_organisers.values_list("pk", flat=True)))


class PlanForm(forms.Form):
    year = forms.IntegerField(
        label=_("year"), min_value=2000, max_value=2199, initial=lambda: timezone.localdate().year
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("note"), required=False, max_length=500)


class ConfirmForm(NoteForm):
    keep_conflict_reason = forms.CharField(
        label=_("reason to keep a clash"),
        required=False,
        max_length=500,
        help_text=_("Only when the time clashes with another entry of the calendar."),
    )


class GiftForm(forms.ModelForm):
    class Meta:
        model = Gift
        fields = [
            "direction",
            "holder",
            "on",
            "counterpart",
            "counterpart_name",
            "occasion",
            "description",
            "value_band",
            "kept_at",
            "event",
        ]
        widgets = {"on": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"counterpart": ContactChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = OfficeHolder.objects.order_by("order", "last_name")
        self.fields["counterpart"].required = False
        self.fields["event"].queryset = Event.objects.order_by("-starts_at")
