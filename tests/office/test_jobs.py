"""Background jobs: the unit PDF report end to end (text read back with pdftotext), idempotency,
failures, the job pages and clean-up."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from office.contributions import registry
from office.models import AssignmentStatus, Job
from office.reports import UNIT_ASSIGNMENTS_PDF
from office.services import jobs as service
from tests.factories import AssignmentFactory
from tests.utils import client_for, fetch

pytestmark = pytest.mark.django_db


def pdf_text(path: str) -> str:
    assert shutil.which("pdftotext"), "pdftotext is needed (apt-get install poppler-utils)"
    result = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, check=True, timeout=60)
    return result.stdout.decode()


@pytest.fixture
def temporary_kinds() -> Any:
    """Job kinds registered by a test are removed afterwards."""
    before = dict(registry._job_kinds)
    yield
    registry._job_kinds.clear()
    registry._job_kinds.update(before)


def _run(actor: Any, kind: str, params: dict, capture: Any) -> Job:
    with capture(execute=True):
        job = service.start_job(actor=actor, kind=kind, title="Raport", params=params)
    job.refresh_from_db()
    return job


def test_the_unit_pdf_report(persona: Any, wok: Any, django_capture_on_commit_callbacks: Any) -> None:
    liaison, secretariat = persona("unit_liaison"), persona("secretariat")
    today = timezone.localdate()
    titles = [f"Zażółć gęślą jaźń – sprawa nr {n}" for n in range(1, 4)]
    AssignmentFactory(unit=wok, created_by=secretariat, title=titles[0], due_date=today - dt.timedelta(days=3))
    AssignmentFactory(unit=wok, created_by=secretariat, title=titles[1], status=AssignmentStatus.IN_PROGRESS)
    AssignmentFactory(unit=wok, created_by=secretariat, title=titles[2], assignee=liaison)
    AssignmentFactory(unit=wok, created_by=secretariat, title="Sprawa zamknięta", status=AssignmentStatus.CLOSED)
    AssignmentFactory(unit=persona("outsider_liaison").unit, title="Sprawa innego wydziału")

    job = _run(liaison, UNIT_ASSIGNMENTS_PDF, {"unit_id": wok.pk, "language": "pl"}, django_capture_on_commit_callbacks)

    assert (job.status, job.progress, job.message) == (Job.Status.DONE, 100, "")
    assert job.started_at and job.finished_at and job.started_at <= job.finished_at
    assert job.result_name == f"zadania-wok-{today:%Y-%m-%d}.pdf"
    stored = Path(job.result.path)
    assert stored.read_bytes().startswith(b"%PDF")
    assert stored.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    text = pdf_text(str(stored))
    flat = " ".join(text.split())
    assert settings.CITY_NAME in flat
    assert "Wydział Organizacyjny – łączność" in flat
    for title in titles:
        assert title in flat
    assert "Sprawa zamknięta" not in flat
    assert "Sprawa innego wydziału" not in flat
    assert re.search(r"(Strona|Page) 1 (z|of) 1", flat), flat[-300:]


def test_a_long_report_numbers_every_page(persona: Any, wok: Any, django_capture_on_commit_callbacks: Any) -> None:
    for n in range(120):
        AssignmentFactory(unit=wok, title=f"Sprawa numer {n:03d}")
    job = _run(persona("unit_liaison"), UNIT_ASSIGNMENTS_PDF, {"unit_id": wok.pk}, django_capture_on_commit_callbacks)
    pages = pdf_text(job.result.path).split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"(Strona|Page) {number} (z|of) {len(pages)}", " ".join(page.split()))


def test_a_second_delivery_of_the_same_job_does_nothing(
    persona: Any, wok: Any, django_capture_on_commit_callbacks: Any
) -> None:
    job = _run(persona("unit_liaison"), UNIT_ASSIGNMENTS_PDF, {"unit_id": wok.pk}, django_capture_on_commit_callbacks)
    before = (job.status, job.finished_at, job.result.name, job.started_at)
    service.run_job(str(job.pk))
    job.refresh_from_db()
    assert (job.status, job.finished_at, job.result.name, job.started_at) == before


def test_a_running_job_is_not_started_twice(persona: Any, temporary_kinds: Any) -> None:
    calls = []

    @registry.job_kind("test_count")
    def count(job: Job, progress: Any) -> service.JobResult:
        calls.append(job.pk)
        return service.JobResult("a.txt", b"a")

    job = Job.objects.create(
        kind="test_count",
        title="x",
        owner=persona("secretariat"),
        status=Job.Status.RUNNING,
        attempts=1,
        lease_until=timezone.now() + service.LEASE,  # its worker is alive and reports progress
    )
    service.run_job(str(job.pk))
    assert calls == []


def test_a_failing_handler_marks_the_job_failed(
    persona: Any, temporary_kinds: Any, django_capture_on_commit_callbacks: Any, caplog: Any
) -> None:
    @registry.job_kind("test_crash")
    def crash(job: Job, progress: Any) -> service.JobResult:
        progress(50, "Połowa")
        raise RuntimeError("boom")

    job = _run(persona("secretariat"), "test_crash", {}, django_capture_on_commit_callbacks)
    assert job.status == Job.Status.FAILED
    assert job.finished_at is not None
    assert "boom" not in job.message  # the user reads a plain message, the log has the error
    assert job.message
    assert not job.result
    assert any("boom" in (record.exc_text or str(record.exc_info)) for record in caplog.records)


def test_a_job_error_is_shown_to_the_user(
    persona: Any, temporary_kinds: Any, django_capture_on_commit_callbacks: Any
) -> None:
    @registry.job_kind("test_refuse")
    def refuse(job: Job, progress: Any) -> service.JobResult:
        raise service.JobError("Brak danych za wskazany okres.")

    job = _run(persona("secretariat"), "test_refuse", {}, django_capture_on_commit_callbacks)
    assert (job.status, job.message) == (Job.Status.FAILED, "Brak danych za wskazany okres.")


def test_the_report_of_a_unit_that_is_gone(persona: Any, django_capture_on_commit_callbacks: Any) -> None:
    job = _run(persona("secretariat"), UNIT_ASSIGNMENTS_PDF, {"unit_id": 999999}, django_capture_on_commit_callbacks)
    assert job.status == Job.Status.FAILED
    assert job.message


def test_progress_is_kept_between_1_and_99(persona: Any, temporary_kinds: Any) -> None:
    seen = []

    @registry.job_kind("test_progress")
    def report(job: Job, progress: Any) -> service.JobResult:
        for percent in (-5, 0, 50, 100, 250):
            progress(percent, "x" * 600)
            job.refresh_from_db()
            seen.append((job.progress, len(job.message)))
        return service.JobResult("a.txt", b"a")

    job = Job.objects.create(kind="test_progress", title="x", owner=persona("secretariat"))
    service.run_job(str(job.pk))
    assert seen == [(1, 500), (1, 500), (50, 500), (99, 500), (99, 500)]
    job.refresh_from_db()
    assert job.progress == 100


def test_unknown_kind(persona: Any) -> None:
    with pytest.raises(ValueError, match="no_such_kind"):
        service.start_job(actor=persona("secretariat"), kind="no_such_kind", title="x")
    assert not Job.objects.exists()


def test_the_job_is_enqueued_only_after_commit(persona: Any, wok: Any) -> None:
    job = service.start_job(
        actor=persona("secretariat"), kind=UNIT_ASSIGNMENTS_PDF, title="x", params={"unit_id": wok.pk}
    )
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED  # the test's transaction never commits


def test_purge_old_jobs_removes_rows_and_files(persona: Any) -> None:
    owner = persona("secretariat")
    old = Job.objects.create(kind=UNIT_ASSIGNMENTS_PDF, title="stary", owner=owner, status=Job.Status.DONE)
    old.result.save("stary.pdf", ContentFile(b"%PDF"), save=True)
    Job.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    recent = Job.objects.create(kind=UNIT_ASSIGNMENTS_PDF, title="nowy", owner=owner)
    path = Path(old.result.path)
    assert service.purge_old_jobs(older_than_days=30) == 1
    assert list(Job.objects.all()) == [recent]
    assert not path.exists()


# --- The pages -----------------------------------------------------------------------------------


def test_unit_report_page_flow(persona: Any, wok: Any, django_capture_on_commit_callbacks: Any) -> None:
    liaison = persona("unit_liaison")
    AssignmentFactory(unit=wok, title="Sprawa do raportu")
    client = client_for(liaison)
    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client, "post", reverse("office:unit_report"), {"unit": wok.pk})
    job = Job.objects.get()
    assert (job.owner, job.kind, job.params["unit_id"]) == (liaison, UNIT_ASSIGNMENTS_PDF, wok.pk)
    assert (response.status_code, response["Location"]) == (302, reverse("office:job_detail", args=[job.pk]))
    page = fetch(client, "get", response["Location"])
    assert page.status_code == 200
    assert reverse("office:job_download", args=[job.pk]) in page.content.decode()
    status = fetch(client, "get", reverse("office:job_status", args=[job.pk]))
    assert status.status_code == 200
    assert "no-cache" in status["Cache-Control"] or "no-store" in status["Cache-Control"]
    assert "hx-get" not in status.content.decode()  # finished: the fragment stops polling
    download = fetch(client, "get", reverse("office:job_download", args=[job.pk]))
    assert download.status_code == 200
    assert download.content_bytes.startswith(b"%PDF")
    assert job.result_name in download["Content-Disposition"]


def test_a_queued_job_polls_and_cannot_be_downloaded(persona: Any) -> None:
    owner = persona("secretariat")
    job = Job.objects.create(kind=UNIT_ASSIGNMENTS_PDF, title="W kolejce", owner=owner)
    client = client_for(owner)
    status = fetch(client, "get", reverse("office:job_status", args=[job.pk]))
    assert f'data-hx-get="{reverse("office:job_status", args=[job.pk])}"' in status.content.decode()
    assert fetch(client, "get", reverse("office:job_download", args=[job.pk])).status_code == 404


def test_the_outsider_cannot_report_on_another_unit(persona: Any, wok: Any) -> None:
    response = fetch(client_for(persona("outsider_liaison")), "post", reverse("office:unit_report"), {"unit": wok.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("office:dashboard")
    assert not Job.objects.exists()


def test_an_unknown_job_id_is_404(persona: Any) -> None:
    client = client_for(persona("secretariat"))
    assert fetch(client, "get", "/jobs/00000000-0000-0000-0000-000000000000/").status_code == 404


# --- The lease: a job whose worker died runs again, once ------------------------------------------


def _dead_job(owner: Any, kind: str, *, attempts: int = 1, progress: int = 40) -> Job:
    """A job its worker claimed and then died over: "running 40 %", the lease expired."""
    return Job.objects.create(
        kind=kind,
        title="Raport",
        owner=owner,
        status=Job.Status.RUNNING,
        progress=progress,
        attempts=attempts,
        started_at=timezone.now() - dt.timedelta(minutes=5),
        lease_until=timezone.now() - dt.timedelta(seconds=1),
    )


def _counting_kind(name: str, calls: list) -> None:
    @registry.job_kind(name)
    def handler(job: Job, progress: Any) -> service.JobResult:
        calls.append(job.pk)
        progress(50, "Połowa")
        return service.JobResult("a.txt", b"a")


def test_a_claim_takes_a_lease_and_progress_extends_it(persona: Any, temporary_kinds: Any) -> None:
    leases = []

    @registry.job_kind("test_lease")
    def handler(job: Job, progress: Any) -> service.JobResult:
        leases.append(Job.objects.get(pk=job.pk).lease_until)
        progress(50, "")
        leases.append(Job.objects.get(pk=job.pk).lease_until)
        return service.JobResult("a.txt", b"a")

    job = Job.objects.create(kind="test_lease", title="x", owner=persona("secretariat"))
    before = timezone.now()
    service.run_job(str(job.pk))
    job.refresh_from_db()
    assert before + service.LEASE <= leases[0] <= leases[1] <= timezone.now() + service.LEASE
    assert (job.status, job.attempts, job.lease_until) == (Job.Status.DONE, 1, None)


def test_a_redelivered_task_reruns_a_job_whose_lease_expired_once(persona: Any, temporary_kinds: Any) -> None:
    calls: list = []
    _counting_kind("test_dead", calls)
    job = _dead_job(persona("secretariat"), "test_dead")
    started = job.started_at
    service.run_job(str(job.pk))
    service.run_job(str(job.pk))  # the broker delivers it once more: nothing
    job.refresh_from_db()
    assert calls == [job.pk]
    assert (job.status, job.progress, job.attempts, job.result_name) == (Job.Status.DONE, 100, 2, "a.txt")
    assert job.started_at == started  # when the user started it, not when it was taken over


def test_a_job_under_a_live_lease_is_left_to_its_worker(persona: Any, temporary_kinds: Any) -> None:
    calls: list = []
    _counting_kind("test_alive", calls)
    job = _dead_job(persona("secretariat"), "test_alive")
    Job.objects.filter(pk=job.pk).update(lease_until=timezone.now() + dt.timedelta(seconds=30))
    assert service.claim_job(job.pk) is None
    assert service.recover_jobs() == {"restarted": 0, "failed": 0}
    assert calls == []


def test_the_sweeper_restarts_jobs_with_an_expired_lease(
    persona: Any, temporary_kinds: Any, django_capture_on_commit_callbacks: Any
) -> None:
    calls: list = []
    _counting_kind("test_sweep", calls)
    owner = persona("secretariat")
    dead, legacy = _dead_job(owner, "test_sweep"), _dead_job(owner, "test_sweep", attempts=0)
    Job.objects.filter(pk=legacy.pk).update(lease_until=None)  # "running" from before leases existed
    finished = Job.objects.create(kind="test_sweep", title="x", owner=owner, status=Job.Status.DONE)
    assert service.stuck_jobs().count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert service.recover_jobs() == {"restarted": 2, "failed": 0}  # eager: run at once
    assert sorted(calls) == sorted([dead.pk, legacy.pk])
    assert set(Job.objects.values_list("status", flat=True)) == {Job.Status.DONE}
    assert service.recover_jobs() == {"restarted": 0, "failed": 0}
    finished.refresh_from_db()
    assert not finished.result


def test_two_workers_claiming_an_expired_job_at_once_one_wins(persona: Any, temporary_kinds: Any) -> None:
    """The claim is one conditional UPDATE: the second finds the job leased and gets nothing."""
    job = _dead_job(persona("secretariat"), "test_race")
    first, second = service.claim_job(job.pk), service.claim_job(job.pk)
    assert first is not None and first.attempts == 2
    assert second is None


def test_an_attempt_that_lost_its_claim_cannot_finish_the_job(persona: Any, temporary_kinds: Any) -> None:
    """A slow worker past its lease: another took the job over; the slow one's result is dropped."""

    @registry.job_kind("test_slow")
    def slow(job: Job, progress: Any) -> service.JobResult:
        if job.attempts == 1:  # meanwhile the lease expires and a second worker takes over
            Job.objects.filter(pk=job.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))
            service.run_job(str(job.pk))
            progress(90, "late")  # no effect: not this attempt's job any more
        return service.JobResult(f"attempt-{job.attempts}.txt", str(job.attempts).encode())

    job = Job.objects.create(kind="test_slow", title="x", owner=persona("secretariat"))
    service.run_job(str(job.pk))
    job.refresh_from_db()
    assert (job.status, job.attempts, job.result_name, job.progress) == (Job.Status.DONE, 2, "attempt-2.txt", 100)
    with job.result.open("rb") as handle:
        assert handle.read() == b"2"
    assert not list(Path(job.result.path).parent.glob("attempt-1*"))


