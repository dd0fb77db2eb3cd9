"""The public pages: a comment (honeypot, limit per address, RODO, moderation before it shows), a
project with its list of support, the online vote (invalid PESEL, a second vote), the results and
the realisation; nothing private is shown."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from associations.participation.models import Project, Submission, Vote
from associations.participation.services import budget, consultations
from office.services.attachments import attach
from tests.participation import factories as f
from tests.utils import client_for, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_address(monkeypatch: pytest.MonkeyPatch) -> str:
    address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    monkeypatch.setattr("office.kit.public.client_address", lambda request: address)
    return address


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff(persona):
    return persona("ngo_officer")


def _comment(**changes: Any) -> dict[str, Any]:
    data = {"author_name": "Anna Nowak", "email": "anna@example.pl", "text": "Więcej drzew.", "rodo": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_comment_waits_for_moderation_before_it_is_shown(staff) -> None:
    consultation = f.a_consultation(staff)
    url = f"/participation/public/consultations/{consultation.pk}/"
    response = client_for(None).post(url, _comment(organisation="Rada Osiedla"))
    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    comment = Submission.objects.get()
    assert comment.is_pending and comment.channel == "form"
    assert "Więcej drzew." not in page_text(client_for(None).get(url))
    consultations.publish(actor=staff, submission=comment)
    consultations.answer(actor=staff, submission=comment, answer="Posadzimy lipy.")
    text = page_text(client_for(None).get(url))
    assert "Więcej drzew." in text and "Posadzimy lipy." in text and "Rada Osiedla" in text
    assert "Anna Nowak" not in text and "anna@example.pl" not in text


def test_without_the_rodo_clause_nothing_is_saved_and_nothing_typed_is_lost(staff) -> None:
    consultation = f.a_consultation(staff)
    response = client_for(None).post(f"/participation/public/consultations/{consultation.pk}/", _comment(rodo=None))
    assert response.status_code == 200
    assert "Więcej drzew." in response.content.decode()
    assert not Submission.objects.exists()


def test_a_robot_filling_the_honeypot_is_thanked_and_nothing_is_saved(staff) -> None:
    consultation = f.a_consultation(staff)
    response = client_for(None).post(f"/participation/public/consultations/{consultation.pk}/", _comment(website="x"))
    assert response.status_code == 302
    assert not Submission.objects.exists()


def test_the_limit_per_address(staff, settings) -> None:
    settings.PUBLIC_FORM_LIMIT = 2
    consultation = f.a_consultation(staff)
    url = f"/participation/public/consultations/{consultation.pk}/"
    statuses = [client_for(None).post(url, _comment(text=f"Uwaga {n}")).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert Submission.objects.count() == 2


def test_a_closed_or_unpublished_consultation(staff) -> None:
    closed = f.a_consultation(staff, starts_on=f.days(-20), ends_on=f.days(-2))
    response = client_for(None).post(f"/participation/public/consultations/{closed.pk}/", _comment())
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    hidden = f.a_consultation(staff, is_published=False)
    assert client_for(None).get(f"/participation/public/consultations/{hidden.pk}/").status_code == 404
    assert not Submission.objects.exists()


def test_documents_of_published_consultations_only(staff) -> None:
    shown = f.a_consultation(staff)
    hidden = f.a_consultation(staff, is_published=False)
    upload = lambda: SimpleUploadedFile("projekt.txt", b"Projekt uchwaly.", "text/plain")  # noqa: E731
    public, private = (
        attach(actor=staff, record=shown, upload=upload()),
        attach(actor=staff, record=hidden, upload=upload()),
    )
    response = client_for(None).get(f"/participation/public/documents/{public.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"Projekt uchwaly."
    assert client_for(None).get(f"/participation/public/documents/{private.pk}/").status_code == 404
    project = f.a_project(staff, f.an_edition(staff))
    photo = attach(actor=staff, record=project, upload=upload())
    assert client_for(None).get(f"/participation/public/documents/{photo.pk}/").status_code == 404


def _project(edition: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "district": edition.districts.first().pk,
        "title": "Ławki w parku",
        "description": "Dziesięć ławek.",
        "location": "Park Miejski",
        "cost": "20000",
        "author_name": "Jan Lis",
        "author_email": "jan@example.pl",
        "supporters": "\n".join(f.SUPPORTERS),
        "rodo": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_project_is_submitted_with_its_list_of_support(staff) -> None:
    edition = f.an_edition(
        staff,
        submissions_from=f.days(-3),
        submissions_to=f.days(3),
        verification_to=f.days(4),
        appeals_to=f.days(5),
        voting=(6, 9),
    )
    url = f"/participation/public/budget/{edition.year}/submit/"
    short = client_for(None).post(url, _project(edition, supporters="Anna\nJan"))
    assert short.status_code == 200 and 'href="#id_supporters"' in short.content.decode()
    assert "Ławki w parku" in short.content.decode()
    assert client_for(None).post(url, _project(edition)).status_code == 302
    project = Project.objects.get()
    assert project.supporter_count == 20 and project.created_by is None
    text = page_text(client_for(None).get(f"/participation/public/budget/projects/{project.pk}/"))
    assert "Ławki w parku" in text and "jan@example.pl" not in text and "Mieszkaniec 3" not in text


def test_projects_are_taken_only_in_their_period(staff) -> None:
    edition = f.an_edition(staff)
    response = client_for(None).post(f"/participation/public/budget/{edition.year}/submit/", _project(edition))
    assert response.status_code == 200 and not Project.objects.exists()


def _vote(projects: list[Project], **changes: Any) -> dict[str, Any]:
    data = {"pesel": f.pesel(21), "projects": [p.pk for p in projects], "declaration": "on", "rodo": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_online_vote(staff) -> None:
    edition = f.an_edition(staff)
    project = f.admitted_project(staff, edition)
    url = f"/participation/public/budget/{edition.year}/vote/"
    assert f"{project.number}. Plac zabaw" in page_text(client_for(None).get(url))
    wrong = client_for(None).post(url, _vote([project], pesel="44051401358"))
    assert wrong.status_code == 200 and 'href="#id_pesel"' in wrong.content.decode()
    assert f'id="id_projects_{project.pk}" checked' in wrong.content.decode()  # the choice is kept
    assert client_for(None).post(url, _vote([project])).status_code == 302
    again = client_for(None).post(url, _vote([project]))
    assert again.status_code == 200 and 'href="#id_pesel"' in again.content.decode()
    assert Vote.objects.count() == 1


def test_the_vote_page_when_the_vote_is_not_open(staff) -> None:
    edition = f.an_edition(staff, voting=(5, 9))
    project = f.admitted_project(staff, edition)
    response = client_for(None).post(f"/participation/public/budget/{edition.year}/vote/", _vote([project]))
    assert response.status_code == 200 and not Vote.objects.exists()


def test_results_and_realisation_after_publication(staff) -> None:
    edition = f.an_edition(staff, voting=(-10, -1))
    project = f.admitted_project(staff, edition, cost=Decimal(50000))
    Vote.objects.create(edition=edition, voter_key="a" * 64).projects.add(project)
    year = edition.year
    assert "Plac zabaw" not in page_text(client_for(None).get(f"/participation/public/budget/{year}/results/"))
    budget.publish_results(actor=staff, edition=edition)
    budget.update_realisation(actor=staff, project=project, realisation="works", progress=35)
    assert "Plac zabaw" in page_text(client_for(None).get(f"/participation/public/budget/{year}/results/"))
    realisation = client_for(None).get(f"/participation/public/budget/{year}/realisation/")
    assert "35%" in page_text(realisation) and realisation.has_header("Last-Modified")
    data = client_for(None).get(f"/participation/public/budget/{year}/results.csv").content.decode("utf-8-sig")
    assert data.splitlines()[1] == f"Śródmieście;{project.number};Plac zabaw;50000.00;1;1;works;35"


def test_the_projects_admitted_to_the_vote(staff) -> None:
    edition = f.an_edition(staff)
    f.admitted_project(staff, edition, title="Siłownia plenerowa")
    f.rejected_project(staff, edition, title="Fontanna", district=1)
    url = f"/participation/public/budget/{edition.year}/projects/"
    assert "Fontanna" in page_text(client_for(None).get(url))
    admitted = page_text(client_for(None).get(url + "?admitted=on"))
    assert "Siłownia plenerowa" in admitted and "Fontanna" not in admitted
    north = edition.districts.get(name="Północ").pk
    assert "Siłownia plenerowa" not in page_text(client_for(None).get(f"{url}?district={north}"))
