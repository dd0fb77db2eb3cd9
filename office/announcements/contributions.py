"""What the announcements declare to the office registry: permissions, navigation, the
dashboard's unread announcements, search and demo data."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from office.announcements import services
from office.announcements.models import Announcement
from office.contributions import (
    ListItem,
    SearchHit,
    Widget,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)

_ALL_ROLES = ["secretariat", "press_officer", "office_staff", "management", "unit_liaison", "auditor"]
for _role in _ALL_ROLES:
    registry.grant(_role, ["announcements.view_announcement"])
for _role in ("secretariat", "office_staff", "management"):
    registry.grant(_role, ["announcements.add_announcement"])


def _signed_in(user: Any) -> bool:
    return user.is_authenticated


navigation(
    "announcements",
    gettext_lazy("Announcements"),
    "announcements:announcement_list",
    order=40,
    visible=_signed_in,
    active_prefix="/announcements/",
)


def _has_unread(user: Any) -> bool:
    return user.is_authenticated and services.unread_for(user).exists()


@register("widget", "announcements", order=1, visible=_has_unread)
def unread_announcements(user: Any) -> Widget:
    """On top of the dashboard while the user has announcements to read; gone once all are read."""
    return list_widget(
        services.unread_for(user).select_related("author"),
        lambda a: ListItem(
            label=a.title,
            url=reverse("announcements:announcement_detail", args=[a.pk]),
            meta=f"{date_format(a.published_at, 'SHORT_DATE_FORMAT')} · {a.author or ''}",
            badge=_("important") if a.is_important else "",
            is_warning=False,
        ),
        title=_("Unread announcements"),
        more_url=reverse("announcements:announcement_list"),
        empty_text=_("You have read every announcement."),
    )


@register("search", "announcements", order=60, visible=_signed_in)
def search_announcements(user: Any, *, query: str) -> list[SearchHit]:
    from office.announcements.views import visible_to

    return search_hits(
        visible_to(user).order_by("-published_at"),
        query,
        ("title", "body"),
        title=_("Announcements"),
        hit=lambda a: (
            a.title,
            reverse("announcements:announcement_detail", args=[a.pk]),
            date_format(a.published_at, "SHORT_DATE_FORMAT"),
        ),
    )


@register("demo", "announcements", order=70)
def demo(admin: Any) -> None:
    from office.models import OrgUnit

    if Announcement.objects.exists():
        return
    services.save_announcement(
        actor=admin,
        announcement=Announcement(
            title="Nowy rejestr korespondencji w systemie",
            body="Od 1 grudnia wszystkie pisma kierowane do Prezydenta rejestrujemy w module Korespondencja.\n\n"
            "Szkolenie dla sekretariatów odbędzie się w sali 210.",
            is_important=True,
        ),
    )
    units = list(OrgUnit.objects.filter(symbol__in=["WIN", "WE"]))
    if units:
        services.save_announcement(
            actor=admin,
            announcement=Announcement(
                title="Sprawozdania z realizacji zadań za III kwartał",
                body="Proszę wydziały o przekazanie sprawozdań do 15 grudnia.",
                to_all=False,
            ),
            units=units,
        )
