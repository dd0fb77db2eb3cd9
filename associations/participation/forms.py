"""Forms of civic participation, as staff use them (the public forms are in ``public_forms``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.participation.models import (
    Booking,
    CivicProject,
    Consultation,
    District,
    Edition,
    Grant,
    Programme,
    Project,
    Realisation,
    Room,
    SubmissionChannel,
)
from associations.participation.services import budget as budget_services
from office.forms import ContactChoiceField, ContactsChoiceField
from office.kit.widgets import DateInput, DateTimeInput
from office.models import OrgUnit


class HttpsURLField(forms.URLField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(assume_scheme="https", **kwargs)


def _area(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["year", "title", "priorities", "forms_of_cooperation", "planned_funds", "resolution", "adopted_on"]
        widgets = {"priorities": _area(4), "forms_of_cooperation": _area(4), "adopted_on": DateInput()}


class GrantForm(forms.ModelForm):
    class Meta:
        model = Grant
        fields = [
            "programme",
            "organisation",
            "task",
            "area",
            "mode",
            "amount",
            "awarded_on",
            "starts_on",
            "ends_on",
            "settled_on",
        ]
        widgets = {name: DateInput() for name in ("awarded_on", "starts_on", "ends_on", "settled_on")}
        field_classes = {"organisation": ContactChoiceField}


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(label=_("adopted on"), widget=DateInput(), initial=timezone.localdate)
    resolution = forms.CharField(label=_("council resolution"), max_length=100, help_text=_("e.g. XLII/512/2026"))


class ReportTextForm(forms.Form):
    text = forms.CharField(label=_("text of the report"), max_length=50_000, widget=_area(16))


class SubmitReportForm(forms.Form):
    submitted_on = forms.DateField(
        label=_("submitted to the council on"), widget=DateInput(), initial=timezone.localdate
    )


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "title",
            "subject",
            "starts_on",
            "ends_on",
            "by_comments",
            "by_meeting",
            "meeting_details",
            "by_survey",
            "survey_url",
            "responsible_unit",
            "is_published",
        ]
        widgets = {
            "subject": _area(5),
            "meeting_details": _area(2),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }
        field_classes = {"survey_url": HttpsURLField}


class SummaryForm(forms.Form):
    summary = forms.CharField(label=_("results and conclusions"), max_length=20_000, widget=_area(6))


class CommentForm(forms.Form):
    """A comment received on paper, by e-mail or at the meeting."""

    author_name = forms.CharField(label=_("name"), max_length=150)
    organisation = forms.CharField(label=_("organisation"), max_length=255, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
    channel = forms.ChoiceField(
        label=_("received through"), choices=[c for c in SubmissionChannel.choices if c[0] != SubmissionChannel.FORM]
    )
    text = forms.CharField(label=_("comment"), max_length=5000, widget=_area(4))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("why not published"), max_length=500)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("the office's answer"), max_length=5000, widget=_area(4))


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = [
            "year",
            "name",
            "submissions_from",
            "submissions_to",
            "verification_to",
            "appeals_to",
            "voting_from",
            "voting_to",
            "results_on",
            "min_supporters",
            "choices_per_district",
            "rules",
            "is_published",
        ]
        widgets = {
            **{name: DateInput() for name in ("submissions_from", "submissions_to", "verification_to")},
            **{name: DateInput() for name in ("appeals_to", "voting_from", "voting_to", "results_on")},
            "rules": _area(5),
        }


class DistrictForm(forms.Form):
    name = forms.CharField(label=_("name of the district"), max_length=120)
    pool = forms.DecimalField(label=_("pool (PLN)"), min_value=1, max_digits=12, decimal_places=2)
    order = forms.IntegerField(label=_("order"), min_value=0, max_value=999, initial=0)


class ProjectForm(forms.ModelForm):
    """A project handed in on paper (and its corrections)."""

    supporters_text = forms.CharField(
        label=_("list of support"),
        max_length=30_000,
        widget=_area(6),
        help_text=_("One name a line (no PESEL numbers)."),
    )

    class Meta:
        model = Project
        fields = [
            "edition",
            "district",
            "title",
            "description",
            "location",
            "cost",
            "author_name",
            "author_email",
            "author_phone",
            "submitted_on",
        ]
        widgets = {"description": _area(5), "submitted_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.select_related("edition").order_by(
            "-edition__year", "order", "name"
        )
        self.fields["district"].label_from_instance = lambda d: f"{d.edition.year} · {d.name}"
        if self.instance.pk:
            self.fields["supporters_text"].initial = "\n".join(self.instance.supporters)

    def clean_supporters_text(self) -> list[str]:
        return budget_services.parse_supporters(self.cleaned_data["supporters_text"])


class VerificationForm(forms.Form):
    formal_unit = forms.ModelChoiceField(label=_("formal verification by"), queryset=OrgUnit.objects.none())
    merit_unit = forms.ModelChoiceField(label=_("merit verification by"), queryset=OrgUnit.objects.none())
    due_date = forms.DateField(label=_("due date"), widget=DateInput())
    instruction = forms.CharField(label=_("instruction"), max_length=2000, required=False, widget=_area(2))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.filter(is_active=True).order_by("symbol")
        self.fields["formal_unit"].queryset = units
        self.fields["merit_unit"].queryset = units


class OutcomeForm(forms.Form):
    admitted = forms.TypedChoiceField(
        label=_("result"),
        choices=[("yes", _("admitted to the vote")), ("no", _("rejected"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    verified_cost = forms.DecimalField(
        label=_("cost after verification (PLN)"), min_value=1, max_digits=12, decimal_places=2, required=False
    )
    notes = forms.CharField(
        label=_("result of the verification"),
        max_length=5000,
        required=False,
        widget=_area(3),
        help_text=_("Required for a rejection: the reasons go to the author."),
    )


class AppealForm(forms.Form):
    text = forms.CharField(label=_("appeal"), max_length=5000, widget=_area(3))
    received_on = forms.DateField(label=_("received on"), widget=DateInput(), initial=timezone.localdate)


class AppealDecisionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("yes", _("upheld: admitted to the vote")), ("no", _("dismissed"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(label=_("reasons"), max_length=5000, widget=_area(3))


class NoteForm(forms.Form):
    note = forms.CharField(label=_("note"), max_length=500, required=False)


class RealisationForm(forms.Form):
    realisation = forms.ChoiceField(label=_("realisation"), choices=Realisation.choices)
    progress = forms.IntegerField(label=_("progress (%)"), min_value=0, max_value=100)
    note = forms.CharField(label=_("about the realisation"), max_length=5000, required=False, widget=_area(3))


class PaperVoteForm(forms.Form):
    """A paper ballot typed in by staff."""

    pesel = forms.CharField(label=_("PESEL on the ballot"), max_length=11, min_length=11)
    projects = forms.ModelMultipleChoiceField(
        label=_("projects marked"), queryset=Project.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = budget_services.admitted(edition)
        self.fields["projects"].label_from_instance = lambda p: f"{p.district.name}: {p.number}. {p.title}"


class CivicProjectForm(forms.ModelForm):
    class Meta:
        model = CivicProject
        fields = ["name", "kind", "status", "description", "starts_on", "ends_on", "budget", "coordinator", "partners"]
        widgets = {"description": _area(4), "starts_on": DateInput(), "ends_on": DateInput()}
        field_classes = {"partners": ContactsChoiceField}


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "capacity", "equipment", "is_active"]


class BookingForm(forms.ModelForm):
    class Meta:
        model = Booking
        fields = ["room", "organisation", "purpose", "starts_at", "ends_at", "attendees"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}
        field_classes = {"organisation": ContactChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.filter(is_active=True).order_by("name")
