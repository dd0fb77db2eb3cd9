"""Calendar entries (calendar_app/views/entries.py): the entry form in place (htmx) and as a page,
clashes kept with a reason, the entry page, the .ics download, and the entry's actions — move,
cancel, change one occurrence — each for the allowed user, a reader without the right (403),
staff outside the calendars (404), the wrong method (405) and bad input (the form again)."""

from __future__ import annotations

import datetime as dt

import pytest
import vobject
from django.urls import reverse
from django.utils import timezone

from calendar_app.models import Entry, EntryException, EntryKind, EntryStatus
from office.services import audit
from tests.calendar_app.factories import EntryExceptionFactory, EntryFactory, local, next_working_day
from tests.calendar_app.helpers import HX, entry_data, field_value, local_input, text, trail
from tests.factories import ContactFactory, UserFactory
from tests.utils import client_for, login_url, messages_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return next_working_day()


@pytest.fixture
def entry(mayor_calendar, day):
    return EntryFactory(
        calendar=mayor_calendar, title="Wywiad dla Radia Łódź", day=day, hour=9, place="Studio Radia Łódź"
    )


@pytest.fixture
def series(mayor_calendar, day):
    """Every week on the day's weekday at 8:00, with the third occurrence already moved."""
    weekly = EntryFactory(calendar=mayor_calendar, recurring=True, day=day, hour=8)
    EntryExceptionFactory(entry=weekly, week=2, moved=True)
    return weekly


def calendar_on(day: dt.date) -> str:
    return f"{reverse('calendar_app:calendar')}?date={day:%Y-%m-%d}"


def action_url(name: str, entry: Entry) -> str:
    return reverse(f"calendar_app:entry_{name}", args=[entry.pk])


def occurrence(series: Entry, week: int) -> dt.datetime:
    return timezone.localtime(series.start) + dt.timedelta(weeks=week)


# --- Creating in place ---------------------------------------------------------------------------


def test_new_entry_form_in_place_is_prefilled_from_the_grid(secretariat, mayor_calendar, deputy_calendar, day):
    url = reverse("calendar_app:entry_create") + f"?calendar={mayor_calendar.pk}&date={day:%Y-%m-%d}"
    response = client_for(secretariat).get(url, **HX)

    body = text(response)
    assert response.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith('<section class="border rounded p-3 mb-3 entry-form-panel"')
    form = response.context["form"]
    assert form["calendar"].value() == mayor_calendar.pk
    assert form["start"].value() == dt.datetime.combine(day, dt.time(9))  # naive: shown in local time
    assert form["end"].value() == dt.datetime.combine(day, dt.time(10))
    assert list(form.fields["calendar"].queryset) == [mayor_calendar]  # only what she manages
    assert field_value(body, "start") == f"{day:%Y-%m-%d}T09:00"


def test_new_entry_form_as_a_page_with_a_bad_date_starts_today(secretariat, mayor_calendar):
    response = client_for(secretariat).get(reverse("calendar_app:entry_create") + "?date=2026-02-30&calendar=x")
    assert "<html" in text(response)
    assert response.context["form"]["start"].value() == dt.datetime.combine(timezone.localdate(), dt.time(9))


def test_creating_in_place_redirects_the_whole_page_to_the_day(secretariat, mayor_calendar, day):
    guest = ContactFactory(name="Jan Kowalski – Prezes Stowarzyszenia Kupców")
    adviser = UserFactory(first_name="Tomasz", last_name="Doradczy")
    data = entry_data(
        mayor_calendar,
        local(day, 11),
        local(day, 12, 30),
        kind="ceremony",
        staff=[adviser.pk],
        contacts=[guest.pk],
    )

    response = client_for(secretariat).post(reverse("calendar_app:entry_create"), data, **HX)

    assert response.status_code == 200
    assert response["HX-Redirect"] == calendar_on(day)
    created = Entry.objects.get(title="Spotkanie z dyrekcją Zarządu Dróg i Transportu")
    assert (created.calendar, created.start, created.end) == (mayor_calendar, local(day, 11), local(day, 12, 30))
    assert (created.kind, created.place, created.visibility) == (EntryKind.CEREMONY, "Gabinet Prezydenta", "internal")
    assert created.created_by == secretariat
    assert list(created.staff.all()) == [adviser] and list(created.contacts.all()) == [guest]
    assert [e.action for e in trail(created)] == ["create"]
    assert messages_of(response) == ["Wpis został dodany do kalendarza."]


