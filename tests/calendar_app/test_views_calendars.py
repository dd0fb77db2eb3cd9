"""The calendar page (calendar_app/views/calendars.py): week, day, month and agenda views of several
office holders side by side, the office-holder and type filters, the links to the previous and
next period, and the htmx fragment."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from calendar_app.models import EntryKind
from calendar_app.views.calendars import MAX_SIDE_BY_SIDE
from tests.calendar_app.factories import CalendarFactory, EntryExceptionFactory, EntryFactory, local
from tests.calendar_app.helpers import HX, calendar_url, text
from tests.factories import OfficeHolderFactory
from tests.utils import client_for, login_url

pytestmark = pytest.mark.django_db


def titles_by_row(response) -> dict[str, list[list[str]]]:
    """Week/day grid: office holder's surname → per day, the titles shown (masked: "")."""
    return {
        calendar.office_holder.last_name: [[o.title for o in cell.items] for cell in cells]
        for calendar, cells in response.context["grid"].rows
    }


def period_links(response) -> list[str]:
    """The hrefs of "previous", "today" and "next" (the only links made of a query string)."""
    return re.findall(r'href="(\?[^"]*)"', response.content.decode())


# --- Week view: office holders side by side ------------------------------------------------------


def test_week_view_shows_office_holders_side_by_side(secretariat, mayor_calendar, deputy_calendar, monday):
    EntryFactory(calendar=mayor_calendar, title="Kolegium Prezydenta", day=monday, hour=8)
    EntryFactory(calendar=deputy_calendar, title="Spotkanie z dyrektorami szkół", day=monday + dt.timedelta(days=2))
    EntryFactory(calendar=mayor_calendar, title="Poza tygodniem", day=monday + dt.timedelta(days=7))

    response = client_for(secretariat).get(
        calendar_url(date=monday + dt.timedelta(days=3), calendars=[mayor_calendar.pk, deputy_calendar.pk])
    )

    assert response.status_code == 200
    grid = response.context["grid"]
    assert grid.view == "week" and grid.days == [monday + dt.timedelta(days=i) for i in range(7)]
    rows = titles_by_row(response)
    assert list(rows) == ["Kowalczyk", "Zielińska"]  # ordered as the office holders are
    assert rows["Kowalczyk"][0] == ["Kolegium Prezydenta"] and not any(rows["Kowalczyk"][1:])
    assert rows["Zielińska"][2] == ["Spotkanie z dyrektorami szkół"]
    body = text(response)
    assert "Poza tygodniem" not in body
    assert body.index("Andrzej Kowalczyk") < body.index("Ewa Zielińska")


def test_without_a_choice_a_secretary_sees_the_calendars_she_manages(secretariat, mayor_calendar, deputy_calendar):
    response = client_for(secretariat).get(reverse("calendar_app:calendar"))
    assert response.context["chosen"] == [mayor_calendar]
    assert response.context["can_create"] is True


def test_without_a_choice_a_reader_sees_every_active_calendar(persona, mayor_calendar, deputy_calendar):
    CalendarFactory(office_holder=OfficeHolderFactory(last_name="Emerytowany", is_active=False))
    response = client_for(persona("press_officer")).get(reverse("calendar_app:calendar"))
    assert response.context["chosen"] == [mayor_calendar, deputy_calendar]
    assert response.context["can_create"] is False
    body = text(response)
    assert "Emerytowany" not in body  # an inactive office holder is not offered either
    assert reverse("calendar_app:entry_create") not in body  # no "new entry" for a reader


def test_at_most_six_calendars_side_by_side(persona, mayor_calendar):
    for index in range(MAX_SIDE_BY_SIDE):
        CalendarFactory(office_holder=OfficeHolderFactory(order=10 + index))
    response = client_for(persona("auditor")).get(reverse("calendar_app:calendar"))
    assert len(response.context["chosen"]) == MAX_SIDE_BY_SIDE == 6
    assert response.context["chosen"][0] == mayor_calendar


