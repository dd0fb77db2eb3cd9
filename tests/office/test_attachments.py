"""Attachments: the type allow-list, the size limit, empty files, storage, permission-checked downloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from office.models import Attachment, AuditEntry
from office.services import attachments as service
from tests.factories import AssignmentFactory
from tests.utils import client_for, fetch, login_url

MB = 1024 * 1024


def upload(name: str, content: bytes = b"%PDF-1.4 pismo", content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type)


# --- Validation --------------------------------------------------------------------------------


#: The first bytes of real files of each kind (enough for the content sniffing).
ZIP = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40
SAMPLES = {
    "pismo.pdf": b"%PDF-1.4 pismo",
    "RAPORT.PDF": b"%PDF-1.7\n%\xe2\xe3",
    "tabela.xlsx": ZIP,
    "zdjęcie.jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20,
    "notatka.odt": ZIP,
    "stare.doc": bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 40,
    "lista.csv": "Nazwisko;Miasto\nŻółkiewska;Łódź\n".encode(),
    "lista-1250.csv": "Nazwisko;Miasto\nŻółkiewska;Łódź\n".encode("cp1250"),
    "notatka.txt": b"Zwykly tekst.\r\n",
}


@pytest.mark.parametrize("name", list(SAMPLES))
def test_allowed_types(name: str) -> None:
    service.validate_upload(upload(name, SAMPLES[name]))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("faktura.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 60),  # a Windows program
        ("raport.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 60),  # a Linux program
        ("zdjecie.jpg", b"%PDF-1.4 to nie jest obraz"),
        ("tabela.xlsx", b"%PDF-1.4"),
        ("lista.csv", b"\x7fELF\x02\x01\x01" + b"\x00" * 60),
        ("notatka.txt", b"tekst\x00\x01\x02 binarny"),
    ],
)
def test_content_that_is_not_what_the_name_says_is_refused(name: str, content: bytes) -> None:
    with pytest.raises(ValidationError) as caught:
        service.validate_upload(upload(name, content))
    assert caught.value.code == "file_content"


def test_the_stored_type_is_the_sniffed_one() -> None:
    assert service.validate_upload(upload("skan.pdf", b"%PDF-1.4", "image/png")) == "application/pdf"
    assert service.validate_upload(upload("lista.csv", b"a;b\n", "application/octet-stream")) == "text/csv"


@pytest.mark.parametrize(("name", "shown"), [("program.exe", "exe"), ("skrypt.js", "js"), ("bez-rozszerzenia", None)])
def test_types_outside_the_allow_list_are_refused_with_a_message(name: str, shown: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        service.validate_upload(upload(name))
    assert caught.value.code == "file_type"
    message = caught.value.messages[0]
    if shown:
        assert shown in message
    assert "pdf" in message and "docx" in message  # the accepted types are listed


@override_settings(ATTACHMENT_MAX_MB=1)
def test_size_limit() -> None:
    service.validate_upload(upload("duzy.pdf", b"%PDF" + b"x" * (MB - 4)))
    with pytest.raises(ValidationError) as caught:
        service.validate_upload(upload("za-duzy.pdf", b"%PDF" + b"x" * (MB - 3)))
    assert caught.value.code == "file_size"
    assert "1,0" in caught.value.messages[0] or "1.0" in caught.value.messages[0]


def test_empty_file() -> None:
    with pytest.raises(ValidationError) as caught:
        service.validate_upload(upload("pusty.pdf", b""))
    assert caught.value.code == "file_empty"


# --- Storing -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_attach_stores_under_a_random_name_outside_static(persona: Any, wok: Any) -> None:
    liaison = persona("unit_liaison")
    assignment = AssignmentFactory(unit=wok)
    attachment = service.attach(
        actor=liaison, record=assignment, upload=upload("../../etc/Odpowiedź wydziału.PDF"), description=" skan "
    )
    attachment.refresh_from_db()
    assert attachment.record == assignment
    assert (attachment.original_name, attachment.description) == ("Odpowiedź wydziału.PDF", "skan")
    assert (attachment.mime_type, attachment.size, attachment.uploaded_by) == ("application/pdf", 14, liaison)
    stored = Path(attachment.file.path).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert "Odpowied" not in stored.name and stored.suffix == ".pdf"
    for static_dir in [settings.STATIC_ROOT, *settings.STATICFILES_DIRS]:
        assert not stored.is_relative_to(Path(static_dir).resolve())
    assert stored.read_bytes() == b"%PDF-1.4 pismo"
    entry = AuditEntry.objects.of(assignment).filter(action=AuditEntry.Action.ACTION).get()
    assert entry.actor == liaison and "Odpowiedź wydziału.PDF" in entry.text
    assert list(service.attachments_of(assignment)) == [attachment]


@pytest.mark.django_db
def test_attach_validates_before_storing(persona: Any, wok: Any) -> None:
    with pytest.raises(ValidationError):
        service.attach(actor=persona("unit_liaison"), record=AssignmentFactory(unit=wok), upload=upload("x.exe"))
    assert not Attachment.objects.exists()


# --- Downloading -------------------------------------------------------------------------------


@pytest.fixture
def attachment(persona: Any, wok: Any) -> Attachment:
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"))
    return service.attach(actor=persona("unit_liaison"), record=assignment, upload=upload("Pismo do Wojewody.pdf"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["unit_liaison", "secretariat", "auditor", "management"])
def test_download_by_those_who_see_the_record(persona: Any, attachment: Attachment, role: str) -> None:
    response = fetch(client_for(persona(role)), "get", reverse("office:attachment_download", args=[attachment.pk]))
    assert response.status_code == 200
    assert response.content_bytes == b"%PDF-1.4 pismo"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Pismo" in response["Content-Disposition"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["outsider_liaison", "press_officer", "office_staff"])
def test_download_is_404_for_those_who_cannot_see_the_record(persona: Any, attachment: Attachment, role: str) -> None:
    response = fetch(client_for(persona(role)), "get", reverse("office:attachment_download", args=[attachment.pk]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_download_needs_a_login(attachment: Attachment) -> None:
    url = reverse("office:attachment_download", args=[attachment.pk])
    response = fetch(client_for(None), "get", url)
    assert (response.status_code, response["Location"]) == (302, login_url(url))


@pytest.mark.django_db
def test_a_missing_file_or_record_is_404(persona: Any, attachment: Attachment) -> None:
    client = client_for(persona("secretariat"))
    Path(attachment.file.path).unlink()
    assert fetch(client, "get", reverse("office:attachment_download", args=[attachment.pk])).status_code == 404
    assert fetch(client, "get", reverse("office:attachment_download", args=[attachment.pk + 1000])).status_code == 404


@pytest.mark.django_db
def test_uploaded_files_are_not_served_as_static_or_media(persona: Any, attachment: Attachment) -> None:
    client = client_for(persona("secretariat"))
    for prefix in ("/media/", settings.STATIC_URL, "/"):
        assert fetch(client, "get", f"{prefix}{attachment.file.name}").status_code == 404


# --- The upload form on the assignment page ----------------------------------------------------


@pytest.mark.django_db
def test_upload_through_the_page(persona: Any, wok: Any) -> None:
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"))
    url = reverse("office:assignment_attach", args=[assignment.pk])
    response = fetch(
        client_for(persona("unit_liaison")),
        "post",
        url,
        {"attach-file": upload("oferta.pdf"), "attach-description": "oferta"},
    )
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("office:assignment_detail", args=[assignment.pk]),
    )
    assert Attachment.objects.get().original_name == "oferta.pdf"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [("wirus.exe", b"MZ", "exe"), ("pusty.pdf", b"", None)],
)
def test_a_refused_upload_shows_the_page_with_the_message(
    persona: Any, wok: Any, name: str, content: bytes, fragment: str | None
) -> None:
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"))
    url = reverse("office:assignment_attach", args=[assignment.pk])
    response = fetch(
        client_for(persona("unit_liaison")),
        "post",
        url,
        {"attach-file": upload(name, content), "attach-description": "opis pliku"},
    )
    assert response.status_code == 200
    form = response.context["attachment_form"]
    assert form.errors["file"]
    if fragment:
        assert fragment in form.errors["file"][0]
    html = response.content.decode()
    assert form.errors["file"][0] in html.replace("&#x27;", "'").replace("&quot;", '"')
    assert "opis pliku" in html  # what was typed stays
    assert not Attachment.objects.exists()


@pytest.mark.django_db
@override_settings(ATTACHMENT_MAX_MB=1)
def test_a_too_large_upload_through_the_page(persona: Any, wok: Any) -> None:
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"))
    url = reverse("office:assignment_attach", args=[assignment.pk])
    response = fetch(
        client_for(persona("unit_liaison")), "post", url, {"attach-file": upload("skan.pdf", b"x" * (MB + 10))}
    )
    assert response.status_code == 200
    assert response.context["attachment_form"].errors["file"]
    assert not Attachment.objects.exists()
