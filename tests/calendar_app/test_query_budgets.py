"""Query budgets of every calendar page that shows rows: the number of queries must not grow when
20 more rows are added (tests.utils.assert_constant_queries), and stays under a budget.

Rows are of every sort a page shows: single entries, recurring series with changed and cancelled
occurrences, private entries (masked in SQL), cancelled ones, on several calendars; requests of
several office holders; decisions with their assignments in several units; briefings, files and
trail entries by different people."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from calendar_app import grid
from calendar_app.models import Calendar, Entry, MeetingRequest
from office.models import Attachment
from office.services import audit
from tests.calendar_app.factories import (
    DecisionFactory,
    EntryExceptionFactory,
    EntryFactory,
    MeetingRequestFactory,
    next_working_day,
)
from tests.calendar_app.helpers import calendar_url
from tests.factories import AssignmentFactory, ContactFactory, OfficeHolderFactory, OrgUnitFactory, UserFactory
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db


def entry_rows(calendars: list[Calendar], first_day: dt.date, span: int) -> Callable[[int], None]:
    """Rows on ``calendars`` within ``span`` days from ``first_day``: a weekly series (one of its
    occurrences in the window changed or cancelled), a private entry, a cancelled one, a plain one."""
    counter = itertools.count()

    def make_rows(count: int) -> None:
        for _ in range(count):
            n = next(counter)
            calendar = calendars[n % len(calendars)]
            offset = dt.timedelta(days=n % span)
            hour = 7 + n % 12
            sort = n % 4
            if sort == 0:
                series = EntryFactory(calendar=calendar, recurring=True, day=first_day - dt.timedelta(weeks=1) + offset)
                EntryExceptionFactory(entry=series, week=1, moved=n % 8 == 0)
            elif sort == 1:
                EntryFactory(calendar=calendar, private=True, day=first_day + offset, hour=hour)
            elif sort == 2:
                EntryFactory(calendar=calendar, cancelled=True, day=first_day + offset, hour=hour)
            else:
                EntryFactory(calendar=calendar, day=first_day + offset, hour=hour, minute=15)

    return make_rows


@pytest.mark.parametrize("view", ["week", "day", "month", "agenda"])
def test_calendar_views(secretariat, mayor_calendar, deputy_calendar, monday, view):
    first, _after = grid.window(view, monday)
    span = 1 if view == "day" else 5
    url = calendar_url(view=view, date=monday, calendars=[mayor_calendar.pk, deputy_calendar.pk])
    make_rows = entry_rows([mayor_calendar, deputy_calendar], max(first, monday), span)

    queries = assert_constant_queries(client_for(secretariat), url, make_rows)

    assert queries <= 20
    shown = client_for(secretariat).get(url).context["grid"]
    # the rows are shown (but the three occurrences cancelled in the window)
    assert sum(len(cell.items) for _calendar, cells in shown.rows for cell in cells) >= 20


def test_calendar_week_for_a_reader_with_masked_entries(persona, mayor_calendar, deputy_calendar, monday):
    url = calendar_url(date=monday)  # a reader manages nothing: every calendar is shown
    assert_constant_queries(
        client_for(persona("press_officer")), url, entry_rows([mayor_calendar, deputy_calendar], monday, 7)
    )


def test_request_list(secretariat, mayor_calendar):
    holders = itertools.cycle([mayor_calendar.office_holder, None])

    def make_rows(count: int) -> None:
        for _ in range(count):
            holder = next(holders) or OfficeHolderFactory()
            MeetingRequestFactory(office_holder=holder, organisation="Rada Osiedla Teofilów")
            MeetingRequestFactory(office_holder=holder, declined=True, contact=ContactFactory())

    queries = assert_constant_queries(client_for(secretariat), reverse("calendar_app:request_list"), make_rows)
    assert queries <= 15


def test_request_list_filtered(persona, mayor_calendar):
    def make_rows(count: int) -> None:
        MeetingRequestFactory.create_batch(
            count, office_holder=mayor_calendar.office_holder, received_on=timezone.localdate() - dt.timedelta(days=30)
        )

    url = (
        reverse("calendar_app:request_list")
        + f"?status=new&older_than=7&office_holder={mayor_calendar.office_holder_id}"
    )
    assert_constant_queries(client_for(persona("auditor")), url, make_rows)


def test_request_page_with_its_trail(secretariat, mayor_calendar):
    request = MeetingRequestFactory(office_holder=mayor_calendar.office_holder, handed_over=True)

    def make_rows(count: int) -> None:
        for _ in range(count):
            audit.record(
                actor=UserFactory(),
                instance=request,
                action="action",
                message=audit.note("Reply e-mailed to %(email)s", email=request.email),
            )

    url = reverse("calendar_app:request_detail", args=[request.pk])
    assert_constant_queries(client_for(secretariat), url, make_rows)


def test_request_statistics(persona, mayor_calendar):
    year = timezone.localdate().year
    months = itertools.cycle(range(1, 13))

    def make_rows(count: int) -> None:
        for _ in range(count):
            MeetingRequestFactory(
                office_holder=mayor_calendar.office_holder, received_on=dt.date(year, next(months), 3)
            )

    url = reverse("calendar_app:request_statistics") + f"?year={year}"
    assert_constant_queries(client_for(persona("management")), url, make_rows)


def test_decision_board(persona, mayor_calendar, deputy_calendar):
    calendars = itertools.cycle([mayor_calendar, deputy_calendar])

    def make_rows(count: int) -> None:
        for index in range(count):
            entry = EntryFactory(calendar=next(calendars), day=timezone.localdate() - dt.timedelta(days=index + 1))
            DecisionFactory(
                entry=entry,
                assignment__unit=OrgUnitFactory(),
                assignment__due_date=timezone.localdate() + dt.timedelta(days=index - 10),
            )

    queries = assert_constant_queries(
        client_for(persona("management")), reverse("calendar_app:decision_board"), make_rows
    )
    assert queries <= 15


def test_decision_board_late_only(persona, mayor_calendar):
    def make_rows(count: int) -> None:
        for _ in range(count):
            DecisionFactory(
                entry__calendar=mayor_calendar,
                assignment__unit=OrgUnitFactory(),
                assignment__due_date=timezone.localdate() - dt.timedelta(days=3),
            )

    url = reverse("calendar_app:decision_board") + "?late=on"
    assert_constant_queries(client_for(persona("auditor")), url, make_rows)


def test_meeting_page_lists(secretariat, mayor_calendar):
    meeting = EntryFactory(calendar=mayor_calendar, day=next_working_day(), title="Narada z dyrektorami wydziałów")
    entry_type = ContentType.objects.get_for_model(Entry)

    def make_rows(count: int) -> None:
        for _ in range(count):
            unit = OrgUnitFactory()
            DecisionFactory(entry=meeting, assignment__unit=unit, assignment__assignee=UserFactory(unit=unit))
            AssignmentFactory(
                unit=unit,
                assignee=UserFactory(unit=unit),
                created_by=UserFactory(),
                title="Materiały na naradę",
                source_type=entry_type,
                source_id=meeting.pk,
            )
            Attachment.objects.create(
                content_type=entry_type,
                object_id=meeting.pk,
                file=SimpleUploadedFile("notatka.txt", b"Notatka"),
                original_name="notatka.txt",
                size=7,
                uploaded_by=UserFactory(),
            )
            audit.record(actor=UserFactory(), instance=meeting, action="action", message="Notatka dołączona")

    queries = assert_constant_queries(
        client_for(secretariat), reverse("calendar_app:meeting", args=[meeting.pk]), make_rows
    )
    assert queries <= 30


def test_entry_page_of_a_recurring_entry(secretariat, mayor_calendar):
    series = EntryFactory(calendar=mayor_calendar, recurring=True, day=next_working_day(), hour=8)
    weeks = itertools.count(1)

    def make_rows(count: int) -> None:
        for _ in range(count):
            week = next(weeks)
            EntryExceptionFactory(entry=series, week=week, moved=week % 2 == 0)
            series.staff.add(UserFactory())
            series.contacts.add(ContactFactory(organisation=ContactFactory(kind="institution")))
            audit.record(actor=UserFactory(), instance=series, action="action", message="Zmiana")

    queries = assert_constant_queries(
        client_for(secretariat), reverse("calendar_app:entry_detail", args=[series.pk]), make_rows
    )
    assert queries <= 30


def test_subscription_feed(mayor_calendar, monday):
    assert_constant_queries(
        client_for(None),
        reverse("calendar_app:feed", args=[mayor_calendar.feed_token]),
        entry_rows([mayor_calendar], monday, 7),
    )


def test_dashboard_calendar_widgets(secretariat, mayor_calendar):
    today = timezone.localdate()

    def make_rows(count: int) -> None:
        entry_rows([mayor_calendar], today, 1)(count)
        for _ in range(count):
            MeetingRequestFactory(office_holder=OfficeHolderFactory())
            DecisionFactory(
                entry__calendar=mayor_calendar,
                assignment__unit=OrgUnitFactory(),
                assignment__due_date=today - dt.timedelta(days=2),
            )

    assert_constant_queries(client_for(secretariat), reverse("office:dashboard"), make_rows)


def test_search_of_entries_and_requests(secretariat, mayor_calendar, deputy_calendar):
    calendars = itertools.cycle([mayor_calendar, deputy_calendar])

    def make_rows(count: int) -> None:
        for _ in range(count):
            EntryFactory(calendar=next(calendars), title="Remont ul. Ogrodowej – odbiór")
            MeetingRequestFactory(office_holder=OfficeHolderFactory(), topic="Remont chodnika")

    assert_constant_queries(client_for(secretariat), reverse("office:search") + "?q=Remont", make_rows)
    assert MeetingRequest.objects.count() == 23
