"""Staff pages of civic participation: the forms keep what was typed on bad input, the steps of a
project and a booking through their pages, the PDF jobs, the week of bookings, the widgets."""

from __future__ import annotations

import pytest
from django.utils import translation

from associations.participation.models import Booking, Consultation, ProjectStatus, Submission
from office.models import Assignment, Job
from tests.participation import factories as f
from tests.utils import client_for, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff(persona):
    return persona("ngo_officer")


def test_a_consultation_that_ends_before_it_starts_is_shown_on_the_form(staff) -> None:
    response = client_for(staff).post(
        "/participation/consultations/new/",
        {
            "title": "Plac Targowy",
            "subject": "Plac",
            "starts_on": "2026-12-10",
            "ends_on": "2026-12-01",
            "by_comments": "on",
        },
    )
    assert response.status_code == 200
    assert "Plac Targowy" in response.content.decode() and "error-summary" in response.content.decode()
    assert not Consultation.objects.exists()


def test_an_overlapping_booking_is_refused_on_the_form(staff) -> None:
    room = f.a_room(staff)
    first = f.a_booking(staff, room)
    data = {
        "room": room.pk,
        "organisation": first.organisation.pk,
        "purpose": "Próba chóru",
        "starts_at": f.at(3, 11).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": f.at(3, 12).strftime("%Y-%m-%dT%H:%M"),
    }
    response = client_for(staff).post("/participation/bookings/new/", data)
    assert response.status_code == 200 and "Próba chóru" in response.content.decode()
    assert "error-summary" in response.content.decode() and Booking.objects.count() == 1


def test_a_project_through_its_page(staff, wok, win, liaison) -> None:
    edition = f.an_edition(staff)
    project = f.a_project(staff, edition)
    client = client_for(staff)
    url = f"/participation/projects/{project.pk}/"
    assert (
        client.post(
            url + "verify/",
            {"verify-formal_unit": wok.pk, "verify-merit_unit": win.pk, "verify-due_date": f.days(5).isoformat()},
        ).status_code
        == 302
    )
    formal = Assignment.objects.get(unit=wok, source_id=project.pk)
    inbox = client_for(liaison).get("/inbox/")
    assert formal.title in page_text(inbox)
    assert client.post(url + "outcome/", {"outcome-admitted": "no", "outcome-notes": ""}).status_code == 200
    assert (
        client.post(url + "outcome/", {"outcome-admitted": "no", "outcome-notes": "Teren prywatny."}).status_code == 302
    )
    assert (
        client.post(
            url + "appeal/", {"appeal-text": "Mapa.", "appeal-received_on": edition.appeals_to.isoformat()}
        ).status_code
        == 302
    )
    assert (
        client.post(
            url + "appeal-decide/",
            {"appeal-decide-upheld": "yes", "appeal-decide-reasons": "Zasadne."},
        ).status_code
        == 302
    )
    project.refresh_from_db()
    assert project.status == ProjectStatus.ADMITTED
    assert client.get(url).status_code == 200


def test_readers_see_but_may_not_act(staff, management, auditor) -> None:
    consultation = f.a_consultation(staff)
    comment = f.a_comment(consultation)
    for reader in (management, auditor):
        page = client_for(reader).get(f"/participation/comments/{comment.pk}/")
        assert page.status_code == 200 and f"/participation/comments/{comment.pk}/publish/" not in page.content.decode()
        assert client_for(reader).post(f"/participation/comments/{comment.pk}/publish/").status_code == 403
    assert Submission.objects.get().is_pending


def test_the_reports_are_jobs(staff, django_capture_on_commit_callbacks) -> None:
    consultation = f.a_consultation(staff)
    consultation_comment = f.a_comment(consultation)
    from associations.participation.services import consultations, programme

    consultations.publish(actor=staff, submission=consultation_comment)
    client = client_for(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/participation/consultations/{consultation.pk}/report-pdf/")
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    job.refresh_from_db()
    assert job.status == "done"
    with job.result.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    prog = programme.draft_report(actor=staff, programme=f.a_programme(staff))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/participation/programme/{prog.pk}/report-pdf/")
    assert Job.objects.filter(status="done").count() == 2


def test_the_week_of_bookings(staff) -> None:
    booking = f.a_booking(staff, f.a_room(staff))
    week = f.days(3).isoformat()
    text = page_text(client_for(staff).get(f"/participation/rooms/week/?week={week}"))
    assert "Spotkanie" in text and booking.organisation.name in text
    assert client_for(staff).get("/participation/rooms/week/?week=nonsense").status_code == 200
    assert client_for(staff).get("/participation/rooms/week/?week=9999-01-01").status_code == 200


def test_the_dashboard_shows_the_widgets(staff) -> None:
    f.a_comment(f.a_consultation(staff, title="Konsultacje placu"))
    f.a_programme(staff, year=2027)
    project = f.in_verification(staff, f.a_project(staff, f.an_edition(staff)))
    text = page_text(client_for(staff).get("/"))
    assert "Konsultacje placu" in text and "Program współpracy" in text and project.title in text


def test_search_finds_projects_and_consultations(staff) -> None:
    f.a_consultation(staff, title="Rewitalizacja Zatorza")
    f.a_project(staff, f.an_edition(staff), title="Siłownia plenerowa")
    text = page_text(client_for(staff).get("/search/?q=Zatorza"))
    assert "Rewitalizacja Zatorza" in text
    assert "Siłownia plenerowa" in page_text(client_for(staff).get("/search/?q=Siłownia"))