def test_creating_without_htmx_redirects(secretariat, mayor_calendar, day):
    response = client_for(secretariat).post(
        reverse("calendar_app:entry_create"), entry_data(mayor_calendar, local(day, 11), local(day, 12))
    )
    assert response.status_code == 302 and response["Location"] == calendar_on(day)
    assert Entry.objects.filter(calendar=mayor_calendar, start=local(day, 11)).count() == 1


def test_an_all_day_entry_runs_from_midnight_to_midnight(secretariat, mayor_calendar, day):
    client_for(secretariat).post(
        reverse("calendar_app:entry_create"),
        entry_data(
            mayor_calendar, local(day, 10), local(day + dt.timedelta(days=1), 15), all_day="on", title="Dni Miasta"
        ),
    )
    created = Entry.objects.get(title="Dni Miasta")
    assert (created.start, created.end) == (local(day, 0), local(day + dt.timedelta(days=2), 0))


def test_a_clash_asks_for_a_reason_and_keeps_what_was_typed(secretariat, mayor_calendar, entry, day):
    client = client_for(secretariat)
    data = entry_data(mayor_calendar, local(day, 9, 30), local(day, 10, 30), title="Spotkanie z Wojewodą")

    response = client.post(reverse("calendar_app:entry_create"), data, **HX)

    body = text(response)
    assert response.status_code == 200 and "HX-Redirect" not in response
    assert response.context["conflict"] is True
    assert "Wywiad dla Radia Łódź" in str(response.context["form"].errors["keep_conflict_reason"])
    assert "Zapisz mimo kolizji" in body and 'id="error-summary"' in body
    assert field_value(body, "title") == "Spotkanie z Wojewodą"
    assert field_value(body, "start") == f"{day:%Y-%m-%d}T09:30"
    assert not Entry.objects.filter(title="Spotkanie z Wojewodą").exists()

    response = client.post(
        reverse("calendar_app:entry_create"), {**data, "keep_conflict_reason": "Wojewoda tylko na 15 minut"}, **HX
    )
    assert response["HX-Redirect"] == calendar_on(day)
    assert Entry.objects.get(title="Spotkanie z Wojewodą").conflict_reason == "Wojewoda tylko na 15 minut"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"end_hour": 8}, "end", "Koniec musi być późniejszy niż początek."),
        ({"end_days": 32}, "end", "Wpis może trwać najwyżej 31 dni."),
        ({"recurrence_until": "2027-01-31"}, "recurrence_until", "Wybierz sposób powtarzania"),
        ({"title": ""}, "title", ""),
        ({"recurrence": "FREQ=HOURLY"}, "recurrence", ""),
    ],
)
def test_bad_input_shows_the_form_again_with_the_error(secretariat, mayor_calendar, day, change, field, message):
    end = local(day + dt.timedelta(days=change.pop("end_days", 0)), change.pop("end_hour", 12))
    data = entry_data(mayor_calendar, local(day, 10), end, place="Hala Sportowa MOSiR", **change)

    response = client_for(secretariat).post(reverse("calendar_app:entry_create"), data, **HX)

    assert response.status_code == 200 and "HX-Redirect" not in response
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    body = text(response)
    assert 'id="error-summary"' in body and field_value(body, "place") == "Hala Sportowa MOSiR"
    assert not Entry.objects.exists()


