"""A letter laid out on the letterhead (correspondence.services.letters): the PDF is PDF/A-3b and
reads back with the letter's texts (Polish characters intact), the diploma prints landscape, the
.docx copy carries the same texts, and text of a template that looks like HTML stays text — the
PDF loads nothing but the project's static files (office.services.pdf's fetcher)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from typing import Any

import pypdf
import pytest
from django.conf import settings
from django.urls import reverse

from correspondence.services import letters as letter_services
from office.services import pdf
from tests.correspondence.factories import LetterTemplateFactory, OutgoingLetterFactory
from tests.factories import ContactFactory, OfficeHolderFactory
from tests.utils import client_for, fetch

pytestmark = pytest.mark.django_db

POLISH = "Zażółć gęślą jaźń – ŻÓŁW, ĆMA, ŚLĄSK"


# --- Reading a PDF back ----------------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    """The PDF's words as pdftotext reads them (pypdf when poppler-utils are not installed here)."""
    if shutil.which("pdftotext"):
        result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True, timeout=60)
        text = result.stdout.decode()
    else:
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())  # lines broken where the layout broke them: words apart by one space


def assert_pdf_a_3b(content: bytes, *, pages: int | None = None) -> pypdf.PdfReader:
    """PDF/A-3b as far as can be checked here: the XMP identification, the output intent with its
    colour profile, every font embedded, no encryption; ``qpdf --check`` and ``pdfinfo`` agree."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    xmp = reader.xmp_metadata
    assert xmp is not None, "no XMP metadata"
    assert str(xmp.pdfaid_part) == "3" and xmp.pdfaid_conformance == "B"
    intents = reader.trailer["/Root"]["/OutputIntents"]
    assert [intent.get_object()["/S"] for intent in intents] == ["/GTS_PDFA1"]
    assert intents[0].get_object()["/DestOutputProfile"].get_object().get_data()  # the ICC profile
    assert not reader.is_encrypted
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            embedded = descriptor["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(embedded), f"{font['/BaseFont']} not embedded"
    if pages is not None:
        assert len(reader.pages) == pages
    if shutil.which("qpdf"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(content)
            file.flush()
            check = subprocess.run(["qpdf", "--check", file.name], capture_output=True, timeout=60)
        assert check.returncode == 0, check.stdout + check.stderr
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True, timeout=60).stdout
        assert b"Encrypted:       no" in info
        if pages is not None:
            assert re.search(rb"Pages:\s+%d\n" % pages, info)
    return reader


# --- The letter --------------------------------------------------------------------------------------


@pytest.fixture
def signatory(db: Any) -> Any:
    return OfficeHolderFactory(role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Łęcki")


def _letter(actor: Any, signatory: Any, *, layout: str = "letter", **texts: str) -> Any:
    organisation = ContactFactory(kind="ngo", name="Stowarzyszenie Miłośników Źródeł")
    contact = ContactFactory(
        name="Zofia Żółkiewska-Ćwik",
        position="Prezes Zarządu",
        organisation=organisation,
        street="ul. Świętokrzyska 12/4",
        postal_code="25-001",
        city="Kielce",
    )
    template = LetterTemplateFactory(
        name=f"Gratulacje jubileuszowe {layout}",
        layout=layout,
        signatory=signatory,
        subject=texts.get("subject", "Jubileusz 50-lecia Stowarzyszenia"),
        salutation=texts.get("salutation", "Szanowna Pani Prezes,"),
        body=texts.get(
            "body",
            'W imieniu mieszkańców {{ pismo.miejscowosc }} gratuluję jubileuszu "Źródeł".\n\n' + POLISH,
        ),
    )
    return OutgoingLetterFactory(actor=actor, template=template, contact=contact)


def test_letter_pdf_is_pdf_a_and_reads_back_with_its_texts(secretariat, signatory):
    letter = _letter(secretariat, signatory)
    content = letter_services.letter_pdf(letter)

    reader = assert_pdf_a_3b(content, pages=1)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    assert reader.metadata.title == letter.sign
    text = pdf_text(content)
    for expected in [
        letter.sign,
        "Zofia Żółkiewska-Ćwik",
        "Prezes Zarządu",
        "Stowarzyszenie Miłośników Źródeł",
        "ul. Świętokrzyska 12/4",
        "25-001 Kielce",
        "Jubileusz 50-lecia Stowarzyszenia",
        "Szanowna Pani Prezes,",
        f"W imieniu mieszkańców {settings.CITY_NAME} gratuluję jubileuszu \u201eŹródeł\u201d.",
        POLISH,
        "Z wyrazami szacunku",
        "Andrzej Łęcki",
        "Prezydent Miasta",
        f"{settings.CITY_NAME}, {letter_services.long_date(letter.dated_on)}",
        settings.OFFICE_ADDRESS,
    ]:
        assert expected in text, f"{expected!r} is not in the PDF:\n{text}"


def test_diploma_prints_landscape(secretariat, signatory):
    letter = _letter(
        secretariat,
        signatory,
        layout="diploma",
        subject="Dyplom uznania",
        body="za wieloletnią pracę na rzecz mieszkańców Śródmieścia",
    )
    content = letter_services.letter_pdf(letter)

    reader = assert_pdf_a_3b(content, pages=1)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = pdf_text(content)
    for expected in ["Dyplom uznania", "Zofia Żółkiewska-Ćwik", "na rzecz mieszkańców Śródmieścia", "Andrzej Łęcki"]:
        assert expected in text


def test_docx_copy_carries_the_same_texts(secretariat, signatory):
    from docx import Document

    letter = _letter(secretariat, signatory)
    document = Document(io.BytesIO(letter_services.letter_docx(letter)))

    text = "\n".join(paragraph.text for paragraph in document.paragraphs).replace("\u00a0", " ")
    assert document.core_properties.title == letter.sign
    for expected in [
        letter.sign,
        "Zofia Żółkiewska-Ćwik",
        "Stowarzyszenie Miłośników Źródeł",
        "25-001 Kielce",
        "Jubileusz 50-lecia Stowarzyszenia",
        "Szanowna Pani Prezes,",
        "gratuluję jubileuszu \u201eŹródeł\u201d.",
        POLISH,
        "Andrzej Łęcki\nPrezydent Miasta",
    ]:
        assert expected in text, f"{expected!r} is not in the .docx:\n{text}"
    assert [p.text for p in document.paragraphs].count(POLISH) == 1  # one paragraph per paragraph


# --- Nothing but text, nothing fetched -----------------------------------------------------------------


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs WeasyPrint really loads (those the project's fetcher lets through)."""
    from weasyprint.urls import URLFetcher

    loaded: list[str] = []
    original = URLFetcher.fetch

    def spy(self: Any, url: str, headers: Any = None) -> Any:
        loaded.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(URLFetcher, "fetch", spy)
    return loaded


