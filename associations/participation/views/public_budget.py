"""The public pages of the citizen budget (no login): the editions, an edition's timetable and
pools, the projects, a project, the submission form, the online vote, the results and the
realisation of the winners. Authors' contact details and the lists of support are never shown."""

from __future__ import annotations

import csv
import io

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import condition, require_GET, require_http_methods

from associations.participation.models import Edition, Project, ProjectStatus
from associations.participation.public_forms import PublicProjectForm, PublicVoteForm
from associations.participation.services import budget as services
from office.kit import apply_errors, paginate
from office.kit.public import over_limit, too_many
from office.models import Attachment


def _editions() -> object:
    return Edition.objects.filter(is_published=True)


def _edition(year: int) -> Edition:
    return get_object_or_404(_editions(), year=year)


def _public_projects(edition: Edition) -> object:
    return (
        Project.objects.filter(edition=edition)
        .exclude(status=ProjectStatus.WITHDRAWN)
        .select_related("district", "edition")
        .order_by("district__order", "district__name", "number")
    )


def _last_change(request: HttpRequest, **kwargs: object) -> object:
    edition = _editions().filter(year=kwargs["year"]).first() if "year" in kwargs else None
    rows = Project.objects.filter(edition=edition) if edition else Project.objects.filter(edition__is_published=True)
    return max(
        filter(None, [rows.aggregate(last=Max("updated_at"))["last"], edition and edition.updated_at]), default=None
    )


@require_GET
def public_budget(request: HttpRequest) -> HttpResponse:
    return render(request, "participation/public/budget.html", {"editions": _editions().order_by("-year")})


@require_GET
def public_edition(request: HttpRequest, year: int) -> HttpResponse:
    edition = _edition(year)
    return render(
        request,
        "participation/public/edition.html",
        {"edition": edition, "districts": edition.districts.order_by("order", "name")},
    )


@require_GET
@condition(last_modified_func=_last_change)
def public_projects(request: HttpRequest, year: int) -> HttpResponse:
    edition = _edition(year)
    rows = _public_projects(edition)
    admitted_only = request.GET.get("admitted") == "on"
    if admitted_only:
        rows = rows.filter(status=ProjectStatus.ADMITTED)
    district = request.GET.get("district", "")
    if district.isdigit():
        rows = rows.filter(district_id=int(district))
    context = {
        "edition": edition,
        "page_obj": paginate(request, rows),
        "districts": edition.districts.order_by("order", "name"),
        "district": district,
        "admitted_only": admitted_only,
    }
    return render(request, "participation/public/projects.html", context)


@require_GET
def public_project(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(
        Project.objects.filter(edition__is_published=True)
        .exclude(status=ProjectStatus.WITHDRAWN)
        .select_related("edition", "district"),
        pk=pk,
    )
    photos = (
        Attachment.objects.filter(
            content_type=ContentType.objects.get_for_model(Project),
            object_id=project.pk,
            mime_type__startswith="image/",
        ).order_by("id")
        if project.is_funded
        else []
    )
    return render(request, "participation/public/project.html", {"project": project, "photos": photos})


@require_http_methods(["GET", "POST"])
def public_submit(request: HttpRequest, year: int) -> HttpResponse:
    edition = _edition(year)
    form = PublicProjectForm(request.POST or None, edition=edition)
    if request.method == "POST":
        if over_limit(request, "participation-project"):
            return too_many(request)
        if form.is_robot:
            return redirect("participation:public_submitted", edition.year)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("supporters", "rodo", "website")}
            try:
                services.submit_project(
                    edition=edition, project=Project(**data), supporters=form.cleaned_data["supporters"]
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("participation:public_submitted", edition.year)
    return render(request, "participation/public/submit.html", {"edition": edition, "form": form})


@require_GET
def public_submitted(request: HttpRequest, year: int) -> HttpResponse:
    return render(request, "participation/public/submitted.html", {"edition": _edition(year)})


@require_http_methods(["GET", "POST"])
def public_vote(request: HttpRequest, year: int) -> HttpResponse:
    edition = _edition(year)
    form = PublicVoteForm(request.POST or None, edition=edition)
    if request.method == "POST":
        if over_limit(request, "participation-vote"):
            return too_many(request)
        if form.is_robot:
            return redirect("participation:public_voted", edition.year)
        if form.is_valid():
            try:
                services.cast_vote(
                    edition=edition, pesel=form.cleaned_data["pesel"], projects=form.cleaned_data["projects"]
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("participation:public_voted", edition.year)
    return render(request, "participation/public/vote.html", {"edition": edition, "form": form})


@require_GET
def public_voted(request: HttpRequest, year: int) -> HttpResponse:
    return render(request, "participation/public/voted.html", {"edition": _edition(year)})


@require_GET
@condition(last_modified_func=_last_change)
def public_results(request: HttpRequest, year: int) -> HttpResponse:
    edition = _edition(year)
    rows = _public_projects(edition).filter(votes__isnull=False) if edition.has_results else []
    districts: dict = {}
    for project in sorted(rows, key=lambda p: (p.district.order, p.district.name, -p.votes, p.the_cost, p.number)):
        districts.setdefault(project.district, []).append(project)
    return render(request, "participation/public/results.html", {"edition": edition, "districts": districts.items()})


@require_GET
@condition(last_modified_func=_last_change)
def public_realisation(request: HttpRequest, year: int) -> HttpResponse:
    edition = _edition(year)
    rows = _public_projects(edition).filter(is_funded=True)
    return render(request, "participation/public/realisation.html", {"edition": edition, "projects": rows})


def _cell(text: str) -> str:
    """Text a resident typed, never read as a formula by a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@require_GET
@condition(last_modified_func=_last_change)
def public_results_csv(request: HttpRequest, year: int) -> HttpResponse:
    """The results as open data (CSV, UTF-8 with a BOM, ``;``): district, number, title, cost,
    votes, chosen for realisation, realisation and its progress; empty until they are published."""
    edition = _edition(year)
    rows = _public_projects(edition).filter(votes__isnull=False) if edition.has_results else []
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["dzielnica", "numer", "tytul", "koszt", "glosy", "wybrany", "realizacja", "postep_proc"])
    for p in rows:
        writer.writerow(
            [
                _cell(p.district.name),
                p.number,
                _cell(p.title),
                p.the_cost,
                p.votes,
                int(p.is_funded),
                p.realisation,
                p.progress,
            ]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="budzet-obywatelski-{edition.year}-wyniki.csv"'
    return response
