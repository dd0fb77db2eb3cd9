"""Calendar forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from calendar_app.models import Calendar, Entry, EntryKind, MeetingRequest
from office.formats.words import date_in_text
from office.forms import ContactChoiceField, ContactsChoiceField
from office.kit.widgets import DateTimeInput

RECURRENCE_CHOICES = [
    ("", _("does not repeat")),
    ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", _("every working day")),
    ("FREQ=WEEKLY", _("every week")),
    ("FREQ=WEEKLY;INTERVAL=2", _("every two weeks")),
    ("FREQ=MONTHLY", _("every month (same day of the month)")),
]


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
            "contacts",
            "notes",
            "recurrence",
            "recurrence_until",
            "speech_needed",
            "dress_code",
            "accompanying",
            "precedence",
        ]
        widgets = {
            "start": DateTimeInput(),
            "end": DateTimeInput(),
            "recurrence_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "staff": forms.SelectMultiple(attrs={"size": 5}),
            "precedence": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"contacts": ContactsChoiceField}

    def __init__(self, *args: Any, calendars: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["calendar"].queryset = calendars
        self.fields["calendar"].empty_label = None
        self.fields["staff"].queryset = get_user_model().objects.filter(is_active=True).order_by("last_name")
        self.fields["staff"].required = False
        self.fields["contacts"].required = False
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


class AgendaForm(forms.Form):
    day = forms.DateField(label=_("day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


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

    def __init__(self, *args: Any, occurrences: list[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.utils.formats import date_format

        self.fields["original_start"].widget.choices = [
            (o.original_start.isoformat(), date_format(timezone.localtime(o.original_start), "SHORT_DATETIME_FORMAT"))
            for o in occurrences
        ]

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
    calendars = forms.TypedMultipleChoiceField(
        label=_("office holders"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(label=_("type"), choices=[("", _("all types")), *EntryKind.choices], required=False)

    def __init__(self, *args: Any, calendars: list[Calendar], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calendar_list = calendars  # evaluated once by the view: no query of its own
        self.fields["calendars"].choices = [(c.pk, c.office_holder.full_name) for c in calendars]


class MeetingRequestForm(forms.ModelForm):
    save_contact = forms.BooleanField(label=_("add the requester to the contacts"), required=False)

    class Meta:
        model = MeetingRequest
        fields = [
            "requester_kind",
            "requester_name",
            "organisation",
            "contact",
            "email",
            "phone",
            "address",
            "topic",
            "description",
            "office_holder",
            "preferred_dates",
            "channel",
            "received_on",
            "rodo_acknowledged",
        ]
        widgets = {
            "received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"contact": ContactChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from office.models import OfficeHolder

        self.fields["office_holder"].queryset = OfficeHolder.objects.filter(is_active=True)
        self.fields["contact"].required = False
        self.fields["rodo_acknowledged"].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("email") or data.get("phone") or data.get("address") or data.get("contact")):
            self.add_error("email", _("Give at least one way to reply: e-mail, phone or address."))
        received = data.get("received_on")
        if received and received > timezone.localdate():
            self.add_error("received_on", _("The date of receipt cannot be in the future."))
        return data


class ScheduleRequestForm(forms.Form):
    slot = forms.ChoiceField(label=_("free slot"), required=False)
    start = forms.DateTimeField(label=_("or another start"), required=False, widget=DateTimeInput())
    minutes = forms.IntegerField(label=_("length (minutes)"), min_value=15, max_value=480, initial=60)
    place = forms.CharField(label=_("place"), required=False, max_length=255, initial="Gabinet Prezydenta")
    keep_conflict_reason = forms.CharField(label=_("reason for keeping a clash"), required=False, max_length=500)

    def __init__(self, *args: Any, slots: list[dt.datetime], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [("", _("— choose —"))] + [
            (s.isoformat(), date_in_text(timezone.localtime(s), "l, j E, H:i")) for s in slots
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start"):
            data["chosen"] = data["start"]
        elif data.get("slot"):
            data["chosen"] = dt.datetime.fromisoformat(data["slot"])
        else:
            self.add_error("slot", _("Choose a free slot or give another start."))
        return data


class HandOverRequestForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("unit"), queryset=None)
    due_date = forms.DateField(label=_("due date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label=_("note for the unit"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from office.models import OrgUnit

        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class DeclineRequestForm(forms.Form):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class ReplyForm(forms.Form):
    reply_text = forms.CharField(
        label=_("reply to the requester"), widget=forms.Textarea(attrs={"rows": 10}), max_length=10000
    )


class NotesForm(forms.Form):
    agenda = forms.CharField(label=_("meeting agenda"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    notes = forms.CharField(label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 6}))


class DecisionForm(HandOverRequestForm):
    text = forms.CharField(
        label=_("decision of the meeting"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    field_order = ["text", "unit", "due_date"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["note"]


class BriefingForm(HandOverRequestForm):
    what = forms.CharField(label=_("what materials"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)
    field_order = ["unit", "what", "due_date"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["note"]
