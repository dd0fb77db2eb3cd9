"""Elections the office prepares: lay judges (the election, its candidates with warnings, the
council's vote) and neighbourhood councils (candidates, votes, results)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.council import access
from office.council.forms import (
    CandidateNameForm,
    LayCandidateForm,
    LayElectionForm,
    NeighbourhoodForm,
    VoteForm,
    VotesForm,
)
from office.council.models import LayJudgeCandidate, LayJudgeElection, NeighbourhoodElection
from office.council.services import elections as services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context

SUBNAV = "council/_subnav.html"


def _loader(model: Any, *related: str, change: bool = False) -> Any:
    return lambda request, pk: access.get_for_user(request.user, model, pk, *related, change=change)


@require_GET
@login_required
@permission_required("council.view_layjudgeelection", raise_exception=True)
def lay_election_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=LayJudgeElection.objects.annotate(candidate_count=Count("candidates")).order_by("-year", "-id"),
        fragment="council/elections/_table.html",
        title=_("Elections of lay judges"),
        subnav=SUBNAV,
        section="elections",
        links=[
            PageLink(_("Add an election"), reverse("council:lay_election_create"), "council.add_layjudgeelection"),
            PageLink(
                _("Neighbourhood councils"), reverse("council:neighbourhood_list"), "council.view_neighbourhoodelection"
            ),
        ],
    )


ELECTION_EDITOR = Editor(
    form=LayElectionForm,
    save=lambda request, form: services.save_election(actor=request.user, election=form.save(commit=False)),
    success=gettext_lazy("The election was saved."),
    detail="council:lay_election_detail",
    listing=("council:lay_election_list", gettext_lazy("Elections of lay judges")),
    titles=(gettext_lazy("Add an election of lay judges"), gettext_lazy("Change %(record)s")),
)
lay_election_create = ELECTION_EDITOR.create_view(
    permission="council.add_layjudgeelection", new=lambda request: LayJudgeElection(year=timezone.localdate().year)
)
lay_election_edit = ELECTION_EDITOR.edit_view(load=_loader(LayJudgeElection, change=True))


@require_GET
@login_required
def lay_election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    election = access.get_for_user(request.user, LayJudgeElection, pk)
    candidates = list(election.candidates.order_by("last_name", "first_name", "id"))
    for candidate in candidates:
        candidate.election = election  # the ages are counted on the election's day, read once
    context = {
        "election": election,
        "candidates": candidates,
        "can_change": request.user.has_perm("council.change_layjudgeelection"),
        "can_add": request.user.has_perm("council.add_layjudgecandidate"),
        **record_context(request, election),
    }
    return render(request, "council/elections/detail.html", context)


CANDIDATE_EDITOR = Editor(
    form=LayCandidateForm,
    save=lambda request, form: services.save_candidate(actor=request.user, candidate=form.save(commit=False)),
    success=gettext_lazy("The candidate was saved."),
    detail="council:lay_candidate_detail",
    listing=("council:lay_election_list", gettext_lazy("Elections of lay judges")),
    titles=(gettext_lazy("Register a lay-judge candidate"), gettext_lazy("Change %(record)s")),
)


def _new_candidate(request: HttpRequest) -> LayJudgeCandidate:
    asked = request.GET.get("election", "")
    election = LayJudgeElection.objects.filter(pk=int(asked)).first() if asked.isdigit() and len(asked) < 12 else None
    return LayJudgeCandidate(election=election, nominated_on=timezone.localdate())


lay_candidate_create = CANDIDATE_EDITOR.create_view(permission="council.add_layjudgecandidate", new=_new_candidate)
lay_candidate_edit = CANDIDATE_EDITOR.edit_view(load=_loader(LayJudgeCandidate, "election", change=True))


def _candidate_page(
    request: HttpRequest, candidate: LayJudgeCandidate, bound: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "candidate": candidate,
        "warnings": services.warnings(candidate),
        "can_change": request.user.has_perm("council.change_layjudgecandidate"),
        **CANDIDATE_ACTIONS.context(request, candidate, bound),
        **record_context(
            request,
            candidate,
            attach_url=reverse("council:lay_candidate_attach", args=[candidate.pk]),
            can_attach=request.user.has_perm("council.change_layjudgecandidate"),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "council/elections/candidate.html", context)


@require_GET
@login_required
def lay_candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _candidate_page(request, access.get_for_user(request.user, LayJudgeCandidate, pk, "election"))


CANDIDATE_ACTIONS = ActionSet(
    "lay_candidate",
    load=_loader(LayJudgeCandidate, "election"),
    done_url=services.candidate_url,
    redisplay=_candidate_page,
    permission="council.change_layjudgecandidate",
    record_arg="candidate",
    actions=[
        Action(
            "vote",
            services.record_vote,
            VoteForm,
            when=lambda c: c.election.elected_on is not None and c.election.elected_on <= timezone.localdate(),
            success=gettext_lazy("The council's vote was recorded."),
        ),
        attach_action(allowed=lambda user, c: user.has_perm("council.change_layjudgecandidate")),
    ],
)


# --- Neighbourhood councils ------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("council.view_neighbourhoodelection", raise_exception=True)
def neighbourhood_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=NeighbourhoodElection.objects.select_related("district")
        .annotate(candidate_count=Count("candidates"))
        .order_by("-held_on", "district__name"),
        fragment="council/elections/_neighbourhood_table.html",
        title=_("Elections to neighbourhood councils"),
        subnav=SUBNAV,
        section="elections",
        links=[
            PageLink(_("Add an election"), reverse("council:neighbourhood_create"), "council.add_neighbourhoodelection")
        ],
    )


NEIGHBOURHOOD_EDITOR = Editor(
    form=NeighbourhoodForm,
    save=lambda request, form: services.save_neighbourhood(actor=request.user, election=form.save(commit=False)),
    success=gettext_lazy("The election was saved."),
    detail="council:neighbourhood_detail",
    listing=("council:neighbourhood_list", gettext_lazy("Elections to neighbourhood councils")),
    titles=(gettext_lazy("Add an election to a neighbourhood council"), gettext_lazy("Change %(record)s")),
)
neighbourhood_create = NEIGHBOURHOOD_EDITOR.create_view(
    permission="council.add_neighbourhoodelection", new=lambda request: NeighbourhoodElection()
)
neighbourhood_edit = NEIGHBOURHOOD_EDITOR.edit_view(load=_loader(NeighbourhoodElection, "district", change=True))


def _neighbourhood_page(
    request: HttpRequest, election: NeighbourhoodElection, bound: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "election": election,
        "candidates": election.candidates.order_by("-elected", "name"),
        "can_change": request.user.has_perm("council.change_neighbourhoodelection") and not election.closed,
        **NEIGHBOURHOOD_ACTIONS.context(request, election, bound),
        **record_context(request, election),
    }
    return render(request, "council/elections/neighbourhood.html", context)


@require_GET
@login_required
def neighbourhood_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _neighbourhood_page(request, access.get_for_user(request.user, NeighbourhoodElection, pk, "district"))


NEIGHBOURHOOD_ACTIONS = ActionSet(
    "neighbourhood",
    load=_loader(NeighbourhoodElection, "district"),
    done_url=services.neighbourhood_url,
    redisplay=_neighbourhood_page,
    permission="council.change_neighbourhoodelection",
    record_arg="election",
    actions=[
        Action(
            "candidate",
            services.add_candidate,
            CandidateNameForm,
            when=lambda e: not e.closed,
            success=gettext_lazy("The candidate was added."),
        ),
        Action(
            "votes",
            services.record_votes,
            VotesForm,
            when=lambda e: e.is_past and not e.closed,
            form_kwargs=lambda request, e: {"election": e},
            success=gettext_lazy("The votes were recorded."),
        ),
        Action(
            "results",
            services.announce_results,
            when=lambda e: e.is_past and not e.closed,
            success=gettext_lazy("The results were announced."),
        ),
    ],
)
