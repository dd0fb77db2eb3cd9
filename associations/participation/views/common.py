"""Pieces the pages of civic participation share."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from office.kit import ActionSet, record_context
from office.services.jobs import start_job

SUBNAV = "participation/_subnav.html"


def record_page(
    request: HttpRequest,
    template: str,
    record: Any,
    actions: ActionSet,
    bound: dict[str, Any] | None,
    *,
    name: str,
    can_change: bool,
    with_assignments: bool = False,
    **extra: Any,
) -> HttpResponse:
    """A record's page: the record under ``name``, its action forms, attachments and trail."""
    context = {
        name: record,
        "can_change": can_change,
        **extra,
        **actions.context(request, record, bound),
        **record_context(
            request,
            record,
            attach_url=reverse(f"participation:{actions.name}_attach", args=[record.pk]),
            can_attach=can_change,
            attachment_form=(bound or {}).get("attachment_form"),
            with_assignments=with_assignments,
        ),
    }
    return render(request, template, context)


def job_starter(kind: str, title: Any, param: str) -> Any:
    """An action's ``run`` that starts the job ``kind`` for the record and shows its progress."""

    def run(request: HttpRequest, record: Any, data: dict[str, Any]) -> HttpResponse:
        job = start_job(
            actor=request.user,
            kind=kind,
            title=str(title) % {"record": record},
            params={param: record.pk, "language": request.LANGUAGE_CODE},
        )
        return redirect("office:job_detail", job.pk)

    return run
