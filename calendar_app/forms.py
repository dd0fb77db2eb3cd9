"""Calendar forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from calendar_app.models import Calendar, Entry, EntryKind

RECURRENCE_CHOICES = [
    ("", _("does not repeat")),
    ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", _("every working day")),
    ("FREQ=WEEKLY", _("every week")),
    ("FREQ=WEEKLY;INTERVAL=2", _("every two weeks")),
    ("FREQ=MONTHLY", _("every month (same day of the month)")),
]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class EntryForm(forms.ModelForm):
    recurrence = forms.ChoiceField(label=_("repeats"), choices=RECURRENCE_CHOICES, required=False)
    keep_conflict_reason = forms.CharField(
        label=_("reason for keeping the clash"),
        required=False,
        max_length=500,
        help_text=_("Needed only when the time clashes with another entry."),
    )

    class Meta:
        model = Entry
        fields = [
            "calendar",
            "title",
            "kind",
            "start",
            "end",
            "all_day",
            "place",
            "status",
            "visibility",
            "blocks_time",
            "staff",
            "notes",
            "recurrence",
            "recurrence_until",
        ]
        widgets = {
            "start": DateTimeInput(),
            "end": DateTimeInput(),
            "recurrence_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "staff": forms.SelectMultiple(attrs={"size": 5}),
        }

    def __init__(self, *args: Any, calendars: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["calendar"].queryset = calendars
        self.fields["calendar"].empty_label = None
        self.fields["staff"].queryset = get_user_model().objects.filter(is_active=True).order_by("last_name")
        self.fields["staff"].required = False
        if self.instance.pk and self.instance.recurrence not in dict(RECURRENCE_CHOICES):
            self.fields["recurrence"].choices = [
                *RECURRENCE_CHOICES,
                (self.instance.recurrence, self.instance.recurrence),
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if data.get("all_day") and start:
            day = timezone.localtime(start).date()
            last = timezone.localtime(end).date() if end else day
            tz = timezone.get_current_timezone()
            data["start"] = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
            data["end"] = dt.datetime.combine(max(day, last) + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        elif start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        if data.get("recurrence_until") and not data.get("recurrence"):
            self.add_error("recurrence_until", _("Choose how the entry repeats, or leave this empty."))
        return data


class MoveForm(forms.Form):
    start = forms.DateTimeField(label=_("new start"), widget=DateTimeInput())
    end = forms.DateTimeField(label=_("new end"), widget=DateTimeInput())
    keep_conflict_reason = forms.CharField(label=_("reason for keeping the clash"), required=False, max_length=500)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("reason"), required=False, max_length=500)


class OccurrenceForm(forms.Form):
    original_start = forms.DateTimeField(label=_("occurrence"), widget=forms.Select)
    action = forms.ChoiceField(
        choices=[("cancel", _("cancel this occurrence")), ("move", _("move this occurrence"))], label=_("what to do")
    )
    start = forms.DateTimeField(label=_("new start"), required=False, widget=DateTimeInput())
    end = forms.DateTimeField(label=_("new end"), required=False, widget=DateTimeInput())
    keep_conflict_reason = forms.CharField(label=_("reason for keeping the clash"), required=False, max_length=500)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("action") == "move" and not data.get("start"):
            self.add_error("start", _("Give the new start."))
        return data


class CalendarFilterForm(forms.Form):
    VIEWS = [("week", _("week")), ("day", _("day")), ("month", _("month")), ("agenda", _("agenda"))]

    view = forms.ChoiceField(label=_("view"), choices=VIEWS, required=False)
    date = forms.DateField(
        label=_("date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    calendars = forms.ModelMultipleChoiceField(
        label=_("office holders"),
        queryset=Calendar.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kind = forms.ChoiceField(label=_("type"), choices=[("", _("all types")), *EntryKind.choices], required=False)

    def __init__(self, *args: Any, calendars: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["calendars"].queryset = calendars
        self.fields["calendars"].label_from_instance = lambda c: c.office_holder.full_name
