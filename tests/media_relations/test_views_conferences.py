"""The views of media_relations/views/conferences.py: the list, planning (on an office holder's
calendar), changing, the conference page with CONFERENCE_ACTIONS (attendance, attach)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from calendar_app.models import Entry
from media_relations.models import Conference, Invitation, OutletKind
from media_relations.views import conferences as conferences_views
from media_relations.views.conferences import CONFERENCE_ACTIONS
from office.models import Attachment
from tests.factories import OfficeHolderFactory
from tests.media_relations.factories import ConferenceFactory, OutletFactory, form_datetime, local
from tests.media_relations.helpers import (
    EDITORS,
    VIEWERS,
    assert_anonymous_sent_to_login,
    assert_form_error_shown,
    assert_unchanged,
    db_state,
    error_messages,
    expected_for_action,
    expected_for_page,
    page_url_names,
    statuses,
)
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db


def test_every_page_of_the_module_is_tested() -> None:
    """The pages (plain views and Editors) of media_relations/views/conferences.py tested below."""
    assert page_url_names(conferences_views) == {
        "media_relations:conference_list",
        "media_relations:conference_create",
        "media_relations:conference_detail",
        "media_relations:conference_edit",
    }


def _detail_url(conference: Conference) -> str:
    return reverse("media_relations:conference_detail", args=[conference.pk])


def _outlets() -> tuple[Any, Any, Any]:
    return (
        OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY),
        OutletFactory(name="Radio Zachód", kind=OutletKind.RADIO),
        OutletFactory(name="Telewizja Regionalna TVR", kind=OutletKind.TV),
    )


def _upload(name: str = "prezentacja.txt", content: bytes = b"Slajdy: projekt budzetu 2027.") -> Any:
    return SimpleUploadedFile(name, content, "text/plain")


READY: dict[str, Callable[[Conference, tuple[Any, ...]], Callable[[], dict[str, Any]]]] = {
    "attendance": lambda conference, outlets: lambda: {"attendance-attended": [outlets[0].pk]},
    "attach": lambda conference, outlets: lambda: {"attach-file": _upload(), "attach-description": "prezentacja"},
}


def test_every_conference_action_is_tested() -> None:
    assert set(READY) == {action.name for action in CONFERENCE_ACTIONS.actions}


@pytest.mark.parametrize("name", list(READY))
def test_action_access(officer, persona, name):
    outlets = _outlets()
    conference = ConferenceFactory(outlets=outlets[:2])
    data = READY[name](conference, outlets)
    url = reverse(f"media_relations:conference_{name}", args=[conference.pk])
    before = db_state()
    assert statuses(persona, "post", url, expected_for_action(), data) == expected_for_action()
    assert_anonymous_sent_to_login("post", url, data())
    assert fetch(client_for(officer), "get", url).status_code == 405
    missing = reverse(f"media_relations:conference_{name}", args=[987654])
    assert fetch(client_for(officer), "post", missing, data()).status_code == 404
    assert_unchanged(before)


def _assert_done(response: Any, conference: Conference) -> None:
    assert response.status_code == 302 and response["Location"] == _detail_url(conference)
    assert messages_of(response) and not error_messages(response)


def test_attendance_marks_who_came_and_adds_who_came_uninvited(officer):
    gazette, radio, tv = _outlets()
    conference = ConferenceFactory(outlets=[gazette, radio])
    url = reverse("media_relations:conference_attendance", args=[conference.pk])
    _assert_done(fetch(client_for(officer), "post", url, {"attendance-attended": [gazette.pk, tv.pk]}), conference)
    came = dict(Invitation.objects.filter(conference=conference).values_list("outlet__name", "attended"))
    assert came == {gazette.name: True, radio.name: False, tv.name: True}


def test_attendance_of_an_unknown_outlet_shows_the_page_again(officer):
    gazette, radio, _ = _outlets()
    conference = ConferenceFactory(outlets=[gazette, radio])
    before = db_state()
    url = reverse("media_relations:conference_attendance", args=[conference.pk])
    response = fetch(client_for(officer), "post", url, {"attendance-attended": [gazette.pk, 987654]})
    assert_form_error_shown(response, "attended")
    assert response.context["attendance_form"].data.getlist("attendance-attended") == [str(gazette.pk), "987654"]
    assert_unchanged(before)


def test_attach(officer):
    conference = ConferenceFactory()
    url = reverse("media_relations:conference_attach", args=[conference.pk])
    data = {"attach-file": _upload(), "attach-description": "prezentacja"}
    _assert_done(fetch(client_for(officer), "post", url, data), conference)
    attachment = Attachment.objects.get()
    assert attachment.record == conference and attachment.description == "prezentacja"


def test_attach_a_file_that_lies_about_its_type_keeps_what_was_typed(officer):
    conference = ConferenceFactory()
    before = db_state()
    url = reverse("media_relations:conference_attach", args=[conference.pk])
    data = {"attach-file": _upload("plan-sali.pdf", b"To nie jest PDF."), "attach-description": "plan sali"}
    assert_form_error_shown(fetch(client_for(officer), "post", url, data), "file", "plan sali")
    assert_unchanged(before)


# --- Pages --------------------------------------------------------------------------------------


def test_list_per_role(officer, persona):
    conference = ConferenceFactory(topic="Program Czyste Powietrze")
    url = reverse("media_relations:conference_list")
    expected = expected_for_page(VIEWERS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert conference.topic in page_text(fetch(client_for(persona("management")), "get", url))
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_detail_per_role(officer, persona):
    gazette, radio, _ = _outlets()
    conference = ConferenceFactory(outlets=[gazette, radio])
    url = _detail_url(conference)
    expected = expected_for_page(VIEWERS, record=True)
    assert statuses(persona, "get", url, expected) == expected
    page = fetch(client_for(persona("auditor")), "get", url)
    assert conference.topic in page_text(page) and radio.name in page_text(page)
    assert not page.context["may"]["attendance"]
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert (
        fetch(client_for(officer), "get", reverse("media_relations:conference_detail", args=[987654])).status_code
        == 404
    )
    assert_anonymous_sent_to_login("get", url)


def _conference_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "topic": "Projekt budżetu miasta na 2027 rok",
        "starts_at": form_datetime(local(days=5, hour=11)),
        "ends_at": form_datetime(local(days=5, hour=12)),
        "place": "Sala Sesyjna Urzędu Miasta",
        "description": "Pytania od 11:40.",
    }
    data.update(overrides)
    return data


def test_create_per_role(officer, persona):
    url = reverse("media_relations:conference_create")
    expected = expected_for_page(EDITORS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_create_invites_and_goes_on_the_calendar(officer):
    mayor = OfficeHolderFactory(role="mayor", title="Prezydent Miasta", order=1)
    gazette, radio, _ = _outlets()
    data = _conference_data(office_holder=mayor.pk, outlets=[gazette.pk, radio.pk], speakers=[officer.pk])
    response = fetch(client_for(officer), "post", reverse("media_relations:conference_create"), data)
    conference = Conference.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail_url(conference)
    assert conference.starts_at == local(days=5, hour=11) and conference.office_holder == mayor
    assert set(conference.invitations.values_list("outlet", flat=True)) == {gazette.pk, radio.pk}
    assert list(conference.speakers.all()) == [officer]
    entry = Entry.objects.get(pk=conference.calendar_entry_id)
    assert entry.calendar.office_holder == mayor and entry.start == conference.starts_at


def test_create_ending_before_it_starts_keeps_what_was_typed(officer):
    before = db_state()
    data = _conference_data(ends_at=form_datetime(local(days=5, hour=10)), topic="Konferencja odwrócona w czasie")
    response = fetch(client_for(officer), "post", reverse("media_relations:conference_create"), data)
    assert_form_error_shown(
        response, "ends_at", "Konferencja odwrócona w czasie", form_datetime(local(days=5, hour=10))
    )
    assert_unchanged(before)


def test_edit_per_role(officer, persona):
    url = reverse("media_relations:conference_edit", args=[ConferenceFactory().pk])
    expected = expected_for_page(VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_edit_moves_the_conference_and_its_invitations(officer):
    gazette, radio, tv = _outlets()
    conference = ConferenceFactory(outlets=[gazette, radio])
    data = _conference_data(
        topic="Budżet 2027 – korekta",
        starts_at=form_datetime(local(days=6, hour=9)),
        ends_at=form_datetime(local(days=6, hour=10)),
        outlets=[radio.pk, tv.pk],
    )
    response = fetch(
        client_for(officer), "post", reverse("media_relations:conference_edit", args=[conference.pk]), data
    )
    assert response.status_code == 302 and response["Location"] == _detail_url(conference)
    conference.refresh_from_db()
    assert conference.topic == "Budżet 2027 – korekta" and conference.starts_at == local(days=6, hour=9)
    assert conference.ends_at - conference.starts_at == dt.timedelta(hours=1)
    assert set(conference.invitations.values_list("outlet", flat=True)) == {radio.pk, tv.pk}


def test_edit_without_a_place_keeps_what_was_typed(officer):
    conference = ConferenceFactory()
    before = db_state()
    data = _conference_data(place="", topic="Zmieniony temat konferencji")
    response = fetch(
        client_for(officer), "post", reverse("media_relations:conference_edit", args=[conference.pk]), data
    )
    assert_form_error_shown(response, "place", "Zmieniony temat konferencji")
    assert_unchanged(before)
