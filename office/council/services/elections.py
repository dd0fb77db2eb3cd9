"""Elections: lay judges (the dates from the rules table, candidates with their documents and the
police information, the council's vote; an age outside 30–70 on the day of the vote is a warning,
not a refusal — the council decides) and neighbourhood councils (candidates, votes, results)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from office.council.deadlines import CouncilRules
from office.council.models import (
    CandidateStatus,
    LayJudgeCandidate,
    LayJudgeElection,
    NeighbourhoodCandidate,
    NeighbourhoodElection,
)
from office.deadlines import compute_deadline
from office.services import audit


def election_url(election: LayJudgeElection) -> str:
    return reverse("council:lay_election_detail", args=[election.pk])


def candidate_url(candidate: LayJudgeCandidate) -> str:
    return reverse("council:lay_candidate_detail", args=[candidate.pk])


def neighbourhood_url(election: NeighbourhoodElection) -> str:
    return reverse("council:neighbourhood_detail", args=[election.pk])


@transaction.atomic
def save_election(*, actor: Any, election: LayJudgeElection) -> LayJudgeElection:
    """The election of a year: nominations due 30 June and the vote by 31 October (the rules table)."""
    if not 2000 <= election.year <= 2199:
        raise ValidationError({"year": _("Give a year between 2000 and 2199.")})
    first = dt.date(election.year, 1, 1)
    election.nominations_due = compute_deadline(CouncilRules.LAY_JUDGES_NOMINATIONS, first).due
    election.election_due = compute_deadline(CouncilRules.LAY_JUDGES_ELECTION, first).due
    if election.elected_on and election.elected_on.year != election.year:
        raise ValidationError({"elected_on": _("The vote is held in the year of the election.")})
    election.name = election.name.strip()
    return audit.save_record(actor=actor, record=election)


def _check_candidate(candidate: LayJudgeCandidate) -> None:
    errors = {}
    today = timezone.localdate()
    if candidate.birth_date and candidate.birth_date >= today:
        errors["birth_date"] = _("The date of birth is in the past.")
    if candidate.nominated_on and candidate.nominated_on > today:
        errors["nominated_on"] = _("The date cannot be in the future.")
    if candidate.police_received_on and not candidate.police_asked_on:
        errors["police_asked_on"] = _("Give the day the police were asked.")
    if (
        candidate.police_received_on
        and candidate.police_asked_on
        and candidate.police_received_on < candidate.police_asked_on
    ):
        errors["police_received_on"] = _("The information comes after it was asked for.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_candidate(*, actor: Any, candidate: LayJudgeCandidate) -> LayJudgeCandidate:
    """Register or correct a candidate. The age and the councillor's mandate are shown as warnings
    (``warnings(candidate)``); the council decides."""
    _check_candidate(candidate)
    candidate.first_name, candidate.last_name = candidate.first_name.strip(), candidate.last_name.strip()
    if candidate.pk is None:
        candidate.created_by = actor
    return audit.save_record(actor=actor, record=candidate)


def warnings(candidate: LayJudgeCandidate) -> list[str]:
    """What the council should know before the vote (never a refusal)."""
    found = []
    if candidate.age_warning:
        found.append(
            _("On %(day)s the candidate will be %(age)d years old: a lay judge is 30 to 70 years old.")
            % {"day": candidate.election.vote_day.strftime("%d.%m.%Y"), "age": candidate.age_at_election}
        )
    if candidate.is_councillor:
        found.append(_("A councillor cannot be a lay judge."))
    if candidate.late:
        found.append(
            _("Nominated after the deadline of %(day)s.")
            % {"day": candidate.election.nominations_due.strftime("%d.%m.%Y")}
        )
    if not candidate.documents_complete:
        found.append(_("The documents are not complete."))
    if candidate.police_received_on is None:
        found.append(_("The police information has not been received."))
    return found


@transaction.atomic
def record_vote(
    *, actor: Any, candidate: LayJudgeCandidate, elected: bool, votes_for: int | None = None
) -> LayJudgeCandidate:
    """The council's secret ballot on the candidate, once the day of the vote is set and reached."""
    candidate = (
        LayJudgeCandidate.objects.select_for_update(of=("self",)).select_related("election").get(pk=candidate.pk)
    )
    election = candidate.election
    if election.elected_on is None or election.elected_on > timezone.localdate():
        raise ValidationError({"elected": _("Set the day of the council's vote on the election first.")})
    if candidate.status == CandidateStatus.WITHDRAWN:
        raise ValidationError({"elected": _("The candidate withdrew.")})
    before = audit.snapshot(candidate, ["status", "votes_for"])
    candidate.status = CandidateStatus.ELECTED if elected else CandidateStatus.NOT_ELECTED
    candidate.votes_for = votes_for
    candidate.save()
    audit.record_update(actor=actor, instance=candidate, before=before)
    return candidate


