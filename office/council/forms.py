"""Forms of council relations: the registers as staff type them in, and the forms of the steps."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.council.models import (
    Broadcast,
    Committee,
    CommitteeMeeting,
    Company,
    Councillor,
    DraftResolution,
    ExtraordinaryRequest,
    Interpellation,
    LayJudgeCandidate,
    LayJudgeElection,
    Milestone,
    NeighbourhoodCandidate,
    NeighbourhoodElection,
    Project,
    ProjectStatus,
    Resolution,
    Session,
    ShareholderMeeting,
    Study,
    Term,
)
from office.forms import ContactChoiceField
from office.kit.widgets import DateInput, DateTimeInput
from office.models import OfficeHolder, OrgUnit


def _holders(roles: tuple[str, ...] = ()) -> Any:
    qs = OfficeHolder.objects.filter(is_active=True)
    if roles:
        qs = qs.filter(role__in=roles)
    return qs.order_by("order", "last_name")


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = ["name", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class CouncillorForm(forms.ModelForm):
    class Meta:
        model = Councillor
        fields = [
            "term",
            "first_name",
            "last_name",
            "club",
            "constituency",
            "email",
            "phone",
            "duty_hours",
            "mandate_from",
            "mandate_to",
            "is_chair",
        ]
        widgets = {"mandate_from": DateInput(), "mandate_to": DateInput()}


class CommitteeForm(forms.ModelForm):
    members = forms.ModelMultipleChoiceField(
        label=_("members"), queryset=Councillor.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Committee
        fields = ["term", "name", "scope", "chair", "members"]
        widgets = {"scope": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        councillors = Councillor.objects.select_related("term").order_by("last_name", "first_name")
        self.fields["members"].queryset = councillors
        self.fields["chair"].queryset = councillors


class SessionForm(forms.ModelForm):
    agenda_text = forms.CharField(
        label=_("agenda"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One point a line."),
    )

    class Meta:
        model = Session
        fields = ["term", "number", "kind", "starts_at", "place", "agenda_text"]
        widgets = {"starts_at": DateTimeInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["number"].min_value = 1
        self.fields["number"].widget.attrs["min"] = 1
        self.fields["number"].max_value = 999
        self.fields["number"].widget.attrs["max"] = 999


class MeetingForm(forms.ModelForm):
    class Meta:
        model = CommitteeMeeting
        fields = ["committee", "starts_at", "place", "agenda"]
        widgets = {"starts_at": DateTimeInput(), "agenda": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.select_related("term").order_by("name")


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
        self.fields["holder"].queryset = _holders()


class CloseSessionForm(forms.Form):
    held = forms.TypedChoiceField(
        label=_("the session was"),
        choices=[("yes", _("held")), ("no", _("cancelled"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("note"), required=False, max_length=500)


class RecordingForm(forms.Form):
    broadcast = forms.ChoiceField(label=_("broadcast"), choices=Broadcast.choices)
    recording_url = forms.URLField(
        label=_("link to the recording"), required=False, max_length=200, assume_scheme="https"
    )
    minutes_url = forms.URLField(label=_("link to the minutes"), required=False, max_length=200, assume_scheme="https")
    minutes_published_on = forms.DateField(label=_("minutes published on"), required=False, widget=DateInput())


class InterpellationForm(forms.ModelForm):
    class Meta:
        model = Interpellation
        fields = ["kind", "councillor", "received_on", "subject", "text"]
        widgets = {"received_on": DateInput(), "text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["councillor"].queryset = Councillor.objects.select_related("term").order_by(
            "-term__starts_on", "last_name", "first_name"
        )


class ForwardForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("units asked to prepare the answer"), queryset=OrgUnit.objects.none(), widget=forms.SelectMultiple
    )
    instruction = forms.CharField(
        label=_("what the units should prepare"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class DraftForm(forms.Form):
    text = forms.CharField(label=_("draft answer"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8}))


class ApproveForm(forms.Form):
    approved_by = forms.ModelChoiceField(label=_("approved by"), queryset=OfficeHolder.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approved_by"].queryset = _holders((OfficeHolder.Role.MAYOR, OfficeHolder.Role.DEPUTY))


class ReasonForm(forms.Form):
    text = forms.CharField(label=_("what should change"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    answered_on = forms.DateField(label=_("answer sent on"), widget=DateInput(), initial=timezone.localdate)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("note"), required=False, max_length=500)


class ResolutionForm(forms.ModelForm):
    class Meta:
        model = Resolution
        fields = ["number", "adopted_on", "title", "session", "unit", "due_on", "tasks_mayor"]
        widgets = {"adopted_on": DateInput(), "due_on": DateInput(), "title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = Session.objects.select_related("term").order_by("-starts_at")
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class ReportForm(forms.Form):
    reported_on = forms.DateField(label=_("reported on"), widget=DateInput(), initial=timezone.localdate)
    text = forms.CharField(label=_("what was done"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4}))
    final = forms.BooleanField(label=_("the resolution is carried out"), required=False)


class RepealForm(forms.Form):
    text = forms.CharField(label=_("repealed by"), max_length=500)


class DraftResolutionForm(forms.ModelForm):
    class Meta:
        model = DraftResolution
        fields = ["title", "unit", "session", "justification"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "justification": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")
        planned = Session.objects.filter(status="planned").select_related("term").order_by("starts_at")
        if self.instance.session_id:
            planned = planned | Session.objects.filter(pk=self.instance.session_id).select_related("term")
        self.fields["session"].queryset = planned


class FileDraftForm(forms.Form):
    filed_on = forms.DateField(label=_("filed with the council on"), widget=DateInput(), initial=timezone.localdate)


class RequestForm(forms.ModelForm):
    drafts = forms.ModelMultipleChoiceField(
        label=_("draft resolutions attached"),
        queryset=DraftResolution.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ExtraordinaryRequest
        fields = ["subject", "addressee", "agenda", "justification", "drafts"]
        widgets = {"agenda": forms.Textarea(attrs={"rows": 6}), "justification": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"addressee": ContactChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        free = DraftResolution.objects.filter(session__isnull=True, filed_on__isnull=True)
        if self.instance.pk:
            free = free | DraftResolution.objects.filter(request=self.instance)
            self.initial.setdefault("drafts", list(self.instance.drafts.values_list("pk", flat=True)))
        self.fields["drafts"].queryset = free.order_by("title")


class SendRequestForm(forms.Form):
    template = forms.ModelChoiceField(label=_("letter template"), queryset=None)
    filed_on = forms.DateField(label=_("sent on"), widget=DateInput(), initial=timezone.localdate)
    signatory = forms.ModelChoiceField(label=_("signed by"), queryset=OfficeHolder.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from correspondence.services import letters as letter_services
        from office.council.services.resolutions import REQUEST_SOURCE

        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = letter_services.templates_for(REQUEST_SOURCE)
        self.fields["signatory"].queryset = _holders((OfficeHolder.Role.MAYOR,))


class LinkSessionForm(forms.Form):
    session = forms.ModelChoiceField(label=_("session convened"), queryset=Session.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = (
            Session.objects.filter(kind="extraordinary").select_related("term").order_by("-starts_at")
        )


class CompanyForm(forms.ModelForm):
    class Meta:
        model = Company
        fields = ["name", "legal_form", "krs", "share_capital", "city_share", "representative", "unit", "business"]
        widgets = {"business": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class ShareholderMeetingForm(forms.ModelForm):
    class Meta:
        model = ShareholderMeeting
        fields = ["company", "kind", "starts_at", "place", "agenda"]
        widgets = {"starts_at": DateTimeInput(), "agenda": forms.Textarea(attrs={"rows": 6})}


class OpinionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("unit asked for the opinion"), queryset=OrgUnit.objects.none())
    instruction = forms.CharField(
        label=_("what the unit should assess"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class InstructionForm(forms.Form):
    text = forms.CharField(label=_("instruction"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4}))
    instructed_by = forms.ModelChoiceField(label=_("given by"), queryset=OfficeHolder.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instructed_by"].queryset = _holders((OfficeHolder.Role.MAYOR, OfficeHolder.Role.DEPUTY))


class OutcomeForm(forms.Form):
    text = forms.CharField(label=_("resolutions adopted"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4}))


class LayElectionForm(forms.ModelForm):
    class Meta:
        model = LayJudgeElection
        fields = ["name", "year", "seats", "elected_on"]
        widgets = {"elected_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].min_value, self.fields["year"].max_value = 2000, 2199
        self.fields["year"].widget.attrs.update(min=2000, max=2199)
        self.fields["seats"].widget.attrs["max"] = 500
        self.fields["seats"].max_value = 500


class LayCandidateForm(forms.ModelForm):
    class Meta:
        model = LayJudgeCandidate
        fields = [
            "election",
            "first_name",
            "last_name",
            "birth_date",
            "court",
            "nominated_by",
            "nominator",
            "nominated_on",
            "documents_complete",
            "police_asked_on",
            "police_received_on",
            "police_note",
            "is_councillor",
        ]
        widgets = {
            "birth_date": DateInput(),
            "nominated_on": DateInput(),
            "police_asked_on": DateInput(),
            "police_received_on": DateInput(),
            "police_note": forms.Textarea(attrs={"rows": 2}),
        }


class VoteForm(forms.Form):
    elected = forms.TypedChoiceField(
        label=_("the council"),
        choices=[("yes", _("elected the candidate")), ("no", _("did not elect the candidate"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    votes_for = forms.IntegerField(label=_("votes for"), required=False, min_value=0, max_value=1000)


class NeighbourhoodForm(forms.ModelForm):
    class Meta:
        model = NeighbourhoodElection
        fields = ["district", "held_on", "voters", "votes_cast"]
        widgets = {"held_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("voters", "votes_cast"):
            self.fields[name].max_value = 10_000_000
            self.fields[name].widget.attrs["max"] = 10_000_000


class CandidateNameForm(forms.Form):
    name = forms.CharField(label=_("candidate's name"), max_length=200)


class VotesForm(forms.Form):
    candidate = forms.ModelChoiceField(label=_("candidate"), queryset=NeighbourhoodCandidate.objects.none())
    votes = forms.IntegerField(label=_("votes"), min_value=0, max_value=10_000_000)

    def __init__(self, *args: Any, election: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if election is not None:
            self.fields["candidate"].queryset = election.candidates.order_by("name")


class ProjectForm(forms.ModelForm):
    units = forms.ModelMultipleChoiceField(
        label=_("units taking part"), queryset=OrgUnit.objects.none(), required=False, widget=forms.SelectMultiple
    )

    class Meta:
        model = Project
        fields = ["title", "goal", "commissioned_by", "owner", "units", "starts_on", "ends_on", "status", "progress"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "goal": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.filter(is_active=True).order_by("symbol")
        self.fields["units"].queryset = units
        self.fields["owner"].queryset = units
        self.fields["commissioned_by"].queryset = _holders()
        self.fields["progress"].widget.attrs.update(min=0, max=100)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("milestone"), max_length=300)
    due_on = forms.DateField(label=_("due on"), widget=DateInput())


class ReachForm(forms.Form):
    milestone = forms.ModelChoiceField(label=_("milestone"), queryset=Milestone.objects.none())
    done_on = forms.DateField(label=_("reached on"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args: Any, project: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if project is not None:
            self.fields["milestone"].queryset = project.milestones.filter(done_on__isnull=True)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("task"), max_length=255)
    unit = forms.ModelChoiceField(label=_("unit"), queryset=OrgUnit.objects.none())
    due_date = forms.DateField(label=_("due on"), widget=DateInput())
    description = forms.CharField(
        label=_("what is asked"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=ProjectStatus.choices)
    progress = forms.IntegerField(label=_("progress (%)"), min_value=0, max_value=100)


class StudyForm(forms.ModelForm):
    class Meta:
        model = Study
        fields = ["title", "kind", "author", "unit", "project", "ordered_on", "delivered_on", "cost", "summary"]
        widgets = {"ordered_on": DateInput(), "delivered_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")
        self.fields["cost"].max_value = Decimal("9999999999")
