"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for correspondence.

Roles: the secretariat and office staff register and change letters, matters, visits,
documents, translations and batches (office staff also keep the templates and the JRWA list
and hand files to the archive); management and auditors read. The secretariat persona serves the
mayor, so it decrees the mayor's letters (administrators may decree any). A unit's staff see the
letters and matters handed to their unit (the liaison persona's WOK) and nothing else: 404.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import LOGIN, Row, World, pk_of, table
from tests.matrix import action_row as _action
from tests.matrix import form_row as _form
from tests.matrix import page_row as _page
from tests.matrix import record_row as _record

ADMINS = frozenset({"administrator", "superuser"})
EDITORS = ADMINS | {"secretariat", "office_staff"}
READERS = EDITORS | {"management", "auditor"}
KEEPERS = ADMINS | {"office_staff"}  # templates, the JRWA list, handovers to the archive
DECREERS = ADMINS | {"secretariat"}
LIAISON = frozenset({"unit_liaison"})


def _upload(w: World) -> dict[str, Any]:
    return {"attach-file": SimpleUploadedFile("skan.txt", b"Skan pisma.", "text/plain"), "attach-description": "skan"}


def build(world: World) -> None:
    from correspondence.models import JrwaClass, LetterBatch, LetterTemplate, PaperDocument, TranslationOrder, Visit
    from correspondence.services import archive, matters, register, translations, visitors
    from correspondence.services import letters as letter_services
    from office.models import OfficeHolder
    from tests.factories import OrgUnitFactory

    archive.ensure_shipped_classes()
    secretary = world.people["secretariat"]
    holder = OfficeHolder.objects.filter(role="mayor").first() or OfficeHolder.objects.create(
        role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", order=1
    )
    holder.memberships.get_or_create(user=secretary)
    office = OrgUnitFactory(symbol="KP", name="Kancelaria Prezydenta")
    general = JrwaClass.objects.get(symbol="0520")
    letter = register.register_letter(
        actor=secretary,
        direction="in",
        unit=office,
        jrwa_class=general,
        principal=holder,
        subject="Prośba o remont chodnika",
        contact=world.contact,
        received_on=timezone.localdate(),
    )
    register.decree(actor=secretary, letter=letter, lead_unit=world.units["WOK"], instruction="Proszę o odpowiedź.")
    template = LetterTemplate.objects.create(
        name="Odpowiedź",
        subject="Odpowiedź",
        body="W odpowiedzi na pismo uprzejmie informuję.",
        jrwa_class=general,
        signatory=holder,
    )
    outgoing = letter_services.write_letter(actor=secretary, template=template, contact=world.contact, unit=office)
    matter = matters.register_matter(
        actor=secretary,
        resident_name="Halina Adamczyk",
        kind="intervention",
        channel="phone",
        subject="Zepsuta latarnia",
        description="Nie świeci od tygodnia.",
        principal=holder,
        received_on=timezone.localdate(),
        rodo_clause_shown=True,
    )
    matters.forward(actor=secretary, matter=matter, unit=world.units["WOK"])
    visit = visitors.save_visit(
        actor=secretary,
        visit=Visit(visitor_name="Jan Gość", host=holder, expected_at=timezone.now(), purpose="Rozmowa"),
    )
    document = visitors.register_document(actor=secretary, document=PaperDocument(title="Umowa – oryginał"))
    order = translations.save_order(
        actor=secretary,
        order=TranslationOrder(
            document="Porozumienie",
            source_language="polski",
            target_language="niemiecki",
            translator=world.contact,
            due_on=timezone.localdate(),
        ),
    )
    batch = LetterBatch(
        template=template,
        title="Seria",
        signatory=holder,
        unit=office,
        dated_on=timezone.localdate(),
        status="done",
        created_by=secretary,
    )
    batch.pdf.save("seria.pdf", ContentFile(b"%PDF-1.4 seria"), save=False)
    batch.archive.save("seria.zip", ContentFile(b"PK seria"), save=False)
    batch.save()
    world.extra.update(
        {
            "holder": holder,
            "letter": letter,
            "letter_out": outgoing,
            "template": template,
            "matter": matter,
            "visit": visit,
            "document": document,
            "translation": order,
            "batch": batch,
            "jrwa_class": general,
            "reply_template": template,
        }
    )
    world.extra["transfer"] = _transfer(secretary, office)


def _transfer(actor: Any, office: Any) -> Any:
    from correspondence.models import ArchiveTransfer

    return ArchiveTransfer.objects.create(
        unit=office, year=timezone.localdate().year - 1, number=1, handed_on=timezone.localdate(), created_by=actor
    )


def _today(w: World) -> str:
    return timezone.localdate().isoformat()


#: the NGO and council officers read and write the register's letters (the associations'
#: certificates and refusals, the requests for an extraordinary session); the travel officer writes
#: travel orders
OFFICERS_WHO_WRITE = frozenset({"ngo_officer", "council_officer"})
LETTER_READERS = READERS | OFFICERS_WHO_WRITE
LETTER_WRITERS = EDITORS | OFFICERS_WHO_WRITE | {"travel_officer"}
LETTER_VIEWERS = LETTER_READERS | LIAISON

EXPECTED: dict[str, Row] = {
    "correspondence:letter_list": _page(LETTER_READERS),
    "correspondence:letter_incoming": _form(LETTER_WRITERS),
    "correspondence:letter_outgoing": _form(LETTER_WRITERS),
    "correspondence:letter_options": Row(
        "get", table(403, (LETTER_READERS, 200)), data=lambda w: {"q": "KP", "field": "letter"}, wrong="post"
    ),
    "correspondence:letter_detail": _record("letter", LETTER_VIEWERS),
    "correspondence:letter_edit": Row(
        "get", table(404, (LETTER_VIEWERS, 403), (EDITORS, 200)), pk_of("letter"), wrong="put"
    ),
    "correspondence:letter_pdf": _record("letter_out", LETTER_READERS),
    "correspondence:letter_docx": _record("letter_out", LETTER_READERS),
    "correspondence:letter_decree": _action(
        "letter", lambda w: {"decree-lead_unit": w.units["WIN"].pk}, allowed=DECREERS, viewers=LETTER_VIEWERS
    ),
    "correspondence:letter_pass_on": _action(
        "letter", lambda w: {"pass-on-holder": w.extra["holder"].pk}, allowed=DECREERS, viewers=LETTER_VIEWERS, done=200
    ),
    "correspondence:letter_reply": _action(
        "letter",
        lambda w: {
            "reply-template": w.extra["reply_template"].pk,
            "reply-signatory": w.extra["holder"].pk,
            "reply-dated_on": _today(w),
        },
        allowed=EDITORS | OFFICERS_WHO_WRITE,
        viewers=LETTER_VIEWERS,
    ),
    "correspondence:letter_texts": _action(
        "letter",
        lambda w: {"texts-subject": "Temat", "texts-body": "Treść"},
        allowed=EDITORS,
        viewers=LETTER_VIEWERS,
        done=200,
    ),
    "correspondence:letter_send": _action(
        "letter",
        lambda w: {"send-sent_on": _today(w), "send-channel": "post"},
        allowed=EDITORS,
        viewers=LETTER_VIEWERS,
        done=200,
    ),
    "correspondence:letter_deliver": _action(
        "letter", lambda w: {"deliver-delivered_on": _today(w)}, allowed=EDITORS, viewers=LETTER_VIEWERS, done=200
    ),
    "correspondence:letter_extend": _action(
        "letter", lambda w: {"extend-reason": "Sprawa wymaga opinii biegłego."}, allowed=EDITORS, viewers=LETTER_VIEWERS
    ),
    "correspondence:letter_close": _action(
        "letter", lambda w: {"close-note": "Do wiadomości."}, allowed=EDITORS, viewers=LETTER_VIEWERS
    ),
    "correspondence:letter_reopen": _action("letter", lambda w: {}, allowed=EDITORS, viewers=LETTER_VIEWERS),
    "correspondence:letter_attach": _action("letter", _upload, allowed=EDITORS, viewers=LETTER_VIEWERS),
    # residents' matters (the matter is forwarded to the liaison's unit)
    "correspondence:matter_list": _page(READERS),
    "correspondence:matter_create": _form(EDITORS),
    "correspondence:matter_statistics": _page(READERS),
    "correspondence:matter_detail": _record("matter", READERS | LIAISON),
    "correspondence:matter_edit": Row(
        "get", table(404, (READERS | LIAISON, 403), (EDITORS, 200)), pk_of("matter"), wrong="put"
    ),
    "correspondence:matter_forward": _action(
        "matter", lambda w: {"forward-unit": w.units["WIN"].pk}, allowed=EDITORS, viewers=READERS | LIAISON, done=200
    ),
    "correspondence:matter_reply": _action(
        "matter",
        lambda w: {"reply-text": "Latarnia naprawiona.", "reply-channel": "phone", "reply-replied_on": _today(w)},
        allowed=EDITORS,
        viewers=READERS | LIAISON,
    ),
    "correspondence:matter_close": _action(
        "matter", lambda w: {"close-note": "Wycofana."}, allowed=EDITORS, viewers=READERS | LIAISON
    ),
    "correspondence:matter_attach": _action("matter", _upload, allowed=EDITORS, viewers=READERS | LIAISON),
    # visitors and paper documents (no records outside a scope: 403 without the permission)
    "correspondence:visit_list": _page(READERS),
    "correspondence:visit_create": _form(EDITORS),
    "correspondence:visit_edit": _form(EDITORS, pk_of("visit")),
    "correspondence:visit_arrive": _action(
        "visit",
        lambda w: {f"arrive-{w.extra['visit'].pk}-badge_number": "G-1"},
        allowed=EDITORS,
        viewers=READERS,
        default=403,
    ),
    "correspondence:visit_leave": _action(
        "visit", lambda w: {}, allowed=EDITORS, viewers=READERS, done=200, default=403
    ),
    "correspondence:document_list": _page(READERS),
    "correspondence:document_create": _form(EDITORS),
    "correspondence:document_detail": _record("document", READERS, default=403),
    "correspondence:document_hand": _action(
        "document", lambda w: {"hand-to_user": w.people["management"].pk}, allowed=EDITORS, viewers=READERS, default=403
    ),
    "correspondence:document_archive": _action("document", lambda w: {}, allowed=EDITORS, viewers=READERS, default=403),
    # templates and batches
    "correspondence:template_list": _page(READERS),
    "correspondence:template_create": _form(KEEPERS),
    "correspondence:template_detail": _record("template", READERS, default=403),
    "correspondence:template_edit": _form(KEEPERS, pk_of("template")),
    "correspondence:template_preview": _record("template", READERS, default=403),
    "correspondence:batch_list": _page(READERS),
    "correspondence:batch_create": _form(EDITORS),
    "correspondence:batch_detail": _record("batch", READERS, default=403),
    "correspondence:batch_pdf": _record("batch", READERS, default=403),
    "correspondence:batch_zip": _record("batch", READERS, default=403),
    # translations
    "correspondence:translation_list": _page(READERS),
    "correspondence:translation_create": _form(EDITORS),
    "correspondence:translation_detail": _record("translation", READERS, default=403),
    "correspondence:translation_edit": _form(EDITORS, pk_of("translation")),
    "correspondence:translation_start": _action(
        "translation", lambda w: {}, allowed=EDITORS, viewers=READERS, default=403
    ),
    "correspondence:translation_deliver": _action(
        "translation", lambda w: {"deliver-delivered_on": _today(w)}, allowed=EDITORS, viewers=READERS, default=403
    ),
    "correspondence:translation_cancel": _action(
        "translation", lambda w: {"cancel-reason": "Niepotrzebne."}, allowed=EDITORS, viewers=READERS, default=403
    ),
    "correspondence:translation_attach": _action("translation", _upload, allowed=EDITORS, viewers=READERS, default=403),
    # the archive
    "correspondence:class_list": _page(READERS),
    "correspondence:class_create": _form(KEEPERS),
    "correspondence:class_edit": _form(KEEPERS, pk_of("jrwa_class")),
    "correspondence:class_import": _form(KEEPERS),
    "correspondence:transfer_list": _page(READERS),
    "correspondence:transfer_create": _form(KEEPERS),
    "correspondence:transfer_pdf": Row("post", table(403, (READERS, 302)), pk_of("transfer"), wrong="get"),
    # the workspace of an office holder (the core's page; the secretariat persona serves the mayor)
    "office:workspace": Row("get", table(404, ({"secretariat", "superuser"}, 302)), wrong="post"),
    "office:workspace_of": Row(
        "get",
        table(404, ({"secretariat", "superuser"}, 200)),
        lambda w: {"holder_id": w.extra["holder"].pk},
        wrong="post",
    ),
}

assert LOGIN  # anonymous users are sent to the login page by every row's table
