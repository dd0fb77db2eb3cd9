"""What the pages staff open fifty times a day cost, against a minimal reference page in the same run.

Starts the production configuration (gunicorn gthread 2×4, Redis, a Celery worker) on the bench
database (DATABASE_URL's name + ``_bench``, see benchdb.py; fill it first with
``calendar_bench.py``/``media_bench.py`` for the bench volume), logs in two staff users through the
login page, then loads every page with ``wrk`` at 16 connections, interleaved with the reference page
(the "Fortunes" shape: one query, one added row, sorted, escaped, the same middleware; see
bench/pages/views.py) and prints, per page: req/s, p50/p95/p99, the share of the reference's req/s
and the page's query count (counted in this process on the same database).

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/test \\
        .venv/bin/python bench/pages_bench.py [--duration 5] [--rounds 2] [--only dashboard,search]

Needs ``wrk`` (apt-get install wrk). CI does not run it; the figures go into the issue's note.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: the production configuration, for the server and for this process (query counts, users)
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SETTINGS_MODULE": "bench.pages.settings",
    "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"),
    "STATIC_ROOT": os.environ.get("BENCH_STATIC_ROOT", str(Path(tempfile.gettempdir()) / "kancelaria-bench-static")),
}
os.environ.update(PRODUCTION_ENV)

import benchdb  # noqa: E402,F401  (the bench database; Django set up)
import requests  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
LUA = ROOT / "bench" / "pages" / "report.lua"
PASSWORD = "Bench-hasło-2026!"  # noqa: S105  (the bench users' own)
USERS = {"bench_secretariat": "Sekretariat", "bench_press": "Biuro prasowe"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_users() -> None:
    from office.roles import ensure_roles

    ensure_roles()
    for username, group in USERS.items():
        user, _ = get_user_model().objects.get_or_create(username=username, defaults={"first_name": "Bench"})
        user.set_password(PASSWORD)
        user.is_active = True
        user.save()
        user.groups.set([Group.objects.get(name=group)])


def pages() -> dict[str, tuple[str, str]]:
    """name → (user, path): the pages measured (the reference is anonymous)."""
    from calendar_app.models import Calendar
    from media_relations.models import Inquiry
    from office.models import Assignment

    holders = "&".join(f"calendars={pk}" for pk in Calendar.objects.order_by("pk").values_list("pk", flat=True)[:3])
    inquiry = Inquiry.objects.order_by("-pk").values_list("pk", flat=True).first()
    assignment = Assignment.objects.order_by("-pk").values_list("pk", flat=True).first()
    found = {
        "health": ("", "/health/"),
        "shell": ("bench_secretariat", "/bench/shell/"),
        "dashboard": ("bench_secretariat", "/"),
        "calendar week": ("bench_secretariat", f"/calendar/?view=week&{holders}"),
        "calendar month": ("bench_secretariat", f"/calendar/?view=month&{holders}"),
        "assignment list": ("bench_secretariat", "/assignments/"),
        "search": ("bench_secretariat", "/search/?q=Kowalski"),
        "contacts": ("bench_secretariat", "/contacts/"),
        "press inquiry list": ("bench_press", "/press/inquiries/"),
        "press statistics": ("bench_press", "/press/statistics/"),
        "press monitoring": ("bench_press", "/press/monitoring/"),
        "press dashboard": ("bench_press", "/"),
    }
    if inquiry:
        found["inquiry detail"] = ("bench_press", f"/press/inquiries/{inquiry}/")
    if assignment:
        found["assignment detail"] = ("bench_secretariat", f"/assignments/{assignment}/")
    return found


def query_counts(measured: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Queries of each page, on its second load (what a warm server does), in this process."""
    counts = {}
    clients = {name: Client(HTTP_X_FORWARDED_PROTO="https") for name in USERS}
    for username, client in clients.items():
        client.force_login(get_user_model().objects.get(username=username))
    for name, (username, path) in measured.items():
        client = clients.get(username) or Client()
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts[name] = len(queries) if status == 200 else -status
    return counts


