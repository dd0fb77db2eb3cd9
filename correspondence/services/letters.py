"""Letters from templates: the public service every app calls to write a letter.

``write_letter`` registers an outgoing letter (numbered in the register) with its texts merged
from a template (``correspondence.merge``: the sandbox), for a contact, signed by an office
holder, optionally written from a record of another app (its fields passed as strings under a
``LetterSource`` key) or in reply to an incoming letter. ``letter_pdf`` lays a registered letter
out on the city's letterhead (PDF/A); ``start_batch`` makes letters for a list of contacts in
the background (one PDF and a ZIP of single PDFs); ``letter_docx`` gives an editable copy.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from correspondence import merge
from correspondence.models import Direction, JrwaClass, Layout, Letter, LetterKind, LetterTemplate, TemplateKind
from correspondence.services.register import register_letter
from office.models import Contact, OfficeHolder, OrgUnit
from office.services import audit, pdf

# --- The merge context --------------------------------------------------------------------------


def contact_fields(contact: Contact) -> dict[str, str]:
    return {
        "nazwa": contact.name,
        "stanowisko": contact.position,
        "organizacja": contact.organisation.name if contact.organisation_id else "",
        "ulica": contact.street,
        "kod_pocztowy": contact.postal_code,
        "miejscowosc": contact.city,
        "email": contact.email,
    }


def long_date(day: dt.date, language: str = "pl") -> str:
    """``29 listopada 2026 r.`` (the genitive month, as Polish letters are dated)."""
    with translation.override(language):
        text = date_format(day, "j E Y")
    return f"{text} r." if language == "pl" else text


def signatory_fields(holder: OfficeHolder) -> dict[str, str]:
    return {"imie_nazwisko": holder.full_name, "funkcja": holder.title}


def merge_context(
    *,
    contact: Contact,
    signatory: OfficeHolder,
    sign: str,
    dated_on: dt.date,
    language: str = "pl",
    source_kind: str = "",
    source_fields: dict[str, Any] | None = None,
) -> dict[str, dict[str, str]]:
    context = {
        merge.RECIPIENT.key: contact_fields(contact),
        merge.LETTER.key: {"znak": sign, "data": long_date(dated_on, language), "miejscowosc": settings.CITY_NAME},
        merge.SIGNATORY.key: signatory_fields(signatory),
    }
    if source_kind:
        offered = merge.groups_for(source_kind)[-1].fields
        given = source_fields or {}
        context[source_kind] = {name: str(given.get(name, "")) for name in offered}
    return context


TEXTS = ("subject", "salutation", "body", "closing")


def merged_texts(template: LetterTemplate, context: dict[str, dict[str, str]]) -> dict[str, str]:
    """The template's texts filled in, with Polish typography for a Polish letter."""
    texts = {name: merge.render(getattr(template, name), context) for name in TEXTS}
    if template.language == "pl":
        texts = {name: merge.polish_typography(text) for name, text in texts.items()}
    return texts


def check_template(template: LetterTemplate) -> None:
    """The template's texts compile and name only offered fields (a ValidationError by field)."""
    if template.source_kind:
        try:
            merge.groups_for(template.source_kind)
        except LookupError:
            raise ValidationError({"source_kind": _("Unknown kind of record.")}) from None
    merge.check({name: getattr(template, name) for name in TEXTS}, template.source_kind)


# --- Writing letters -------------------------------------------------------------------------------


def register_unit(user: Any) -> OrgUnit | None:
    """The register a user writes into: the office's (``OFFICE_UNIT_SYMBOL``), else their own unit."""
    return OrgUnit.objects.filter(symbol=settings.OFFICE_UNIT_SYMBOL).first() or getattr(user, "unit", None)


@transaction.atomic
def define_template(
    *,
    actor: Any,
    name: str,
    source_kind: str,
    subject: str,
    body: str,
    jrwa_symbol: str,
    salutation: str = "",
    closing: str = "Z wyrazami szacunku",
    signatory: OfficeHolder | None = None,
) -> LetterTemplate:
    """A template another app ships for its letter source (its demo data or set-up): created once,
    checked like any template, and left alone afterwards (staff may have edited it)."""
    existing = LetterTemplate.objects.filter(name=name).first()
    if existing is not None:
        return existing
    template = LetterTemplate(
        name=name,
        kind=TemplateKind.DECISION,
        source_kind=source_kind,
        subject=subject,
        salutation=salutation,
        body=body,
        closing=closing,
        jrwa_class=JrwaClass.objects.get(symbol=jrwa_symbol),
        signatory=signatory,
        updated_by=actor,
    )
    check_template(template)
    return audit.save_record(actor=actor, record=template)


def templates_for(source_kind: str) -> Any:
    """The templates in use that are written from records of ``source_kind`` (a ``LetterSource``
    key): what another app offers when it writes a letter."""
    return LetterTemplate.objects.filter(is_active=True, source_kind=source_kind).order_by("name")


