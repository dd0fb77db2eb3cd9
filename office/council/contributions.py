"""What council relations declare to the office registry: the council officer's role and the
permissions of every role, navigation, widgets, search, the digest, answers awaiting the mayor's
approval and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import office.council.deadlines
import office.council.report_sections  # noqa: F401  (declares the section of the mayor's reports)
from office.contributions import (
    Approval,
    Approvals,
    DigestSection,
    LetterSource,
    ListItem,
    Role,
    SearchHit,
    Widget,
    approvals,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)
from office.council.models import (
    OPEN_STATUSES,
    Committee,
    CommitteeMeeting,
    Company,
    Councillor,
    DraftResolution,
    ExtraordinaryRequest,
    Interpellation,
    InterpellationStatus,
    LayJudgeCandidate,
    LayJudgeElection,
    NeighbourhoodElection,
    Project,
    ProjectStatus,
    Resolution,
    ResolutionStatus,
    Session,
    SessionStatus,
    ShareholderMeeting,
    Study,
    Term,
)
from office.council.services.resolutions import REQUEST_SOURCE
from office.roles import STAFF_CORE

COUNCIL_OFFICER = registry.add_role(
    Role(
        "council_officer",
        "Współpraca z Radą",
        gettext_lazy("Council relations officer"),
        gettext_lazy("Keeps the council's sessions, interpellations, resolutions, elections and companies."),
        order=70,
    )
)

#: The models of the app: the council officer keeps them all; management, the secretariat and
#: auditors read them; management approves answers to interpellations.
MODELS = (
    "term",
    "councillor",
    "committee",
    "session",
    "agendaitem",
    "committeemeeting",
    "interpellation",
    "resolution",
    "implementationreport",
    "draftresolution",
    "extraordinaryrequest",
    "company",
    "shareholdermeeting",
    "layjudgeelection",
    "layjudgecandidate",
    "district",
    "neighbourhoodelection",
    "neighbourhoodcandidate",
    "project",
    "milestone",
    "study",
)
VIEW = [f"council.view_{model}" for model in MODELS]
registry.grant(
    COUNCIL_OFFICER.key,
    [
        *STAFF_CORE,
        *(f"council.{action}_{model}" for model in MODELS for action in ("view", "add", "change")),
        # the request for an extraordinary session is a letter of the outgoing register
        "correspondence.view_letter",
        "correspondence.add_letter",
    ],
)
registry.grant("management", [*VIEW, "council.approve_answer"])
registry.grant("secretariat", VIEW)
registry.grant("auditor", VIEW)

for _model in (
    Term,
    Councillor,
    Committee,
    Session,
    CommitteeMeeting,
    Interpellation,
    Resolution,
    DraftResolution,
    ExtraordinaryRequest,
    Company,
    ShareholderMeeting,
    LayJudgeElection,
    LayJudgeCandidate,
    NeighbourhoodElection,
    Project,
    Study,
):
    registry.add_view_check(
        _model, lambda user, record, name=_model._meta.model_name: user.has_perm(f"council.view_{name}")
    )

# a candidate's date of birth and police information: every read of the page is logged
registry.add_personal_data(LayJudgeCandidate, detail="council:lay_candidate_detail")

registry.add_letter_source(
    LetterSource(
        REQUEST_SOURCE,
        gettext_lazy("a request for an extraordinary session of the council"),
        {
            "temat": (gettext_lazy("the subject of the request"), "Zmiany w budżecie miasta na 2026 r."),
            "porzadek_obrad": (gettext_lazy("the proposed agenda, one numbered point a line"), "1. Otwarcie sesji"),
            "projekty_uchwal": (
                gettext_lazy("the draft resolutions attached, one a line"),
                "– w sprawie zmian w budżecie",
            ),
            "uzasadnienie": (gettext_lazy("the justification"), ""),
            "termin_sesji": (gettext_lazy("the day by which the session must be held"), "14 grudnia 2026 r."),
        },
    )
)

navigation(
    "council",
    gettext_lazy("Council"),
    "council:session_list",
    order=38,
    visible=has_perm("council.view_session", "council.view_interpellation"),
    active_prefix="/council/",
)


def _interpellation_item(interpellation: Interpellation) -> ListItem:
    return ListItem(
        label=f"{interpellation.reference} {interpellation.subject}",
        url=reverse("council:interpellation_detail", args=[interpellation.pk]),
        meta=_("%(councillor)s · due %(day)s")
        % {"councillor": interpellation.councillor, "day": date_format(interpellation.due_on, "SHORT_DATE_FORMAT")},
        badge=interpellation.get_status_display(),
        is_warning=interpellation.overdue,
    )


def _open_interpellations() -> Any:
    return Interpellation.objects.filter(status__in=OPEN_STATUSES).select_related("councillor").order_by("due_on", "id")


@register("widget", "council_interpellations_due", order=45, visible=has_perm("council.change_interpellation"))
def interpellations_due(user: Any) -> Widget:
    """Unanswered interpellations, the nearest deadline first (overdue ones flagged)."""
    return list_widget(
        _open_interpellations(),
        _interpellation_item,
        title=_("Interpellations to answer"),
        more_url=reverse("council:interpellation_list") + "?open=on",
        empty_text=_("No interpellation waits for an answer."),
    )


def _session_item(session: Session) -> ListItem:
    drafts = _("%(filed)s of %(total)s drafts filed") % {"filed": session.filed, "total": session.total}
    return ListItem(
        label=_("%(number)s session of the council") % {"number": session.roman},
        url=reverse("council:session_detail", args=[session.pk]),
        meta=f"{date_format(timezone.localtime(session.starts_at), 'SHORT_DATETIME_FORMAT')} · {drafts}",
        badge=session.get_kind_display(),
        is_warning=session.filed < session.total,
    )


def _next_sessions() -> Any:
    """Planned sessions to come, with the number of the mayor's drafts for each and of those filed."""
    return (
        Session.objects.filter(status=SessionStatus.PLANNED, starts_at__gte=timezone.now())
        .annotate(total=Count("drafts"), filed=Count("drafts", filter=Q(drafts__filed_on__isnull=False)))
        .order_by("starts_at", "id")
    )


