"""Who sees and changes events: the register is read by staff with ``events.view_event``; office
staff and the secretariat plan them (``change_event``). There is no narrower scope: a user
without the permission gets 403, an unknown event 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from events.models import Event, Guest
from office.access import require

VIEW = "events.view_event"
CHANGE = "events.change_event"


def get_event_for_user(user: Any, pk: Any) -> Event:
    require(user.has_perm(VIEW))
    try:
        return Event.objects.select_related("organiser", "holder", "observance", "created_by").get(pk=pk)
    except (Event.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


VIEW_GUESTS = "events.view_guest"
CHANGE_GUESTS = "events.change_guest"


def get_guest_for_user(user: Any, pk: Any) -> Guest:
    require(user.has_perm(VIEW_GUESTS))
    try:
        return Guest.objects.select_related("event", "contact", "precedence").get(pk=pk)
    except (Guest.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_guests_event(user: Any, pk: Any) -> Event:
    """The event whose guest list ``user`` opens."""
    require(user.has_perm(VIEW_GUESTS))
    return get_event_for_user(user, pk)