@transaction.atomic
def write_letter(
    *,
    actor: Any,
    template: LetterTemplate,
    contact: Contact,
    signatory: OfficeHolder | None = None,
    unit: OrgUnit,
    dated_on: dt.date | None = None,
    source_fields: dict[str, Any] | None = None,
    in_reply_to: Letter | None = None,
    batch: Any = None,
    confidential: bool = False,
) -> Letter:
    """Register an outgoing letter written from ``template`` for ``contact``: it gets the next
    sign of the template's JRWA class in ``unit``'s register and stays prepared until sent."""
    if not template.is_active:
        raise ValidationError({"template": _("This template is no longer in use.")})
    signatory = signatory or template.signatory
    if signatory is None:
        raise ValidationError({"signatory": _("Choose who signs the letter.")})
    dated_on = dated_on or timezone.localdate()

    def compose(sign: str) -> dict[str, str]:
        context = merge_context(
            contact=contact,
            signatory=signatory,
            sign=sign,
            dated_on=dated_on,
            language=template.language,
            source_kind=template.source_kind,
            source_fields=source_fields,
        )
        texts = merged_texts(template, context)
        return {
            "subject": (texts["subject"] or template.name)[:500],
            "salutation": texts["salutation"][:200],
            "body": texts["body"],
            "closing": texts["closing"][:200],
        }

    return register_letter(
        actor=actor,
        direction=Direction.OUTGOING,
        unit=unit,
        jrwa_class=template.jrwa_class,
        principal=signatory,
        subject=template.name,
        contact=contact,
        kind=in_reply_to.kind if in_reply_to is not None else LetterKind.OCCASIONAL,
        dated_on=dated_on,
        in_reply_to=in_reply_to,
        template=template,
        batch=batch,
        confidential=confidential or (in_reply_to is not None and in_reply_to.confidential),
        compose=compose,
    )


# --- Layout -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    name: str
    position: str = ""
    organisation: str = ""
    street: str = ""
    town: str = ""


@dataclass(frozen=True)
class LaidOut:
    """One letter as the PDF template reads it."""

    layout: str
    sign: str
    place_and_date: str
    recipient: Recipient
    subject: str
    salutation: str
    paragraphs: list[str]
    closing: str
    signatory_name: str
    signatory_title: str
    in_reply_to: str = ""


def paragraphs(text: str) -> list[str]:
    """A letter's body as its paragraphs (blank lines between them), as the layout and e-mails show it."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def laid_out(letter: Letter) -> LaidOut:
    """The letter's parts for its layout (it needs ``contact__organisation``, ``principal``,
    ``template`` and ``in_reply_to`` joined when many are laid out)."""
    contact = letter.contact
    language = letter.template.language if letter.template_id else "pl"
    day = letter.dated_on or letter.sent_on or letter.created_at.date()
    reply_to = letter.in_reply_to
    return LaidOut(
        layout=letter.template.layout if letter.template_id else Layout.LETTER,
        sign=letter.sign,
        place_and_date=f"{settings.CITY_NAME}, {long_date(day, language)}",
        recipient=Recipient(
            name=letter.correspondent,
            position=contact.position,
            organisation=contact.organisation.name if contact.organisation_id else "",
            street=contact.street,
            town=" ".join(part for part in (contact.postal_code, contact.city) if part),
        ),
        subject=letter.subject,
        salutation=letter.salutation,
        paragraphs=paragraphs(letter.body),
        closing=letter.closing,
        signatory_name=letter.principal.full_name,
        signatory_title=letter.principal.title,
        in_reply_to=(reply_to.their_reference or reply_to.sign) if reply_to is not None else "",
    )


def letters_html(letters: list[Letter], *, title: str) -> str:
    return pdf.render_html(
        "correspondence/pdf/letters.html",
        {
            "letters": [laid_out(letter) for letter in letters],
            "title": title,
            "office_address": settings.OFFICE_ADDRESS,
            "office_contact": settings.OFFICE_CONTACT,
        },
    )


def letters_pdf(letter_ids: list[int], *, title: str, group: int = 50, progress: Any = None) -> bytes:
    """Letters written from another app's records (invitations, say), laid out one after another
    in one PDF for print, in the order of ``letter_ids``; ``progress(done, total)`` after each group."""
    loaded = Letter.objects.select_related("contact__organisation", "principal", "template", "in_reply_to").in_bulk(
        letter_ids
    )
    ordered = [loaded[pk] for pk in letter_ids if pk in loaded]
    if not ordered:
        raise ValidationError(_("There are no letters to print."))
    documents, pages = [], []
    for start in range(0, len(ordered), group):
        document = pdf.render_document(letters_html(ordered[start : start + group], title=title))
        documents.append(document)
        pages.extend(document.pages)
        if progress is not None:
            progress(min(start + group, len(ordered)), len(ordered))
    return pdf.write(documents[0], pages)


def letter_pdf(letter: Letter) -> bytes:
    """The letter on the letterhead as an archival PDF (PDF/A-3b)."""
    return pdf.write(pdf.render_document(letters_html([letter], title=letter.sign)), archival=True)


def preview_pdf(template: LetterTemplate, contact: Contact | None = None) -> bytes:
    """The template filled with a contact (or the example values), before anything is registered."""
    signatory = template.signatory or OfficeHolder.objects.filter(is_active=True).order_by("order").first()
    if contact is not None and signatory is not None:
        context = merge_context(
            contact=contact,
            signatory=signatory,
            sign="KP.XXXX.?.????",
            dated_on=timezone.localdate(),
            language=template.language,
            source_kind=template.source_kind,
        )
    else:
        context = merge.example_context(template.source_kind)
    texts = merged_texts(template, context)
    recipient = context[merge.RECIPIENT.key]
    sample = LaidOut(
        layout=template.layout,
        sign=context[merge.LETTER.key]["znak"],
        place_and_date=f"{settings.CITY_NAME}, {long_date(timezone.localdate(), template.language)}",
        recipient=Recipient(
            name=recipient["nazwa"],
            position=recipient["stanowisko"],
            organisation=recipient["organizacja"],
            street=recipient["ulica"],
            town=f"{recipient['kod_pocztowy']} {recipient['miejscowosc']}".strip(),
        ),
        subject=texts["subject"],
        salutation=texts["salutation"],
        paragraphs=paragraphs(texts["body"]),
        closing=texts["closing"],
        signatory_name=context[merge.SIGNATORY.key]["imie_nazwisko"],
        signatory_title=context[merge.SIGNATORY.key]["funkcja"],
    )
    html = pdf.render_html(
        "correspondence/pdf/letters.html",
        {
            "letters": [sample],
            "title": template.name,
            "office_address": settings.OFFICE_ADDRESS,
            "office_contact": settings.OFFICE_CONTACT,
        },
    )
    return pdf.write(pdf.render_document(html))


# --- An editable copy -----------------------------------------------------------------------------


def letter_docx(letter: Letter) -> bytes:
    """The letter as a Word document (.docx) for staff who finish letters in a word processor."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    parts = laid_out(letter)
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    document.core_properties.title = letter.sign
    document.core_properties.author = settings.OFFICE_NAME
    head = document.add_paragraph()
    head.add_run(parts.signatory_title).bold = True
    head.add_run(f"\n{settings.OFFICE_NAME} · {settings.CITY_NAME}")
    meta = document.add_paragraph(f"{parts.sign}\t\t\t{parts.place_and_date}")
    meta.paragraph_format.space_after = Pt(18)
    recipient = document.add_paragraph()
    recipient.paragraph_format.left_indent = Pt(260)
    lines = [parts.recipient.name, parts.recipient.position, parts.recipient.organisation]
    lines += [parts.recipient.street, parts.recipient.town]
    recipient.add_run("\n".join(line for line in lines if line))
    if parts.subject:
        subject = document.add_paragraph(f"{_('Re')}: ")
        subject.add_run(parts.subject).italic = True
    if parts.salutation:
        document.add_paragraph(parts.salutation)
    for paragraph in parts.paragraphs:
        document.add_paragraph(paragraph).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if parts.closing:
        document.add_paragraph(parts.closing)
    signature = document.add_paragraph(f"\n\n{parts.signatory_name}\n{parts.signatory_title}")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Replies ------------------------------------------------------------------------------------