def test_no_entry_on_a_calendar_she_does_not_manage(secretariat, mayor_calendar, deputy_calendar, day):
    response = client_for(secretariat).post(
        reverse("calendar_app:entry_create"), entry_data(deputy_calendar, local(day, 10), local(day, 11))
    )
    assert response.status_code == 200 and "calendar" in response.context["form"].errors
    assert not Entry.objects.exists()


@pytest.mark.parametrize("role", ["press_officer", "office_staff", "auditor", "unit_liaison"])
def test_who_manages_no_calendar_may_not_create(persona, mayor_calendar, day, role):
    client = client_for(persona(role))
    assert client.get(reverse("calendar_app:entry_create")).status_code == 403
    response = client.post(
        reverse("calendar_app:entry_create"), entry_data(mayor_calendar, local(day, 10), local(day, 11))
    )
    assert response.status_code == 403 and not Entry.objects.exists()


def test_create_anonymous_and_wrong_method(secretariat, mayor_calendar):
    url = reverse("calendar_app:entry_create")
    assert client_for(None).get(url)["Location"] == login_url(url)
    assert client_for(secretariat).put(url).status_code == 405


# --- Editing in place ----------------------------------------------------------------------------


def test_edit_form_shows_the_entry_in_local_time(secretariat, entry, day):
    response = client_for(secretariat).get(reverse("calendar_app:entry_edit", args=[entry.pk]), **HX)
    body = text(response)
    assert "<html" not in body
    assert field_value(body, "title") == "Wywiad dla Radia Łódź"
    assert field_value(body, "start") == f"{day:%Y-%m-%d}T09:00"


def test_editing_in_place_changes_the_entry_and_its_trail(secretariat, mayor_calendar, entry, day):
    data = entry_data(
        mayor_calendar, local(day, 13), local(day, 14), title="Wywiad dla Radia Łódź (na żywo)", visibility="public"
    )
    response = client_for(secretariat).post(reverse("calendar_app:entry_edit", args=[entry.pk]), data, **HX)

    assert response["HX-Redirect"] == calendar_on(day)
    entry.refresh_from_db()
    assert (entry.title, entry.start, entry.visibility) == ("Wywiad dla Radia Łódź (na żywo)", local(day, 13), "public")
    (update,) = [e for e in trail(entry) if e.action == "update"]
    assert update.actor == secretariat
    assert update.changes["title"] == ["Wywiad dla Radia Łódź", "Wywiad dla Radia Łódź (na żywo)"]
    assert messages_of(response) == ["Wpis został zmieniony."]


def test_editing_saves_the_protocol_details(secretariat, mayor_calendar, entry, day):
    data = entry_data(
        mayor_calendar,
        local(day, 9),
        local(day, 10),
        title=entry.title,
        kind="ceremony",
        speech_needed="on",
        dress_code="strój wizytowy",
        accompanying="Sekretarz Miasta",
        precedence="Wojewoda Łódzki\nMarszałek Województwa",
    )
    client_for(secretariat).post(reverse("calendar_app:entry_edit", args=[entry.pk]), data, **HX)
    entry.refresh_from_db()
    assert (entry.speech_needed, entry.dress_code, entry.accompanying) == (True, "strój wizytowy", "Sekretarz Miasta")
    assert entry.precedence.splitlines() == ["Wojewoda Łódzki", "Marszałek Województwa"]
    body = text(client_for(secretariat).get(reverse("calendar_app:entry_detail", args=[entry.pk])))
    assert "strój wizytowy" in body and "Wojewoda Łódzki<br>Marszałek Województwa" in body


def test_editing_into_a_clash_asks_for_a_reason(secretariat, mayor_calendar, entry, day):
    EntryFactory(calendar=mayor_calendar, title="Kolegium Prezydenta", day=day, hour=13)
    url = reverse("calendar_app:entry_edit", args=[entry.pk])
    data = entry_data(mayor_calendar, local(day, 13), local(day, 14), title=entry.title)

    response = client_for(secretariat).post(url, data, **HX)
    assert response.context["conflict"] is True and "Kolegium Prezydenta" in text(response)
    entry.refresh_from_db()
    assert entry.start == local(day, 9)

    client_for(secretariat).post(url, {**data, "keep_conflict_reason": "Prezydent dołączy po kolegium"}, **HX)
    entry.refresh_from_db()
    assert (entry.start, entry.conflict_reason) == (local(day, 13), "Prezydent dołączy po kolegium")


