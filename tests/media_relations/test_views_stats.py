"""The view of media_relations/views/stats.py: the statistics page of a year (who sees it, the year
parameter, and that the figures are the inquiries' and publications' own)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from media_relations.models import Channel, InquiryStatus, OutletKind, Tone
from media_relations.services import inquiries as services
from media_relations.views import stats as stats_views
from tests.media_relations.factories import InquiryFactory, OutletFactory, PublicationFactory, inquiry_in_status
from tests.media_relations.helpers import (
    VIEWERS,
    assert_anonymous_sent_to_login,
    expected_for_page,
    page_url_names,
    statuses,
)
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db
URL = "media_relations:statistics"


def test_every_page_of_the_module_is_tested() -> None:
    """The pages (plain views and Editors) of media_relations/views/stats.py tested below."""
    assert page_url_names(stats_views) == {"media_relations:statistics"}


def _this_year_moment() -> dt.datetime:
    """A moment of this year in the past (ten days ago, or just after New Year's midnight)."""
    now = timezone.localtime()
    new_year = dt.datetime(now.year, 1, 1, 0, 1, tzinfo=now.tzinfo)
    return max(new_year, now - dt.timedelta(days=10))


def _answered(officer: Any, management: Any, *, days_to_answer: int, **kwargs: Any) -> Any:
    inquiry = inquiry_in_status(InquiryStatus.APPROVAL, officer=officer, approver=management, **kwargs)
    inquiry = services.approve_answer(actor=management, inquiry=inquiry, version=inquiry.version)
    sent_at = inquiry.received_at + dt.timedelta(days=days_to_answer)
    return services.send_answer(actor=officer, inquiry=inquiry, channel=Channel.EMAIL, sent_at=sent_at)


def test_statistics_per_role(officer, persona):
    url = reverse(URL)
    expected = expected_for_page(VIEWERS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_statistics_of_the_year(officer, management):
    received = _this_year_moment()
    daily = OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY)
    on_time = _answered(officer, management, days_to_answer=1, received_at=received, topic="transport")
    late = _answered(officer, management, days_to_answer=30, received_at=received, topic="transport")
    assert late.answered_at.date() > late.due_on and on_time.answered_at.date() <= on_time.due_on
    InquiryFactory(actor=officer, received_at=received, topic="oświata")  # still open
    InquiryFactory(actor=officer, received_at=received - dt.timedelta(days=400), topic="zdrowie")  # an earlier year
    published_on = received.date()
    PublicationFactory(outlet=daily, published_on=published_on, tone=Tone.NEGATIVE)
    PublicationFactory(outlet=daily, published_on=published_on, tone=Tone.POSITIVE)
    PublicationFactory(outlet=daily, published_on=published_on, tone=Tone.NEGATIVE)

    page = fetch(client_for(officer), "get", reverse(URL))
    assert page.status_code == 200
    context = page.context
    assert context["year"] == received.year
    totals = context["totals"]
    assert (totals["received"], totals["answered"], totals["on_time"], totals["on_time_share"]) == (3, 2, 1, 50)
    assert totals["median_days"] == 15.5  # the median of 1 and 30 days
    assert [(row["topic"], row["n"], row["on_time"]) for row in context["by_topic"]] == [
        ("transport", 2, 1),
        ("oświata", 1, 0),
    ]
    assert [(row["outlet__name"], row["n"]) for row in context["by_outlet"]] == [(on_time.outlet.name, 3)]
    assert [(row["negative"], row["positive"], row["total"]) for row in context["tone_table"]] == [(2, 1, 3)]
    assert context["top_outlets"] == [{"outlet__name": daily.name, "n": 3}]
    assert daily.name in page_text(page)


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ("", 0),
        ("rok", 0),  # not a number: this year
        ("1999", None),  # clamped to 2000
        ("2999", 1),  # clamped to next year
        ("-1", None),
    ],
)
def test_statistics_year_parameter(officer, asked, shown):
    this_year = timezone.localdate().year
    expected = 2000 if shown is None else this_year + shown
    page = fetch(client_for(officer), "get", reverse(URL), {"year": asked})
    assert page.status_code == 200 and page.context["year"] == expected
    assert page.context["years"] == list(range(this_year, this_year - 6, -1))


def test_statistics_of_an_earlier_year_counts_only_that_year(officer):
    received = _this_year_moment() - dt.timedelta(days=400)
    InquiryFactory(actor=officer, received_at=received, topic="zdrowie")
    InquiryFactory(actor=officer, received_at=_this_year_moment(), topic="transport")
    page = fetch(client_for(officer), "get", reverse(URL), {"year": received.year})
    assert page.context["totals"]["received"] == 1
    assert [row["topic"] for row in page.context["by_topic"]] == ["zdrowie"]
