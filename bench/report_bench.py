"""The inter-session report measured on PostgreSQL.

The office: the demo data of the apps that contribute report sections (the calendars, the press
office, patronage, ceremonies, correspondence), then ten years of activity at the density of a
city of some 300,000 people (per six weeks: about 600 engagements of the office holders, 200
meeting decisions, 18 press conferences, 120 releases, 200 inquiries, 60 patronages, 12
ceremonies, 450 letters of note; 5 % of the calendar entries private), written with bulk
inserts. Then, for the last six weeks:

- the assembly of the report from every section: its number of queries with one year of data
  and with ten years must be equal (and its time is printed);
- the final report's PDF made by the job handler in this process ("time in the worker": the
  report read, the HTML rendered, laid out, written as PDF/A-3b and archived) against bare
  WeasyPrint on the same HTML (``HTML(string=...).write_pdf()``), alternated, the median of
  ``ROUNDS`` each: at least 40 pages, at most 5 s, at most 1.2 × bare WeasyPrint. The times
  compared are the CPU time of this process (the worker's own work: on a machine shared with
  other loads the wall clock measures the others too); the wall clock is printed beside them.

Run: DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/reporting .venv/bin/python bench/report_bench.py
(the data go to the database ``reporting_bench``, made when missing and kept between runs).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import time

import benchdb  # noqa: F401  (first: the bench database and django.setup())
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from calendar_app.models import Calendar, Decision, Entry, EntryKind, Visibility
from correspondence.models import JrwaClass, Letter, LetterKind
from events.models import Event, EventKind
from media_relations.models import Conference, Inquiry, Journalist, Release
from office.contributions import registry
from office.models import Contact, Job, OfficeHolder, OrgUnit, User
from office.reporting import documents, services
from office.reporting.models import Report
from office.services.jobs import run_job
from patronage.models import Application

YEARS = 10
PERIOD = 42
ROUNDS = 3
MARK = "(bench)"
DEMO_APPS = ("calendar", "media_relations", "correspondence", "patronage", "events")

MEETINGS = [
    "Spotkanie z dyrekcją szpitala miejskiego",
    "Rozmowa z przedstawicielami rady osiedla Śródmieście",
    "Spotkanie z inwestorem strefy ekonomicznej",
    "Narada w sprawie przebudowy ul. Kolejowej",
    "Spotkanie z rektorem uniwersytetu",
    "Kolegium z naczelnikami wydziałów",
    "Rozmowa z komendantem miejskim policji",
    "Spotkanie z zarządem spółki wodociągowej",
]
CEREMONIES = [
    "Uroczystość wręczenia aktów nadania obywatelstwa",
    "Jubileusz 50-lecia pożycia małżeńskiego",
    "Otwarcie wystawy w Galerii Miejskiej",
    "Gala sportu miejskiego",
]
PLACES = ["Ratusz, gabinet Prezydenta", "Sala Sesyjna", "Urząd Miasta, sala 105", "Teatr Miejski", "Hala Sportowa"]
LETTER_SUBJECTS = [
    "Gratulacje z okazji jubileuszu",
    "Podziękowanie za współpracę przy organizacji Dni Miasta",
    "Zaproszenie na uroczystą sesję Rady Miasta",
    "Życzenia z okazji Święta Niepodległości",
    "Odpowiedź w sprawie współfinansowania inwestycji",
]


def seed_demo() -> None:
    """The core's demo and the demo of the apps that give report sections (each in a savepoint:
    an app whose demo cannot be made here is left out)."""
    from office import demo

    if User.objects.filter(username="sekretariat").exists():
        return
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    with transaction.atomic():
        demo.ensure_roles()
        users = demo._seed_core()
        demo._seed_contacts(users["admin"])
        demo._seed_assignments(users)
        for contribution in registry.contributions("demo"):
            if contribution.key in DEMO_APPS:
                contribution.provide(users["admin"])


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour % 24), tzinfo=timezone.get_current_timezone())


def add_year(back: int) -> None:
    """One year of activity (the 365 days ending ``back`` years before today), bulk inserted."""
    last = timezone.localdate() - dt.timedelta(days=365 * back)
    days = [last - dt.timedelta(days=n) for n in range(365)]
    working = [day for day in days if day.weekday() < 5]
    calendars = list(Calendar.objects.order_by("pk"))
    mayor = OfficeHolder.objects.filter(role="mayor").first()
    unit = OrgUnit.objects.order_by("symbol").first()
    jrwa = JrwaClass.objects.order_by("symbol").first()
    journalist = Journalist.objects.order_by("pk").first()
    organisations = [
        Contact.objects.get_or_create(name=f"Stowarzyszenie nr {n} {MARK}", defaults={"kind": Contact.Kind.NGO})[0]
        for n in range(20)
    ]
    entries, n = [], 0
    for day in working:
        for slot in range(20):  # about 20 engagements a working day across the office holders
            n += 1
            kind = [EntryKind.MEETING] * 12 + [EntryKind.CEREMONY] * 3 + [EntryKind.COUNCIL, EntryKind.TRIP]
            kind += [EntryKind.PRESS, EntryKind.INTERNAL, EntryKind.INTERNAL]
            chosen = kind[n % len(kind)]
            title = (CEREMONIES if chosen == EntryKind.CEREMONY else MEETINGS)[
                n % 4 if chosen == EntryKind.CEREMONY else n % 8
            ]
            start = _at(day, 8 + slot // 2) + dt.timedelta(minutes=30 * (slot % 2))
            entries.append(
                Entry(
                    calendar=calendars[n % len(calendars)],
                    title=f"{title} {MARK}",
                    kind=chosen,
                    start=start,
                    end=start + dt.timedelta(minutes=45),
                    place=PLACES[n % len(PLACES)],
                    visibility=Visibility.PRIVATE if n % 20 == 0 else Visibility.INTERNAL,
                )
            )
    Entry.objects.bulk_create(entries, batch_size=2000)
    meetings = [e for e in entries if e.kind == EntryKind.MEETING][::3]
    Decision.objects.bulk_create(
        [Decision(entry=e, text=f"Przygotować analizę kosztów w sprawie: {e.title[:60]}") for e in meetings],
        batch_size=2000,
    )
    Conference.objects.bulk_create(
        [
            Conference(
                topic=f"Konferencja prasowa nr {k} {MARK}", starts_at=_at(d, 11), ends_at=_at(d, 12), place="Ratusz"
            )
            for k, d in enumerate(working[::2][:150])
        ]
    )
    Release.objects.bulk_create(
        [
            Release(
                title=f"Komunikat nr {k}: prace drogowe i utrudnienia {MARK}",
                slug=f"bench-{back}-{k}",
                body="Treść komunikatu.",
                status="published",
                published_at=_at(d, 9 + k % 8),
            )
            for k, d in enumerate(working * 4)
        ][:1000],
        batch_size=2000,
    )
    if journalist is not None:
        Inquiry.objects.bulk_create(
            [
                Inquiry(
                    journalist=journalist,
                    subject=f"Pytanie o harmonogram prac {MARK}",
                    topic=["transport", "inwestycje", "oświata", "zdrowie"][k % 4],
                    questions="Kiedy?",
                    received_at=_at(d, 10),
                    statutory_due_on=d + dt.timedelta(days=3),
                    due_on=d + dt.timedelta(days=3),
                    deadline_rule="bench",
                    deadline_name="bench",
                    status="answered",
                    answered_at=_at(d, 14),
                )
                for k, d in enumerate(working * 7)
            ][:1700],
            batch_size=2000,
        )
    year_base = 100_000 + back * 1000
    Application.objects.bulk_create(
        [
            Application(
                year=d.year,
                number=year_base + k,
                organiser=organisations[k % len(organisations)],
                event_name=f"Festiwal dzielnicowy nr {k} {MARK}",
                starts_on=d + dt.timedelta(days=30),
                ends_on=d + dt.timedelta(days=31),
                place="Park Miejski",
                received_on=d - dt.timedelta(days=20),
                status="granted" if k % 8 else "refused",
                decided_on=d,
            )
            for k, d in enumerate((working * 3)[:520])
        ],
        batch_size=2000,
    )
    Event.objects.bulk_create(
        [
            Event(
                kind=[EventKind.CITY, EventKind.ANNIVERSARY, EventKind.GALA, EventKind.VISIT][k % 4],
                name=f"Uroczystość miejska nr {k} {MARK}",
                year=d.year,
                starts_at=_at(d, 12),
                ends_at=_at(d, 14),
                place="Plac Ratuszowy",
                status="held",
                holder=mayor,
            )
            for k, d in enumerate(working[::2][:100])
        ]
    )
    Letter.objects.bulk_create(
        [
            Letter(
                direction="out",
                unit=unit,
                jrwa_class=jrwa,
                year=d.year,
                sequence=year_base * 10 + k,
                sign=f"B.{back}.{k}.{d.year}",
                kind=LetterKind.OCCASIONAL if k % 2 else LetterKind.ORDINARY,
                status="sent",
                sent_on=d,
                dated_on=d,
                contact=organisations[k % len(organisations)],
                correspondent=organisations[k % len(organisations)].name,
                subject=LETTER_SUBJECTS[k % len(LETTER_SUBJECTS)],
                principal=mayor,
            )
            for k, d in enumerate((working * 16)[:3900])
        ],
        batch_size=2000,
    )


def years_present() -> int:
    """How many years of bench data the database holds (1,000 releases a year)."""
    return Release.objects.filter(slug__startswith="bench-").count() // 1000


def trim_to_one_year() -> None:
    """Back to one year of bench data (the rows of the years before it deleted), so that every run
    measures the assembly with one year and with ten."""
    cutoff = timezone.localdate() - dt.timedelta(days=364)
    moment = _at(cutoff, 0)
    Entry.objects.filter(title__endswith=MARK, start__lt=moment).delete()
    Conference.objects.filter(topic__endswith=MARK, starts_at__lt=moment).delete()
    Release.objects.filter(slug__startswith="bench-", published_at__lt=moment).delete()
    Inquiry.objects.filter(subject__endswith=MARK, received_at__lt=moment).delete()
    Application.objects.filter(event_name__endswith=MARK, decided_on__lt=cutoff).delete()
    Event.objects.filter(name__endswith=MARK, starts_at__lt=moment).delete()
    Letter.objects.filter(sign__startswith="B.", sent_on__lt=cutoff).delete()


def assembly(user: User) -> tuple[int, float]:
    end = timezone.localdate()
    start = end - dt.timedelta(days=PERIOD - 1)
    services.assemble(user=user, start=start, end=end)
    with CaptureQueriesContext(connection) as captured:
        began = time.perf_counter()
        services.assemble(user=user, start=start, end=end)
        took = time.perf_counter() - began
    return len(captured), took


def main() -> int:
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    seed_demo()
    user = User.objects.get(username="sekretariat")
    if years_present() > 1:
        trim_to_one_year()
    if years_present() < 1:
        add_year(0)
    print(f"office ready ({time.perf_counter() - began:.0f} s)", flush=True)
    one_year = assembly(user)
    for back in range(1, YEARS):
        add_year(back)
    ten_years = assembly(user)
    print(f"entries {Entry.objects.count()}, letters {Letter.objects.count()}, releases {Release.objects.count()}")

    end = timezone.localdate()
    report = services.create_report(
        actor=user,
        report=Report(
            title="Informacja Prezydenta Miasta z pracy w okresie między sesjami (bench)",
            start=end - dt.timedelta(days=PERIOD - 1),
            end=end,
        ),
    )
    services.finalise(actor=user, report=report)
    document = documents.of_report(Report.objects.prefetch_related("sections", "units").get(pk=report.pk))
    html = documents.html(document)

    from pypdf import PdfReader
    from weasyprint import HTML

    worker, bare, worker_wall, bare_wall, content = [], [], [], [], b""
    for _round in range(ROUNDS):
        job = Job.objects.create(
            kind="reporting.report_pdf", title="bench", owner=user, params={"report_id": report.pk}
        )
        wall, cpu = time.perf_counter(), time.process_time()
        run_job(str(job.pk))
        worker.append(time.process_time() - cpu)
        worker_wall.append(time.perf_counter() - wall)
        job.refresh_from_db()
        assert job.is_done, job.message
        with job.result.open("rb") as file:
            content = file.read()
        wall, cpu = time.perf_counter(), time.process_time()
        HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf()
        bare.append(time.process_time() - cpu)
        bare_wall.append(time.perf_counter() - wall)
    pages = len(PdfReader(io.BytesIO(content)).pages)
    worker_s, bare_s = statistics.median(worker), statistics.median(bare)
    print(f"report: {report.sections.count()} sections, {pages} pages, {len(content) / 1e6:.1f} MB (PDF/A-3b)")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; times: CPU of this process (wall clock)")
    print(f"worker (job handler) median {worker_s:.2f} s ({statistics.median(worker_wall):.2f} s)")
    print(
        f"bare WeasyPrint median {bare_s:.2f} s ({statistics.median(bare_wall):.2f} s); ratio {worker_s / bare_s:.2f}"
    )
    print(f"assembly: {one_year[0]} queries with 1 year of data ({one_year[1] * 1000:.0f} ms), ", end="")
    print(f"{ten_years[0]} queries with {YEARS} years ({ten_years[1] * 1000:.0f} ms)")
    failures = []
    if pages < 40:
        failures.append(f"{pages} pages < 40")
    if worker_s > 5:
        failures.append(f"worker {worker_s:.2f} s > 5 s")
    if worker_s > 1.2 * bare_s:
        failures.append(f"worker {worker_s:.2f} s > 1.2 × bare {bare_s:.2f} s")
    if one_year[0] != ten_years[0]:
        failures.append(f"assembly queries grew: {one_year[0]} → {ten_years[0]}")
    Report.objects.filter(pk=report.pk).delete()
    print("FAIL: " + "; ".join(failures) if failures else "OK: every target met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
