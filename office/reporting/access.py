"""Who reads and prepares the mayor's reports.

Those who prepare reports — the secretariat, management and the council officer — read, create
and change them (``reporting.view_report``, ``add_report``, ``change_report``); the auditor reads
them. Everybody else gets 403 (there is no record scope, only the permission); a report or
section that does not exist is 404.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from office.access import require
from office.reporting.models import Report, Section

VIEW = "reporting.view_report"
ADD = "reporting.add_report"
CHANGE = "reporting.change_report"


def get_report(user: Any, pk: Any) -> Report:
    require(user.has_perm(VIEW))
    try:
        return Report.objects.select_related("created_by", "finalised_by").get(pk=pk)
    except (Report.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_section(user: Any, pk: Any) -> Section:
    require(user.has_perm(VIEW))
    try:
        return Section.objects.select_related("report").get(pk=pk)
    except (Section.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