@transaction.atomic
def save_neighbourhood(*, actor: Any, election: NeighbourhoodElection) -> NeighbourhoodElection:
    if election.voters is not None and election.votes_cast is not None and election.votes_cast > election.voters:
        raise ValidationError({"votes_cast": _("More votes than voters.")})
    return audit.save_record(actor=actor, record=election)


@transaction.atomic
def add_candidate(*, actor: Any, election: NeighbourhoodElection, name: str) -> NeighbourhoodCandidate:
    election = NeighbourhoodElection.objects.select_for_update(of=("self",)).get(pk=election.pk)
    if election.closed:
        raise ValidationError({"name": _("The results were announced.")})
    if not name.strip():
        raise ValidationError({"name": _("Give the candidate's name.")})
    candidate = NeighbourhoodCandidate.objects.create(election=election, name=name.strip())
    audit.record_create(actor=actor, instance=candidate)
    return candidate


@transaction.atomic
def record_votes(*, actor: Any, election: NeighbourhoodElection, candidate: NeighbourhoodCandidate, votes: int) -> Any:
    """The votes of one candidate, after the election and before the results are announced."""
    election = NeighbourhoodElection.objects.select_for_update(of=("self",)).get(pk=election.pk)
    if candidate.election_id != election.pk:
        raise ValidationError({"candidate": _("Choose a candidate of this election.")})
    if not election.is_past or election.closed:
        raise ValidationError({"votes": _("Votes are recorded after the election, before the results.")})
    before = audit.snapshot(candidate, ["votes"])
    candidate.votes = votes
    candidate.save(update_fields=["votes"])
    audit.record_update(actor=actor, instance=candidate, before=before)
    return candidate


@transaction.atomic
def announce_results(*, actor: Any, election: NeighbourhoodElection) -> NeighbourhoodElection:
    """The candidates with the most votes take the district's seats (a tie at the last seat is refused:
    the district's commission draws lots, then the votes are corrected)."""
    election = (
        NeighbourhoodElection.objects.select_for_update(of=("self",)).select_related("district").get(pk=election.pk)
    )
    candidates = list(election.candidates.all())
    if election.closed or not election.is_past:
        raise ValidationError(_("Results are announced once, after the election."))
    if any(c.votes is None for c in candidates):
        raise ValidationError(_("Record the votes of every candidate first."))
    ranked = sorted(candidates, key=lambda c: -c.votes)
    seats = election.district.seats
    if len(ranked) > seats and ranked[seats - 1].votes == ranked[seats].votes:
        raise ValidationError(_("A tie for the last seat: draw lots and record the result first."))
    winners = {c.pk for c in ranked[:seats]}
    for candidate in candidates:
        candidate.elected = candidate.pk in winners
    NeighbourhoodCandidate.objects.bulk_update(candidates, ["elected"])
    before = audit.snapshot(election, ["closed"])
    election.closed = True
    election.save(update_fields=["closed", "updated_at"])
    audit.record_update(actor=actor, instance=election, before=before)
    return election
