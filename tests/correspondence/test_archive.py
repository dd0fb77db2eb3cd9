"""The archive (correspondence.services.archive, views/archive.py, the handover list job): the
JRWA class list imported from CSV (all or nothing, bad lines named), the shipped list installed
once, the class's formats and retention, handing a unit's files of a year to the archive and its
list as PDF/A, and the removal of private persons' data from letters past their retention."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from correspondence.models import ANONYMISED, ArchiveTransfer, JrwaClass, Letter
from correspondence.services import archive as services
from office.models import AuditEntry, Job
from tests.correspondence.factories import IncomingLetterFactory, JrwaClassFactory, jrwa, office_unit
from tests.correspondence.permissions import KEEPERS, READERS
from tests.correspondence.test_letters_pdf import assert_pdf_a_3b, pdf_text
from tests.factories import ContactFactory
from tests.personas import AUTHENTICATED
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


# --- Importing classes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "symbol;title;category\n0610;Uroczystości i obchody rocznic;B10\n0520;Korespondencja ogólna Prezydenta;B10\n",
        "\ufeffsymbol,title,category\r\n0610,Uroczystości i obchody rocznic,B10\r\n"
        '0520,"Korespondencja ogólna Prezydenta",B10\r\n',
    ],
    ids=["semicolons", "commas-with-bom-and-crlf"],
)
def test_import_creates_and_updates_classes(secretariat, text):
    jrwa("0520")
    result = services.import_classes(actor=secretariat, text=text)

    assert (result.created, result.updated) == (1, 1)
    assert JrwaClass.objects.get(symbol="0610").title == "Uroczystości i obchody rocznic"
    assert JrwaClass.objects.get(symbol="0520").category == "B10"
    assert AuditEntry.objects.filter(object_repr__startswith="0610", action="create").count() == 1
    again = services.import_classes(actor=secretariat, text=text)
    assert (again.created, again.updated) == (0, 0)


def test_import_with_bad_lines_names_them_and_imports_nothing(secretariat):
    before = list(JrwaClass.objects.order_by("symbol").values_list("symbol", "title", "category"))
    text = (
        "symbol;title;category\n"
        "0610;Uroczystości;B10\n"  # line 2: fine
        "05a0;Sprawy różne;B5\n"  # line 3: symbol
        "0611;Sprawy inne;C7\n"  # line 4: category
        "0612;;B5\n"  # line 5: title
        "0613;Zbiory przepisów;BE10\n"  # line 6: fine
    )
    with pytest.raises(ValidationError) as caught:
        services.import_classes(actor=secretariat, text=text)
    messages = caught.value.messages
    assert [re.search(r"\d+", message).group() for message in messages] == ["3", "4", "5"]
    assert list(JrwaClass.objects.order_by("symbol").values_list("symbol", "title", "category")) == before


@pytest.mark.parametrize(
    "text",
    ["", "symbol;title\n0610;Uroczystości\n", "numer;nazwa;kategoria\n0610;Uroczystości;A\n", "x" * 1_000_001],
    ids=["empty", "no-category", "other-columns", "too-large"],
)
def test_import_refuses_a_file_that_is_not_a_class_list(secretariat, text):
    count = JrwaClass.objects.count()
    with pytest.raises(ValidationError):
        services.import_classes(actor=secretariat, text=text)
    assert JrwaClass.objects.count() == count


def test_at_most_twenty_bad_lines_are_named(secretariat):
    text = "symbol;title;category\n" + "".join(f"x{n};Tytuł;B5\n" for n in range(30))
    with pytest.raises(ValidationError) as caught:
        services.import_classes(actor=secretariat, text=text)
    assert len(caught.value.messages) == 20


def test_class_import_page(persona):
    url = reverse("correspondence:class_import")
    got = {key: fetch(client_for(persona(key)), "get", url).status_code for key in AUTHENTICATED}
    assert got == {key: 200 if key in KEEPERS else 403 for key in AUTHENTICATED}
    client = client_for(persona("office_staff"))

    csv_text = "symbol;title;category\n0610;Uroczystości i obchody rocznic;B10\n"
    upload = SimpleUploadedFile("jrwa.csv", ("\ufeff" + csv_text).encode(), "text/csv")
    response = fetch(client, "post", url, {"file": upload})
    assert response.status_code == 302 and response["Location"] == reverse("correspondence:class_list")
    assert messages_of(response) and JrwaClass.objects.filter(symbol="0610").exists()

    windows = SimpleUploadedFile("jrwa.csv", "symbol;title;category\n0611;Sprawy różne;B5\n".encode("cp1250"))
    response = fetch(client, "post", url, {"file": windows})
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert 'id="error-summary"' in page_text(response)
    assert not JrwaClass.objects.filter(symbol="0611").exists()

    bad = SimpleUploadedFile("jrwa.csv", b"symbol;title;category\n0612;Sprawy;X\n")
    response = fetch(client, "post", url, {"file": bad})
    errors = " ".join(response.context["form"].errors["file"])
    assert response.status_code == 200 and "2" in errors and errors in page_text(response)
    assert not JrwaClass.objects.filter(symbol="0612").exists()


# --- The shipped list, the class itself ------------------------------------------------------------------


def test_shipped_classes_are_installed_once_and_are_valid():
    rows = services._rows(services.SHIPPED.read_text(encoding="utf-8"))
    assert services.ensure_shipped_classes() == 0  # installed after migrate
    Letter.objects.all().delete()
    JrwaClass.objects.all().delete()
    assert services.ensure_shipped_classes() == len(rows) > 10
    assert services.ensure_shipped_classes() == 0
    assert JrwaClass.objects.count() == len(rows)
    for jrwa_class in JrwaClass.objects.all():
        jrwa_class.clean()
        assert jrwa_class.title
    assert not AuditEntry.objects.filter(object_repr__startswith="0520").exists()  # an installation, not a change


@pytest.mark.parametrize(
    ("symbol", "category", "wrong"),
    [
        ("0", "A", None),
        ("0511", "B5", None),
        ("9999", "BE10", None),
        ("052", "Bc", None),
        ("12", "B99", None),
        ("", "A", "symbol"),
        ("05110", "A", "symbol"),
        ("05a1", "A", "symbol"),
        (" 051", "A", "symbol"),
        ("0511", "", "category"),
        ("0511", "B", "category"),
        ("0511", "B0", "category"),
        ("0511", "B100", "category"),
        ("0511", "b5", "category"),
        ("0511", "BC", "category"),
        ("0511", "C", "category"),
    ],
)
def test_class_formats(symbol, category, wrong):
    candidate = JrwaClass(symbol=symbol, title="Sprawy", category=category)
    if wrong is None:
        candidate.clean()
    else:
        with pytest.raises(ValidationError) as caught:
            candidate.clean()
        assert list(caught.value.message_dict) == [wrong]


def test_retention_years_and_when_it_has_passed():
    years = {category: JrwaClass(category=category).retention_years for category in ("A", "Bc", "B2", "B5", "BE10")}
    assert years == {"A": None, "Bc": None, "B2": 2, "B5": 5, "BE10": 10}
    b5 = JrwaClass(category="B5")
    assert not services.retention_passed(b5, 2020, dt.date(2025, 12, 31))
    assert services.retention_passed(b5, 2020, dt.date(2026, 1, 1))
    assert not services.retention_passed(JrwaClass(category="A"), 1950, dt.date(2026, 1, 1))


# --- Handing files to the archive ---------------------------------------------------------------------------


def letter_of_year(year: int, *, unit: Any = None, symbol: str = "0520", **kwargs: Any) -> Letter:
    """A letter registered in ``year`` (registered now, moved to that year as the register would have)."""
    letter = IncomingLetterFactory(unit=unit or office_unit(), jrwa_class=jrwa(symbol), **kwargs)
    day = dt.date(year, 3, 2) + dt.timedelta(days=letter.pk % 200)
    sign = f"{letter.unit.symbol}.{symbol}.{letter.sequence}.{year}"
    Letter.objects.filter(pk=letter.pk).update(year=year, received_on=day, sign=sign)
    letter.refresh_from_db()
    return letter


@pytest.mark.parametrize(
    ("case", "year"),
    [("this year", THIS_YEAR), ("next year", THIS_YEAR + 1), ("no letters", THIS_YEAR - 2), ("twice", THIS_YEAR - 1)],
)
def test_prepare_transfer_refuses(secretariat, case, year):
    letter_of_year(THIS_YEAR - 1, actor=secretariat)
    letter_of_year(THIS_YEAR, actor=secretariat)
    if case == "twice":
        services.prepare_transfer(actor=secretariat, unit=office_unit(), year=year, handed_on=timezone.localdate())
    count = ArchiveTransfer.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.prepare_transfer(actor=secretariat, unit=office_unit(), year=year, handed_on=timezone.localdate())
    assert list(caught.value.message_dict) == ["year"]
    assert ArchiveTransfer.objects.count() == count


def test_transfers_are_numbered_by_the_year_of_handing(secretariat, wok):
    for unit in (office_unit(), wok):
        letter_of_year(THIS_YEAR - 1, actor=secretariat, unit=unit)
        letter_of_year(THIS_YEAR - 2, actor=secretariat, unit=unit)
    today = timezone.localdate()
    made = [
        services.prepare_transfer(actor=secretariat, unit=office_unit(), year=THIS_YEAR - 1, handed_on=today),
        services.prepare_transfer(actor=secretariat, unit=wok, year=THIS_YEAR - 1, handed_on=today, notes=" 2 teczki "),
        services.prepare_transfer(actor=secretariat, unit=wok, year=THIS_YEAR - 2,
                                  handed_on=dt.date(THIS_YEAR - 1, 3, 1)),
    ]  # fmt: skip
    assert [(transfer.number, transfer.created_by) for transfer in made] == [(1, secretariat), (2, secretariat),
                                                                            (1, secretariat)]  # fmt: skip
    assert made[1].notes == "2 teczki"


def test_the_handover_list_job_lists_the_files_of_the_unit_and_year(persona, wok, django_capture_on_commit_callbacks):
    keeper = persona("office_staff")
    year = THIS_YEAR - 1
    for symbol, count in (("0520", 3), ("0512", 2)):
        for _ in range(count):
            letter_of_year(year, symbol=symbol, actor=keeper)
    letter_of_year(year - 1, symbol="0053", actor=keeper)  # another year
    letter_of_year(year, symbol="0003", unit=wok, actor=keeper)  # another unit
    client = client_for(keeper)
    data = {"unit": office_unit().pk, "year": year, "handed_on": timezone.localdate().isoformat(), "notes": "Komplet"}

    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client, "post", reverse("correspondence:transfer_create"), data)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("office:job_detail", args=[job.pk])
    assert (job.status, job.progress) == (Job.Status.DONE, 100)
    transfer = ArchiveTransfer.objects.get()
    assert job.result_name == f"spis-KP-{year}-{transfer.number}.pdf"

    with job.result.open("rb") as stored:
        content = stored.read()
    assert_pdf_a_3b(content)
    text = pdf_text(content)
    assert f"KP.0512 {jrwa('0512').title}" in text and f"KP.0520 {jrwa('0520').title}" in text
    assert text.index("KP.0512") < text.index("KP.0520")  # in the order of the class list
    assert re.search(r"KP\.0512 .*? B5 2 ", text) and re.search(r"KP\.0520 .*? B5 3 ", text)
    assert "0053" not in text and "0003" not in text and jrwa("0003").title not in text
    assert str(year) in text and "Komplet" in text and keeper.get_full_name() in text

    with django_capture_on_commit_callbacks(execute=True):
        again = fetch(client, "post", reverse("correspondence:transfer_pdf", args=[transfer.pk]))
    assert again.status_code == 302 and Job.objects.count() == 2
    assert fetch(client, "get", reverse("correspondence:transfer_pdf", args=[transfer.pk])).status_code == 405


def test_archive_pages_per_persona(persona, secretariat):
    letter_of_year(THIS_YEAR - 1, actor=secretariat)
    pages = {
        reverse("correspondence:class_list"): READERS,
        reverse("correspondence:class_create"): KEEPERS,
        reverse("correspondence:class_edit", args=[jrwa("0520").pk]): KEEPERS,
        reverse("correspondence:transfer_list"): READERS,
        reverse("correspondence:transfer_create"): KEEPERS,
    }
    for url, allowed in pages.items():
        got = {key: fetch(client_for(persona(key)), "get", url).status_code for key in AUTHENTICATED}
        assert got == {key: 200 if key in allowed else 403 for key in AUTHENTICATED}, url
    data = {"unit": office_unit().pk, "year": THIS_YEAR - 1, "handed_on": timezone.localdate().isoformat()}
    fetch(client_for(persona("management")), "post", reverse("correspondence:transfer_create"), data)
    assert not ArchiveTransfer.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"year": THIS_YEAR}, "year"), ({"year": "dwa tysiące"}, "year"), ({"year": 1900}, "year"),
     ({"handed_on": "2026-13-01"}, "handed_on"), ({"unit": "999999"}, "unit")],
)  # fmt: skip
def test_transfer_create_with_bad_input(persona, secretariat, changes, field):
    letter_of_year(THIS_YEAR, actor=secretariat)
    data = {"unit": office_unit().pk, "year": THIS_YEAR - 1, "handed_on": timezone.localdate().isoformat(),
            "notes": "Teczki opisane i ułożone", **changes}  # fmt: skip
    response = fetch(client_for(persona("office_staff")), "post", reverse("correspondence:transfer_create"), data)
    assert response.status_code == 200 and field in response.context["form"].errors
    assert "Teczki opisane i ułożone" in page_text(response) and 'id="error-summary"' in page_text(response)
    assert not ArchiveTransfer.objects.exists() and not Job.objects.exists()


def test_class_create_with_a_bad_category_keeps_the_input(persona):
    url = reverse("correspondence:class_create")
    data = {"symbol": "0599", "title": "Sprawy nietypowe mieszkańców", "category": "B-5", "is_active": "on"}
    response = fetch(client_for(persona("office_staff")), "post", url, data)
    assert response.status_code == 200 and "category" in response.context["form"].errors
    assert "Sprawy nietypowe mieszkańców" in page_text(response)
    assert not JrwaClass.objects.filter(symbol="0599").exists()


# --- Personal data after the retention ---------------------------------------------------------------------


def test_anonymise_letters_of_private_persons_past_their_retention(secretariat):
    b2 = jrwa("0521")  # B2: two full years after the year of the letter
    old_year = THIS_YEAR - 3
    person = letter_of_year(old_year, symbol="0521", actor=secretariat,
                            contact=ContactFactory(name="Helena Wróblewska", kind="person"))  # fmt: skip
    Letter.objects.filter(pk=person.pk).update(summary="Prośba pani Heleny o spotkanie", body="Treść prywatna")
    institution = letter_of_year(old_year, symbol="0521", actor=secretariat,
                                 contact=ContactFactory(name="Urząd Wojewódzki", kind="institution"))  # fmt: skip
    permanent = letter_of_year(old_year - 20, symbol="0511", actor=secretariat,
                               contact=ContactFactory(name="Jan Skarżący", kind="person"))  # fmt: skip
    recent = letter_of_year(THIS_YEAR - 2, symbol="0521", actor=secretariat,
                            contact=ContactFactory(name="Ewa Niedawna", kind="person"))  # fmt: skip
    assert services.retention_passed(b2, old_year, timezone.localdate())
    assert not services.retention_passed(b2, THIS_YEAR - 2, timezone.localdate())

    assert services.anonymise_letters() == 1
    person.refresh_from_db()
    assert (person.correspondent, person.summary, person.body, person.salutation) == (ANONYMISED, "", "", "")
    assert person.anonymised_at is not None and person.sign and person.subject
    entry = AuditEntry.objects.of(person).get(action="action")
    assert entry.actor is None
    for kept, name in ((institution, "Urząd Wojewódzki"), (permanent, "Jan Skarżący"), (recent, "Ewa Niedawna")):
        kept.refresh_from_db()
        assert (kept.correspondent, kept.anonymised_at) == (name, None)
    assert services.anonymise_letters() == 0
    assert services.anonymise_letters(today=dt.date(THIS_YEAR + 1, 1, 1)) == 1  # the recent one's time has come
    assert JrwaClassFactory(symbol="9001", category="A").retention_years is None