@register("widget", "council_next_session", order=46, visible=has_perm("council.view_session"))
def next_session(user: Any) -> Widget:
    return list_widget(
        _next_sessions(),
        _session_item,
        title=_("Next sessions and the mayor's drafts"),
        more_url=reverse("council:session_list") + "?status=planned",
        empty_text=_("No session is planned."),
    )


def _company_meeting_item(meeting: ShareholderMeeting) -> ListItem:
    if meeting.opinion_id is None:
        state = _("opinion not asked")
    else:
        state = _("opinion: %(status)s") % {"status": meeting.opinion.get_status_display()}
    return ListItem(
        label=meeting.company.name,
        url=reverse("council:shareholder_meeting_detail", args=[meeting.pk]),
        meta=f"{date_format(timezone.localtime(meeting.starts_at), 'SHORT_DATETIME_FORMAT')} · {state}",
        badge=_("instructed") if meeting.instructed_on else _("no instruction"),
        is_warning=not meeting.instructed_on or meeting.opinion_id is None,
    )


def _coming_company_meetings() -> Any:
    return (
        ShareholderMeeting.objects.filter(starts_at__gte=timezone.now())
        .select_related("company", "opinion")
        .order_by("starts_at", "id")
    )


@register("widget", "council_company_meetings", order=47, visible=has_perm("council.view_shareholdermeeting"))
def company_meetings(user: Any) -> Widget:
    """The companies' coming meetings, whether the opinion was asked and the instruction given."""
    return list_widget(
        _coming_company_meetings(),
        _company_meeting_item,
        title=_("Meetings of municipal companies"),
        more_url=reverse("council:shareholder_meeting_list"),
        empty_text=_("No meeting of a company is coming."),
    )


@register("digest", "council_company_meetings", order=48, visible=has_perm("council.change_shareholdermeeting"))
def digest_company_meetings(user: Any) -> DigestSection:
    soon = timezone.now() + dt.timedelta(days=14)
    qs = _coming_company_meetings().filter(starts_at__lte=soon)
    return DigestSection(
        _("Meetings of municipal companies in the next two weeks"), [_company_meeting_item(m) for m in qs]
    )


@register("search", "council_companies", order=49, visible=has_perm("council.view_company"))
def search_companies(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Company.objects.order_by("name"),
        query,
        ("name", "krs", "representative"),
        title=_("Municipal companies"),
        hit=lambda c: (c.name, reverse("council:company_detail", args=[c.pk]), f"{c.city_share}%"),
    )


@register("digest", "council_interpellations_overdue", order=45, visible=has_perm("council.change_interpellation"))
def digest_overdue(user: Any) -> DigestSection:
    qs = _open_interpellations().filter(due_on__lt=timezone.localdate())
    return DigestSection(_("Interpellations overdue"), [_interpellation_item(i) for i in qs[:50]])


@register("digest", "council_sessions_this_week", order=46, visible=has_perm("council.view_session"))
def digest_sessions(user: Any) -> DigestSection:
    soon = timezone.now() + dt.timedelta(days=7)
    return DigestSection(
        _("Sessions of the council in the coming week"),
        [_session_item(s) for s in _next_sessions().filter(starts_at__lte=soon)],
    )


def _resolution_item(resolution: Resolution) -> ListItem:
    return ListItem(
        label=f"{resolution.number} {resolution.title}"[:200],
        url=reverse("council:resolution_detail", args=[resolution.pk]),
        meta=_("%(unit)s · due %(day)s")
        % {
            "unit": resolution.unit.symbol if resolution.unit else "—",
            "day": date_format(resolution.due_on, "SHORT_DATE_FORMAT"),
        },
        badge=resolution.get_status_display(),
        is_warning=True,
    )


