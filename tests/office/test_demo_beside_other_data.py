"""``seed_demo`` fills every app also on top of other data (the bench's thousands of rows, an
office's real records): each app knows its demo by a row of its own, never by "the table is not
empty"; and a second run adds nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from calendar_app import demo as calendar_demo
from calendar_app.models import MeetingRequest
from correspondence import demo as correspondence_demo
from correspondence.models import Letter, LetterTemplate
from events import demo as events_demo
from events.models import Gift
from patronage import demo as patronage_demo
from patronage.models import Application
from tests.calendar_app.factories import MeetingRequestFactory
from tests.correspondence.factories import IncomingLetterFactory
from tests.events.factories import new_event
from tests.factories import ContactFactory
from tests.patronage.factories import new_application

pytestmark = pytest.mark.django_db


def test_the_demo_is_made_beside_other_records_of_every_app_and_only_once(persona: Any) -> None:
    clerk = persona("office_staff")
    MeetingRequestFactory(requester_name="Wnioskodawca spoza demo")
    IncomingLetterFactory()
    new_event(clerk, name="Uroczystość spoza demo")
    new_application(clerk, organiser=ContactFactory(name="Organizator spoza demo"))

    call_command("seed_demo", verbosity=0)

    assert MeetingRequest.objects.filter(requester_name=calendar_demo.REQUESTS[0][1]).exists()
    assert LetterTemplate.objects.filter(name=correspondence_demo.TEMPLATES[0][0]).exists()
    assert Letter.objects.count() > 1
    assert Gift.objects.filter(counterpart_name=events_demo.GIFTS[0][1]).exists()
    assert Application.objects.filter(organiser__name=patronage_demo.ORGANISERS[0][0]).exists()

    made = [model.objects.count() for model in (MeetingRequest, Letter, Gift, Application)]
    call_command("seed_demo", verbosity=0)
    assert [model.objects.count() for model in (MeetingRequest, Letter, Gift, Application)] == made
