"""Context every page needs: the navigation (from the registry), display preferences, names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from office.contributions import NavLink, registry
from office.services import freshness

FONT_SIZES = ("normal", "large", "larger")


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool
    count: int = 0
    count_label: str = ""


def _prefix_matches(prefix: str, path: str) -> bool:
    if prefix.endswith("$"):
        return path == prefix[:-1]
    if prefix == "/":
        return path == "/"
    return path.startswith(prefix)


def mark_active(links: list[NavLink], path: str) -> list[NavItem]:
    """Only the link with the longest matching prefix is the current page."""
    matching = [
        (len(link.active_prefix or link.url), i)
        for i, link in enumerate(links)
        if _prefix_matches(link.active_prefix or link.url, path)
    ]
    current = max(matching)[1] if matching else None
    return [NavItem(link.label, link.url, i == current, link.count, link.count_label) for i, link in enumerate(links)]


@dataclass(frozen=True)
class Shell:
    city_name: str
    office_name: str
    font_size: str = "normal"
    high_contrast: bool = False
    nav: list[NavItem] = field(default_factory=list)


def display_preferences(request: HttpRequest) -> tuple[str, bool]:
    """Font size and contrast chosen with the page's switches (kept in a cookie, no login needed)."""
    size = request.COOKIES.get("font_size", "normal")
    return (size if size in FONT_SIZES else "normal", request.COOKIES.get("contrast") == "high")


def shell(request: HttpRequest) -> dict[str, Any]:
    font_size, high_contrast = display_preferences(request)
    user = getattr(request, "user", None)
    nav: list[NavItem] = []
    if user is not None and user.is_authenticated:
        # remembered for a minute, dropped by any change (office.services.freshness); never a failure
        outcomes = freshness.remember(
            "navigation",
            user,
            lambda: registry.collect("navigation", user),
            keep=lambda outcomes: not any(o.failed for o in outcomes),
        )
        nav = mark_active([o.data for o in outcomes if not o.failed], request.path)
    return {
        "shell": Shell(
            city_name=settings.CITY_NAME,
            office_name=settings.OFFICE_NAME,
            font_size=font_size,
            high_contrast=high_contrast,
            nav=nav,
        )
    }
