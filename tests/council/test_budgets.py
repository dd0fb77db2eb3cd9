"""Every list of the council and its BIP pages: the same number of queries at any number of rows;
the interpellation list and the public page also with 5,000 interpellations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from office.council.models import Interpellation
from office.council.services import council as council_services
from tests.council import factories
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(persona: Any) -> Any:
    return persona("council_officer")


def _interpellations(officer: Any) -> Any:
    def make(count: int) -> None:
        for _ in range(count):
            factories.answered(officer)

    return make


@pytest.mark.parametrize("url_name", ["council:interpellation_list", "council:public_interpellations"])
def test_interpellations(officer: Any, url_name: str) -> None:
    assert_constant_queries(client_for(officer), reverse(url_name), _interpellations(officer))


def test_sessions_and_their_public_page(officer: Any) -> None:
    def make(count: int) -> None:
        for _ in range(count):
            session = factories.session(officer, days=-2)
            council_services.close_session(actor=officer, session=session, held=True)

    assert_constant_queries(client_for(officer), reverse("council:session_list"), make)
    assert_constant_queries(client_for(None), reverse("council:public_sessions"), make)


def test_councillors_committees_and_meetings(officer: Any) -> None:
    def make(count: int) -> None:
        for _ in range(count):
            factories.meeting(officer, committee=factories.committee(officer, members=[factories.councillor(officer)]))

    client = client_for(officer)
    for name in ("council:councillor_list", "council:committee_list", "council:meeting_list"):
        assert_constant_queries(client, reverse(name), make, n=2, extra=4)


def count_queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _bulk(count: int) -> None:
    councillor = factories.councillor()
    today = timezone.localdate()
    start = (Interpellation.objects.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    Interpellation.objects.bulk_create(
        Interpellation(
            year=1990,
            number=start + n,
            councillor=councillor,
            received_on=today - dt.timedelta(days=n % 300),
            subject=f"Sprawa {n}",
            text="Treść.",
            due_on=today,
            status="answered" if n % 2 else "received",
            answer="Odpowiedź." if n % 2 else "",
            answered_on=today if n % 2 else None,
        )
        for n in range(count)
    )


@pytest.mark.parametrize(
    "url_name,query",
    [("council:interpellation_list", "?q=Sprawa&open=on"), ("council:public_interpellations", "?q=Sprawa")],
)
def test_five_thousand_interpellations(officer: Any, url_name: str, query: str) -> None:
    client = client_for(officer if url_name.startswith("council:interp") else None)
    url = reverse(url_name) + query
    _bulk(3)
    client.get(url)
    few = count_queries(client, url)
    _bulk(5000)
    response = client.get(url)
    assert response.status_code == 200
    assert count_queries(client, url) == few


def test_resolutions_drafts_and_requests(officer: Any) -> None:
    def make(count: int) -> None:
        for _ in range(count):
            factories.resolution(officer, tasks_mayor=True)
            draft = factories.draft(officer)
            factories.extraordinary_request(officer, drafts=[factories.draft(officer, session=None)])
            from office.council.services import resolutions

            resolutions.file_draft(actor=officer, draft=draft, filed_on=timezone.localdate())

    client = client_for(officer)
    for name in ("council:resolution_list", "council:draft_list", "council:request_list"):
        assert_constant_queries(client, reverse(name), make, n=2, extra=4)


def test_companies_and_their_meetings(officer: Any) -> None:
    from office.council.services import companies

    def make(count: int) -> None:
        for _ in range(count):
            meeting = factories.shareholder_meeting(officer)
            companies.request_opinion(actor=officer, meeting=meeting, unit=factories.unit())
            companies.instruct(actor=officer, meeting=meeting, text="Za.", instructed_by=factories.mayor())

    client = client_for(officer)
    for name in ("council:company_list", "council:shareholder_meeting_list"):
        assert_constant_queries(client, reverse(name), make, n=2, extra=4)


def test_elections(officer: Any) -> None:
    def make(count: int) -> None:
        for _ in range(count):
            factories.lay_candidate(officer)
            factories.neighbourhood(officer)

    client = client_for(officer)
    for name in ("council:lay_election_list", "council:neighbourhood_list"):
        assert_constant_queries(client, reverse(name), make, n=2, extra=4)
    election = factories.lay_election(officer)

    def candidates(count: int) -> None:
        for _ in range(count):
            factories.lay_candidate(officer, election=election)

    assert_constant_queries(
        client, reverse("council:lay_election_detail", args=[election.pk]), candidates, n=2, extra=4
    )


def test_projects_and_studies(officer: Any) -> None:
    def make(count: int) -> None:
        for _ in range(count):
            factories.study(officer, project=factories.project(officer))

    client = client_for(officer)
    for name in ("council:project_list", "council:study_list"):
        assert_constant_queries(client, reverse(name), make, n=2, extra=4)
