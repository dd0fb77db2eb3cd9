"""Units, dashboard, search, display preferences, accessibility statement, error pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from office.models import AssignmentStatus, SecretariatMembership
from tests.factories import AssignmentFactory, ContactFactory, OfficeHolderFactory, OrgUnitFactory
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db


# --- Units ---------------------------------------------------------------------------------------


def test_unit_list_with_counts_and_office_holders(persona: Any, wok: Any, win: Any) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    AssignmentFactory(unit=wok, due_date=yesterday)
    AssignmentFactory(unit=wok)
    AssignmentFactory(unit=wok, status=AssignmentStatus.CLOSED, due_date=yesterday)
    OrgUnitFactory(symbol="OLD", is_active=False)
    holder = OfficeHolderFactory(first_name="Hanna", last_name="Zastępczyni", supervised_units=[wok])
    SecretariatMembership.objects.create(office_holder=holder, user=persona("secretariat"))
    response = fetch(client_for(persona("unit_liaison")), "get", reverse("office:unit_list"))
    assert response.status_code == 200
    counts = {u.symbol: (u.open_count, u.overdue_count) for u in response.context["units"]}
    assert counts == {"WIN": (0, 0), "WOK": (2, 1)}
    assert "Hanna" in page_text(response)


def test_unit_detail_offers_the_report_to_whom_may_run_it(persona: Any, wok: Any, win: Any) -> None:
    url = reverse("office:unit_detail", args=[wok.pk])
    assert fetch(client_for(persona("unit_liaison")), "get", url).context["report_form"] is not None
    assert fetch(client_for(persona("auditor")), "get", url).context["report_form"] is not None
    assert fetch(client_for(persona("outsider_liaison")), "get", url).context["report_form"] is None
    assert fetch(client_for(persona("press_officer")), "get", url).context["report_form"] is None
    assert fetch(client_for(persona("auditor")), "get", "/units/999999/").status_code == 404


# --- Dashboard and search ----------------------------------------------------------------------


def test_dashboard_widgets_per_role(persona: Any, wok: Any) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")
    AssignmentFactory(
        unit=wok,
        created_by=secretariat,
        title="Zaległa sprawa WOK",
        due_date=timezone.localdate() - dt.timedelta(days=2),
    )
    keys = {}
    for role in ("unit_liaison", "secretariat", "auditor", "press_officer"):
        response = fetch(client_for(persona(role)), "get", reverse("office:dashboard"))
        assert response.status_code == 200
        keys[role] = [o.key for o in response.context["widgets"]]
    assert keys["unit_liaison"][:2] == ["my_assignments", "overdue_in_my_unit"]
    assert "overdue_office" in keys["secretariat"] and "overdue_office" not in keys["unit_liaison"]
    liaison_page = page_text(fetch(client_for(liaison), "get", reverse("office:dashboard")))
    assert "Zaległa sprawa WOK" in liaison_page


def test_search(persona: Any, wok: Any, win: Any) -> None:
    AssignmentFactory(unit=wok, title="Remont szkoły nr 5")
    AssignmentFactory(unit=win, title="Remont mostu")
    ContactFactory(name="Remontex sp. z o.o.")
    client = client_for(persona("unit_liaison"))
    response = fetch(client, "get", reverse("office:search"), {"q": "Remont"})
    assert response.status_code == 200
    text = page_text(response)
    assert "Remont szkoły nr 5" in text and "Remontex" in text
    assert "Remont mostu" not in text  # another unit's assignment is not found
    short = fetch(client, "get", reverse("office:search"), {"q": "R"})
    assert short.context["too_short"] and short.context["groups"] == []
    long = fetch(client, "get", reverse("office:search"), {"q": "x" * 500})
    assert long.status_code == 200 and len(long.context["query"]) == 100


# --- Display preferences, static pages, errors -----------------------------------------------------


def test_display_preferences_set_cookies_and_go_back() -> None:
    client = client_for(None)
    data = {"font_size": "larger", "contrast": "high", "next": "/accessibility/"}
    response = fetch(client, "post", reverse("office:display_preferences"), data)
    assert (response.status_code, response["Location"]) == (302, "/accessibility/")
    assert response.cookies["font_size"].value == "larger"
    assert response.cookies["contrast"].value == "high"
    page = fetch(client, "get", reverse("office:accessibility_statement"))
    assert page.context["shell"].font_size == "larger" and page.context["shell"].high_contrast


def test_display_preferences_refuse_bad_values_and_foreign_targets() -> None:
    data = {"font_size": "gigantic", "contrast": "neon", "next": "https://evil.example.com/"}
    response = fetch(client_for(None), "post", reverse("office:display_preferences"), data)
    assert (response.status_code, response["Location"]) == (302, "/")
    assert "font_size" not in response.cookies and "contrast" not in response.cookies


def test_accessibility_statement_is_public() -> None:
    response = fetch(client_for(None), "get", reverse("office:accessibility_statement"))
    assert response.status_code == 200
    assert response.context["updated"] == settings.ACCESSIBILITY_STATEMENT_DATE


def test_error_pages_are_the_projects(persona: Any) -> None:
    response = fetch(client_for(persona("unit_liaison")), "get", "/no-such-page/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    forbidden = fetch(client_for(persona("unit_liaison")), "get", reverse("office:overdue_board"))
    assert forbidden.status_code == 403
    assert "403.html" in [t.name for t in forbidden.templates]


def test_pages_are_polish_by_default_and_english_on_request(persona: Any) -> None:
    client = client_for(persona("secretariat"))
    assert (
        fetch(client, "get", reverse("office:dashboard"), HTTP_ACCEPT_LANGUAGE="en").wsgi_request.LANGUAGE_CODE == "pl"
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert fetch(client, "get", reverse("office:dashboard")).wsgi_request.LANGUAGE_CODE == "en"


def test_set_language(persona: Any) -> None:
    client = client_for(persona("secretariat"))
    response = fetch(client, "post", reverse("set_language"), {"language": "en", "next": "/contacts/"})
    assert (response.status_code, response["Location"]) == (302, "/contacts/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.parametrize(
    "target",
    ["foo", "dashboard", "office:dashboard", "//evil.example/", "/\\evil.example", "https://evil.example/", ""],
)
def test_display_preferences_go_home_for_anything_but_a_path_of_the_site(target: str) -> None:
    response = fetch(client_for(None), "post", reverse("office:display_preferences"), {"next": target})
    assert (response.status_code, response["Location"]) == (302, "/")


def test_safe_next_url_takes_only_a_path_of_the_site(rf: Any) -> None:
    from office.kit.pages import safe_next_url

    request = rf.get("/")
    assert safe_next_url(request, "/press/inquiries/?page=2", "/") == "/press/inquiries/?page=2"
    for candidate in ("foo", "press/inquiries/", "//evil.example", "/\\evil", "https://evil.example/", None, ""):
        assert safe_next_url(request, candidate, "/home/") == "/home/"