def test_only_managed_rows_offer_adding_and_the_subscription(secretariat, mayor_calendar, deputy_calendar, monday):
    response = client_for(secretariat).get(calendar_url(date=monday, calendars=[mayor_calendar.pk, deputy_calendar.pk]))
    body = text(response)
    assert f"?calendar={mayor_calendar.pk}&date={monday:%Y-%m-%d}" in body
    assert f"?calendar={deputy_calendar.pk}&date=" not in body
    assert reverse("calendar_app:feed_settings", args=[mayor_calendar.pk]) in body
    assert reverse("calendar_app:feed_settings", args=[deputy_calendar.pk]) not in body


def test_an_entry_over_several_days_is_in_each_day_and_midnight_ends_the_day_before(
    secretariat, mayor_calendar, monday
):
    EntryFactory(
        calendar=mayor_calendar,
        title="Wyjazd do Brukseli",
        kind=EntryKind.TRIP,
        start=local(monday + dt.timedelta(days=1), 6),
        end=local(monday + dt.timedelta(days=3), 0),
    )
    response = client_for(secretariat).get(calendar_url(date=monday))
    days = titles_by_row(response)["Kowalczyk"]
    assert [bool(cell) for cell in days] == [False, True, True, False, False, False, False]


def test_a_series_shows_each_week_without_its_cancelled_occurrence(secretariat, mayor_calendar, monday):
    series = EntryFactory(calendar=mayor_calendar, recurring=True, day=monday, hour=8)
    EntryExceptionFactory(entry=series, week=1)  # next Monday cancelled
    EntryExceptionFactory(entry=series, week=2, moved=True)  # the Monday after: at 10:00

    client = client_for(secretariat)
    assert titles_by_row(client.get(calendar_url(date=monday)))["Kowalczyk"][0] == ["Kolegium Prezydenta"]
    assert titles_by_row(client.get(calendar_url(date=monday + dt.timedelta(days=7))))["Kowalczyk"][0] == []
    moved = client.get(calendar_url(date=monday + dt.timedelta(days=14)))
    (occurrence,) = moved.context["grid"].rows[0][1][0].items
    assert occurrence.start == local(monday + dt.timedelta(days=14), 10)
    assert "↻" in moved.content.decode()  # marked as repeating


def test_cancelled_and_tentative_entries_are_marked(secretariat, mayor_calendar, monday):
    EntryFactory(calendar=mayor_calendar, title="Odwołana wizyta", day=monday, hour=9, cancelled=True)
    EntryFactory(calendar=mayor_calendar, title="Może wywiad", day=monday, hour=12, tentative=True)
    body = text(client_for(secretariat).get(calendar_url(date=monday)))
    assert re.search(r'class="cal-item kind-meeting is-cancelled"[^<]*<span class="cal-time">09:00', body)
    assert re.search(r"Odwołana wizyta</a>\s*<span class=\"badge[^\"]*\">odwołany</span>", body)
    assert re.search(r"Może wywiad</a>\s*<span class=\"badge[^\"]*\">wstępny</span>", body)


# --- Day, month and agenda views -------------------------------------------------------------


def test_day_view_shows_one_day_and_offers_the_agenda_pdf(secretariat, mayor_calendar, monday):
    tuesday = monday + dt.timedelta(days=1)
    EntryFactory(calendar=mayor_calendar, title="Dyżur dla mieszkańców", day=tuesday, hour=15)
    EntryFactory(calendar=mayor_calendar, title="Środowa narada", day=tuesday + dt.timedelta(days=1))

    response = client_for(secretariat).get(calendar_url(view="day", date=tuesday))

    grid = response.context["grid"]
    assert grid.view == "day" and grid.days == [tuesday]
    assert titles_by_row(response) == {"Kowalczyk": [["Dyżur dla mieszkańców"]]}
    body = text(response)
    assert "Środowa narada" not in body
    assert reverse("calendar_app:calendar_agenda_pdf", args=[mayor_calendar.pk]) in body
    assert f'name="agenda-pdf-day" value="{tuesday:%Y-%m-%d}"' in body


