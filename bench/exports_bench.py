"""List exports, measured on PostgreSQL over the press-inquiry list of 50,000 inquiries.

- the CSV of the whole list (``?export=csv``) at 20,000 rows/s or more;
- the XLSX of the whole list, made by the export job (``office.list_export``: the list's view
  called as its owner, the progress written to the job as it goes) in at most 10 s;
- the query counts: the list page (with its export links), and the exports, which must not grow
  with the rows beyond one query per chunk;
- for comparison, the same list read back from its page's table (what every list without
  declared ``export_columns`` does), whose CSV must be the very same file.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/exports_bench.py [--worker]
It works in its own database (``<name>_bench``, shared with media_bench.py), filled on the first
run. With ``--worker`` the job goes to a real Celery worker started on the bench database
(``DATABASE_URL=…/test_bench REDIS_URL=redis://… celery -A office worker -c 2``); without it the
job runs in this process right after the request.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import time

from benchdb import percentile  # first: the bench database and django.setup()
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from media_bench import seed_inquiries
from openpyxl import load_workbook

from media_relations.models import Inquiry
from media_relations.views import inquiries as inquiry_views
from office.models import Job

URL = "/press/inquiries/"
ROWS = 50_000
CSV_ROWS_PER_SECOND = 20_000
XLSX_SECONDS = 10.0


def body(response) -> bytes:
    return b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content


def wait_for(job: Job, seen: list[int]) -> None:
    while True:
        job.refresh_from_db()
        if job.progress not in seen:
            seen.append(job.progress)
        if job.is_finished:
            break
        time.sleep(0.1)
    assert job.is_done, job.message


def job_file(job: Job) -> bytes:
    """The job's file; the job and its file are removed (runs of the bench leave nothing behind)."""
    with job.result.open("rb") as stream:
        content = stream.read()
    job.result.delete(save=False)
    job.delete()
    return content


def export(client: Client, fmt: str, worker: bool) -> tuple[bytes, float, int, str, list[int]]:
    """(the file, seconds from the request to the file, queries, how it was made, the job's progress)."""
    seen: list[int] = []
    with override_settings(CELERY_TASK_ALWAYS_EAGER=not worker), CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(f"{URL}?export={fmt}")
        if response.status_code == 302:
            job = Job.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
            wait_for(job, seen)
            content, how = job_file(job), f"job ({'worker' if worker else 'in this process'})"
            if not worker:
                seen = [
                    int(query["sql"].split('"progress" = ')[1].split(",")[0])
                    for query in queries.captured_queries
                    if query["sql"].startswith('UPDATE "office_job" SET "progress" = ')
                ]
        else:
            assert response.status_code == 200, response.status_code
            content = body(response)
            how = "streamed" if getattr(response, "streaming", False) else "in the request"
        elapsed = time.perf_counter() - started
    return content, elapsed, len(queries), how, seen


def page_queries(client: Client) -> tuple[int, float]:
    client.get(URL)
    counts, timings = set(), []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(URL)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and b"export=csv" in response.content
        counts.add(len(queries))
    assert len(counts) == 1, counts
    return counts.pop(), percentile(timings, 0.95)


def main() -> None:
    user = seed_inquiries(random.Random(11))
    total = Inquiry.objects.count()
    assert total >= ROWS, total
    client = Client()
    client.force_login(user)
    print(f"inquiries in the database: {total}; EXPORT_INLINE_ROWS {settings.EXPORT_INLINE_ROWS}")
    queries, p95 = page_queries(client)
    print(f"list page: {queries} queries (with the export links), p95 {p95:.0f} ms")

    worker = "--worker" in sys.argv
    content, elapsed, queries, how, _seen = export(client, "csv", worker)
    declared_csv = content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == total + 1, len(rows)
    csv_rate = total / elapsed
    print(
        f"CSV:  {total} rows {how} in {elapsed:.2f} s = {csv_rate:,.0f} rows/s, {queries} queries, "
        f"{len(content) / 1e6:.1f} MB; header {rows[0]}"
    )

    content, elapsed, queries, how, seen = export(client, "xlsx", worker)
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == total + 1, len(values)
    print(
        f"XLSX: {total} rows by {how} in {elapsed:.2f} s, {queries} queries, {len(content) / 1e6:.1f} MB; "
        f"{len(seen)} progress reports {seen[:3]}…{seen[-2:]}; first row {values[1]}"
    )
    xlsx_seconds = elapsed

    declared, inquiry_views.EXPORT_COLUMNS = inquiry_views.EXPORT_COLUMNS, []  # in this process only
    try:
        for fmt in ("csv", "xlsx"):
            content, elapsed, queries, how, seen = export(client, fmt, worker=False)
            print(
                f"read back from the table, {fmt.upper()}: {total} rows by {how} in {elapsed:.2f} s "
                f"= {total / elapsed:,.0f} rows/s, {queries} queries"
            )
            if fmt == "csv":
                same = content == declared_csv
                print(f"  the same CSV as the declared columns': {'yes' if same else 'NO'}")
                assert same
    finally:
        inquiry_views.EXPORT_COLUMNS = declared

    ok = csv_rate >= CSV_ROWS_PER_SECOND and xlsx_seconds <= XLSX_SECONDS
    print("targets met" if ok else "TARGETS MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
