"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for the calendars.

Roles: staff with calendar_app.view_entry read the calendars (liaisons do not: 403 on pages,
404 on records); the calendar's secretary (the secretariat persona serves the mayor here) and
administrators change it; meeting requests are for the secretariat (management and auditors read).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import PRIVATE_MARKER, Row, World, pk_of, table

MANAGERS = frozenset({"administrator", "superuser", "secretariat"})
VIEWERS = MANAGERS | {
    "press_officer",
    "office_staff",
    "management",
    "auditor",
    "council_officer",
    "ngo_officer",
    "travel_officer",
}
NON_VIEWERS = frozenset({"unit_liaison", "outsider_liaison", "finance_reader"})
REQUEST_READERS = MANAGERS | {"management", "auditor"}
REQUEST_HANDLERS = MANAGERS | {"management"}


def _at(hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=2)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def build(world: World) -> None:
    from calendar_app.models import Calendar, MeetingRequest, Visibility
    from calendar_app.services import entries as entry_services
    from calendar_app.services import requests as request_services
    from office.models import OfficeHolder, SecretariatMembership

    secretary = world.people["secretariat"]
    holder = OfficeHolder.objects.create(
        role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", order=1
    )
    SecretariatMembership.objects.create(office_holder=holder, user=secretary)
    calendar = Calendar.objects.create(office_holder=holder)
    entry = entry_services.schedule_entry(
        actor=secretary, calendar=calendar, title="Spotkanie z Radą Seniorów", start=_at(10), end=_at(11)
    )
    # The mayor's private appointment today, found by the search of the matrix ("Remont"): every
    # page of every persona is checked for its marker (tests/office/test_permission_matrix.py).
    today = dt.datetime.combine(timezone.localdate(), dt.time(8), tzinfo=timezone.get_current_timezone())
    entry_services.schedule_entry(
        actor=secretary,
        calendar=calendar,
        title=f"Remont mieszkania {PRIVATE_MARKER}",
        place=f"ul. Prywatna 3 {PRIVATE_MARKER}",
        notes=f"Notatka {PRIVATE_MARKER}",
        start=today,
        end=today + dt.timedelta(hours=1),
        visibility=Visibility.PRIVATE,
    )
    request = request_services.register_request(
        actor=secretary,
        request=MeetingRequest(
            requester_kind="resident",
            requester_name="Halina Adamczyk",
            email="h.a@example.com",
            topic="Hałas",
            office_holder=holder,
            received_on=timezone.localdate(),
            rodo_acknowledged=True,
        ),
    )
    world.extra.update({"calendar": calendar, "entry": entry, "meeting_request": request})


def _viewer_page() -> Row:
    return Row("get", table(403, (VIEWERS, 200), (NON_VIEWERS, 403)), wrong="post")


def _entry_get(managers_only: bool = False) -> Row:
    if managers_only:
        return Row("get", table(403, (MANAGERS, 200), (NON_VIEWERS, 404)), pk_of("entry"), wrong="put")
    return Row("get", table(200, (NON_VIEWERS, 404)), pk_of("entry"), wrong="post")


def _entry_post(data: Any, done: int = 302) -> Row:
    """An action on the entry: its managers get ``done``, other calendar readers 403, the rest 404."""
    return Row("post", table(403, (MANAGERS, done), (NON_VIEWERS, 404)), pk_of("entry"), data=data, wrong="get")


def _request_action(data: Any = None) -> Row:
    """An action on the meeting request: handlers 302, readers without the right 403, the rest 404."""
    return Row(
        "post",
        table(404, (REQUEST_READERS, 403), (REQUEST_HANDLERS, 302)),
        pk_of("meeting_request"),
        data=data or (lambda w: {}),
        wrong="get",
    )


def _request_page(readers: frozenset[str] = REQUEST_READERS, **kwargs: Any) -> Row:
    return Row("get", table(403, (readers, 200)), wrong="post", **kwargs)


