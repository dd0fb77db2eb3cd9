"""Forms of the press office. Services validate the rules; forms check shapes and keep what was typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media_relations.models import (
    BulletinArticle,
    BulletinIssue,
    Channel,
    DistributionList,
    Inquiry,
    Journalist,
    LegalBasis,
    Outlet,
    OutletKind,
    PlannedPost,
    Publication,
    QuoteAuthorisation,
    Release,
    ResponseKind,
    ResponseStatus,
)
from office.db import polish
from office.kit.imports import LabelChoiceField, fold
from office.kit.widgets import DateInput, DateTimeInput, SearchSelect
from office.models import Contact, OfficeHolder, OrgUnit


def _local_now() -> dt.datetime:
    return timezone.localtime().replace(second=0, microsecond=0)


class OutletForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Outlet
        fields = ["name", "kind", "reach", "region", "email", "phone", "website", "tags", "notes", "is_active"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class JournalistForm(forms.ModelForm):
    outlet = forms.ModelChoiceField(
        label=_("current outlet"),
        queryset=Outlet.objects.filter(is_active=True).order_by(polish("name")),
        required=False,
    )
    position = forms.CharField(label=_("position"), max_length=120, required=False)
    since = forms.DateField(
        label=_("works there since"), required=False, widget=DateInput(), help_text=_("Today when left empty.")
    )

    class Meta:
        model = Journalist
        fields = ["name", "email", "phone", "beat", "preferred_channel", "tags", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class JournalistImportForm(forms.ModelForm):
    """One row of a spreadsheet of journalists (``office.kit.imports``): the outlet by its name; an
    outlet not in the directory yet is added when the row gives its kind."""

    preferred_channel = LabelChoiceField(label=_("preferred channel"), choices=Channel.choices, required=False)
    outlet = forms.CharField(
        label=_("outlet"),
        max_length=200,
        required=False,
        help_text=_("The name of the outlet the journalist works for."),
    )
    outlet_kind = LabelChoiceField(
        label=_("kind of outlet"),
        choices=OutletKind.choices,
        required=False,
        help_text=_("Only for an outlet not yet in the directory: it is added."),
    )
    position = forms.CharField(label=_("position"), max_length=120, required=False)
    since = forms.DateField(label=_("works there since"), required=False, help_text=_("Today when left empty."))

    class Meta:
        model = Journalist
        fields = ["name", "email", "phone", "beat", "preferred_channel", "notes"]

    def __init__(self, *args: Any, outlets: dict[str, Outlet] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outlets = outlets or {}

    def clean_preferred_channel(self) -> str:
        return self.cleaned_data["preferred_channel"] or Channel.EMAIL

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        name = data.get("outlet")
        if not name:
            data["outlet"] = None
            if data.get("position") or data.get("since"):
                self.add_error("outlet", _("Give the outlet the journalist works for."))
            return data
        found = self.outlets.get(fold(name))
        if found is None and not data.get("outlet_kind"):
            self.add_error(
                "outlet_kind",
                _("“%(name)s” is not in the directory: give the kind of the outlet to add it.") % {"name": name},
            )
        elif found is None:
            data["outlet"] = Outlet(name=name, kind=data["outlet_kind"])  # added by the import
        elif not found.is_active:
            self.add_error("outlet", _("The outlet “%(name)s” is marked inactive.") % {"name": found.name})
        else:
            data["outlet"] = found
        return data


class DistributionListForm(forms.ModelForm):
    journalists = forms.ModelMultipleChoiceField(
        label=_("journalists"),
        queryset=Journalist.objects.order_by(polish("name")),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = DistributionList
        fields = ["name", "description", "journalists"]


class InquiryForm(forms.Form):
    """Intake, fast for a phone call: an existing journalist, or a new one (name + outlet) in place."""

    journalist = forms.ModelChoiceField(
        label=_("journalist"), queryset=Journalist.objects.order_by(polish("name")), required=False
    )
    new_journalist_name = forms.CharField(label=_("or a new journalist: name"), max_length=200, required=False)
    new_journalist_outlet = forms.ModelChoiceField(
        label=_("new journalist's outlet"),
        queryset=Outlet.objects.filter(is_active=True).order_by(polish("name")),
        required=False,
    )
    new_journalist_phone = forms.CharField(label=_("new journalist's phone"), max_length=50, required=False)
    new_journalist_email = forms.EmailField(label=_("new journalist's e-mail"), required=False)
    channel = forms.ChoiceField(label=_("channel"), choices=Channel.choices, initial=Channel.PHONE)
    received_at = forms.DateTimeField(label=_("received"), widget=DateTimeInput(), initial=_local_now)
    subject = forms.CharField(label=_("subject"), max_length=255)
    topic = forms.CharField(label=_("topic"), max_length=100, required=False)
    questions = forms.CharField(label=_("questions"), widget=forms.Textarea(attrs={"rows": 5}))
    journalist_deadline = forms.DateTimeField(
        label=_("journalist's own deadline"), widget=DateTimeInput(), required=False
    )
    legal_basis = forms.ChoiceField(
        label=_("legal basis"), choices=LegalBasis.choices, initial=LegalBasis.PRESS_INFORMATION
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("journalist") and not (data.get("new_journalist_name") or "").strip():
            self.add_error("journalist", _("Choose a journalist or give the name of a new one."))
        if data.get("journalist") and (data.get("new_journalist_name") or "").strip():
            self.add_error("new_journalist_name", _("Either choose a journalist or type a new one, not both."))
        return data


class InquiryEditForm(forms.ModelForm):
    class Meta:
        model = Inquiry
        fields = ["subject", "topic", "questions", "journalist_deadline", "officer"]
        widgets = {"journalist_deadline": DateTimeInput(), "questions": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = (
            get_user_model().objects.filter(is_active=True, groups__permissions__codename="change_inquiry").distinct()
        )


class DraftForm(forms.Form):
    draft_text = forms.CharField(label=_("draft answer"), widget=forms.Textarea(attrs={"rows": 10}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ApproveForm(forms.Form):
    """The approver approves the draft in the version they read (a hidden field)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class InputRequestForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("unit"), queryset=OrgUnit.objects.filter(is_active=True))
    due_date = forms.DateField(label=_("answer by"), widget=DateInput())
    question = forms.CharField(label=_("what the unit should provide"), widget=forms.Textarea(attrs={"rows": 3}))


