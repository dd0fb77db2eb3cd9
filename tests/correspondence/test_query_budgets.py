"""Query budgets of the correspondence pages: the number of queries of every list, of the record
pages (a letter with decrees, replies and attachments; a matter; a document with its handovers;
a batch), of the office holder's workspace and of a contact's page (its history from every app)
does not grow from 2 rows to 12 (tests.utils.assert_constant_queries)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from correspondence.models import ArchiveTransfer, LetterBatch
from correspondence.services import letters as letter_services
from correspondence.services import register, visitors
from office.services import audit
from office.services.attachments import attach
from tests.correspondence.factories import (
    IncomingLetterFactory,
    JrwaClassFactory,
    LetterTemplateFactory,
    OutgoingLetterFactory,
    PaperDocumentFactory,
    ResidentMatterFactory,
    TranslationOrderFactory,
    VisitFactory,
    jrwa,
    office_unit,
)
from tests.factories import ContactFactory, OfficeHolderFactory, OrgUnitFactory, UserFactory
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db


class World:
    """The secretariat of the mayor, the units and people rows are spread over."""

    def __init__(self, secretary: Any, persona: Callable[[str], Any]) -> None:
        self.secretary = secretary
        self.mayor = OfficeHolderFactory(role="mayor", title="Prezydent Miasta", last_name="Wiśniewski", order=1)
        self.mayor.memberships.get_or_create(user=secretary)
        self.deputy = OfficeHolderFactory(last_name="Kaczmarczyk", order=2)
        self.people = [secretary, persona("management"), persona("unit_liaison"), persona("office_staff")]
        self.office = office_unit()
        self.counter = itertools.count()

    def n(self) -> int:
        return next(self.counter)

    def unit(self) -> Any:
        n = self.n()
        return OrgUnitFactory(symbol=f"Q{n:02d}", name=f"Wydział Testowy {n}")

    def upload(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(f"skan-{self.n()}.txt", b"Skan pisma z podpisem.", "text/plain")


@pytest.fixture
def world(secretariat: Any, persona: Callable[[str], Any]) -> World:
    return World(secretariat, persona)


# --- Lists -------------------------------------------------------------------------------------------------


def letters(w: World, count: int) -> None:
    for _ in range(count):
        n = w.n()
        holder = w.mayor if n % 2 else w.deputy
        if n % 3 == 0:
            OutgoingLetterFactory(actor=w.secretary, sent=n % 2 == 0)
        else:
            IncomingLetterFactory(actor=w.secretary, principal=holder, decreed_to=w.unit() if n % 3 == 1 else None)


def matter_rows(w: World, count: int) -> None:
    for _ in range(count):
        n = w.n()
        ResidentMatterFactory(actor=w.secretary, principal=w.mayor, forwarded_to=w.unit() if n % 2 else None)


def visit_rows(w: World, count: int) -> None:
    for _ in range(count):
        n = w.n()
        expected = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(8 + n % 10)))
        visit = VisitFactory(actor=w.secretary, host=w.mayor if n % 2 else w.deputy, expected_at=expected)
        if n % 3:
            visitors.arrive(actor=w.secretary, visit=visit, badge_number=f"G-{n}")


def document_rows(w: World, count: int) -> None:
    for _ in range(count):
        n = w.n()
        letter = IncomingLetterFactory(actor=w.secretary) if n % 3 == 0 else None
        document = PaperDocumentFactory(actor=w.people[n % len(w.people)], letter=letter)
        if n % 2:
            visitors.hand_document(actor=w.secretary, document=document, to_unit=w.unit())


def template_rows(w: World, count: int) -> None:
    for _ in range(count):
        n = w.n()
        LetterTemplateFactory(signatory=OfficeHolderFactory(), jrwa_class=jrwa("0521" if n % 2 else "0520"))


def batch_rows(w: World, count: int) -> None:
    for _ in range(count):
        n = w.n()
        LetterBatch.objects.create(
            template=LetterTemplateFactory(),
            title=f"Życzenia świąteczne {n}",
            signatory=OfficeHolderFactory(),
            unit=w.office,
            dated_on=timezone.localdate(),
            contact_ids=[1, 2, 3],
            created_by=w.people[n % len(w.people)],
        )


def translation_rows(w: World, count: int) -> None:
    for _ in range(count):
        n = w.n()
        letter = IncomingLetterFactory(actor=w.secretary) if n % 2 else None
        TranslationOrderFactory(actor=w.secretary, translator=ContactFactory(), letter=letter)


def class_rows(w: World, count: int) -> None:
    for _ in range(count):
        jrwa_class = JrwaClassFactory(symbol=f"8{w.n():03d}")
        IncomingLetterFactory(actor=w.secretary, jrwa_class=jrwa_class)


def transfer_rows(w: World, count: int) -> None:
    for _ in range(count):
        n = w.n()
        ArchiveTransfer.objects.create(
            unit=w.unit(), year=2015 + n % 10, number=n + 1, handed_on=timezone.localdate(), created_by=w.people[n % 4]
        )


LISTS: dict[str, Callable[[World, int], None]] = {
    "correspondence:letter_list": letters,
    "correspondence:matter_list": matter_rows,
    "correspondence:visit_list": visit_rows,
    "correspondence:document_list": document_rows,
    "correspondence:template_list": template_rows,
    "correspondence:batch_list": batch_rows,
    "correspondence:translation_list": translation_rows,
    "correspondence:class_list": class_rows,
    "correspondence:transfer_list": transfer_rows,
}


@pytest.mark.parametrize("name", list(LISTS))
def test_list_pages(world, name):
    queries = assert_constant_queries(
        client_for(world.secretary), reverse(name), lambda count: LISTS[name](world, count), n=2, extra=10
    )
    assert queries <= 25


def test_every_list_of_the_app_is_measured():
    from correspondence.urls import urlpatterns

    lists = {f"correspondence:{p.name}" for p in urlpatterns if p.name.endswith("_list")}
    assert lists == set(LISTS)


# --- Record pages ------------------------------------------------------------------------------------------


def test_letter_page_with_decrees_replies_and_attachments(world):
    letter = IncomingLetterFactory(actor=world.secretary, principal=world.mayor)
    template = LetterTemplateFactory(name="Odpowiedź", body="W odpowiedzi uprzejmie informuję.")

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = world.n()
            register.decree(actor=world.secretary, letter=letter, lead_unit=world.unit(), instruction=f"Uwagi {n}")
            letter_services.write_reply(
                actor=world.secretary,
                letter=letter,
                template=template,
                signatory=world.mayor if n % 2 else world.deputy,
                dated_on=timezone.localdate(),
            )
            attach(actor=world.people[n % 2], record=letter, upload=world.upload(), description=f"skan {n}")

    url = reverse("correspondence:letter_detail", args=[letter.pk])
    assert assert_constant_queries(client_for(world.secretary), url, make_rows, n=2, extra=10) <= 60


def test_matter_page_with_attachments_and_changes(world):
    matter = ResidentMatterFactory(actor=world.secretary, principal=world.mayor, forwarded_to=world.unit())

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = world.n()
            attach(actor=world.people[n % 3], record=matter, upload=world.upload(), description=f"zdjęcie {n}")
            matter.location = f"ul. Polna {n}"
            audit.save_record(actor=world.people[n % 3], record=matter)

    url = reverse("correspondence:matter_detail", args=[matter.pk])
    assert assert_constant_queries(client_for(world.secretary), url, make_rows, n=2, extra=10) <= 50


def test_document_page_with_handovers(world):
    document = PaperDocumentFactory(actor=world.secretary)
    receivers = itertools.cycle([world.people[1], world.people[2], world.secretary])

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = world.n()
            target = {"to_unit": world.unit()} if n % 4 == 0 else {"to_user": next(receivers)}
            visitors.hand_document(actor=world.people[n % 4], document=document, note=f"przekazanie {n}", **target)

    url = reverse("correspondence:document_detail", args=[document.pk])
    assert assert_constant_queries(client_for(world.secretary), url, make_rows, n=2, extra=10) <= 40


def test_batch_page_with_its_letters(world):
    template = LetterTemplateFactory(signatory=world.mayor)
    batch = LetterBatch.objects.create(
        template=template,
        title="Gratulacje dla maturzystów",
        signatory=world.mayor,
        unit=world.office,
        dated_on=timezone.localdate(),
        created_by=world.secretary,
    )

    def make_rows(count: int) -> None:
        for _ in range(count):
            letter_services.write_letter(
                actor=world.secretary, template=template, contact=ContactFactory(), unit=world.office, batch=batch
            )

    url = reverse("correspondence:batch_detail", args=[batch.pk])
    assert assert_constant_queries(client_for(world.secretary), url, make_rows, n=2, extra=10) <= 30


# --- Pages of the core that list correspondence ------------------------------------------------------------


def test_workspace_of_the_mayor(world):
    def make_rows(count: int) -> None:
        for _ in range(count):
            n = world.n()
            IncomingLetterFactory(actor=world.secretary, principal=world.mayor)  # awaiting the decree
            IncomingLetterFactory(actor=world.secretary, principal=world.mayor, decreed_to=world.unit())
            expected = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(8 + n % 10)))
            VisitFactory(actor=world.secretary, host=world.mayor, expected_at=expected)
            ResidentMatterFactory(actor=world.secretary, principal=world.mayor, forwarded_to=world.unit())

    url = reverse("office:workspace_of", args=[world.mayor.pk])
    assert_constant_queries(client_for(world.secretary), url, make_rows, n=2, extra=10)


def test_contact_page_lists_its_history(world):
    contact = ContactFactory(name="Fundacja Rozwoju Śródmieścia", kind="ngo")

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = world.n()
            IncomingLetterFactory(
                actor=world.secretary,
                contact=contact,
                subject=f"Wniosek o dofinansowanie festynu nr {n}",
                decreed_to=world.unit() if n % 2 else None,
            )
            OutgoingLetterFactory(actor=world.secretary, contact=contact)
            TranslationOrderFactory(actor=world.secretary, translator=contact)
            UserFactory()  # people the page must not list one by one

    url = reverse("office:contact_detail", args=[contact.pk])
    assert_constant_queries(client_for(world.secretary), url, make_rows, n=2, extra=10)