REPLY_SOURCE = "pismo_przychodzace"


def reply_fields(letter: Letter) -> dict[str, str]:
    """The merge fields a reply offers (``LetterSource`` ``pismo_przychodzace``): the letter
    answered and the lead unit's answer to its decree."""
    lead = letter.decrees.filter(is_lead=True, assignment__isnull=False).select_related("assignment").first()
    return {
        "znak": letter.sign,
        "ich_znak": letter.their_reference,
        "data_wplywu": long_date(letter.received_on) if letter.received_on else "",
        "data_pisma": long_date(letter.dated_on) if letter.dated_on else "",
        "temat": letter.subject,
        "odpowiedz": lead.assignment.reply if lead is not None else "",
    }


def write_reply(
    *, actor: Any, letter: Letter, template: LetterTemplate, signatory: OfficeHolder, dated_on: dt.date
) -> Letter:
    """A prepared reply to ``letter`` from a template (sent later with ``register.mark_sent``)."""
    if not letter.is_open:
        raise ValidationError(_("The letter is already answered or filed."))
    if template.source_kind not in ("", REPLY_SOURCE):
        raise ValidationError({"template": _("This template is written from another kind of record.")})
    return write_letter(
        actor=actor,
        template=template,
        contact=letter.contact,
        signatory=signatory,
        unit=letter.unit,
        dated_on=dated_on,
        source_fields=reply_fields(letter) if template.source_kind == REPLY_SOURCE else None,
        in_reply_to=letter,
    )


@transaction.atomic
def update_texts(*, actor: Any, letter: Letter, subject: str, salutation: str, body: str, closing: str) -> Letter:
    """A prepared letter finished by hand before it goes out."""
    from office.services import audit

    letter = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
    if not letter.is_prepared:
        raise ValidationError(_("A letter that was sent cannot be changed."))
    before = audit.snapshot(letter, ["subject", "salutation", "body", "closing"])
    letter.subject, letter.salutation, letter.body, letter.closing = subject.strip(), salutation.strip(), body, closing
    letter.full_clean()
    letter.save()
    audit.record_update(actor=actor, instance=letter, before=before)
    return letter
