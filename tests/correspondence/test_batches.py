"""Batches of letters (correspondence.services.batches and the job in correspondence.reports):
what start_batch refuses, the job run (eager Celery: the job runs when the test's transaction
would commit) numbering every letter in the outgoing register, one PDF/A of all and a ZIP of one
PDF per letter, the progress, a retried job numbering nothing again, the batch_create page and
the downloads (404 until the batch is done)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from correspondence import reports
from correspondence.models import BatchStatus, Letter, LetterBatch, LetterStatus, SignCounter
from correspondence.services import batches
from office.models import AuditEntry, Contact, Job
from office.services.jobs import JobError
from tests.correspondence.factories import LetterTemplateFactory, OutgoingLetterFactory, office_unit
from tests.correspondence.permissions import EDITORS
from tests.correspondence.test_letters_pdf import assert_pdf_a_3b, pdf_text
from tests.factories import ContactFactory, OfficeHolderFactory, TagFactory
from tests.personas import AUTHENTICATED
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db

NAMES = ["Bożena Świątek", "Łukasz Żuławski", "Grzegorz Ćwikliński", "Anna Źródlana"]


def read(stored: Any) -> bytes:
    with stored.open("rb") as file:
        return file.read()


class World:
    def __init__(self, actor: Any) -> None:
        self.actor = actor
        self.office = office_unit()
        self.signatory = OfficeHolderFactory(role="mayor", title="Prezydent Miasta", last_name="Wiśniewski")
        self.template = LetterTemplateFactory(
            name="Gratulacje dla jubilatów",
            signatory=self.signatory,
            subject="Jubileusz Złotych Godów",
            salutation="Szanowni Państwo {{ adresat.nazwa }},",
            body="z okazji jubileuszu składam serdeczne gratulacje.\n\nŻyczę zdrowia i pogody ducha.",
        )
        self.contacts = [ContactFactory(name=name, city="Kraków") for name in NAMES]

    def start(self, contacts: list[Contact] | None = None, **changes: Any) -> Job:
        kwargs = {
            "actor": self.actor,
            "template": self.template,
            "contacts": self.contacts[:3] if contacts is None else contacts,
            "signatory": self.signatory,
            "unit": self.office,
            "dated_on": timezone.localdate(),
            "title": "Złote Gody – rocznik 2025/2026",
            **changes,
        }
        return batches.start_batch(**kwargs)


@pytest.fixture
def world(secretariat: Any) -> World:
    return World(secretariat)


# --- start_batch refuses ------------------------------------------------------------------------


def _unsaved_contacts(count: int) -> list[Contact]:
    return [Contact(name=f"Jubilat {n}") for n in range(count)]


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("no recipients", "contacts"),
        ("too many", "contacts"),
        ("inactive template", "template"),
        ("written from a record", "template"),
        ("unknown merge field", "body"),
    ],
)
def test_start_batch_refuses(world, case, field):
    contacts = None
    if case == "no recipients":
        contacts = []
    elif case == "too many":
        contacts = _unsaved_contacts(batches.MAX_BATCH + 1)
    elif case == "inactive template":
        world.template.is_active = False
    elif case == "written from a record":
        world.template.source_kind = "pismo_przychodzace"
    else:
        world.template.body = "Szanowny Panie {{ adresat.imie }}"
    with pytest.raises(ValidationError) as caught:
        world.start(contacts)
    assert field in caught.value.message_dict
    if case == "too many":
        assert str(batches.MAX_BATCH) in caught.value.message_dict[field][0]
    assert not LetterBatch.objects.exists() and not Job.objects.exists()


def test_the_most_letters_of_a_batch_are_allowed(world, monkeypatch):
    monkeypatch.setattr(batches, "start_job", lambda *, actor, **kwargs: Job.objects.create(owner=actor, **kwargs))
    world.start(_unsaved_contacts(batches.MAX_BATCH))
    assert LetterBatch.objects.get().total == batches.MAX_BATCH


# --- The job ------------------------------------------------------------------------------------------


def test_the_batch_job_numbers_the_letters_and_makes_the_pdf_and_the_zip(
    world, django_capture_on_commit_callbacks, persona
):
    earlier = OutgoingLetterFactory(actor=world.actor, template=world.template, contact=world.contacts[3])
    with django_capture_on_commit_callbacks(execute=True):
        job = world.start()
    job.refresh_from_db()
    batch = LetterBatch.objects.get(job=job)

    assert (job.status, job.progress, job.message) == (Job.Status.DONE, 100, "")
    assert (batch.status, batch.done_count, batch.total) == (BatchStatus.DONE, 3, 3)
    letters = list(batch.letters.order_by("sequence"))
    year = timezone.localdate().year
    first = earlier.sequence + 1
    assert [letter.sign for letter in letters] == [f"KP.0521.{n}.{year}" for n in range(first, first + 3)]
    assert [letter.correspondent for letter in letters] == NAMES[:3]
    assert SignCounter.objects.get(unit=world.office, jrwa_class=world.template.jrwa_class, year=year).last_number == (
        first + 2
    )
    for letter, name in zip(letters, NAMES, strict=False):
        assert (letter.direction, letter.status, letter.principal) == ("out", LetterStatus.PREPARED, world.signatory)
        assert letter.salutation == f"Szanowni Państwo {name},"
        assert letter.subject == "Jubileusz Złotych Godów" and letter.dated_on == batch.dated_on
    assert AuditEntry.objects.of(*letters).filter(action="create").count() == 3
    later = OutgoingLetterFactory(actor=world.actor, template=world.template, contact=world.contacts[3])
    assert later.sequence == first + 3  # the register goes on after the batch

    combined, archived, result = (read(stored) for stored in (batch.pdf, batch.archive, job.result))
    assert result == combined
    assert_pdf_a_3b(combined, pages=3)  # one page per letter
    text = pdf_text(combined)
    positions = [text.index(f"Szanowni Państwo {name},") for name in NAMES[:3]]
    assert positions == sorted(positions) and NAMES[3] not in text

    with zipfile.ZipFile(io.BytesIO(archived)) as archive:
        assert sorted(archive.namelist()) == sorted(f"{letter.sign}.pdf" for letter in letters)
        for letter in letters:
            single = archive.read(f"{letter.sign}.pdf")
            assert len(pypdf.PdfReader(io.BytesIO(single)).pages) == 1
            assert pypdf.PdfReader(io.BytesIO(single)).xmp_metadata.pdfaid_conformance == "B"
            words = pdf_text(single)
            assert letter.sign in words and letter.correspondent in words
            assert all(other.correspondent not in words for other in letters if other != letter)

    reader = client_for(persona("management"))
    download = fetch(reader, "get", reverse("correspondence:batch_pdf", args=[batch.pk]))
    assert download.status_code == 200 and download.content_bytes == combined
    download = fetch(reader, "get", reverse("correspondence:batch_zip", args=[batch.pk]))
    assert download.status_code == 200 and zipfile.is_zipfile(io.BytesIO(download.content_bytes))


def test_progress_is_reported_and_a_retried_job_numbers_nothing_again(world):
    job = world.start(world.contacts[:2])  # not run: the test's transaction never commits
    assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED
    handler = reports.letter_batch
    reported: list[tuple[int, str]] = []

    handler(job, lambda percent, message="": reported.append((percent, str(message))))
    first_run = list(Letter.objects.filter(batch__job=job).order_by("sequence").values_list("pk", "sign"))
    counter = SignCounter.objects.get().last_number

    percents = [percent for percent, _message in reported]
    assert percents == sorted(percents) and percents[0] == 10 and percents[-1] == 80
    assert "2" in reported[0][1] and any("2" in message and message != reported[0][1] for _p, message in reported)

    result = handler(job, lambda percent, message="": None)  # delivered again
    assert list(Letter.objects.filter(batch__job=job).order_by("sequence").values_list("pk", "sign")) == first_run
    assert SignCounter.objects.get().last_number == counter == 2
    assert len(pypdf.PdfReader(io.BytesIO(result.content)).pages) == 2
    assert LetterBatch.objects.get().status == BatchStatus.DONE


def test_a_failing_layout_marks_the_batch_failed(world, monkeypatch, django_capture_on_commit_callbacks):
    def broken(html: str) -> Any:
        raise OSError("Brak czcionki DejaVu Serif")

    monkeypatch.setattr(batches.pdf, "render_document", broken)
    with django_capture_on_commit_callbacks(execute=True):
        job = world.start()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.message
    assert LetterBatch.objects.get().status == BatchStatus.FAILED


def test_a_job_whose_batch_is_gone_fails_with_a_message(world):
    job = Job.objects.create(kind=batches.LETTER_BATCH, title="Pisma", owner=world.actor, params={"batch": 987654})
    with pytest.raises(JobError):
        reports.letter_batch(job, lambda percent, message="": None)


# --- The pages --------------------------------------------------------------------------------------


def _form(world: World, **changes: Any) -> dict[str, Any]:
    data = {
        "template": world.template.pk,
        "contacts": [contact.pk for contact in world.contacts[:2]],
        "signatory": world.signatory.pk,
        "unit": world.office.pk,
        "dated_on": timezone.localdate().isoformat(),
        "title": "Życzenia dla jubilatów – czerwiec",
    }
    return {**data, **changes}


def test_batch_create_page_per_persona(world, persona):
    url = reverse("correspondence:batch_create")
    got = {key: fetch(client_for(persona(key)), "get", url).status_code for key in AUTHENTICATED}
    assert got == {key: 200 if key in EDITORS else 403 for key in AUTHENTICATED}
    for chosen in (str(world.template.pk), "abc", "9" * 30, "-1"):
        response = fetch(client_for(world.actor), "get", url, {"template": chosen})
        assert response.status_code == 200
    assert fetch(client_for(world.actor), "get", url, {"template": world.template.pk}).context["form"][
        "template"
    ].value() == (world.template.pk)


def test_batch_create_starts_the_job_and_goes_to_its_page(world):
    response = fetch(client_for(world.actor), "post", reverse("correspondence:batch_create"), _form(world))
    batch = LetterBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("office:job_detail", args=[batch.job.pk])
    assert batch.contact_ids == [contact.pk for contact in world.contacts[:2]]
    assert (batch.title, batch.created_by, batch.job.kind) == (
        "Życzenia dla jubilatów – czerwiec",
        world.actor,
        batches.LETTER_BATCH,
    )


def test_batch_create_takes_the_contacts_of_a_tag(world):
    tag = TagFactory(name="jubilaci-2026")
    for contact in world.contacts[1:]:
        contact.tags.add(tag)
    merged = ContactFactory(name="Aaron Scalony", merged_into=world.contacts[0], tags=[tag])
    data = _form(world, tag=tag.pk, contacts=[world.contacts[1].pk])  # chosen and tagged: once
    response = fetch(client_for(world.actor), "post", reverse("correspondence:batch_create"), data)
    assert response.status_code == 302
    ids = LetterBatch.objects.get().contact_ids
    assert sorted(ids) == sorted(contact.pk for contact in world.contacts[1:]) and merged.pk not in ids
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contacts": []}, "contacts"),
        ({"contacts": ["987654"]}, "contacts"),
        ({"dated_on": "31.02.2026"}, "dated_on"),
        ({"dated_on": "9999-12-31"}, "dated_on"),
        ({"template": "abc"}, "template"),
        ({"unit": ""}, "unit"),
    ],
)
def test_batch_create_with_bad_input_shows_the_error_and_keeps_the_input(world, changes, field):
    response = fetch(client_for(world.actor), "post", reverse("correspondence:batch_create"), _form(world, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    text = page_text(response)
    assert 'id="error-summary"' in text and "Życzenia dla jubilatów – czerwiec" in text
    assert not LetterBatch.objects.exists() and not Job.objects.exists()


def test_templates_written_from_a_record_or_retired_are_not_offered(world):
    world.template.source_kind = "pismo_przychodzace"
    world.template.save()
    retired = LetterTemplateFactory(name="Stary szablon", is_active=False)
    for template in (world.template, retired):
        response = fetch(
            client_for(world.actor), "post", reverse("correspondence:batch_create"), _form(world, template=template.pk)
        )
        assert response.status_code == 200 and "template" in response.context["form"].errors
    assert not LetterBatch.objects.exists()


@pytest.mark.parametrize("status", [BatchStatus.QUEUED, BatchStatus.RUNNING, BatchStatus.FAILED])
def test_downloads_are_404_until_the_batch_is_done(world, persona, status):
    job = world.start()
    batch = LetterBatch.objects.get(job=job)
    LetterBatch.objects.filter(pk=batch.pk).update(status=status)
    client = client_for(persona("management"))
    for name in ("batch_pdf", "batch_zip"):
        assert fetch(client, "get", reverse(f"correspondence:{name}", args=[batch.pk])).status_code == 404
    detail = fetch(client, "get", reverse("correspondence:batch_detail", args=[batch.pk]))
    assert detail.status_code == 200 and reverse("correspondence:batch_pdf", args=[batch.pk]) not in page_text(detail)
    LetterBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.DONE)  # done, but no file stored
    assert fetch(client, "get", reverse("correspondence:batch_pdf", args=[batch.pk])).status_code == 404


def test_batch_dated_in_the_past_is_dated_so(world, django_capture_on_commit_callbacks):
    day = timezone.localdate() - dt.timedelta(days=3)
    batches.register_batch(batch=LetterBatch.objects.get(job=world.start(dated_on=day)))
    assert set(Letter.objects.values_list("dated_on", flat=True)) == {day}
