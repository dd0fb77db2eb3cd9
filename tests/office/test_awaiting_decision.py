"""What waits for the user's own decision: the ``approval`` providers of the apps, merged into a
dashboard widget, a digest section, a page and the number beside the navigation link."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from media_relations.models import BulletinArticle, InquiryStatus, ReleaseStatus
from office.contributions import Approval, Approvals, registry
from office.services import approvals, mail
from tests.media_relations.factories import (
    BulletinArticleFactory,
    BulletinIssueFactory,
    PressOfficerFactory,
    inquiry_in_status,
    release_in_status,
)
from tests.patronage.factories import mayor, new_application
from tests.utils import assert_constant_queries, fetch

pytestmark = pytest.mark.django_db

PAGE = "office:awaiting_decision"


def english(client: Any) -> Any:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def the_mayor(persona: Any) -> Any:
    """The management persona with the mayor's office holder linked to the account."""
    user = persona("management")
    holder = mayor()
    holder.user = user
    holder.save()
    return user


@pytest.fixture
def temporary() -> Iterator[Any]:
    added: list[str] = []

    def add(key: str, provide: Any, **options: Any) -> None:
        registry.register("approval", key, **options)(provide)
        added.append(key)

    yield add
    for key in added:
        registry.unregister("approval", key)


def _press(officer: Any, approver: Any, n: int = 1) -> None:
    """``n`` answers and ``n`` releases awaiting approval, and an issue with ``n`` articles submitted."""
    for _ in range(n):
        inquiry_in_status(InquiryStatus.APPROVAL, officer=officer, approver=approver)
        release_in_status(ReleaseStatus.APPROVAL, officer=officer, approver=approver)
    BulletinArticleFactory.create_batch(n, issue=BulletinIssueFactory(), author=officer)


def _nothing_else_waits(officer: Any, approver: Any) -> None:
    """Records that do not wait for a decision: a draft, an approved answer, a published release,
    an approved article."""
    inquiry_in_status(InquiryStatus.DRAFT, officer=officer, approver=approver, subject="Szkic nieprzekazany")
    inquiry_in_status(InquiryStatus.EXTENDED, officer=officer, approver=approver, subject="Już zatwierdzona")
    release_in_status(ReleaseStatus.PUBLISHED, officer=officer, approver=approver, title="Już opublikowany")
    BulletinArticleFactory(status=BulletinArticle.Status.APPROVED, issue=BulletinIssueFactory(title="Zamknięty nr"))


# --- The providers ---------------------------------------------------------------------------------


def test_the_mayor_gets_every_app_s_records_most_pressing_first(the_mayor: Any) -> None:
    officer = PressOfficerFactory()
    _press(officer, the_mayor)
    _nothing_else_waits(officer, the_mayor)
    new_application(officer, event_name="Bieg Niepodległości")
    waiting = approvals.awaiting(the_mayor)
    assert waiting.total == 4 and waiting.unavailable == 0
    titles = " | ".join(item.title for item in waiting.items)
    assert "Bieg Niepodległości" in titles
    for absent in ("Szkic nieprzekazany", "Już zatwierdzona", "Już opublikowany", "Zamknięty nr"):
        assert absent not in titles
    keys = [item.sort_key for item in waiting.items]
    assert keys == sorted(keys)
    assert approvals.awaiting_count(the_mayor) == 4


def test_an_approver_who_is_not_the_mayor_does_not_get_patronage(persona: Any) -> None:
    deputy = persona("management")  # approves press answers, no office holder of the mayor
    officer = PressOfficerFactory()
    new_application(officer)
    inquiry_in_status(InquiryStatus.APPROVAL, officer=officer, approver=deputy, subject="Pytanie o remont")
    waiting = approvals.awaiting(deputy)
    assert [item.title for item in waiting.items] == ["Pytanie o remont"]


@pytest.mark.parametrize("key", ["office_staff", "press_officer", "secretariat", "auditor", "unit_liaison"])
def test_who_may_not_decide_sees_nothing(persona: Any, client_for: Any, key: str) -> None:
    user = persona(key)
    officer = PressOfficerFactory()
    _press(officer, persona("management"))
    new_application(officer)
    assert not approvals.decides_anything(user)
    client = english(client_for(user))
    assert fetch(client, "get", reverse(PAGE)).status_code == 403
    html = fetch(client, "get", reverse("office:dashboard")).content.decode()
    assert "Awaiting my decision" not in html
    assert reverse(PAGE) not in html


def test_a_limit_of_zero_only_counts(the_mayor: Any) -> None:
    officer = PressOfficerFactory()
    _press(officer, the_mayor, n=2)
    waiting = approvals.awaiting(the_mayor, limit=0)
    assert waiting.total == 5 and waiting.items == []


# --- The dashboard, the navigation and the page -------------------------------------------------------


