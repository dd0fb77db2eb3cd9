"""A section of a report: its page (the text as it will be printed, the form to reword it) and
the actions on it — reword, move up or down, remove, assemble again from the office's records."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.kit import Action, ActionSet
from office.reporting import access, services
from office.reporting.forms import SectionTextForm
from office.reporting.models import Section


def _detail(request: HttpRequest, section: Section, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {"section": section, "report": section.report, **ACTIONS.context(request, section, bound)}
    return render(request, "reporting/section.html", context)


@require_GET
@login_required
def section_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_section(request.user, pk))


def _back(section: Section) -> str:
    return services.report_url(section.report) + f"#section-{section.pk}"


def _draft(section: Section) -> bool:
    return section.report.is_draft


ACTIONS = ActionSet(
    "section",
    load=lambda request, pk: access.get_section(request.user, pk),
    done_url=_back,
    redisplay=_detail,
    permission=access.CHANGE,
    actions=[
        Action(
            "reword",
            services.reword_section,
            SectionTextForm,
            when=_draft,
            initial=lambda request, section: {"title": section.title, "text": section.text, "points": section.points},
            success=gettext_lazy("The section was saved."),
        ),
        Action("up", services.move_up, when=_draft),
        Action("down", services.move_down, when=_draft),
        Action(
            "reassemble",
            services.reassemble_section,
            when=lambda section: _draft(section) and not section.is_free_text,
            success=gettext_lazy("The section was assembled again from the office's records."),
        ),
        Action("remove", services.remove_section, when=_draft, success=gettext_lazy("The section was removed.")),
    ],
)