def test_html_in_a_template_is_printed_as_text_and_loads_nothing(secretariat, signatory, fetched):
    letter = _letter(
        secretariat,
        signatory,
        salutation="<b>Szanowna Pani</b>,",
        body="Zdjęcie: <img src='http://example.com/x.png'>\n\n<script>alert('x')</script>"
        "<link rel='stylesheet' href='file:///etc/passwd'>",
    )
    html = letter_services.letters_html([letter], title=letter.sign)
    assert "<script" not in html and "<img src='http" not in html and "<b>Szanowna" not in html
    assert "&lt;img src=&#x27;http://example.com/x.png&#x27;&gt;" in html

    text = pdf_text(letter_services.letter_pdf(letter))
    assert "<b>Szanowna Pani</b>," in text
    assert "Zdjęcie: <img src='http://example.com/x.png'>" in text
    assert "<script>alert('x')</script>" in text
    static = (settings.BASE_DIR / "static").resolve()
    assert fetched and all(url.startswith("file://") and str(static) in url for url in fetched), fetched
    assert not any("example.com" in url or "passwd" in url for url in fetched)


def test_a_pdf_loads_no_address_even_from_raw_html(fetched):
    html = (
        "<link rel='stylesheet' href='http://example.com/style.css'>"
        "<p>Tekst</p><img src='http://127.0.0.1:8000/admin/'><img src='file:///etc/hostname'>"
        "<img src='../correspondence/data/jrwa.csv'><img src='img/herb.svg'>"
    )
    document = pdf.render_document(html)
    assert len(document.pages) == 1
    assert [url.rsplit("/", 2)[-2:] for url in fetched] == [["img", "herb.svg"]]


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "https://example.com/logo.svg",
        "ftp://example.com/plik",
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file://{base}/static/../correspondence/data/jrwa.csv",
        "file://{base}/manage.py",
        "file://{outside}",
    ],
)
def test_the_fetcher_refuses_everything_outside_the_static_folders(url, tmp_path):
    outside = tmp_path / "poufne.txt"
    outside.write_text("hasło")
    url = url.format(base=settings.BASE_DIR, outside=outside)
    with pytest.raises(ValueError, match="may not load"):
        pdf._fetcher().fetch(url)


def test_the_fetcher_loads_static_files_and_data_urls():
    fetcher = pdf._fetcher()
    herb = fetcher.fetch((settings.BASE_DIR / "static" / "img" / "herb.svg").resolve().as_uri())
    try:
        assert b"<svg" in herb.read()
    finally:
        herb.close()
    inline = fetcher.fetch("data:text/plain;base64,WmHFvMOzxYLEhw==")
    try:
        assert inline.read().decode() == "Zażółć"
    finally:
        inline.close()


def test_template_preview_fills_the_examples(persona, signatory):
    template = LetterTemplateFactory(
        signatory=signatory, body="Gratulacje dla {{ adresat.organizacja }} ({{ adresat.miejscowosc }})."
    )
    response = fetch(
        client_for(persona("management")), "get", reverse("correspondence:template_preview", args=[template.pk])
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Gratulacje dla Stowarzyszenie Przyjaciół Miasta (Łódź)." in pdf_text(response.content)