@register("digest", "council_resolutions_overdue", order=47, visible=has_perm("council.change_resolution"))
def digest_resolutions(user: Any) -> DigestSection:
    qs = (
        Resolution.objects.filter(status=ResolutionStatus.IN_PROGRESS, due_on__lt=timezone.localdate())
        .select_related("unit")
        .order_by("due_on", "id")
    )
    return DigestSection(_("Resolutions not carried out in time"), [_resolution_item(r) for r in qs[:50]])


@register("approval", "council_answers", order=45, visible=has_perm("council.approve_answer"))
def answers_to_approve(user: Any, *, limit: int | None) -> Approvals:
    """Draft answers to interpellations submitted for the approval of the mayor or a deputy."""
    qs = (
        Interpellation.objects.filter(status=InterpellationStatus.FOR_APPROVAL)
        .only("pk", "year", "number", "kind", "subject", "received_on", "submitted_on", "due_on")
        .order_by("due_on", "id")
    )
    return approvals(
        qs,
        lambda i: Approval(
            title=f"{i.reference} {i.subject}",
            url=reverse("council:interpellation_detail", args=[i.pk]),
            app=_("Council relations"),
            what=_("answer to an interpellation"),
            since=i.submitted_on or i.received_on,
            due=i.due_on,
        ),
        limit=limit,
    )


@register("search", "council_interpellations", order=45, visible=has_perm("council.view_interpellation"))
def search_interpellations(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Interpellation.objects.select_related("councillor").order_by("-received_on", "-id"),
        query,
        ("subject", "text", "councillor__last_name"),
        title=_("Interpellations and questions"),
        hit=lambda i: (
            f"{i.reference} {i.subject}",
            reverse("council:interpellation_detail", args=[i.pk]),
            f"{i.councillor} · {i.get_status_display()}",
        ),
    )


@register("search", "council_councillors", order=46, visible=has_perm("council.view_councillor"))
def search_councillors(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Councillor.objects.select_related("term").order_by("last_name", "first_name"),
        query,
        ("last_name", "first_name", "club"),
        title=_("Councillors"),
        hit=lambda c: (str(c), reverse("council:councillor_detail", args=[c.pk]), f"{c.club} · {c.term}"),
    )


@register("search", "council_committees", order=47, visible=has_perm("council.view_committee"))
def search_committees(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Committee.objects.select_related("term").order_by("name"),
        query,
        ("name", "scope"),
        title=_("Committees of the council"),
        hit=lambda c: (c.name, reverse("council:committee_detail", args=[c.pk]), str(c.term)),
    )


@register("search", "council_resolutions", order=48, visible=has_perm("council.view_resolution"))
def search_resolutions(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Resolution.objects.select_related("unit").order_by("-adopted_on", "-id"),
        query,
        ("number", "title"),
        title=_("Resolutions of the council"),
        hit=lambda r: (
            f"{r.number} {r.title}"[:200],
            reverse("council:resolution_detail", args=[r.pk]),
            r.get_status_display(),
        ),
    )


@register("widget", "council_projects", order=48, visible=has_perm("council.view_project"))
def projects_widget(user: Any) -> Widget:
    """The mayor's projects not completed, the nearest end first (overdue flagged)."""
    return list_widget(
        Project.objects.exclude(status=ProjectStatus.DONE).select_related("owner").order_by("ends_on", "id"),
        lambda p: ListItem(
            label=p.title,
            url=reverse("council:project_detail", args=[p.pk]),
            meta=f"{p.owner.symbol} · {p.progress}% · {date_format(p.ends_on, 'SHORT_DATE_FORMAT')}",
            badge=p.get_status_display(),
            is_warning=p.overdue,
        ),
        title=_("Projects commissioned by the mayor"),
        more_url=reverse("council:project_list"),
        empty_text=_("No project is running."),
    )


@register("search", "council_projects", order=50, visible=has_perm("council.view_project"))
def search_projects(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Project.objects.select_related("owner").order_by("ends_on"),
        query,
        ("title", "goal"),
        title=_("Projects commissioned by the mayor"),
        hit=lambda p: (p.title, reverse("council:project_detail", args=[p.pk]), p.get_status_display()),
    )


@register("search", "council_studies", order=51, visible=has_perm("council.view_study"))
def search_studies(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Study.objects.order_by("-ordered_on"),
        query,
        ("title", "author", "summary"),
        title=_("Opinions and studies"),
        hit=lambda s: (s.title, reverse("council:study_detail", args=[s.pk]), s.author),
    )


@register("demo", "council", order=50)
def demo(admin: Any) -> None:
    from office.council.demo import seed

    seed(admin)
