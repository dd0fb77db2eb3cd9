"""The press office in a real browser: every page of it passes axe (WCAG 2.1 AA), in Polish."""

from __future__ import annotations

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _first(model, **filters):
    return model.objects.filter(**filters).order_by("pk").first()


def test_press_pages_have_no_axe_violations(visitor, demo):
    from media_relations import models as m

    inquiry = _first(m.Inquiry)
    release = _first(m.Release, status="published")
    issue = _first(m.BulletinIssue)
    pages = [
        "/press/outlets/",
        "/press/outlets/new/",
        f"/press/outlets/{_first(m.Outlet).pk}/",
        f"/press/outlets/{_first(m.Outlet).pk}/edit/",
        "/press/journalists/",
        "/press/journalists/new/",
        f"/press/journalists/{_first(m.Journalist).pk}/",
        "/press/lists/",
        "/press/lists/new/",
        "/press/inquiries/",
        "/press/inquiries/?status=new",
        "/press/inquiries/new/",
        f"/press/inquiries/{inquiry.pk}/",
        f"/press/inquiries/{inquiry.pk}/edit/",
        "/press/monitoring/",
        "/press/monitoring/new/",
        f"/press/monitoring/{_first(m.Publication).pk}/",
        "/press/responses/",
        "/press/releases/",
        "/press/releases/new/",
        f"/press/releases/{release.pk}/",
        "/press/conferences/",
        "/press/conferences/new/",
        f"/press/conferences/{_first(m.Conference).pk}/",
        "/press/plan/",
        "/press/plan/new/",
        "/press/bulletin/",
        "/press/bulletin/new/",
        f"/press/bulletin/{issue.pk}/",
        "/press/statistics/",
    ]
    draft = _first(m.Inquiry, status__in=["draft", "gathering_input", "new"])
    if draft:
        pages.append(f"/press/inquiries/{draft.pk}/draft/")
    visitor.login("prasa", DEMO_PASSWORD)
    for path in pages:
        visitor.visit(path)
    visitor.page.context.clear_cookies()
    visitor.visit("/press/newsroom/")
    visitor.visit(f"/press/newsroom/{release.slug}/")


def test_phone_inquiry_with_unit_input_approved_and_answered(visitor, demo):
    from media_relations.models import Inquiry
    from office.models import OrgUnit

    page = visitor.page
    visitor.login("prasa", DEMO_PASSWORD)
    visitor.visit("/press/inquiries/new/")
    page.locator("#id_new_journalist_name").fill("Zofia Wróblewska")
    page.locator("#id_new_journalist_outlet").select_option(index=1)
    page.locator("#id_subject").fill("Koszt remontu wiaduktu na ul. Kolejowej")
    page.locator("#id_questions").fill("Ile kosztował remont i kiedy zostanie otwarty ruch?")
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()
    visitor.check()
    inquiry = Inquiry.objects.get(subject__startswith="Koszt remontu wiaduktu")

    # ask the Investment Department (WIN) for input
    page.locator("form[action$='/gather/'] [type=submit]").click()
    page.wait_for_load_state()
    unit = OrgUnit.objects.get(symbol="WIN")
    page.locator("form[action$='/input/'] select[name=input-unit]").select_option(str(unit.pk))
    page.locator("form[action$='/input/'] [name=input-question]").fill("Proszę o koszt i termin otwarcia ruchu.")
    page.locator("form[action$='/input/'] [type=submit]").click()
    page.wait_for_load_state()
    visitor.check()

    # the unit's liaison answers in the unit inbox
    page.context.clear_cookies()
    visitor.login("lacznik", DEMO_PASSWORD)
    visitor.visit("/inbox/")
    page.get_by_role("link", name="Koszt remontu wiaduktu", exact=False).first.click()
    page.wait_for_load_state()
    visitor.check()
    page.locator("#id_reply-reply").fill("Koszt: 4,2 mln zł brutto; ruch zostanie otwarty 15 grudnia.")
    page.locator("form[action$='/reply/'] [type=submit]").click()
    page.wait_for_load_state()
    visitor.check()

    # the officer drafts the answer and submits it; the mayor approves; the officer sends it
    page.context.clear_cookies()
    visitor.login("prasa", DEMO_PASSWORD)
    visitor.visit(f"/press/inquiries/{inquiry.pk}/")
    assert page.get_by_text("4,2 mln zł").count() >= 1
    page.locator("form[action$='/start-draft/'] [type=submit]").click()
    page.wait_for_load_state()
    visitor.visit(f"/press/inquiries/{inquiry.pk}/draft/")
    page.locator("#id_draft_text").fill("Remont kosztował 4,2 mln zł brutto. Ruch zostanie otwarty 15 grudnia.")
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()
    visitor.check()
    page.locator("form[action$='/submit/'] [type=submit]").click()
    page.wait_for_load_state()
    visitor.check()

    page.context.clear_cookies()
    visitor.login("prezydent", DEMO_PASSWORD)
    visitor.visit(f"/press/inquiries/{inquiry.pk}/")
    page.locator("form[action$='/approve/'] [type=submit]").click()
    page.wait_for_load_state()
    visitor.check()

    page.context.clear_cookies()
    visitor.login("prasa", DEMO_PASSWORD)
    visitor.visit(f"/press/inquiries/{inquiry.pk}/")
    page.locator("form[action$='/send/'] [type=submit]").click()
    page.wait_for_load_state()
    visitor.check()
    inquiry.refresh_from_db()
    assert inquiry.status == "answered"