def _move(w: World) -> dict[str, Any]:
    return {"move-start": f"{_at(12):%Y-%m-%dT%H:%M}", "move-end": f"{_at(13):%Y-%m-%dT%H:%M}"}


def _in_a_week(w: World) -> str:
    return (timezone.localdate() + dt.timedelta(days=7)).isoformat()


EXPECTED: dict[str, Row] = {
    "calendar_app:calendar": _viewer_page(),
    "calendar_app:entry_create": Row("get", table(403, (MANAGERS, 200)), wrong="put"),
    "calendar_app:entry_detail": _entry_get(),
    "calendar_app:entry_edit": _entry_get(managers_only=True),
    "calendar_app:entry_move": _entry_post(_move),
    "calendar_app:entry_cancel": _entry_post(lambda w: {"cancel-reason": "Choroba"}),
    # not a recurring entry: the form comes back with the reason
    "calendar_app:entry_occurrence": _entry_post(lambda w: {"occurrence-action": "cancel"}, done=200),
    "calendar_app:entry_ics": _entry_get(),
    "calendar_app:meeting": Row("get", table(403, (MANAGERS, 200), (NON_VIEWERS, 404)), pk_of("entry"), wrong="put"),
    "calendar_app:meeting_notes": _entry_post(lambda w: {"notes-agenda": "1. Budżet", "notes-notes": ""}),
    "calendar_app:meeting_decision": _entry_post(
        lambda w: {
            "decision-text": "Harmonogram",
            "decision-unit": w.units["WIN"].pk,
            "decision-due_date": _in_a_week(w),
        }
    ),
    "calendar_app:meeting_briefing": _entry_post(
        lambda w: {
            "briefing-what": "Informacja",
            "briefing-unit": w.units["WIN"].pk,
            "briefing-due_date": timezone.localdate().isoformat(),
        }
    ),
    "calendar_app:meeting_file": _entry_post(lambda w: {}),
    "calendar_app:meeting_attach": _entry_post(
        lambda w: {"attach-file": SimpleUploadedFile("program.txt", b"Program wizyty.", "text/plain")}
    ),
    "calendar_app:feed_settings": Row("get", table(404, (MANAGERS, 200)), pk_of("calendar"), wrong="put"),
    "calendar_app:calendar_renew_feed": Row(
        "post", table(403, (MANAGERS, 302), (NON_VIEWERS, 404)), pk_of("calendar"), wrong="get"
    ),
    "calendar_app:feed": Row(
        "get",
        table(200, anonymous=200),
        lambda w: {"token": w.extra["calendar"].feed_token},
        wrong="post",
        wrong_statuses={},
    ),
    "calendar_app:calendar_agenda_pdf": Row(
        "post",
        table(302, (NON_VIEWERS, 404)),
        pk_of("calendar"),
        data=lambda w: {"agenda-pdf-day": timezone.localdate().isoformat()},
        wrong="get",
    ),
    "calendar_app:request_list": _request_page(),
    "calendar_app:request_create": Row("get", table(403, (MANAGERS, 200)), wrong="put"),
    "calendar_app:request_statistics": _request_page(),
    "calendar_app:request_detail": Row(
        "get", table(404, (REQUEST_READERS, 200)), pk_of("meeting_request"), wrong="post"
    ),
    "calendar_app:request_assess": _request_action(),
    "calendar_app:request_schedule": _request_action(
        lambda w: {"schedule-start": f"{_at(14):%Y-%m-%dT%H:%M}", "schedule-minutes": 30}
    ),
    "calendar_app:request_handover": _request_action(
        lambda w: {"handover-unit": w.units["WIN"].pk, "handover-due_date": _in_a_week(w)}
    ),
    "calendar_app:request_decline": _request_action(lambda w: {"decline-reason": "Brak terminów"}),
    "calendar_app:request_reply": _request_action(lambda w: {"reply-reply_text": "Szanowna Pani"}),
    "calendar_app:request_send_reply": _request_action(lambda w: {"reply-reply_text": "Szanowna Pani"}),
    "calendar_app:decision_board": _request_page(),
}
