"""Guest lists and galleries, measured on PostgreSQL.

- an event with 2,000 invited guests: the guest list page (and its filters, the last page, the
  check-in search) server time p95 at most 150 ms, the same number of queries on every request;
- sending the 2,000 invitations: the request returns at once, the worker writes a letter per
  guest (numbered in the register) and mails each guest once;
- 200 photos uploaded to a gallery (four uploads of 50): each upload returns at once, the worker
  makes the sizes; the gallery page makes the same number of queries on every request.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/events_bench.py [--worker]
With ``--worker`` the jobs go to a real Celery worker (start one with REDIS_URL set:
``celery -A office worker -c 2``); without it they run in this process after the request.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import time

from benchdb import percentile  # first: the bench database and django.setup()
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from correspondence.services import archive
from correspondence.services import letters as letter_services
from events.models import Event, Gallery, Guest, Photo, PhotoStatus, Precedence
from events.services import galleries, guests, save_event
from office.models import Contact, OfficeHolder, OrgUnit, SecretariatMembership, User
from office.roles import SECRETARIAT, ensure_roles

GUESTS = 2000
PHOTOS = 200
ROUNDS = 40


def prepare() -> tuple[User, OfficeHolder, OrgUnit, Event]:
    call_command("migrate", verbosity=0)
    ensure_roles()
    archive.ensure_shipped_classes()
    guests.ensure_shipped_precedence()
    user, _ = User.objects.get_or_create(username="bench-secretary", defaults={"first_name": "Bench"})
    user.groups.add(Group.objects.get(name=SECRETARIAT.group))
    unit, _ = OrgUnit.objects.get_or_create(symbol="KP", defaults={"name": "Kancelaria Prezydenta"})
    holder, _ = OfficeHolder.objects.get_or_create(
        role="mayor", defaults={"title": "Prezydent Miasta", "first_name": "Anna", "last_name": "Nowak"}
    )
    SecretariatMembership.objects.get_or_create(office_holder=holder, user=user)
    Event.objects.filter(name="Bench: Święto Niepodległości").delete()
    start = timezone.now() + dt.timedelta(days=30)
    event = save_event(
        actor=user,
        event=Event(
            name="Bench: Święto Niepodległości",
            kind="state",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            place="Plac Wolności",
            rsvp_by=timezone.localdate() + dt.timedelta(days=20),
        ),
    )
    have = Contact.objects.filter(email__startswith="bench-guest").count()
    Contact.objects.bulk_create(
        [
            Contact(name=f"Gość Benchmarkowy {n:04d}", email=f"bench-guest{n}@example.org", city="Przykładowo")
            for n in range(have, GUESTS)
        ]
    )
    contacts = list(Contact.objects.filter(email__startswith="bench-guest").order_by("pk")[:GUESTS])
    places = list(Precedence.objects.all())
    for n in range(0, GUESTS, 250):
        guests.add_guests(actor=user, event=event, contacts=contacts[n : n + 250], precedence=places[n // 250])
    answered = list(Guest.objects.filter(event=event).values_list("pk", flat=True)[: GUESTS // 2])
    Guest.objects.filter(pk__in=answered[::2]).update(answer="accepted", companions=1, answered_at=timezone.now())
    Guest.objects.filter(pk__in=answered[1::2]).update(answer="declined", answered_at=timezone.now())
    return user, holder, unit, event


def measure(client: Client, url: str) -> tuple[list[float], set[int]]:
    client.get(url)
    timings, counts = [], set()
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
        counts.add(len(queries))
    return timings, counts


def wait_for(job) -> None:
    while True:
        job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.5)
    assert job.is_done, job.message


def invitations(user: User, holder: OfficeHolder, unit: OrgUnit, event: Event) -> None:
    template = letter_services.define_template(
        actor=user,
        name="Zaproszenie (bench)",
        source_kind=guests.INVITATION_SOURCE,
        subject="Zaproszenie – {{ zaproszenie.wydarzenie }}",
        salutation="Szanowni Państwo,",
        body="Zapraszamy na {{ zaproszenie.wydarzenie }}, {{ zaproszenie.termin }}.\n\n"
        "{{ zaproszenie.link_odpowiedzi }}",
        jrwa_symbol="0170",
        signatory=holder,
    )
    worker = "--worker" in sys.argv
    mail.outbox = []
    with override_settings(
        CELERY_TASK_ALWAYS_EAGER=not worker, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    ):
        started = time.perf_counter()
        # what the action's view does: the request ends when the job is queued
        from django.db import transaction

        with transaction.atomic():
            job = guests.start_invitations(actor=user, event=event, template=template, signatory=holder, unit=unit)
            returned = time.perf_counter() - started
        wait_for(job)
    total = time.perf_counter() - started
    mailed = Guest.objects.filter(event=event, invited_by_email=True).count()
    letters = Guest.objects.filter(event=event, letter_id__isnull=False).values("letter_id").distinct().count()
    print(
        f"invitations: {GUESTS} guests: request returned in {returned * 1000:.0f} ms, all invited in {total:.1f} s; "
        f"{letters} letters in the register, {mailed} guests mailed"
        + ("" if worker else f", {len(mail.outbox)} messages, {len({m.to[0] for m in mail.outbox})} addresses")
    )


def photo(n: int) -> SimpleUploadedFile:
    image = Image.new("RGB", (4000, 3000), ((n * 37) % 256, (n * 91) % 256, 120))
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(out, "JPEG", quality=85, exif=exif)
    return SimpleUploadedFile(f"IMG_{n:04d}.jpg", out.getvalue(), "image/jpeg")


def photos(user: User, event: Event, client: Client) -> None:
    gallery = galleries.save_gallery(
        actor=user,
        gallery=Gallery(title="Bench: fotorelacja"),
        record=galleries.Target(event, str(event), f"/events/{event.pk}/"),
    )
    files = [photo(n) for n in range(PHOTOS)]
    worker = "--worker" in sys.argv
    returns = []
    started = time.perf_counter()
    with override_settings(CELERY_TASK_ALWAYS_EAGER=not worker):
        for n in range(0, PHOTOS, galleries.MAX_FILES):
            batch = files[n : n + galleries.MAX_FILES]
            begun = time.perf_counter()
            response = client.post(
                f"/events/galleries/{gallery.pk}/upload/",
                {"upload-photos": batch, "upload-licence": "city", "upload-consent": "nobody"},
            )
            returns.append(time.perf_counter() - begun)
            assert response.status_code == 302, response.status_code
        while Photo.objects.filter(gallery=gallery, status=PhotoStatus.PROCESSING).exists():
            time.sleep(0.5)
    total = time.perf_counter() - started
    ready = Photo.objects.filter(gallery=gallery, status=PhotoStatus.READY).count()
    timings, counts = measure(client, f"/events/galleries/{gallery.pk}/")
    where = "" if worker else " (no worker: the sizes were made in the request)"
    print(
        f"photos: {PHOTOS} uploaded in {len(returns)} requests of {galleries.MAX_FILES}, "
        f"each returned in at most {max(returns):.2f} s{where}; {ready} ready after {total:.1f} s; "
        f"gallery page p95 {percentile(timings, 0.95):.0f} ms, queries {sorted(counts)}"
    )


def main() -> None:
    user, holder, unit, event = prepare()
    client = Client()
    client.force_login(user)
    print(f"guests: {Guest.objects.filter(event=event).count()} on the list of event {event.pk}")
    last = (GUESTS + 49) // 50
    for suffix in ("", "?answer=accepted", "?q=0042", f"?page={last}", "?precedence=1&invited=false"):
        url = f"/events/{event.pk}/guests/{suffix}"
        timings, counts = measure(client, url)
        print(
            f"{url:<48} p50 {percentile(timings, 0.5):6.1f} ms  p95 {percentile(timings, 0.95):6.1f} ms  "
            f"queries {sorted(counts)}"
        )
    timings, counts = measure(client, f"/events/{event.pk}/check-in/?q=Gość")
    print(f"check-in search p95 {percentile(timings, 0.95):.1f} ms, queries {sorted(counts)}")
    invitations(user, holder, unit, event)
    photos(user, event, client)


if __name__ == "__main__":
    main()