@pytest.mark.parametrize(("role", "status"), [("press_officer", 403), ("auditor", 403), ("unit_liaison", 404)])
def test_edit_is_for_the_calendars_managers_only(persona, mayor_calendar, entry, day, role, status):
    url = reverse("calendar_app:entry_edit", args=[entry.pk])
    client = client_for(persona(role))
    assert client.get(url).status_code == status
    assert client.post(url, entry_data(mayor_calendar, local(day, 15), local(day, 16))).status_code == status
    entry.refresh_from_db()
    assert entry.start == local(day, 9)


def test_a_secretary_reads_but_does_not_edit_another_office_holders_entry(secretariat, deputy_calendar, day):
    other = EntryFactory(calendar=deputy_calendar, day=day)
    client = client_for(secretariat)
    assert client.get(reverse("calendar_app:entry_detail", args=[other.pk])).status_code == 200
    assert client.get(reverse("calendar_app:entry_edit", args=[other.pk])).status_code == 403
    assert client.patch(reverse("calendar_app:entry_edit", args=[other.pk])).status_code == 405


# --- The entry page -------------------------------------------------------------------------------


def test_manager_gets_the_action_forms(secretariat, entry):
    response = client_for(secretariat).get(reverse("calendar_app:entry_detail", args=[entry.pk]))
    assert response.context["may"] == {"move": True, "cancel": True, "occurrence": False}
    body = text(response)
    for name in ("move", "cancel"):
        assert f'action="{action_url(name, entry)}"' in body
    assert 'name="move-start"' in body and 'name="cancel-reason"' in body
    assert field_value(body, "move-start") == local_input(entry.start)
    assert reverse("calendar_app:entry_edit", args=[entry.pk]) in body


@pytest.mark.parametrize("role", ["press_officer", "office_staff", "auditor"])
def test_readers_get_the_page_without_actions(persona, secretariat, entry, role):
    audit.record_create(actor=secretariat, instance=entry)
    response = client_for(persona(role)).get(reverse("calendar_app:entry_detail", args=[entry.pk]))
    assert response.status_code == 200
    assert response.context["may"] == {"move": False, "cancel": False, "occurrence": False}
    body = text(response)
    assert "Wywiad dla Radia Łódź" in body and "Studio Radia Łódź" in body
    assert action_url("move", entry) not in body and reverse("calendar_app:entry_edit", args=[entry.pk]) not in body
    # the change history is for the calendar's managers and for those who read audit trails
    assert bool(response.context["trail"]) == (role == "auditor")


def test_entry_page_of_a_series_lists_next_and_changed_occurrences(secretariat, series):
    response = client_for(secretariat).get(reverse("calendar_app:entry_detail", args=[series.pk]))
    assert response.context["may"] == {"move": False, "cancel": True, "occurrence": True}
    starts = [o.start for o in response.context["occurrences"]]
    assert starts[:3] == [occurrence(series, 0), occurrence(series, 1), occurrence(series, 2) + dt.timedelta(hours=2)]
    assert len(starts) == 12
    body = text(response)
    assert "co tydzień" in body  # the rule in words
    choices = dict(response.context["occurrence_form"].fields["original_start"].widget.choices)
    assert occurrence(series, 1).isoformat() in choices


def test_a_cancelled_entry_is_not_offered_cancelling_again(secretariat, mayor_calendar, day):
    cancelled = EntryFactory(calendar=mayor_calendar, day=day, cancelled=True)
    response = client_for(secretariat).get(reverse("calendar_app:entry_detail", args=[cancelled.pk]))
    assert response.context["may"]["cancel"] is False and "cancel_form" not in response.context


