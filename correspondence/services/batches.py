"""Batches of letters (mail merge): letters from one template for many contacts, numbered in the
outgoing register at once, laid out in the background into one PDF and a ZIP of single PDFs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from correspondence.models import BatchStatus, Direction, Letter, LetterBatch, LetterKind, LetterStatus, LetterTemplate
from correspondence.services import letters as letter_services
from correspondence.services.register import file_mark, format_sign
from office.models import Contact, Job, OfficeHolder, OrgUnit
from office.services import audit, pdf
from office.services.jobs import start_job

LETTER_BATCH = "correspondence.letter_batch"
#: the most letters one batch makes (a city's jubilarians of a year; more: split the list)
MAX_BATCH = 2000
#: letters laid out together (progress is reported after each group)
GROUP = 50


@transaction.atomic
def start_batch(
    *,
    actor: Any,
    template: LetterTemplate,
    contacts: list[Contact],
    signatory: OfficeHolder,
    unit: OrgUnit,
    dated_on: dt.date,
    title: str = "",
) -> Job:
    """Queue the letters: the request returns at once, a worker makes them (the job's page shows
    the progress)."""
    if not contacts:
        raise ValidationError({"contacts": _("Choose at least one recipient.")})
    if len(contacts) > MAX_BATCH:
        raise ValidationError({"contacts": _("At most %(count)d letters in one batch.") % {"count": MAX_BATCH}})
    if not template.is_active:
        raise ValidationError({"template": _("This template is no longer in use.")})
    letter_services.check_template(template)
    if template.source_kind:
        raise ValidationError({"template": _("This template is written from a record; use it from that record.")})
    title = title.strip() or f"{template.name} ({len(contacts)})"
    batch = LetterBatch.objects.create(
        template=template,
        title=title,
        signatory=signatory,
        unit=unit,
        dated_on=dated_on,
        contact_ids=[contact.pk for contact in contacts],
        created_by=actor,
    )
    audit.record_create(actor=actor, instance=batch)
    job = start_job(actor=actor, kind=LETTER_BATCH, title=title, params={"batch": batch.pk})
    batch.job = job
    batch.save(update_fields=["job"])
    return job


def next_sequences(*, unit: OrgUnit, jrwa_class: Any, year: int, count: int) -> range:
    """``count`` consecutive numbers in the file, taken under the counter's lock (see
    ``register.next_sequence``)."""
    from correspondence.models import SignCounter

    SignCounter.objects.bulk_create([SignCounter(unit=unit, jrwa_class=jrwa_class, year=year)], ignore_conflicts=True)
    counter = SignCounter.objects.select_for_update(of=("self",)).get(unit=unit, jrwa_class=jrwa_class, year=year)
    first = counter.last_number + 1
    counter.last_number += count
    counter.save(update_fields=["last_number"])
    return range(first, first + count)


@transaction.atomic
def register_batch(*, batch: LetterBatch) -> list[Letter]:
    """Number and register the batch's letters (once: a retried job finds them registered)."""
    batch = (
        LetterBatch.objects.select_for_update(of=("self",))
        .select_related("template__jrwa_class", "signatory", "unit")
        .get(pk=batch.pk)
    )
    existing = list(batch.letters.order_by("sequence"))
    if existing:
        return existing
    template = batch.template
    by_id = Contact.objects.select_related("organisation").in_bulk(batch.contact_ids)
    contacts = [by_id[pk] for pk in batch.contact_ids if pk in by_id]
    year = timezone.localdate().year
    numbers = next_sequences(unit=batch.unit, jrwa_class=template.jrwa_class, year=year, count=len(contacts))
    made = []
    for contact, number in zip(contacts, numbers, strict=True):
        sign = format_sign(batch.unit, template.jrwa_class, number, year)
        context = letter_services.merge_context(
            contact=contact,
            signatory=batch.signatory,
            sign=sign,
            dated_on=batch.dated_on,
            language=template.language,
        )
        texts = letter_services.merged_texts(template, context)
        made.append(
            Letter(
                direction=Direction.OUTGOING,
                unit=batch.unit,
                jrwa_class=template.jrwa_class,
                year=year,
                sequence=number,
                sign=sign,
                file_mark=file_mark(batch.unit, template.jrwa_class),
                kind=LetterKind.OCCASIONAL,
                status=LetterStatus.PREPARED,
                contact=contact,
                correspondent=contact.name,
                subject=(texts["subject"] or template.name)[:500],
                salutation=texts["salutation"][:200],
                body=texts["body"],
                closing=texts["closing"][:200],
                principal=batch.signatory,
                dated_on=batch.dated_on,
                template=template,
                batch=batch,
                created_by=batch.created_by,
            )
        )
    Letter.objects.bulk_create(made, batch_size=500)
    audit.record_created_rows(actor=batch.created_by, instances=made)
    return made


def _letter_starts(document: Any, count: int) -> list[int]:
    """The index of the first page of each letter of a laid-out group (``letter-N`` anchors)."""
    starts = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("letter-"):
                starts.setdefault(int(anchor.removeprefix("letter-")), index)
    return [starts[n] for n in range(1, count + 1)]


def build(batch: LetterBatch, progress: Callable[[int, str], None]) -> tuple[bytes, bytes]:
    """Lay the batch's letters out: (one PDF of all, a ZIP of one PDF per letter), both PDF/A."""
    letters = register_batch(batch=batch)
    progress(10, _("%(count)d letters numbered in the register") % {"count": len(letters)})
    ids = [letter.pk for letter in letters]
    loaded = Letter.objects.select_related("contact__organisation", "principal", "template", "in_reply_to").in_bulk(ids)
    ordered = [loaded[pk] for pk in ids]
    documents, pages, singles = [], [], []
    for start in range(0, len(ordered), GROUP):
        group = ordered[start : start + GROUP]
        document = pdf.render_document(letter_services.letters_html(group, title=batch.title))
        starts = _letter_starts(document, len(group))
        for number, (letter, first) in enumerate(zip(group, starts, strict=True)):
            last = starts[number + 1] if number + 1 < len(starts) else len(document.pages)
            singles.append((letter.sign, document.pages[first:last], document))
        documents.append(document)
        pages.extend(document.pages)
        done = start + len(group)
        LetterBatch.objects.filter(pk=batch.pk).update(done_count=done, status=BatchStatus.RUNNING)
        progress(
            10 + int(60 * done / len(ordered)),
            _("%(done)d of %(total)d letters laid out")
            % {
                "done": done,
                "total": len(ordered),
            },
        )
    combined = pdf.write(documents[0], pages, archival=True)
    progress(80, _("Writing the single letters"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for sign, letter_pages, document in singles:
            zipped.writestr(f"{sign}.pdf", pdf.write(document, letter_pages, archival=True))
    return combined, archive.getvalue()


def finish(batch: LetterBatch, combined: bytes, archive: bytes) -> None:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    batch.pdf.save(f"pisma-{batch.pk}-{stamp}.pdf", ContentFile(combined), save=False)
    batch.archive.save(f"pisma-{batch.pk}-{stamp}.zip", ContentFile(archive), save=False)
    batch.status = BatchStatus.DONE
    batch.done_count = batch.total
    batch.save(update_fields=["pdf", "archive", "status", "done_count"])
