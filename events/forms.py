"""Forms of ceremonies and events."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import (
    MAX_COMPANIONS,
    Answer,
    Consent,
    Event,
    Gallery,
    Gift,
    Guest,
    Licence,
    Photo,
    Precedence,
    Video,
)
from office.forms import ContactChoiceField, ContactsChoiceField
from office.kit.public import PublicForm
from office.kit.widgets import DateInput, DateTimeInput, QuickSelect
from office.models import OfficeHolder, OrgUnit, Tag


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
            "rsvp_by",
            "companions_allowed",
            "programme",
            "budget_line",
            "budget_amount",
            "notes",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "rsvp_by": DateInput(),
            "programme": forms.Textarea(attrs={"rows": 5}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"organiser": ContactChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")
        self.fields["organiser"].required = False
        self.fields["companions_allowed"].required = False
        if self.instance.pk:
            self.initial.setdefault("co_organisers", list(self.instance.co_organisers.values_list("pk", flat=True)))

    def clean_companions_allowed(self) -> int:
        value = self.cleaned_data.get("companions_allowed")
        return self.instance.companions_allowed if value is None else value


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


# --- Guests ---------------------------------------------------------------------------------------


def _precedence_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("order of precedence"),
        queryset=Precedence.objects.all(),
        required=False,
        empty_label=_("— not placed —"),
        widget=QuickSelect,
    )


class AddGuestsForm(forms.Form):
    contacts = ContactsChoiceField(label=_("guests"))
    precedence = _precedence_field()
    capacity = forms.CharField(
        label=_("invited as"),
        required=False,
        max_length=255,
        help_text=_("Empty: each guest's position from the contact directory."),
    )


class AddTaggedForm(forms.Form):
    tag = forms.ModelChoiceField(label=_("everyone tagged"), queryset=Tag.objects.all(), widget=QuickSelect)
    precedence = _precedence_field()


class GuestForm(forms.ModelForm):
    class Meta:
        model = Guest
        fields = ["capacity", "precedence", "position", "seat", "answer", "companions", "needs"]
        widgets = {"needs": forms.Textarea(attrs={"rows": 2})}


class InviteForm(forms.Form):
    template = forms.ModelChoiceField(label=_("invitation template"), queryset=None, widget=QuickSelect)
    signatory = forms.ModelChoiceField(label=_("signed by"), queryset=None, widget=QuickSelect)
    unit = forms.ModelChoiceField(
        label=_("register"), queryset=None, help_text=_("The letters are numbered in it."), widget=QuickSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from correspondence.services.letters import register_unit, templates_for
        from events.services.guests import INVITATION_SOURCE

        user = kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates_for(INVITATION_SOURCE)
        self.fields["signatory"].queryset = OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")
        unit = register_unit(user) if user is not None else None
        if unit is not None:
            self.fields["unit"].initial = unit.pk


class RsvpForm(PublicForm):
    answer = forms.ChoiceField(
        label=_("Will you come?"),
        choices=[(Answer.ACCEPTED, _("Yes, I will come")), (Answer.DECLINED, _("No, I will not come"))],
        widget=forms.RadioSelect,
    )
    companions = forms.TypedChoiceField(
        label=_("accompanying persons"), coerce=int, required=False, empty_value=0, choices=[(0, "0")]
    )
    needs = forms.CharField(
        label=_("dietary or access needs"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("e.g. a wheelchair place, a vegetarian meal"),
    )

    def __init__(self, *args: Any, guest: Guest, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "answer": guest.answer if guest.has_answered else None,
                "companions": guest.companions,
                "needs": guest.needs,
            },
        )
        super().__init__(*args, **kwargs)
        allowed = max(0, min(guest.event.companions_allowed, MAX_COMPANIONS))
        self.fields["companions"].choices = [(n, str(n)) for n in range(allowed + 1)]
        if not allowed:
            self.fields["companions"].widget = forms.HiddenInput()


class SearchGuestForm(forms.Form):
    q = forms.CharField(label=_("name"), required=False, max_length=100)


# --- Galleries ----------------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files in one field (checked as photos by the service, which names each refused one)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/tiff"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class GalleryForm(forms.ModelForm):
    class Meta:
        model = Gallery
        fields = ["title", "taken_on", "description", "is_public"]
        widgets = {"taken_on": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}


class UploadForm(forms.Form):
    photos = MultipleImageField(
        label=_("photos"), help_text=_("JPEG, PNG, WebP or TIFF; up to 50 at once. Thumbnails are made in a moment.")
    )
    author = forms.CharField(label=_("author"), required=False, max_length=200)
    licence = forms.ChoiceField(label=_("licence"), choices=Licence.choices, initial=Licence.CITY)
    consent = forms.ChoiceField(label=_("persons shown"), choices=Consent.choices, initial=Consent.NOBODY)


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["caption", "author", "licence", "consent", "is_public", "order"]


class VideoForm(forms.ModelForm):
    link = forms.URLField(
        label=_("link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Where the film is published."),
    )
    upload = forms.FileField(label=_("file"), required=False, help_text=_("MP4, MOV or WebM; a long film by link."))

    class Meta:
        model = Video
        fields = ["title", "link", "author", "consent", "is_public"]