class SendAnswerForm(forms.Form):
    channel = forms.ChoiceField(label=_("sent by"), choices=Channel.choices, initial=Channel.EMAIL)
    sent_at = forms.DateTimeField(label=_("sent"), widget=DateTimeInput(), initial=_local_now)


class ExtendForm(forms.Form):
    new_due = forms.DateField(label=_("new date of the answer"), widget=DateInput())
    reason = forms.CharField(label=_("reason for the delay"), widget=forms.Textarea(attrs={"rows": 3}))
    notified_at = forms.DateTimeField(label=_("journalist notified"), widget=DateTimeInput(), initial=_local_now)


class RefuseForm(forms.Form):
    refusal_by = forms.CharField(label=_("refusing body or person"), max_length=255)
    refusal_on = forms.DateField(label=_("date of the refusal"), widget=DateInput(), initial=timezone.localdate)
    information = forms.CharField(label=_("information concerned"), widget=forms.Textarea(attrs={"rows": 2}))
    reasons = forms.CharField(label=_("reasons"), widget=forms.Textarea(attrs={"rows": 3}))


class WrittenRefusalForm(forms.Form):
    demanded_at = forms.DateTimeField(label=_("demand received"), widget=DateTimeInput(), initial=_local_now)


def publication_label(publication: Publication) -> str:
    return f"{publication.published_on:%d.%m.%Y} · {publication.outlet.name} · {publication.title}"


def publications_for(outlet_id: Any = None) -> Any:
    """The publications an inquiry may be linked to: its outlet's, newest first (all without one)."""
    qs = Publication.objects.select_related("outlet").order_by("-published_on", "-id")
    return qs.filter(outlet_id=outlet_id) if outlet_id else qs