class Stack:
    """gunicorn (production settings, gthread 2×4) and a Celery worker, on the bench database."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.env = {**os.environ, **PRODUCTION_ENV, "PYTHONPATH": str(ROOT)}
        self.processes: list[subprocess.Popen] = []

    def start(self) -> None:
        gunicorn = [PYTHON, "-m", "gunicorn", "office.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        gunicorn += ["--workers", "2", "--threads", "4", "--worker-class", "gthread", "--log-level", "warning"]
        worker = [PYTHON, "-m", "celery", "-A", "office", "worker", "--concurrency", "1", "--loglevel", "WARNING"]
        for command in (gunicorn, worker):
            self.processes.append(subprocess.Popen(command, cwd=ROOT, env=self.env, start_new_session=True))  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(f"{self.url}/health/live/", timeout=5)
                return
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        for process in self.processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=30)

    def cookie(self, username: str) -> str:
        """A session of ``username``, logged in through the login page like a browser."""
        # the cookies are Secure (production): sent by hand, as the bench speaks plain HTTP behind "https"
        headers = {"X-Forwarded-Proto": "https", "Referer": f"https://127.0.0.1:{self.port}/accounts/login/"}
        jar = dict(requests.get(f"{self.url}/accounts/login/", headers=headers, timeout=30).cookies)
        token = next(value for name, value in jar.items() if name.endswith("csrftoken"))
        response = requests.post(
            f"{self.url}/accounts/login/",
            data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={**headers, "Cookie": "; ".join(f"{name}={value}" for name, value in jar.items())},
            allow_redirects=False,
            timeout=30,
        )
        if response.status_code != 302:
            raise RuntimeError(f"login of {username} failed: {response.status_code}")
        jar.update(response.cookies)
        return "; ".join(f"{name}={value}" for name, value in jar.items())


def wrk(url: str, cookie: str, duration: int) -> dict[str, float]:
    command = ["wrk", "-t2", "-c16", f"-d{duration}s", "--timeout", "10s", "-s", str(LUA)]
    command += ["-H", "X-Forwarded-Proto: https", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in output.splitlines() if line.startswith("{"))
    return json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", default="", help="comma-separated page names")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("Needs wrk (apt-get install wrk).")
    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    ensure_users()
    measured = pages()
    if args.only:
        measured = {name: page for name, page in measured.items() if name in args.only.split(",")}
    counts = query_counts(measured)
    stack = Stack(free_port())
    try:
        stack.start()
        cookies = {username: stack.cookie(username) for username in USERS}
        reference: list[float] = []
        results: dict[str, list[dict[str, float]]] = {name: [] for name in measured}
        for _round in range(args.rounds):
            for name, (username, path) in measured.items():
                reference.append(wrk(f"{stack.url}/bench/reference/", "", args.duration)["rps"])
                results[name].append(wrk(f"{stack.url}{path}", cookies.get(username, ""), args.duration))
        report(reference, results, counts)
    finally:
        stack.stop()


def report(reference: list[float], results: dict[str, list[dict[str, float]]], counts: dict[str, int]) -> None:
    base = statistics.mean(reference)
    print(f"\nreference page: {base:,.0f} req/s (mean of {len(reference)} interleaved runs)\n")
    print(f"{'page':<22}{'req/s':>9}{'share':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'queries':>9}")
    for name, runs in results.items():
        rps = statistics.mean(run["rps"] for run in runs)
        p50, p95, p99 = (max(run[key] for run in runs) / 1000 for key in ("p50", "p95", "p99"))
        bad = sum(int(run["non2xx"]) for run in runs)
        line = f"{name:<22}{rps:>9,.0f}{rps / base:>9.1%}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}{bad:>9}{counts[name]:>9}"
        print(line)


if __name__ == "__main__":
    main()