@pytest.mark.parametrize("via", ["task", "sweeper"])
def test_a_job_whose_worker_died_on_every_attempt_fails_with_a_message(
    persona: Any, temporary_kinds: Any, via: str
) -> None:
    calls: list = []
    _counting_kind("test_doomed", calls)
    job = _dead_job(persona("secretariat"), "test_doomed", attempts=service.MAX_ATTEMPTS)
    if via == "task":
        service.run_job(str(job.pk))
    else:
        assert service.recover_jobs() == {"restarted": 0, "failed": 1}
    job.refresh_from_db()
    assert calls == []
    assert job.status == Job.Status.FAILED and job.finished_at and job.lease_until is None
    assert "interruptions" in job.message or "przerw" in job.message
    page = fetch(client_for(job.owner), "get", reverse("office:job_status", args=[job.pk]))
    assert job.message in page.content.decode()


def test_a_long_report_says_how_many_pages_it_laid_out(persona: Any, wok: Any) -> None:
    """The user waiting for a long PDF reads real progress: the assignments, then the pages."""
    from django.utils import translation

    from office.reports import unit_assignments_pdf

    for n in range(60):
        AssignmentFactory(unit=wok, title=f"Sprawa numer {n:03d}")
    job = Job.objects.create(owner=persona("unit_liaison"), kind=UNIT_ASSIGNMENTS_PDF, params={"unit_id": wok.pk})
    reported: list[tuple[int, str]] = []
    with translation.override("en"):
        job.params["language"] = "en"
        unit_assignments_pdf(job, lambda percent, message="": reported.append((percent, message)))
    assert [percent for percent, _ in reported] == sorted(percent for percent, _ in reported)
    assert "Laying out 60 assignments" in [message for _, message in reported]
    pages = [message for _, message in reported if message.startswith("Writing")]
    assert pages and re.fullmatch(r"Writing \d+ pages", pages[0]) and pages[0] != "Writing 0 pages"
