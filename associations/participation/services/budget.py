"""The citizen budget: editions and their districts, projects (from the public form or typed in
from paper), verification by the units (office Assignments), appeals, the vote (online and paper,
one per resident by a keyed hash of the PESEL), the results and the realisation of the winners."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from associations.participation import pesel as pesel_rules
from associations.participation.models import (
    District,
    Edition,
    Project,
    ProjectStatus,
    Realisation,
    Vote,
    VoteChannel,
)
from associations.participation.results import Outcome, Tally, district_results
from associations.participation.workflows import PROJECT_WORKFLOW
from office.models import OrgUnit
from office.services import assignments as assignment_services
from office.services import audit


def edition_url(edition: Edition) -> str:
    return reverse("participation:edition_detail", args=[edition.pk])


def project_url(project: Project) -> str:
    return reverse("participation:project_detail", args=[project.pk])


@transaction.atomic
def save_edition(*, actor: Any, edition: Edition) -> Edition:
    if edition.pk is None:
        edition.created_by = actor
    return audit.save_record(actor=actor, record=edition)


@transaction.atomic
def add_district(*, actor: Any, edition: Edition, name: str, pool: Decimal, order: int = 0) -> District:
    name = name.strip()
    if District.objects.filter(edition=edition, name__iexact=name).exists():
        raise ValidationError({"name": _("This edition already has a district of this name.")})
    district = District(edition=edition, name=name, pool=pool, order=order)
    district.full_clean()
    district.save()
    audit.record(
        actor=actor,
        instance=edition,
        action="action",
        message=audit.note(
            gettext_noop("Added the district %(name)s with a pool of %(pool)s PLN"), name=name, pool=str(pool)
        ),
    )
    return district


def parse_supporters(text: str) -> list[str]:
    """One name a line; blank lines and repeated names (in any case) are left out."""
    seen, names = set(), []
    for line in text.splitlines():
        name = " ".join(line.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name[:150])
    return names


def _check_project(project: Project, supporters: list[str]) -> None:
    errors: dict[str, Any] = {}
    if project.district_id and project.district.edition_id != project.edition_id:
        errors["district"] = _("Choose a district of this edition.")
    if len(supporters) < project.edition.min_supporters:
        errors["supporters"] = _("The list of support has %(count)d names; the rules ask for at least %(min)d.") % {
            "count": len(supporters),
            "min": project.edition.min_supporters,
        }
    if project.district_id and project.cost and project.cost > project.district.pool:
        errors["cost"] = _("The cost is above the district's pool (%(pool)s PLN).") % {"pool": project.district.pool}
    if errors:
        raise ValidationError(errors)


def _numbered(project: Project, actor: Any) -> Project:
    Edition.objects.select_for_update(of=("self",)).get(pk=project.edition_id)  # numbers of an edition one at a time
    last = Project.objects.filter(edition_id=project.edition_id).aggregate(last=Max("number"))["last"] or 0
    project.number = last + 1
    project.created_by = actor if getattr(actor, "is_authenticated", False) else None
    project.full_clean()
    project.save()
    audit.record_create(actor=actor, instance=project)
    return project


@transaction.atomic
def submit_project(*, edition: Edition, project: Project, supporters: list[str]) -> Project:
    """A project from the public form, while the edition takes projects."""
    if not edition.accepts_projects():
        raise ValidationError(_("This edition does not take projects now."))
    project.edition, project.supporters = edition, supporters
    project.submitted_on = timezone.localdate()
    _check_project(project, supporters)
    return _numbered(project, None)


@transaction.atomic
def register_project(*, actor: Any, project: Project, supporters: list[str]) -> Project:
    """A project handed in on paper, typed in by staff."""
    project.supporters = supporters
    _check_project(project, supporters)
    return _numbered(project, actor)


@transaction.atomic
def update_project(*, actor: Any, project: Project, supporters: list[str]) -> Project:
    project.supporters = supporters
    _check_project(project, supporters)
    return audit.save_record(actor=actor, record=project)


def _locked(project: Project) -> Project:
    return Project.objects.select_for_update(of=("self",)).select_related("edition", "district").get(pk=project.pk)


def _move(actor: Any, project: Project, target: str, fields: dict[str, Any]) -> Project:
    PROJECT_WORKFLOW.check(project.status, target)
    before = audit.snapshot(project, ["status", *fields])
    project.status = target
    for name, value in fields.items():
        setattr(project, name, value)
    project.save(update_fields=["status", *fields, "updated_at"])
    audit.record_update(actor=actor, instance=project, before=before)
    return project


@transaction.atomic
def hand_out_verification(
    *, actor: Any, project: Project, formal_unit: OrgUnit, merit_unit: OrgUnit, due_date: dt.date, instruction: str = ""
) -> Project:
    """The formal check and the merit check (feasibility, cost, land ownership) go to the units as
    office Assignments due on ``due_date``; the liaisons answer them in their inboxes."""
    project = _locked(project)
    PROJECT_WORKFLOW.check(project.status, ProjectStatus.VERIFICATION)
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date cannot be in the past.")})
    common = {"actor": actor, "due_date": due_date, "source": project, "source_url": project_url(project)}
    formal = assignment_services.hand_over(
        title=_("Citizen budget: formal verification of %(project)s") % {"project": project},
        unit=formal_unit,
        description=instruction or _("Check that the project is complete and within the rules of the edition."),
        **common,
    )
    merit = assignment_services.hand_over(
        title=_("Citizen budget: merit verification of %(project)s") % {"project": project},
        unit=merit_unit,
        description=instruction
        or _("Assess feasibility, the city's ownership of the land, the cost and the cost of upkeep."),
        **common,
    )
    return _move(actor, project, ProjectStatus.VERIFICATION, {"formal_check": formal, "merit_check": merit})


@transaction.atomic
def record_verification(
    *, actor: Any, project: Project, admitted: bool, notes: str = "", verified_cost: Decimal | None = None
) -> Project:
    """The outcome of both checks: admitted to the vote (at the verified cost) or rejected with reasons."""
    project = _locked(project)
    if not admitted and not notes.strip():
        raise ValidationError({"notes": _("Give the reasons of the rejection.")})
    cost = verified_cost if verified_cost is not None else project.cost
    if admitted and cost > project.district.pool:
        raise ValidationError({"verified_cost": _("The cost is above the district's pool.")})
    target = ProjectStatus.ADMITTED if admitted else ProjectStatus.REJECTED
    return _move(actor, project, target, {"verification_notes": notes.strip(), "verified_cost": verified_cost})


@transaction.atomic
def file_appeal(*, actor: Any, project: Project, text: str, received_on: dt.date) -> Project:
    project = _locked(project)
    if received_on > project.edition.appeals_to:
        raise ValidationError(
            {
                "received_on": _("Appeals were taken until %(day)s.")
                % {"day": date_format(project.edition.appeals_to, "SHORT_DATE_FORMAT")}
            }
        )
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date cannot be in the future.")})
    return _move(actor, project, ProjectStatus.APPEALED, {"appeal_text": text.strip(), "appeal_on": received_on})


@transaction.atomic
def decide_appeal(*, actor: Any, project: Project, upheld: bool, reasons: str) -> Project:
    project = _locked(project)
    if not reasons.strip():
        raise ValidationError({"reasons": _("Give the reasons of the decision.")})
    target = ProjectStatus.ADMITTED if upheld else ProjectStatus.REJECTED
    return _move(actor, project, target, {"appeal_upheld": upheld, "appeal_reasons": reasons.strip()})


@transaction.atomic
def withdraw(*, actor: Any, project: Project, note: str = "") -> Project:
    project = _locked(project)
    return _move(actor, project, ProjectStatus.WITHDRAWN, {"verification_notes": note.strip()})


def admitted(edition: Edition) -> QuerySet[Project]:
    return (
        Project.objects.filter(edition=edition, status=ProjectStatus.ADMITTED)
        .select_related("district", "edition")
        .order_by("district__order", "district__name", "number")
    )


def _check_choices(edition: Edition, projects: Iterable[Project]) -> list[Project]:
    chosen = list(projects)
    if not chosen:
        raise ValidationError({"projects": _("Choose at least one project.")})
    per_district: dict[int, int] = {}
    for project in chosen:
        if project.edition_id != edition.pk or project.status != ProjectStatus.ADMITTED:
            raise ValidationError({"projects": _("Only projects admitted to this vote can be chosen.")})
        per_district[project.district_id] = per_district.get(project.district_id, 0) + 1
    if max(per_district.values()) > edition.choices_per_district:
        raise ValidationError(
            {
                "projects": _("Choose at most %(count)d projects in each district.")
                % {"count": edition.choices_per_district}
            }
        )
    return chosen


@transaction.atomic
def cast_vote(
    *, edition: Edition, pesel: str, projects: Iterable[Project], channel: str = VoteChannel.ONLINE, actor: Any = None
) -> Vote:
    """One resident's vote: the PESEL is checked and kept only as the voter's keyed hash; a second
    vote with the same PESEL in the edition is refused. Online votes only while the vote is open;
    paper ballots are typed in from the first day of the vote until the results are published."""
    pesel = "".join(pesel.split())
    if not pesel_rules.is_valid(pesel):
        raise ValidationError({"pesel": _("This is not a valid PESEL number (check the digits).")})
    today = timezone.localdate()
    if channel == VoteChannel.ONLINE and not edition.is_voting(today):
        raise ValidationError(_("The vote is not open."))
    if channel == VoteChannel.PAPER and (today < edition.voting_from or edition.has_results):
        raise ValidationError(_("Paper ballots are typed in from the first day of the vote until the results."))
    chosen = _check_choices(edition, projects)
    key = pesel_rules.voter_key(pesel, edition.pk)
    taken = _("A vote with this PESEL has already been cast in this edition.")
    if Vote.objects.filter(edition=edition, voter_key=key).exists():
        raise ValidationError({"pesel": taken})
    try:
        with transaction.atomic():
            vote = Vote.objects.create(
                edition=edition,
                voter_key=key,
                channel=channel,
                entered_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
    except IntegrityError:  # the same PESEL at the same moment
        raise ValidationError({"pesel": taken}) from None
    vote.projects.set(chosen)
    if channel == VoteChannel.PAPER:
        audit.record(
            actor=actor,
            instance=edition,
            action="action",
            message=audit.note(gettext_noop("Typed in the paper ballot no. %(number)s"), number=vote.pk),
        )
    return vote


@dataclass(frozen=True)
class DistrictResult:
    district: District
    rows: list[tuple[Outcome, Project]]
    left: Decimal


def compute_results(edition: Edition) -> list[DistrictResult]:
    """The live results: the admitted projects of each district with their votes, ranked and
    funded by the pool rules (``results.district_results``). Three queries."""
    projects = list(admitted(edition))
    # counted on the join table alone (its index on the project), not through a join of the rows
    counts = dict(
        Vote.projects.through.objects.filter(project_id__in=[p.pk for p in projects])
        .values_list("project_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    by_district: dict[int, list[Project]] = {}
    for project in projects:
        project.vote_count = counts.get(project.pk, 0)
        by_district.setdefault(project.district_id, []).append(project)
    results = []
    for district in District.objects.filter(edition=edition).order_by("order", "name"):
        mine = {p.pk: p for p in by_district.get(district.pk, [])}
        outcomes = district_results(
            [Tally(p.pk, p.number, p.vote_count, Decimal(p.the_cost)) for p in mine.values()], district.pool
        )
        spent = sum((o.cost for o in outcomes if o.funded), Decimal(0))
        results.append(DistrictResult(district, [(o, mine[o.project_id]) for o in outcomes], district.pool - spent))
    return results


@transaction.atomic
def publish_results(*, actor: Any, edition: Edition) -> Edition:
    """After the vote: keep each admitted project's votes and whether it is funded; the public
    results page shows them."""
    edition = Edition.objects.select_for_update(of=("self",)).get(pk=edition.pk)
    if edition.voting_to >= timezone.localdate():
        raise ValidationError(_("The results can be published once the vote has closed."))
    for result in compute_results(edition):
        for outcome, project in result.rows:
            Project.objects.filter(pk=project.pk).update(votes=outcome.votes, is_funded=outcome.funded)
    before = audit.snapshot(edition, ["results_published_at"])
    edition.results_published_at = timezone.now()
    edition.save(update_fields=["results_published_at", "updated_at"])
    audit.record_update(actor=actor, instance=edition, before=before)
    return edition


@transaction.atomic
def update_realisation(*, actor: Any, project: Project, realisation: str, progress: int, note: str = "") -> Project:
    """Where the realisation of a funded project stands (shown on the public realisation page)."""
    project = _locked(project)
    if not project.is_funded:
        raise ValidationError(_("Only projects chosen in the vote are realised."))
    if realisation == Realisation.DONE and progress != 100:
        raise ValidationError({"progress": _("A completed project is at 100%.")})
    before = audit.snapshot(project, ["realisation", "progress", "realisation_note"])
    project.realisation, project.progress, project.realisation_note = realisation, progress, note.strip()
    project.save(update_fields=["realisation", "progress", "realisation_note", "updated_at"])
    audit.record_update(actor=actor, instance=project, before=before)
    return project
