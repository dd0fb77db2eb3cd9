"""What ceremonies and events declare to the office registry: permissions, navigation, the
widget of the coming weeks, search, the contact's history, the workspace and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import COMING, Event, Gift
from office.contributions import (
    DigestSection,
    ListItem,
    SearchHit,
    Widget,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)

_MODELS = ("event", "observance", "checklistitem", "gift")
registry.grant("office_staff", [f"events.{a}_{m}" for m in _MODELS for a in ("view", "add", "change")])
registry.grant(
    "secretariat",
    [f"events.{a}_{m}" for m in ("event", "gift") for a in ("view", "add", "change")] + ["events.view_observance"],
)
registry.grant("management", ["events.view_event", "events.view_observance", "events.view_gift"])
registry.grant("auditor", [f"events.view_{m}" for m in _MODELS])
registry.add_view_check(Event, lambda user, event: user.has_perm("events.view_event"))
registry.add_view_check(Gift, lambda user, gift: user.has_perm("events.view_gift"))

navigation(
    "events",
    gettext_lazy("Ceremonies"),
    "events:event_list",
    order=36,
    visible=has_perm("events.view_event"),
    active_prefix="/events/",
)

#: The dashboard shows the ceremonies of this many coming days.
COMING_DAYS = 30


def _item(event: Event) -> ListItem:
    return ListItem(
        label=event.name,
        url=reverse("events:event_detail", args=[event.pk]),
        meta=f"{date_format(timezone.localtime(event.starts_at), 'SHORT_DATETIME_FORMAT')}"
        + (f" · {event.place}" if event.place else ""),
        badge=event.get_status_display(),
        is_warning=event.is_proposed,
    )


def _coming(days: int) -> Any:
    now = timezone.now()
    return Event.objects.filter(status__in=COMING, ends_at__gte=now, starts_at__lte=now + dt.timedelta(days=days))


@register("widget", "events_coming", order=30, visible=has_perm("events.view_event"))
def events_coming(user: Any) -> Widget:
    return list_widget(
        _coming(COMING_DAYS).select_related("holder").order_by("starts_at", "id"),
        _item,
        title=_("Ceremonies in the next 30 days"),
        more_url=reverse("events:event_list") + "?coming=on",
        empty_text=_("No ceremonies in the next 30 days."),
    )


@register("digest", "events_this_week", order=45, visible=has_perm("events.view_event"))
def digest_events(user: Any) -> DigestSection:
    """The ceremonies of the coming week, and the proposals of the plan still to confirm among them."""
    return DigestSection(
        _("Ceremonies in the coming week"), [_item(e) for e in _coming(7).order_by("starts_at", "id")[:50]]
    )


@register("workspace", "events", order=45, visible=has_perm("events.view_event"))
def workspace_events(user: Any, *, holder: Any) -> Widget:
    return list_widget(
        _coming(60).filter(holder=holder).order_by("starts_at", "id"),
        _item,
        title=_("Ceremonies with their participation"),
        more_url=reverse("events:event_list") + "?coming=on",
        empty_text=_("No ceremonies planned."),
    )


@register("search", "events", order=38, visible=has_perm("events.view_event"))
def search_events(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Event.objects.order_by("-starts_at"),
        query,
        ("name", "place", "programme"),
        title=_("Ceremonies and events"),
        hit=lambda e: (
            e.name,
            reverse("events:event_detail", args=[e.pk]),
            f"{date_format(timezone.localtime(e.starts_at), 'SHORT_DATE_FORMAT')} · {e.get_status_display()}",
        ),
    )


navigation(
    "gifts",
    gettext_lazy("Gifts"),
    "events:gift_list",
    order=37,
    visible=has_perm("events.view_gift"),
    active_prefix="/events/gifts/",
)


@register("search", "gifts", order=39, visible=has_perm("events.view_gift"))
def search_gifts(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Gift.objects.select_related("holder").order_by("-on"),
        query,
        ("description", "occasion", "counterpart_name", "counterpart__name"),
        title=_("Register of gifts"),
        hit=lambda g: (
            g.description[:80],
            reverse("events:gift_detail", args=[g.pk]),
            f"{date_format(g.on, 'SHORT_DATE_FORMAT')} · {g.get_direction_display()} · {g.holder.full_name}",
        ),
    )


@register("contact_history", "gifts", order=46, visible=has_perm("events.view_gift"))
def contact_gifts(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        Gift.objects.filter(counterpart=contact).select_related("holder").order_by("-on", "-id"),
        lambda g: ListItem(
            label=g.description[:80],
            url=reverse("events:gift_detail", args=[g.pk]),
            meta=f"{date_format(g.on, 'SHORT_DATE_FORMAT')} · {g.get_direction_display()}",
        ),
        title=_("Gifts"),
        more_url=reverse("events:gift_list") + "?" + urlencode({"q": contact.name}),
        empty_text=_("No gifts."),
    )


@register("contact_history", "events", order=45, visible=has_perm("events.view_event"))
def contact_events(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        Event.objects.filter(Q(organiser=contact) | Q(co_organisers=contact)).distinct().order_by("-starts_at", "-id"),
        _item,
        title=_("Ceremonies and events"),
        more_url=reverse("events:event_list") + "?" + urlencode({"q": contact.name}),
        empty_text=_("No events."),
    )


@register("demo", "events", order=50)
def demo(admin: Any) -> None:
    from events.demo import seed

    seed(admin)
