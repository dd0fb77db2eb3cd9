"""What ceremonies and events declare to the office registry: permissions, navigation, the
widget of the coming weeks, search, the contact's history, the workspace and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

import events.report_sections  # noqa: F401  (the section of the mayor's reports)
from events import reports  # noqa: F401  (declares the job kinds)
from events.models import COMING, Answer, Event, Gallery, Gift, Guest
from events.services.guests import INVITATION_SOURCE
from office.contributions import (
    DigestSection,
    LetterSource,
    ListItem,
    Schedule,
    SearchHit,
    Widget,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)

_MODELS = ("event", "observance", "checklistitem", "gift", "guest", "gallery")
registry.grant(
    "office_staff",
    [f"events.{a}_{m}" for m in _MODELS for a in ("view", "add", "change")]
    + ["events.delete_guest", "events.view_precedence"],
)
registry.grant(
    "secretariat",
    [f"events.{a}_{m}" for m in ("event", "gift", "guest", "gallery") for a in ("view", "add", "change")]
    + ["events.delete_guest", "events.view_observance", "events.view_precedence"],
)
registry.grant(
    "management",
    ["events.view_event", "events.view_observance", "events.view_gift", "events.view_guest", "events.view_gallery"],
)
registry.grant("auditor", [f"events.view_{m}" for m in _MODELS] + ["events.view_precedence"])
# the press office's photographers document events in the galleries
registry.grant("press_officer", [f"events.{a}_gallery" for a in ("view", "add", "change")])
registry.add_view_check(Event, lambda user, event: user.has_perm("events.view_event"))
registry.add_view_check(Gift, lambda user, gift: user.has_perm("events.view_gift"))
registry.add_view_check(Gallery, lambda user, gallery: user.has_perm("events.view_gallery"))
registry.add_letter_source(
    LetterSource(
        INVITATION_SOURCE,
        gettext_lazy("an event's guest (the invitation)"),
        {
            "wydarzenie": (gettext_lazy("the event"), "Narodowe Święto Niepodległości"),
            "termin": (gettext_lazy("the date and hour"), "11 listopada 2026 r., godz. 11:00"),
            "miejsce": (gettext_lazy("the place"), "Plac Wolności"),
            "program": (gettext_lazy("the programme"), "11:00 Msza św.\n12:00 Uroczystość pod pomnikiem"),
            "gosc_jako": (gettext_lazy("the title the guest is invited as"), "Przewodniczący Rady Miasta"),
            "odpowiedz_do": (gettext_lazy("the day answers are due by"), "4 listopada 2026 r."),
            "link_odpowiedzi": (
                gettext_lazy("the guest's personal answer link"),
                "https://urzad.example/events/rsvp/…",
            ),
            "osoby_towarzyszace": (gettext_lazy("how many accompanying persons are allowed"), "1"),
        },
    )
)
registry.add_schedule(
    Schedule("Przypomnienia dla gości bez odpowiedzi", "events.tasks.remind_guests", minute="30", hour="8")
)

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


@register("widget", "events_answers", order=31, visible=has_perm("events.view_guest"))
def events_answers(user: Any) -> Widget:
    """The answers to the invitations of the coming ceremonies (one query)."""
    coming = (
        _coming(COMING_DAYS * 2)
        .filter(guests__isnull=False)
        .annotate(
            accepted=Count("guests", filter=Q(guests__answer=Answer.ACCEPTED)),
            declined=Count("guests", filter=Q(guests__answer=Answer.DECLINED)),
            invited=Count("guests"),
        )
        .order_by("starts_at", "id")
    )
    return list_widget(
        coming,
        lambda e: ListItem(
            label=e.name,
            url=reverse("events:guest_list", args=[e.pk]),
            meta=_("%(accepted)d will come, %(declined)d will not, %(pending)d without an answer")
            % {"accepted": e.accepted, "declined": e.declined, "pending": e.invited - e.accepted - e.declined},
            badge=date_format(timezone.localtime(e.starts_at), "SHORT_DATE_FORMAT"),
        ),
        title=_("Answers to invitations"),
        more_url=reverse("events:event_list") + "?coming=on",
        empty_text=_("No guest lists for the coming ceremonies."),
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


@register("contact_history", "invitations", order=47, visible=has_perm("events.view_guest"))
def contact_invitations(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        Guest.objects.filter(contact=contact).select_related("event").order_by("-event__starts_at", "-id"),
        lambda g: ListItem(
            label=g.event.name,
            url=reverse("events:guest_list", args=[g.event_id]),
            meta=date_format(timezone.localtime(g.event.starts_at), "SHORT_DATE_FORMAT")
            + f" · {g.get_answer_display()}",
        ),
        title=_("Invitations"),
        empty_text=_("No invitations."),
    )


navigation(
    "galleries",
    gettext_lazy("Galleries"),
    "events:gallery_list",
    order=38,
    visible=has_perm("events.view_gallery"),
    active_prefix="/events/galleries/",
)


@register("search", "galleries", order=40, visible=has_perm("events.view_gallery"))
def search_galleries(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Gallery.objects.order_by("-taken_on", "-id"),
        query,
        ("title", "record_label", "description"),
        title=_("Photo galleries"),
        hit=lambda g: (
            g.title,
            reverse("events:gallery_detail", args=[g.pk]),
            f"{date_format(g.taken_on, 'SHORT_DATE_FORMAT')} · {g.record_label}",
        ),
    )


@register("record_links", "galleries", order=10, visible=has_perm("events.view_gallery"))
def record_galleries(user: Any, *, record: Any) -> list[ListItem]:
    """The galleries of an event, a meeting or a patronage application, and the way to make one."""
    from events.services import galleries

    if record._meta.label_lower not in galleries.TARGETS:
        return []
    items = [
        ListItem(
            label=_("Gallery: %(title)s") % {"title": gallery.title},
            url=reverse("events:gallery_detail", args=[gallery.pk]),
            meta=ngettext("%(count)d photo", "%(count)d photos", gallery.photo_count) % {"count": gallery.photo_count},
        )
        for gallery in galleries.galleries_of(record).order_by("-taken_on", "-id")
    ]
    if user.has_perm("events.add_gallery") and galleries.documentable(record):
        items.append(
            ListItem(
                label=_("New photo gallery"),
                url=reverse("events:gallery_create") + "?" + urlencode({"record": galleries.key_of(record)}),
            )
        )
    return items


@register("demo", "events", order=50)
def demo(admin: Any) -> None:
    from events.demo import seed

    seed(admin)