def test_the_dashboard_widget_and_the_badge(the_mayor: Any, client_for: Any) -> None:
    officer = PressOfficerFactory()
    _press(officer, the_mayor, n=3)  # 3 answers, 3 releases, 1 issue
    new_application(officer, event_name="Festiwal Nauki")
    response = fetch(english(client_for(the_mayor)), "get", reverse("office:dashboard"))
    html = response.content.decode()
    widget = next(o.data for o in response.context["widgets"] if o.key == "awaiting_decision")
    assert widget.total == 8 and len(widget.items) == 6
    assert widget.more_url == reverse(PAGE)
    assert "8 awaiting your decision" in html
    assert 'aria-hidden="true">8</span>' in html


def test_no_badge_when_nothing_waits(the_mayor: Any, client_for: Any) -> None:
    html = fetch(english(client_for(the_mayor)), "get", reverse("office:dashboard")).content.decode()
    assert reverse(PAGE) in html  # the link is there for who decides
    assert "awaiting your decision" not in html
    assert "Nothing waits for your decision." in html


def test_the_page_lists_everything_with_pagination(the_mayor: Any, client_for: Any) -> None:
    officer = PressOfficerFactory()
    _press(officer, the_mayor, n=14)  # with the application, 30 records: two pages of 25
    new_application(officer, event_name="Festiwal Nauki")
    client = english(client_for(the_mayor))
    first = fetch(client, "get", reverse(PAGE))
    assert first.status_code == 200
    assert first.context["page_obj"].paginator.count == 30
    assert len(first.context["page_obj"].object_list) == settings.PAGE_SIZE
    html = first.content.decode()
    assert "30 records await your decision" in html
    assert 'aria-current="page"' in html
    second = fetch(client, "get", reverse(PAGE) + "?page=2")
    assert len(second.context["page_obj"].object_list) == 30 - settings.PAGE_SIZE
    every = [*first.context["page_obj"].object_list, *second.context["page_obj"].object_list]
    assert any(item.title.endswith("Festiwal Nauki") for item in every)


def test_a_failing_provider_is_named_unavailable(the_mayor: Any, client_for: Any, temporary: Any) -> None:
    def boom(user: Any, **kwargs: Any) -> Approvals:
        raise RuntimeError("provider exploded")

    temporary("test_failing", boom)
    inquiry_in_status(InquiryStatus.APPROVAL, officer=PressOfficerFactory(), approver=the_mayor, subject="Most")
    response = fetch(english(client_for(the_mayor)), "get", reverse(PAGE))
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be listed right now" in html
    assert "Most" in html


def test_an_overdue_record_is_marked(the_mayor: Any, client_for: Any, temporary: Any) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    temporary(
        "test_late",
        lambda user, *, limit: Approvals(1, [Approval("Spóźniony wniosek", "/", "Test", due=yesterday)]),
    )
    html = fetch(english(client_for(the_mayor)), "get", reverse(PAGE)).content.decode()
    assert "is-overdue" in html and "Overdue:" in html


# --- The digest ------------------------------------------------------------------------------------


def test_the_digest_has_the_section(the_mayor: Any, mailoutbox: list) -> None:
    the_mayor.email, the_mayor.language = "prezydent@example.org", "en"
    the_mayor.save()
    officer = PressOfficerFactory()
    inquiry_in_status(InquiryStatus.APPROVAL, officer=officer, approver=the_mayor, subject="Pytanie o tramwaj")
    new_application(officer, event_name="Festiwal Nauki")
    sections = mail.digest_sections(the_mayor)
    mine = next(section for section in sections if section.title == "Awaiting your decision")
    assert {item.label for item in mine.items} >= {"Pytanie o tramwaj"}
    assert mail.send_daily_digest(user_id=the_mayor.pk, day=timezone.localdate())
    body = mailoutbox[-1].body
    assert "Awaiting your decision" in body and "Pytanie o tramwaj" in body and "Festiwal Nauki" in body


def test_no_digest_section_for_who_may_not_decide(persona: Any) -> None:
    staff = persona("office_staff")
    new_application(PressOfficerFactory())
    assert all(section.title != "Awaiting your decision" for section in mail.digest_sections(staff))


# --- Queries ---------------------------------------------------------------------------------------


def _rows(the_mayor: Any) -> Any:
    officer = PressOfficerFactory()

    def make_rows(count: int) -> None:
        _press(officer, the_mayor, n=count)
        for n in range(count):
            new_application(officer, event_name=f"Wydarzenie {n}")

    return make_rows


def test_the_page_makes_constant_queries(the_mayor: Any, client_for: Any) -> None:
    assert_constant_queries(client_for(the_mayor), reverse(PAGE), _rows(the_mayor))


def test_the_dashboard_makes_constant_queries(the_mayor: Any, client_for: Any) -> None:
    assert_constant_queries(client_for(the_mayor), reverse("office:dashboard"), _rows(the_mayor))


def test_the_count_is_one_query_per_provider_and_once_a_request(the_mayor: Any) -> None:
    _rows(the_mayor)(3)
    providers = [c for c in registry.contributions("approval") if c.is_visible(the_mayor)]
    with CaptureQueriesContext(connection) as queries:
        assert approvals.awaiting_count(the_mayor) == 3 * 3 + 1
        assert approvals.awaiting_count(the_mayor) == 3 * 3 + 1
    assert len(queries) == len(providers)
