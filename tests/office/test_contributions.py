"""The contributions registry: a failing contribution never breaks the page it feeds."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from office.contributions import (
    DigestSection,
    ListItem,
    NavLink,
    Outcome,
    Registry,
    SearchHit,
    Widget,
    has_perm,
    registry,
)
from office.services import mail
from tests.factories import AssignmentFactory
from tests.utils import client_for, fetch


def _boom(user: Any, **kwargs: Any) -> Any:
    raise RuntimeError("provider exploded")


@pytest.fixture
def temporary() -> Iterator[Any]:
    """Register contributions for one test: ``temporary(kind, key, provide, **options)``."""
    added: list[tuple[str, str]] = []

    def add(kind: str, key: str, provide: Any, **options: Any) -> None:
        assert key not in registry._items[kind]
        registry.register(kind, key, **options)(provide)
        added.append((kind, key))

    yield add
    for kind, key in added:
        registry._items[kind].pop(key, None)


def english(client: Any) -> Any:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# --- The registry itself -------------------------------------------------------------------------


def test_collect_orders_filters_and_isolates_failures(caplog: Any) -> None:
    reg = Registry()
    reg.register("widget", "second", order=20)(lambda user: Widget("B"))
    reg.register("widget", "first", order=10)(lambda user: Widget("A"))
    reg.register("widget", "hidden", order=5, visible=lambda user: False)(lambda user: Widget("H"))
    reg.register("widget", "nothing", order=30)(lambda user: None)
    reg.register("widget", "broken", order=15)(_boom)
    reg.register("widget", "broken_visibility", order=16, visible=_boom)(lambda user: Widget("V"))
    with caplog.at_level(logging.ERROR, logger="office.contributions"):
        outcomes = reg.collect("widget", user=None)
    assert [(o.key, o.failed) for o in outcomes] == [
        ("first", False),
        ("broken", True),
        ("broken_visibility", True),
        ("second", False),
    ]
    assert outcomes[0] == Outcome("first", Widget("A"))
    assert outcomes[1].data is None
    assert "widget/broken" in caplog.text
    assert reg.collect("unknown_kind", user=None) == []


def test_keyword_arguments_reach_the_providers() -> None:
    reg = Registry()
    reg.register("search", "echo")(lambda user, *, query: [SearchHit("Echo", query, "/")])
    [outcome] = reg.collect("search", user=None, query="Łódź")
    assert outcome.data == [SearchHit("Echo", "Łódź", "/")]


@pytest.mark.django_db
def test_has_perm(persona: Any) -> None:
    check = has_perm("office.merge_contact", "office.view_all_units")
    assert check(persona("office_staff")) and check(persona("auditor"))
    assert not check(persona("unit_liaison"))
    assert not check(persona("anonymous"))


def test_role_permissions_are_copied() -> None:
    reg = Registry()
    reg.grant("auditor", ["office.view_contact"])
    reg.grant("auditor", ["office.view_tag", "office.view_contact"])
    permissions = reg.role_permissions("auditor")
    permissions.add("office.delete_contact")
    assert reg.role_permissions("auditor") == {"office.view_contact", "office.view_tag"}


# --- Pages survive a failing contribution ----------------------------------------------------------


@pytest.mark.django_db
def test_the_dashboard_shows_a_failing_widget_as_unavailable(persona: Any, wok: Any, temporary: Any) -> None:
    temporary("widget", "test_failing_widget", _boom, order=1)
    temporary(
        "widget", "test_good_widget", lambda user: Widget("Tablica ogłoszeń", [ListItem("Ogłoszenie nr 1")]), order=2
    )
    AssignmentFactory(unit=wok, title="Sprawa widoczna na pulpicie")
    client = english(client_for(persona("unit_liaison")))
    response = fetch(client, "get", reverse("office:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "unavailable" in html
    assert "Ogłoszenie nr 1" in html
    assert "Sprawa widoczna na pulpicie" in html  # the core's widgets are still there
    failed = [o for o in response.context["widgets"] if o.failed]
    assert [o.key for o in failed] == ["test_failing_widget"]


@pytest.mark.django_db
def test_the_dashboard_in_polish_still_renders_a_failing_widget(persona: Any, temporary: Any) -> None:
    temporary("widget", "test_failing_widget", _boom, order=1)
    response = fetch(client_for(persona("secretariat")), "get", reverse("office:dashboard"))
    assert response.status_code == 200
    assert "widget--failed" in response.content.decode()


@pytest.mark.django_db
def test_search_survives_a_failing_provider(persona: Any, wok: Any, temporary: Any) -> None:
    temporary("search", "test_failing_search", _boom, order=1)
    AssignmentFactory(unit=wok, title="Remont ratusza")
    response = fetch(english(client_for(persona("secretariat"))), "get", reverse("office:search"), {"q": "ratusz"})
    assert response.status_code == 200
    assert "Remont ratusza" in response.content.decode()
    assert response.context["hit_count"] == 1


@pytest.mark.django_db
def test_navigation_survives_a_failing_link(persona: Any, temporary: Any) -> None:
    temporary("navigation", "test_failing_link", _boom, order=1)
    temporary("navigation", "test_link", lambda user: NavLink("Kalendarz testowy", "/kalendarz/"), order=2)
    response = fetch(client_for(persona("secretariat")), "get", reverse("office:dashboard"))
    assert response.status_code == 200
    assert "Kalendarz testowy" in response.content.decode()


@pytest.mark.django_db
def test_the_digest_survives_a_failing_section(persona: Any, wok: Any, temporary: Any, mailoutbox: list) -> None:
    temporary("digest", "test_failing_digest", _boom, order=1)
    temporary("digest", "test_empty_digest", lambda user: DigestSection("Pusta sekcja", []), order=2)
    liaison = persona("unit_liaison")
    AssignmentFactory(unit=wok, title="Sprawa w zestawieniu")
    sections = mail.digest_sections(liaison)
    assert [s.title for s in sections if s.title == "Pusta sekcja"] == []  # empty sections are left out
    assert mail.send_daily_digest(user_id=liaison.pk, day=dt.date(2026, 11, 24))
    assert "Sprawa w zestawieniu" in mailoutbox[0].body