def test_month_view_shows_whole_weeks_around_the_month(persona, mayor_calendar):
    EntryFactory(calendar=mayor_calendar, title="Dożynki miejskie", day=dt.date(2026, 9, 6), hour=11)
    EntryFactory(calendar=mayor_calendar, title="Sesja budżetowa", day=dt.date(2026, 9, 30), hour=10)
    EntryFactory(calendar=mayor_calendar, title="Październikowa sesja", day=dt.date(2026, 10, 5), hour=10)

    response = client_for(persona("press_officer")).get(calendar_url(view="month", date=dt.date(2026, 9, 17)))

    grid = response.context["grid"]
    assert grid.days[0] == dt.date(2026, 8, 31) and grid.days[-1] == dt.date(2026, 10, 4)  # Monday to Sunday
    assert [len(cells) for _none, cells in grid.rows] == [7] * 5
    shown = {cell.day: [o.title for o in cell.items] for _none, cells in grid.rows for cell in cells if cell.items}
    assert shown == {dt.date(2026, 9, 6): ["Dożynki miejskie"], dt.date(2026, 9, 30): ["Sesja budżetowa"]}
    assert (grid.previous, grid.next) == (dt.date(2026, 8, 1), dt.date(2026, 10, 1))


def test_agenda_view_lists_only_days_with_entries_in_the_next_30(persona, mayor_calendar, deputy_calendar):
    start = dt.date(2026, 3, 2)
    EntryFactory(calendar=mayor_calendar, title="Otwarcie mostu", day=start + dt.timedelta(days=3))
    EntryFactory(calendar=deputy_calendar, title="Festyn rodzinny", day=start + dt.timedelta(days=29))
    EntryFactory(calendar=mayor_calendar, title="Za daleko", day=start + dt.timedelta(days=30))

    response = client_for(persona("auditor")).get(calendar_url(view="agenda", date=start))

    grid = response.context["grid"]
    ((_none, cells),) = grid.rows
    assert [(cell.day, [o.title for o in cell.items]) for cell in cells] == [
        (start + dt.timedelta(days=3), ["Otwarcie mostu"]),
        (start + dt.timedelta(days=29), ["Festyn rodzinny"]),
    ]
    assert "Za daleko" not in text(response)
    assert grid.next == start + dt.timedelta(days=30)


def test_empty_agenda_says_so(persona, mayor_calendar):
    response = client_for(persona("auditor")).get(calendar_url(view="agenda", date=dt.date(2026, 3, 2)))
    assert response.context["grid"].rows == [(None, [])]
    assert "W ciągu najbliższych 30 dni nic nie zaplanowano." in text(response)


# --- Filters ----------------------------------------------------------------------------------


def test_office_holder_filter_shows_only_the_chosen_calendars(secretariat, mayor_calendar, deputy_calendar, monday):
    EntryFactory(calendar=mayor_calendar, title="Spotkanie u Prezydenta", day=monday)
    EntryFactory(calendar=deputy_calendar, title="Spotkanie u Zastępczyni", day=monday)

    response = client_for(secretariat).get(calendar_url(date=monday, calendars=deputy_calendar.pk))

    assert response.context["chosen"] == [deputy_calendar]
    body = text(response)
    assert "Spotkanie u Zastępczyni" in body and "Spotkanie u Prezydenta" not in body
    assert f'value="{deputy_calendar.pk}" id="cal-{deputy_calendar.pk}" checked' in body
    assert f'value="{mayor_calendar.pk}" id="cal-{mayor_calendar.pk}">' in body  # offered, not checked


def test_type_filter_shows_only_that_type(secretariat, mayor_calendar, monday):
    EntryFactory(calendar=mayor_calendar, title="Konferencja o inwestycjach", kind=EntryKind.PRESS, day=monday)
    EntryFactory(calendar=mayor_calendar, title="Narada z wydziałami", kind=EntryKind.INTERNAL, day=monday, hour=13)

    response = client_for(secretariat).get(calendar_url(date=monday, kind=EntryKind.PRESS))

    assert titles_by_row(response)["Kowalczyk"][0] == ["Konferencja o inwestycjach"]
    assert '<option value="press" selected>' in response.content.decode()


def test_type_filter_never_reveals_the_type_of_a_private_entry(persona, mayor_calendar, monday):
    EntryFactory(calendar=mayor_calendar, private=True, kind=EntryKind.MEETING, day=monday)
    client = client_for(persona("press_officer"))
    url = calendar_url(date=monday, calendars=mayor_calendar.pk)
    assert titles_by_row(client.get(url + "&kind=meeting"))["Kowalczyk"][0] == []
    assert titles_by_row(client.get(url + "&kind=blocked"))["Kowalczyk"][0] == [""]  # only "busy"