class LinkPublicationForm(forms.Form):
    publication = forms.ModelChoiceField(label=_("publication"), queryset=Publication.objects.none(), required=False)

    def __init__(self, *args: Any, outlet: Outlet | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["publication"]
        field.queryset = publications_for(outlet.pk if outlet else None)
        field.label_from_instance = publication_label
        url = reverse("media_relations:publication_options")
        field.widget = SearchSelect(f"{url}?outlet={outlet.pk}" if outlet else url)


class QuoteForm(forms.Form):
    text = forms.CharField(label=_("quote"), widget=forms.Textarea(attrs={"rows": 3}))
    sent_at = forms.DateTimeField(label=_("received for authorisation"), widget=DateTimeInput(), initial=_local_now)


class QuoteAnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("answer"),
        choices=[
            (QuoteAuthorisation.Status.AUTHORISED, _("authorised")),
            (QuoteAuthorisation.Status.CHANGES, _("changes requested")),
        ],
    )
    answer = forms.CharField(label=_("changes asked for"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PublicationForm(forms.ModelForm):
    url = forms.URLField(label=_("link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Publication
        fields = [
            "outlet",
            "published_on",
            "title",
            "url",
            "summary",
            "topics",
            "tone",
            "reach",
            "importance",
            "unit",
            "office_holder",
        ]
        widgets = {"published_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = Outlet.objects.order_by(polish("name"))
        self.fields["office_holder"].queryset = OfficeHolder.objects.filter(is_active=True)


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of response"), choices=ResponseKind.choices)
    contested_fragment = forms.CharField(
        label=_("contested fragment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for a correction; the correction may be at most twice as long."),
    )
    text = forms.CharField(label=_("text of the response"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class ResponseTextForm(forms.Form):
    text = forms.CharField(label=_("text of the response"), widget=forms.Textarea(attrs={"rows": 5}))
    notes = forms.CharField(label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ResponseSentForm(forms.Form):
    sent_on = forms.DateField(label=_("sent on"), widget=DateInput(), initial=timezone.localdate)
    publish_due = forms.DateField(
        label=_("outlet's next issue or programme"),
        widget=DateInput(),
        required=False,
        help_text=_("Only for periodicals, radio, television and agencies."),
    )


class ResponseOutcomeForm(forms.Form):
    target = forms.ChoiceField(
        label=_("what happened"),
        choices=[
            (ResponseStatus.PUBLISHED, ResponseStatus.PUBLISHED.label),
            (ResponseStatus.REFUSED, ResponseStatus.REFUSED.label),
            (ResponseStatus.COURT, ResponseStatus.COURT.label),
            (ResponseStatus.CLOSED, ResponseStatus.CLOSED.label),
        ],
    )
    on = forms.DateField(label=_("on"), widget=DateInput(), initial=timezone.localdate)
    notes = forms.CharField(label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReleaseForm(forms.ModelForm):
    class Meta:
        model = Release
        fields = ["title", "lead", "body", "embargo_until"]
        widgets = {
            "embargo_until": DateTimeInput(),
            "lead": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 12}),
        }


class DistributeForm(forms.Form):
    lists = forms.ModelMultipleChoiceField(
        label=_("distribution lists"),
        queryset=DistributionList.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )


class ConferenceForm(forms.Form):
    topic = forms.CharField(label=_("topic"), max_length=255)
    starts_at = forms.DateTimeField(label=_("starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("ends"), widget=DateTimeInput())
    place = forms.CharField(label=_("place"), max_length=255)
    description = forms.CharField(label=_("description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    office_holder = forms.ModelChoiceField(
        label=_("put on the calendar of"), queryset=OfficeHolder.objects.filter(is_active=True), required=False
    )
    speakers = forms.ModelMultipleChoiceField(
        label=_("speakers (staff)"), queryset=get_user_model().objects.filter(is_active=True), required=False
    )
    guest_speakers = forms.ModelMultipleChoiceField(
        label=_("speakers (contacts)"), queryset=Contact.objects.filter(merged_into__isnull=True), required=False
    )
    outlets = forms.ModelMultipleChoiceField(
        label=_("invited outlets"),
        queryset=Outlet.objects.filter(is_active=True).order_by(polish("name")),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keep_conflict_reason = forms.CharField(
        label=_("reason for keeping a clash on the calendar"), max_length=500, required=False
    )


class AttendanceForm(forms.Form):
    attended = forms.ModelMultipleChoiceField(
        label=_("outlets that came"),
        queryset=Outlet.objects.order_by(polish("name")),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class PlannedPostForm(forms.ModelForm):
    link = forms.URLField(label=_("link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = PlannedPost
        fields = ["title", "channel", "planned_at", "owner", "status", "link", "notes"]
        widgets = {"planned_at": DateTimeInput(), "notes": forms.Textarea(attrs={"rows": 2})}


class BulletinIssueForm(forms.ModelForm):
    class Meta:
        model = BulletinIssue
        fields = ["number", "title", "planned_on"]
        widgets = {"planned_on": DateInput()}


class BulletinArticleForm(forms.ModelForm):
    """An article of an issue; only those who approve (approve_answer) may set it approved."""

    class Meta:
        model = BulletinArticle
        fields = ["title", "author", "deadline", "status", "text"]
        widgets = {"deadline": DateInput(), "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, may_approve: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_approve:
            self.fields["status"].choices = [
                choice for choice in self.fields["status"].choices if choice[0] != BulletinArticle.Status.APPROVED
            ]
