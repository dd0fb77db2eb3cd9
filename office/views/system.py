"""Jobs, attachment downloads, health, display preferences, static pages, error pages."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from office import access
from office.context_processors import FONT_SIZES
from office.contributions import registry
from office.kit.pages import safe_next_url
from office.models import Job
from office.services.jobs import stuck_jobs
from office.tasks import HEARTBEAT_KEY


@require_GET
@login_required
def job_detail(request: HttpRequest, pk: str) -> HttpResponse:
    job = access.get_job_for_user(request.user, pk)
    return render(request, "office/jobs/detail.html", {"job": job})


@require_GET
@login_required
@never_cache
def job_status(request: HttpRequest, pk: str) -> HttpResponse:
    """The progress fragment that the job page polls with htmx until the job finishes."""
    job = access.get_job_for_user(request.user, pk)
    return render(request, "office/jobs/_status.html", {"job": job})


@require_GET
@login_required
def job_download(request: HttpRequest, pk: str) -> FileResponse:
    job = access.get_job_for_user(request.user, pk)
    if job.status != Job.Status.DONE or not job.result:
        raise Http404
    return FileResponse(job.result.open("rb"), as_attachment=True, filename=job.result_name)


@require_GET
@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = access.get_attachment_for_user(request.user, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    from office.models import ReadKind
    from office.services.reads import note_read

    note_read(request, attachment.record, kind=ReadKind.DOWNLOAD)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.mime_type or "application/octet-stream",
    )


#: A worker whose last heartbeat (beat sends one every minute) is older than this is dead.
HEARTBEAT_STALE_SECONDS = 90


@require_GET
@never_cache
def liveness(request: HttpRequest) -> HttpResponse:
    """For the container's health check: the process answers (no database, no Redis)."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Readiness: 503 naming the failing parts when the database or Redis is down or the worker's
    heartbeat is missing or older than HEARTBEAT_STALE_SECONDS. Work stuck past its lease (jobs,
    release messages of a dead worker) is counted under ``stuck`` but keeps 200: the recovery
    task takes it over within a minute, and restarting the web would not help."""
    report: dict[str, Any] = {}
    failing: list[str] = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = "ok"
    except Exception as error:  # any failure means unhealthy
        report["database"] = f"error: {type(error).__name__}"
        failing.append("database")
    if settings.REDIS_URL:
        _check_redis_and_worker(report, failing)
    else:
        report["redis"] = "not configured"
        report["worker"] = "eager"
    if report["database"] == "ok":
        report["stuck"] = _stuck_work()
    report["status"] = "error" if failing else "ok"
    if failing:
        report["failing"] = failing
    return JsonResponse(report, status=503 if failing else 200)


def _check_redis_and_worker(report: dict[str, Any], failing: list[str]) -> None:
    """Redis answers a write and a read; the worker's heartbeat is fresh."""
    try:
        cache.set("office:health", "1", timeout=10)
        report["redis"] = "ok" if cache.get("office:health") == "1" else "error"
        beat = cache.get(HEARTBEAT_KEY)
    except Exception as error:
        report["redis"] = f"error: {type(error).__name__}"
        beat = None
    if report["redis"] != "ok":
        failing.append("redis")
    if beat:
        age = (timezone.now() - dt.datetime.fromisoformat(beat)).total_seconds()
        report["worker"] = "ok" if age <= HEARTBEAT_STALE_SECONDS else "stale"
        report["worker_heartbeat_age_s"] = int(age)
    else:
        report["worker"] = "unknown" if report["redis"] != "ok" else "missing"
    if report["worker"] != "ok":
        failing.append("worker")


def _stuck_work() -> dict[str, int | str]:
    counters = {"jobs": lambda: stuck_jobs().count(), **registry.stuck_work()}
    stuck: dict[str, int | str] = {}
    for name, count in counters.items():
        try:
            stuck[name] = count()
        except Exception as error:  # a report, never a reason to fail the health check
            stuck[name] = f"error: {type(error).__name__}"
    return stuck


@require_POST
def display_preferences(request: HttpRequest) -> HttpResponse:
    """Font size and contrast switches: kept in cookies so they work before login too."""
    response = HttpResponseRedirect(safe_next_url(request, request.POST.get("next"), "/"))
    year = 365 * 24 * 3600
    size = request.POST.get("font_size")
    if size in FONT_SIZES:
        response.set_cookie("font_size", size, max_age=year, samesite="Lax", secure=request.is_secure())
    contrast = request.POST.get("contrast")
    if contrast in ("high", "normal"):
        response.set_cookie("contrast", contrast, max_age=year, samesite="Lax", secure=request.is_secure())
    return response


@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "office/accessibility.html", {"updated": settings.ACCESSIBILITY_STATEMENT_DATE})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: whatever broke must not break the error page too.
    # Called while the exception is being handled: a database that does not answer (restarting,
    # failing over) is a 503 the client may retry, not an error of the page.
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