@pytest.mark.parametrize(("pk", "role"), [(None, "unit_liaison"), (None, "outsider_liaison"), (987654, "secretariat")])
def test_entry_page_is_404_outside_the_calendars(persona, entry, pk, role):
    response = client_for(persona(role)).get(reverse("calendar_app:entry_detail", args=[pk or entry.pk]))
    assert response.status_code == 404


def test_entry_page_answers_only_get(secretariat, entry):
    assert client_for(secretariat).post(reverse("calendar_app:entry_detail", args=[entry.pk])).status_code == 405


# --- Move -------------------------------------------------------------------------------------------


def move_data(start: dt.datetime, end: dt.datetime, **extra: str) -> dict[str, str]:
    return {"move-start": local_input(start), "move-end": local_input(end), **extra}


def test_move_by_the_calendars_secretary(secretariat, entry, day):
    later = day + dt.timedelta(days=1)
    response = client_for(secretariat).post(action_url("move", entry), move_data(local(later, 14), local(later, 15)))

    assert response.status_code == 302 and response["Location"] == calendar_on(later)
    entry.refresh_from_db()
    assert (entry.start, entry.end) == (local(later, 14), local(later, 15))
    (update,) = [e for e in trail(entry) if e.action == "update"]
    assert set(update.changes) == {"start", "end"} and update.actor == secretariat
    assert messages_of(response) == ["Wpis został przeniesiony."]


def test_move_in_place_redirects_the_whole_page(secretariat, entry, day):
    response = client_for(secretariat).post(action_url("move", entry), move_data(local(day, 16), local(day, 17)), **HX)
    assert response.status_code == 200 and response["HX-Redirect"] == calendar_on(day)


def test_move_into_a_clash_needs_a_reason(secretariat, mayor_calendar, entry, day):
    EntryFactory(calendar=mayor_calendar, title="Sesja Rady Miejskiej", day=day, hour=14, minutes=180)
    client = client_for(secretariat)
    data = move_data(local(day, 15), local(day, 16))

    response = client.post(action_url("move", entry), data)
    assert response.status_code == 200
    assert "Sesja Rady Miejskiej" in " ".join(response.context["move_form"].non_field_errors())
    assert field_value(text(response), "move-start") == local_input(local(day, 15))
    entry.refresh_from_db()
    assert entry.start == local(day, 9)

    response = client.post(action_url("move", entry), {**data, "move-keep_conflict_reason": "Wyjście w przerwie sesji"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.start, entry.conflict_reason) == (local(day, 15), "Wyjście w przerwie sesji")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"move-start": "jutro rano", "move-end": "2026-12-01T10:00"}, "start"),
        ({"move-start": "2026-12-01T10:00"}, "end"),
        ({"move-start": "2026-12-01T10:00", "move-end": "2026-12-01T09:00"}, "end"),
    ],
)
def test_move_with_bad_input_shows_the_entry_page_with_the_error(secretariat, entry, day, data, field):
    response = client_for(secretariat).post(action_url("move", entry), data)

    assert response.status_code == 200
    assert field in response.context["move_form"].errors
    assert response.context["failed_form"] is response.context["move_form"]
    body = text(response)
    assert 'id="error-summary"' in body and field_value(body, "move-start") == data["move-start"]
    entry.refresh_from_db()
    assert (entry.start, entry.end) == (local(day, 9), local(day, 10))


# --- Cancel -----------------------------------------------------------------------------------------


def test_cancel_by_the_calendars_secretary(secretariat, entry):
    response = client_for(secretariat).post(action_url("cancel", entry), {"cancel-reason": "Choroba Prezydenta"})

    assert response.status_code == 302
    assert response["Location"] == reverse("calendar_app:entry_detail", args=[entry.pk])
    entry.refresh_from_db()
    assert entry.status == EntryStatus.CANCELLED
    (update,) = [e for e in trail(entry) if e.action == "update"]
    assert update.changes == {"status": ["confirmed", "cancelled"]} and update.message == "Choroba Prezydenta"


