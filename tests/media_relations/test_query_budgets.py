"""Query budgets of the press office's pages: every list, and every record page with repeated
rows, costs the same number of queries with 3 rows as with 23 (tests.utils.assert_constant_queries).

Each row brings the related rows its page shows (journalists and their outlets, officers,
topics, office holders, invitations, deliveries...), each a different one, so a related object
loaded per row would show as a growing count."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from media_relations.models import (
    BulletinArticle,
    Delivery,
    InquiryStatus,
    OutletKind,
    ReleaseStatus,
    ResponseKind,
    ResponseStatus,
    Tone,
)
from media_relations.services import inquiries as inquiry_services
from media_relations.services import releases as release_services
from office.models import OfficeHolder, OrgUnit, Tag
from office.services import assignments
from office.services.attachments import attach
from tests.factories import OfficeHolderFactory, OrgUnitFactory
from tests.media_relations.factories import (
    BulletinArticleFactory,
    BulletinIssueFactory,
    ConferenceFactory,
    DeliveryFactory,
    DistributionListFactory,
    InquiryFactory,
    InvitationFactory,
    JournalistFactory,
    JournalistOutletFactory,
    OutletFactory,
    PlannedPostFactory,
    PressOfficerFactory,
    PublicationFactory,
    QuoteAuthorisationFactory,
    ReleaseFactory,
    inquiry_in_status,
    local,
    release_in_status,
    response_in_status,
)
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db
_n = itertools.count(1)
KINDS = list(OutletKind.values)


def _outlet() -> Any:
    n = next(_n)
    return OutletFactory(name=f"Redakcja {n}", kind=KINDS[n % len(KINDS)], tags=[_tag()])


def _tag() -> Tag:
    return Tag.objects.get_or_create(name=f"temat-{next(_n)}")[0]


def _journalist() -> Any:
    return JournalistFactory(outlet=_outlet(), tags=[_tag()])


def _holder() -> OfficeHolder:
    return OfficeHolderFactory(title=f"Zastępca Prezydenta Miasta nr {next(_n)}")


def _unit() -> OrgUnit:
    return OrgUnitFactory(symbol=f"Q{next(_n):03d}")


def _upload(n: int) -> Any:
    return SimpleUploadedFile(f"notatka-{n}.txt", f"Notatka nr {n}.".encode(), "text/plain")


# --- Lists --------------------------------------------------------------------------------------


def _inquiries(officer: Any, management: Any, count: int) -> None:
    statuses = [InquiryStatus.NEW, InquiryStatus.DRAFT, InquiryStatus.APPROVAL]
    for _ in range(count):
        n = next(_n)
        inquiry_in_status(
            statuses[n % len(statuses)],
            officer=PressOfficerFactory(),
            approver=management,
            journalist=_journalist(),
            subject=f"Pytanie prasowe nr {n}",
            topic=f"temat {n % 4}",
            received_at=timezone.now() - dt.timedelta(days=n % 20),
        )


def _publications(count: int) -> None:
    for _ in range(count):
        n = next(_n)
        PublicationFactory(
            outlet=_outlet(),
            title=f"Artykuł nr {n}",
            tone=Tone.values[n % 3],
            topics=[_tag(), _tag()],
            unit=_unit(),
            office_holder=_holder(),
        )


def _responses(officer: Any, count: int) -> None:
    statuses = [ResponseStatus.DRAFT, ResponseStatus.SENT, ResponseStatus.REFUSED]
    for _ in range(count):
        n = next(_n)
        correction = n % 2 == 0  # a correction's deadlines are computed for a daily
        outlet = OutletFactory(name=f"Dziennik nr {n}", kind=OutletKind.DAILY) if correction else _outlet()
        publication = PublicationFactory(outlet=outlet, title=f"Artykuł nr {n}")
        response_in_status(statuses[n % 3], officer=officer, publication=publication, correction=correction)


def _releases(officer: Any, management: Any, count: int) -> None:
    for _ in range(count):
        n = next(_n)
        release = release_in_status(
            [ReleaseStatus.DRAFT, ReleaseStatus.PUBLISHED][n % 2], officer=officer, approver=management
        )
        DeliveryFactory(release=release, journalist=_journalist())


def _conferences(count: int) -> None:
    for _ in range(count):
        n = next(_n)
        conference = ConferenceFactory(
            topic=f"Konferencja nr {n}", starts_at=local(days=n % 30, hour=10), outlets=[_outlet(), _outlet()]
        )
        conference.office_holder = _holder()
        conference.save(update_fields=["office_holder"])
        conference.invitations.filter(pk=conference.invitations.first().pk).update(attended=True)


def _outlets(count: int) -> None:
    for _ in range(count):
        outlet = _outlet()
        JournalistFactory(outlet=outlet)
        JournalistFactory(outlet=outlet)


def _journalists(count: int) -> None:
    for _ in range(count):
        journalist = _journalist()
        JournalistOutletFactory(
            journalist=journalist, outlet=_outlet(), started_on=dt.date(2018, 1, 1), ended_on=dt.date(2020, 12, 31)
        )


def _lists(count: int) -> None:
    for _ in range(count):
        DistributionListFactory(name=f"Lista {next(_n)}", journalists=[_journalist(), _journalist()])


def _posts(count: int) -> None:
    for _ in range(count):
        n = next(_n)
        PlannedPostFactory(title=f"Wpis nr {n}", planned_at=local(days=1 + n % 20, hour=9), owner=PressOfficerFactory())


def _issues(count: int) -> None:
    for _ in range(count):
        issue = BulletinIssueFactory()
        BulletinArticleFactory(issue=issue, status=BulletinArticle.Status.APPROVED)
        BulletinArticleFactory(issue=issue, status=BulletinArticle.Status.PLANNED)


def _newsroom(officer: Any, count: int) -> None:
    for _ in range(count):
        n = next(_n)
        release = ReleaseFactory(published=True, title=f"Komunikat nr {n}")
        attach(actor=officer, record=release, upload=_upload(n))


LISTS: dict[str, Callable[[Any, Any], Callable[[int], None]]] = {
    "media_relations:inquiry_list": lambda officer, management: lambda count: _inquiries(officer, management, count),
    "media_relations:publication_list": lambda officer, management: _publications,
    "media_relations:response_list": lambda officer, management: lambda count: _responses(officer, count),
    "media_relations:release_list": lambda officer, management: lambda count: _releases(officer, management, count),
    "media_relations:conference_list": lambda officer, management: _conferences,
    "media_relations:outlet_list": lambda officer, management: _outlets,
    "media_relations:journalist_list": lambda officer, management: _journalists,
    "media_relations:distribution_lists": lambda officer, management: _lists,
    "media_relations:plan": lambda officer, management: _posts,
    "media_relations:bulletin_list": lambda officer, management: _issues,
    "media_relations:newsroom": lambda officer, management: lambda count: _newsroom(officer, count),
}


@pytest.mark.parametrize("name", list(LISTS))
def test_list_query_budget(officer, management, name):
    assert_constant_queries(client_for(officer), reverse(name), LISTS[name](officer, management))


def test_inquiry_list_with_filters_query_budget(officer, management):
    url = reverse("media_relations:inquiry_list") + "?open=on&sort=due&q=prasowe&legal_basis=press_information"
    assert_constant_queries(client_for(officer), url, lambda count: _inquiries(officer, management, count))


def test_publication_list_with_filters_query_budget(officer):
    url = reverse("media_relations:publication_list") + "?q=Artyku&importance=high"
    assert_constant_queries(client_for(officer), url, _publications)


# --- Record pages with repeated rows ------------------------------------------------------------


def test_inquiry_page_with_many_input_requests_and_quotes(officer, management, liaison, wok):
    inquiry = inquiry_in_status(InquiryStatus.DRAFT, officer=officer, approver=management)
    due = min(inquiry.due_on, timezone.localdate() + dt.timedelta(days=3))

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = next(_n)
            unit = wok if n % 2 else _unit()
            assignment = inquiry_services.request_input(
                actor=PressOfficerFactory(), inquiry=inquiry, unit=unit, due_date=due, question=f"Pytanie {n}"
            )
            if unit == wok:
                assignments.answer(actor=liaison, assignment=assignment, reply=f"Odpowiedź wydziału nr {n}")
            QuoteAuthorisationFactory(actor=officer, inquiry=inquiry, text=f"Cytat nr {n}")
            inquiry_services.save_draft(
                actor=PressOfficerFactory(), inquiry=inquiry, text=f"Wersja {n}", base_version=_version(inquiry)
            )
            attach(actor=PressOfficerFactory(), record=inquiry, upload=_upload(n))

    url = reverse("media_relations:inquiry_detail", args=[inquiry.pk])
    assert_constant_queries(client_for(officer), url, make_rows)


def _version(inquiry: Any) -> int:
    inquiry.refresh_from_db()
    return inquiry.version


def test_inquiry_page_of_the_approver_with_many_quotes(officer, management):
    inquiry = inquiry_in_status(InquiryStatus.APPROVAL, officer=officer, approver=management)

    def make_rows(count: int) -> None:
        for _ in range(count):
            quote = QuoteAuthorisationFactory(actor=officer, inquiry=inquiry, text=f"Cytat nr {next(_n)}")
            inquiry_services.answer_quote(actor=officer, quote=quote, status="changes", answer="Skrócić.")

    url = reverse("media_relations:inquiry_detail", args=[inquiry.pk])
    assert_constant_queries(client_for(management), url, make_rows)


def test_publication_page_with_many_responses(officer, management):
    publication = PublicationFactory(topics=[_tag()], unit=_unit(), office_holder=_holder())
    statuses = list(ResponseStatus.values)

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = next(_n)
            response_in_status(
                statuses[n % len(statuses)],
                officer=PressOfficerFactory(),
                publication=publication,
                kind=ResponseKind.STATEMENT,
                text=f"Stanowisko nr {n}",
            )
            inquiry = InquiryFactory(actor=officer, journalist=_journalist())
            inquiry_services.link_publication(actor=officer, inquiry=inquiry, publication=publication)
            attach(actor=PressOfficerFactory(), record=publication, upload=_upload(n))

    url = reverse("media_relations:publication_detail", args=[publication.pk])
    assert_constant_queries(client_for(officer), url, make_rows)


def test_release_page_with_many_deliveries(officer, management):
    release = release_in_status(ReleaseStatus.PUBLISHED, officer=officer, approver=management)

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = next(_n)
            status = [Delivery.Status.SENT, Delivery.Status.FAILED, Delivery.Status.PENDING][n % 3]
            DeliveryFactory(release=release, journalist=_journalist(), status=status, error=f"Błąd {n}")
            attach(actor=PressOfficerFactory(), record=release, upload=_upload(n))
            release_services.distribution_progress(release)

    for name in ("media_relations:release_detail", "media_relations:release_progress"):
        assert_constant_queries(client_for(officer), reverse(name, args=[release.pk]), make_rows)


def test_journalist_page_with_history(officer, management):
    journalist = JournalistFactory(outlet=_outlet(), tags=[_tag(), _tag()])

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = next(_n)
            outlet = _outlet()
            JournalistOutletFactory(
                journalist=journalist,
                outlet=outlet,
                started_on=dt.date(2000, 1, 1) + dt.timedelta(days=30 * n),
                ended_on=dt.date(2000, 1, 1) + dt.timedelta(days=30 * n + 20),
            )
            InquiryFactory(actor=PressOfficerFactory(), journalist=journalist, subject=f"Pytanie nr {n}")
            DeliveryFactory(journalist=journalist, release=ReleaseFactory(published=True))
            InvitationFactory(conference=ConferenceFactory(topic=f"Konferencja {n}"), outlet=outlet)
            InvitationFactory(
                conference=ConferenceFactory(topic=f"Spotkanie {n}"), outlet=_outlet(), journalist=journalist
            )
            DistributionListFactory(name=f"Lista {n}", journalists=[journalist])

    url = reverse("media_relations:journalist_detail", args=[journalist.pk])
    assert_constant_queries(client_for(officer), url, make_rows)


def test_outlet_page_with_people_inquiries_and_publications(officer):
    outlet = _outlet()

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = next(_n)
            journalist = JournalistFactory(outlet=outlet)
            InquiryFactory(actor=PressOfficerFactory(), journalist=journalist, subject=f"Pytanie nr {n}")
            PublicationFactory(outlet=outlet, title=f"Artykuł nr {n}", topics=[_tag()])

    url = reverse("media_relations:outlet_detail", args=[outlet.pk])
    assert_constant_queries(client_for(officer), url, make_rows)


def test_conference_page_with_many_outlets_and_speakers(officer):
    conference = ConferenceFactory(office_holder=_holder())

    def make_rows(count: int) -> None:
        for _ in range(count):
            InvitationFactory(conference=conference, outlet=_outlet(), journalist=_journalist(), attended=True)
            conference.speakers.add(PressOfficerFactory())
            attach(actor=PressOfficerFactory(), record=conference, upload=_upload(next(_n)))

    url = reverse("media_relations:conference_detail", args=[conference.pk])
    assert_constant_queries(client_for(officer), url, make_rows)


def test_bulletin_page_with_many_articles(officer):
    issue = BulletinIssueFactory()

    def make_rows(count: int) -> None:
        for _ in range(count):
            BulletinArticleFactory(issue=issue, author=PressOfficerFactory(), title=f"Artykuł nr {next(_n)}")

    url = reverse("media_relations:bulletin_detail", args=[issue.pk])
    assert_constant_queries(client_for(officer), url, make_rows)
