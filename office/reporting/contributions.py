"""What the mayor's reports declare to the office registry: the permissions of those who prepare
reports (the secretariat, management and the council officer) and of the auditor who reads them,
the job kinds of the PDFs, the navigation link and the demo reports.

The sections of a report are not declared here: every app contributes its own
(``report_section``, in ``<app>/report_sections.py``), so this app names none of them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

import office.reporting.reports  # noqa: F401  (declares the PDF job kinds)
from office.contributions import has_perm, navigation, register, registry
from office.reporting.models import Report

_PREPARE = [f"reporting.{action}_{model}" for model in ("report", "section") for action in ("view", "add", "change")]
_PREPARE += ["reporting.delete_section"]
for role in ("secretariat", "management", "council_officer"):
    registry.grant(role, _PREPARE)
registry.grant("auditor", ["reporting.view_report", "reporting.view_section"])

registry.add_view_check(Report, lambda user, report: user.has_perm("reporting.view_report"))

navigation(
    "reporting",
    gettext_lazy("Mayor's reports"),
    "reporting:report_list",
    order=72,
    visible=has_perm("reporting.view_report"),
    active_prefix="/mayor-reports/",
)


@register("demo", "reporting", order=95)
def demo(admin: Any) -> None:
    from office.reporting.demo import seed

    seed(admin)