def test_invalid_parameters_fall_back_to_this_week(persona, mayor_calendar):
    response = client_for(persona("press_officer")).get(
        reverse("calendar_app:calendar") + "?view=year&date=31.02.2026&calendars=abc&kind=party"
    )
    assert response.status_code == 200
    assert response.context["grid"].view == "week" and response.context["chosen"] == [mayor_calendar]


# --- Previous and next: other parameters kept, never "?&" ----------------------------------------


@pytest.mark.parametrize(
    ("view", "anchor", "previous", "following"),
    [
        ("week", dt.date(2026, 5, 13), dt.date(2026, 5, 6), dt.date(2026, 5, 20)),
        ("day", dt.date(2026, 5, 13), dt.date(2026, 5, 12), dt.date(2026, 5, 14)),
        ("month", dt.date(2026, 5, 13), dt.date(2026, 4, 1), dt.date(2026, 6, 1)),
        ("agenda", dt.date(2026, 5, 13), dt.date(2026, 4, 13), dt.date(2026, 6, 12)),
    ],
)
def test_previous_and_next_keep_the_other_parameters(
    secretariat, mayor_calendar, deputy_calendar, view, anchor, previous, following
):
    response = client_for(secretariat).get(
        calendar_url(view=view, date=anchor, calendars=[mayor_calendar.pk, deputy_calendar.pk], kind="press")
    )
    links = [link.replace("&amp;", "&") for link in period_links(response)]
    assert len(links) == 3  # previous, today, next
    for link, day in zip(links, [previous, response.context["today"], following], strict=True):
        assert "?&" not in link and "&&" not in link and not link.endswith("&")
        assert link == (
            f"?view={view}&date={day:%Y-%m-%d}&calendars={mayor_calendar.pk}&calendars={deputy_calendar.pk}&kind=press"
        )


def test_previous_and_next_without_other_parameters(persona, mayor_calendar):
    response = client_for(persona("office_staff")).get(reverse("calendar_app:calendar"))
    grid = response.context["grid"]
    assert period_links(response) == [
        f"?date={grid.previous:%Y-%m-%d}",
        f"?date={response.context['today']:%Y-%m-%d}",
        f"?date={grid.next:%Y-%m-%d}",
    ]


def test_previous_link_replaces_the_date_instead_of_repeating_it(persona, mayor_calendar):
    response = client_for(persona("office_staff")).get(calendar_url(date=dt.date(2026, 1, 7), view="day"))
    previous = period_links(response)[0].replace("&amp;", "&")
    assert previous == "?date=2026-01-06&view=day"


# --- htmx: the grid alone, or the whole page -----------------------------------------------------


def test_htmx_request_gets_only_the_grid(secretariat, mayor_calendar, monday):
    EntryFactory(calendar=mayor_calendar, title="Wywiad dla Radia Łódź", day=monday)
    response = client_for(secretariat).get(calendar_url(date=monday), **HX)
    body = text(response)
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="calendar-grid"') and "<html" not in body
    assert "Wywiad dla Radia Łódź" in body
    assert response.templates[0].name == "calendar_app/_grid.html"


def test_normal_and_boosted_requests_get_the_whole_page(secretariat, mayor_calendar, monday):
    client = client_for(secretariat)
    for extra in ({}, {**HX, "HTTP_HX_BOOSTED": "true"}):
        body = text(client.get(calendar_url(date=monday), **extra))
        assert "<html" in body and 'id="calendar-grid"' in body and 'name="view"' in body


# --- Who may see the calendars ----------------------------------------------------------------


@pytest.mark.parametrize("role", ["unit_liaison", "outsider_liaison"])
def test_staff_without_calendar_rights_get_403(persona, mayor_calendar, role):
    assert client_for(persona(role)).get(reverse("calendar_app:calendar")).status_code == 403


def test_anonymous_is_sent_to_login(db):
    url = reverse("calendar_app:calendar")
    response = client_for(None).get(url)
    assert response.status_code == 302 and response["Location"] == login_url(url)


def test_calendar_page_answers_only_get(secretariat, mayor_calendar):
    assert client_for(secretariat).post(reverse("calendar_app:calendar")).status_code == 405