def test_cancel_with_too_long_a_reason_keeps_the_text(secretariat, entry):
    reason = "Powód " * 100
    response = client_for(secretariat).post(action_url("cancel", entry), {"cancel-reason": reason})
    assert response.status_code == 200 and "reason" in response.context["cancel_form"].errors
    assert field_value(text(response), "cancel-reason") == reason
    entry.refresh_from_db()
    assert entry.status == EntryStatus.CONFIRMED


# --- One occurrence of a series ----------------------------------------------------------------------


def test_cancel_one_occurrence(secretariat, series):
    original = occurrence(series, 1)
    response = client_for(secretariat).post(
        action_url("occurrence", series),
        {"occurrence-original_start": original.isoformat(), "occurrence-action": "cancel"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("calendar_app:entry_detail", args=[series.pk])
    exception = EntryException.objects.get(entry=series, original_start=original)
    assert exception.cancelled and exception.start is None
    series.refresh_from_db()
    assert series.status == EntryStatus.CONFIRMED and series.recurrence == "FREQ=WEEKLY"
    assert trail(series)[-1].message == "Occurrence of %(day)s cancelled"


def test_move_one_occurrence(secretariat, series):
    original = occurrence(series, 3)
    new_start = original + dt.timedelta(days=1, hours=4)
    response = client_for(secretariat).post(
        action_url("occurrence", series),
        {
            "occurrence-original_start": original.isoformat(),
            "occurrence-action": "move",
            "occurrence-start": local_input(new_start),
            "occurrence-end": local_input(new_start + dt.timedelta(hours=1)),
        },
    )
    assert response.status_code == 302
    exception = EntryException.objects.get(entry=series, original_start=original)
    assert (exception.cancelled, exception.start, exception.end) == (
        False,
        new_start,
        new_start + dt.timedelta(hours=1),
    )


def test_moving_an_occurrence_into_a_clash_names_it(secretariat, mayor_calendar, series):
    original = occurrence(series, 1)
    EntryFactory(calendar=mayor_calendar, title="Wizyta Ambasadora Francji", start=original + dt.timedelta(hours=2))
    response = client_for(secretariat).post(
        action_url("occurrence", series),
        {
            "occurrence-original_start": original.isoformat(),
            "occurrence-action": "move",
            "occurrence-start": local_input(original + dt.timedelta(hours=2)),
        },
    )
    assert response.status_code == 200
    assert "Wizyta Ambasadora Francji" in " ".join(response.context["occurrence_form"].non_field_errors())
    assert not EntryException.objects.filter(entry=series, original_start=original).exists()


@pytest.mark.parametrize(
    ("week_offset", "extra", "error"),
    [
        (1, {"occurrence-action": "move"}, "Podaj nowy początek."),
        (0, {"occurrence-action": "cancel", "shift": "1"}, "Seria nie ma wystąpienia w tym terminie."),
        (1, {"occurrence-action": "postpone"}, ""),
    ],
)
def test_occurrence_bad_input_shows_the_error_and_keeps_the_choice(secretariat, series, week_offset, extra, error):
    original = occurrence(series, week_offset) + dt.timedelta(hours=int(extra.pop("shift", 0)))
    data = {"occurrence-original_start": original.isoformat(), **extra}
    response = client_for(secretariat).post(action_url("occurrence", series), data)

    assert response.status_code == 200
    form = response.context["occurrence_form"]
    assert form.errors and error in str(form.errors)
    body = text(response)
    assert 'id="error-summary"' in body
    if week_offset:
        assert f'<option value="{original.isoformat()}" selected>' in body  # the chosen occurrence stays chosen
    assert EntryException.objects.filter(entry=series).count() == 1  # only the fixture's


def test_a_single_entry_has_no_occurrences_to_change(secretariat, entry):
    response = client_for(secretariat).post(
        action_url("occurrence", entry),
        {"occurrence-original_start": entry.start.isoformat(), "occurrence-action": "cancel"},
    )
    assert response.status_code == 200
    # not offered on a single entry's page, but the form that was sent comes back with its error
    assert response.context["occurrence_form"] is response.context["failed_form"]
    assert "Tylko wpis cykliczny" in str(response.context["failed_form"].errors)
    assert "Tylko wpis cykliczny" in text(response)
    assert not EntryException.objects.exists()


# --- Every action: wrong role, outsider, wrong method, anonymous --------------------------------------


def _action_posts(entry: Entry, series: Entry, day: dt.date) -> dict[str, tuple[Entry, dict[str, str]]]:
    return {
        "move": (entry, move_data(local(day, 17), local(day, 18))),
        "cancel": (entry, {"cancel-reason": "Zmiana planów"}),
        "occurrence": (
            series,
            {"occurrence-original_start": occurrence(series, 1).isoformat(), "occurrence-action": "cancel"},
        ),
    }


def _state(entry: Entry, series: Entry) -> tuple:
    entry.refresh_from_db()
    return (entry.start, entry.end, entry.status, EntryException.objects.filter(entry=series).count())


@pytest.mark.parametrize("action", ["move", "cancel", "occurrence"])
@pytest.mark.parametrize(
    ("role", "status"),
    [("press_officer", 403), ("office_staff", 403), ("auditor", 403), ("unit_liaison", 404), ("outsider_liaison", 404)],
)
def test_entry_actions_refused_to_others(persona, entry, series, day, action, role, status):
    record, data = _action_posts(entry, series, day)[action]
    before = _state(entry, series)
    assert client_for(persona(role)).post(action_url(action, record), data).status_code == status
    assert _state(entry, series) == before


@pytest.mark.parametrize("action", ["move", "cancel", "occurrence"])
def test_entry_actions_answer_only_post(secretariat, entry, series, day, action):
    record, _data = _action_posts(entry, series, day)[action]
    assert client_for(secretariat).get(action_url(action, record)).status_code == 405


@pytest.mark.parametrize("action", ["move", "cancel", "occurrence"])
def test_entry_actions_send_anonymous_to_login(entry, series, day, action):
    record, data = _action_posts(entry, series, day)[action]
    before = _state(entry, series)
    response = client_for(None).post(action_url(action, record), data)
    assert response.status_code == 302 and response["Location"] == login_url(action_url(action, record))
    assert _state(entry, series) == before


def test_the_mayor_acts_on_his_own_calendar(mayor_user, entry):
    response = client_for(mayor_user).post(action_url("cancel", entry), {"cancel-reason": "Wyjazd do Warszawy"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == EntryStatus.CANCELLED


def test_another_office_holders_secretary_may_not_act(persona, secretariat, deputy_calendar, day):
    other = EntryFactory(calendar=deputy_calendar, day=day, hour=9)
    response = client_for(secretariat).post(action_url("move", other), move_data(local(day, 12), local(day, 13)))
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.start == local(day, 9)


# --- .ics download ---------------------------------------------------------------------------------


def test_single_entry_download_of_a_series(persona, series):
    EntryExceptionFactory(entry=series, week=1)
    response = client_for(persona("press_officer")).get(reverse("calendar_app:entry_ics", args=[series.pk]))

    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="wydarzenie-{series.pk}.ics"'
    parsed = vobject.readOne(response.content.decode())
    main, moved = sorted(parsed.vevent_list, key=lambda e: "recurrence_id" in e.contents)
    assert main.summary.value == "Kolegium Prezydenta" and main.rrule.value == "FREQ=WEEKLY"
    assert [d.astimezone(dt.UTC) for d in main.exdate.value] == [occurrence(series, 1).astimezone(dt.UTC)]
    assert moved.recurrence_id.value.astimezone(dt.UTC) == occurrence(series, 2).astimezone(dt.UTC)


def test_ics_download_is_404_outside_the_calendars_and_get_only(persona, secretariat, entry):
    url = reverse("calendar_app:entry_ics", args=[entry.pk])
    assert client_for(persona("unit_liaison")).get(url).status_code == 404
    assert client_for(secretariat).post(url).status_code == 405
