"""The public pages of honorary patronage: the application form (limits, honeypot, files, the
confirmation e-mail), the status page behind its token, the list of granted patronages."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from office.kit.public import new_token
from office.models import Attachment, Contact
from office.services.attachments import attachments_of
from patronage.models import Application
from tests.factories import ContactFactory
from tests.patronage.factories import granted_application, new_application
from tests.utils import client_for, page_text

pytestmark = pytest.mark.django_db

APPLY = "/patronage/apply/"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def own_address(monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test sends from an address of its own, so the limit counts only its submissions."""
    address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    monkeypatch.setattr("office.kit.public.client_address", lambda request: address)
    return address


def _form(**changes: Any) -> dict[str, Any]:
    day = (timezone.localdate() + dt.timedelta(days=45)).isoformat()
    data = {
        "organiser_name": "Klub Biegacza „Wiatr”",
        "organiser_kind": "ngo",
        "email": "zarzad@wiatr.example.pl",
        "event_name": "Nocny Bieg Świętojański",
        "description": "Bieg na 10 km ulicami Starego Miasta.",
        "starts_on": day,
        "ends_on": day,
        "place": "Rynek",
        "reach": "regional",
        "rodo": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_organiser_applies_and_gets_the_confirmation(django_capture_on_commit_callbacks, mailoutbox) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(None).post(
            APPLY, _form(promotion_draft=SimpleUploadedFile("plakat.pdf", PDF, "application/pdf"))
        )
    application = Application.objects.get()
    status_url = reverse("patronage:public_status", args=[application.tracking_token])
    assert response.status_code == 302 and response["Location"] == status_url
    assert (application.channel, application.status, application.created_by) == ("form", "received", None)
    assert application.organiser.name == "Klub Biegacza „Wiatr”" and application.organiser.kind == "ngo"
    (attachment,) = attachments_of(application)
    assert attachment.mime_type == "application/pdf" and attachment.uploaded_by is None
    (mail,) = mailoutbox
    assert mail.to == ["zarzad@wiatr.example.pl"] and application.reference in mail.subject
    assert f"http://testserver{status_url}" in mail.body


def test_an_existing_contact_with_the_address_is_the_organiser() -> None:
    known = ContactFactory(name="Klub Biegacza Wiatr", email="Zarzad@Wiatr.example.pl")
    client_for(None).post(APPLY, _form())
    assert Application.objects.get().organiser == known and Contact.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rodo": None}, "rodo"),
        ({"starts_on": "2020-01-01", "ends_on": "2020-01-01"}, "starts_on"),
        ({"ends_on": (timezone.localdate() + dt.timedelta(days=40)).isoformat()}, "ends_on"),
        ({"email": "nie-adres"}, "email"),
        ({"starts_on": "2199-13-01"}, "starts_on"),
        (
            {"promotion_draft": SimpleUploadedFile("plakat.pdf", b"MZ\x90\x00 program", "application/pdf")},
            "promotion_draft",
        ),
        ({"other_file": SimpleUploadedFile("program.exe", b"MZ\x90\x00", "application/octet-stream")}, "other_file"),
    ],
)
def test_bad_input_is_answered_in_the_form_and_keeps_what_was_typed(changes: dict[str, Any], field: str) -> None:
    response = client_for(None).post(APPLY, _form(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Nocny Bieg Świętojański" in response.content.decode()
    assert not Application.objects.exists() and not Attachment.objects.exists()


def test_a_robot_filling_the_honeypot_is_thanked_and_nothing_is_saved(mailoutbox) -> None:
    response = client_for(None).post(APPLY, _form(website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == reverse("patronage:public_thanks")
    assert not Application.objects.exists() and not Contact.objects.exists() and not mailoutbox


def test_the_honeypot_is_out_of_sight_and_out_of_reach() -> None:
    html = client_for(None).get(APPLY).content.decode()
    trap = html[html.index('class="form-trap"') - 5 :]
    trap = trap[: trap.index("</div>")]
    assert 'aria-hidden="true"' in trap and 'tabindex="-1"' in trap and 'name="website"' in trap


def test_more_submissions_than_the_limit_get_429(settings) -> None:
    settings.PUBLIC_FORM_LIMIT = 2
    client = client_for(None)
    codes = [client.post(APPLY, _form(event_name=f"Bieg {n}")).status_code for n in range(3)]
    assert codes == [302, 302, 429]
    assert Application.objects.count() == 2
    assert "Zbyt wiele" in page_text(client.post(APPLY, _form()))


def test_the_status_page_shows_only_the_application_behind_its_token(persona: Any) -> None:
    organiser = ContactFactory(name="Fundacja Łąka", email="fundacja@laka.example.pl", phone="600 100 200")
    application = new_application(persona("office_staff"), organiser, tracking_token=new_token())
    other = new_application(persona("office_staff"), event_name="Inne wydarzenie", tracking_token=new_token())
    response = client_for(None).get(reverse("patronage:public_status", args=[application.tracking_token]))
    text = page_text(response)
    assert response.status_code == 200 and application.reference in text and application.event_name in text
    assert "fundacja@laka.example.pl" not in text and "600 100 200" not in text and other.event_name not in text
    assert response["Referrer-Policy"] == "no-referrer"
    for token in ("x" * 43, application.tracking_token[:-1], "", "a" * 200):
        assert client_for(None).get(f"/patronage/status/{token}/").status_code == 404


def test_the_public_list_shows_granted_patronages_only(persona: Any) -> None:
    staff = persona("office_staff")
    granted = granted_application(staff, ContactFactory(name="Towarzystwo Przyjaciół Miasta", kind="ngo"))
    private = granted_application(
        staff, ContactFactory(name="Jan Prywatny", kind="person"), event_name="Koncert w ogrodzie"
    )
    waiting = new_application(staff, event_name="Festyn czekający")
    response = client_for(None).get(reverse("patronage:public_granted"))
    text = page_text(response)
    assert granted.event_name in text and "Towarzystwo Przyjaciół Miasta" in text
    assert private.event_name in text and "Jan Prywatny" not in text
    assert waiting.event_name not in text
    last_modified = response["Last-Modified"]
    again = client_for(None).get(reverse("patronage:public_granted"), HTTP_IF_MODIFIED_SINCE=last_modified)
    assert again.status_code == 304


def test_the_statistics_of_a_year(persona: Any) -> None:
    staff = persona("office_staff")
    granted_application(staff)
    new_application(staff, is_commercial=True, event_name="Targi")
    response = client_for(staff).get(reverse("patronage:statistics"))
    totals = response.context["totals"]
    assert (totals["total"], totals["granted"], totals["excluded"]) == (2, 1, 1)
    assert client_for(staff).get(reverse("patronage:statistics"), {"year": "99999"}).status_code == 200


def test_a_granted_organiser_finds_the_coat_of_arms_on_the_status_page(persona: Any) -> None:
    staff = persona("office_staff")
    granted = granted_application(staff, tracking_token=new_token())
    waiting = new_application(staff, tracking_token=new_token())
    assert "herb.svg" in client_for(None).get(f"/patronage/status/{granted.tracking_token}/").content.decode()
    assert "herb.svg" not in client_for(None).get(f"/patronage/status/{waiting.tracking_token}/").content.decode()


def test_report_reminders_go_once_before_and_once_after_the_date(persona: Any, mailoutbox: Any) -> None:
    from patronage.tasks import remind_reports

    staff = persona("office_staff")
    organiser = ContactFactory(name="Klub „Orzeł”", email="klub@orzel.example.pl")
    application = granted_application(staff, organiser)
    Application.objects.filter(pk=application.pk).update(report_due_on=timezone.localdate() + dt.timedelta(days=5))
    assert remind_reports() == 1 and remind_reports() == 0
    Application.objects.filter(pk=application.pk).update(report_due_on=timezone.localdate() - dt.timedelta(days=1))
    assert remind_reports() == 1 and remind_reports() == 0
    assert [mail.to for mail in mailoutbox] == [["klub@orzel.example.pl"]] * 2
    assert "Termin minął" in mailoutbox[1].body and "Termin minął" not in mailoutbox[0].body
