"""The application shell in a real browser: every role, every core page, axe on each one."""

from __future__ import annotations

import pytest

from office.demo import DEMO_PASSWORD
from office.models import Assignment, Contact, OrgUnit

pytestmark = [pytest.mark.browser]

# Which main-navigation links each demo login must (True) or must not (False) see.
NAVIGATION = {
    "admin": {"/assignments/": True, "/overdue/": True, "/contacts/": True, "/admin/": True},
    "sekretariat": {"/assignments/": True, "/overdue/": True, "/contacts/": True, "/admin/": False, "/inbox/": False},
    "prasa": {"/assignments/": True, "/overdue/": False, "/contacts/": True, "/admin/": False},
    "kancelaria": {"/assignments/": True, "/overdue/": False, "/contacts/": True, "/admin/": False},
    "prezydent": {"/assignments/": True, "/overdue/": True, "/contacts/": True, "/admin/": False},
    "lacznik": {"/inbox/": True, "/assignments/": True, "/overdue/": False, "/admin/": False},
    "audytor": {
        "/assignments/": True,
        "/overdue/": True,
        "/contacts/": True,
        "/admin/": False,
        "/inbox/": False,
        "/audit/reads/": True,
    },
}


def _nav_has(page, href: str) -> bool:
    return page.locator(f'nav a[href="{href}"]').count() > 0


def test_every_role_logs_in_and_sees_its_navigation(visitor, demo):
    for username, expected in NAVIGATION.items():
        visitor.page.context.clear_cookies()
        visitor.login(username, DEMO_PASSWORD)
        assert visitor.page.locator("h1").first.is_visible()
        for href, present in expected.items():
            assert _nav_has(visitor.page, href) is present, f"{username}: link {href} present={not present}"
    # the auditor's log of reads of personal data (the secretariat's reads are in it by now)
    visitor.visit("/audit/reads/")
    visitor.visit("/audit/reads/?kind=page")


def test_core_pages_have_no_axe_violations_in_polish_and_english(visitor, demo):
    assignment = Assignment.objects.filter(status="in_progress").first()
    contact = Contact.objects.filter(name="Jan Ćwikliński", email__gt="").first()
    duplicate = Contact.objects.filter(name="Jan Ćwikliński", email="").first()
    unit = OrgUnit.objects.get(symbol="WIN")
    pages = [
        "/",
        "/search/?q=Wydzia",
        "/search/?q=a",
        "/assignments/",
        "/assignments/?overdue=on&status=new",
        "/assignments/new/",
        f"/assignments/{assignment.pk}/",
        f"/assignments/{assignment.pk}/edit/",
        "/overdue/",
        "/contacts/",
        "/contacts/?kind=person",
        f"/contacts/{contact.pk}/",
        "/contacts/new/",
        f"/contacts/{contact.pk}/edit/",
        f"/contacts/{contact.pk}/merge/?ids={duplicate.pk}",
        "/units/",
        f"/units/{unit.pk}/",
        "/accessibility/",
        "/accounts/password/",
    ]
    visitor.login("sekretariat", DEMO_PASSWORD)
    assert visitor.page.locator("html").get_attribute("lang") == "pl"
    for path in pages:
        visitor.visit(path)
    visitor.visit("/no-such-page/", expect_status=404)

    # switch to English with the header's language form and go round again
    visitor.visit("/")
    visitor.page.locator("select[name=language]").first.select_option("en")
    visitor.page.locator("form[action='/i18n/setlang/'] [type=submit]").first.click()
    visitor.page.wait_for_load_state()
    assert visitor.page.locator("html").get_attribute("lang") == "en"
    assert visitor.page.locator("h1").first.inner_text() == "Dashboard"
    for path in pages:
        visitor.visit(path)


def test_liaison_answers_in_unit_inbox_and_sees_403_outside_role(visitor, demo):
    visitor.login("lacznik", DEMO_PASSWORD)
    visitor.visit("/inbox/")
    assignment = Assignment.objects.filter(unit__symbol="WIN", status="new").order_by("due_date").first()
    visitor.page.locator(f'a[href="/assignments/{assignment.pk}/"]').first.click()
    visitor.page.wait_for_load_state()
    visitor.check()
    visitor.page.locator("#id_reply-reply").fill("Remont potrwa do 15 grudnia; objazd ulicą Polną.")
    visitor.page.locator("form[action$='/reply/'] [type=submit]").click()
    visitor.page.wait_for_load_state()
    visitor.check()
    assignment.refresh_from_db()
    assert assignment.status == "answered"
    assert "15 grudnia" in assignment.reply
    visitor.visit("/overdue/", expect_status=403)


def test_form_with_errors_keeps_what_was_typed(visitor, demo):
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit("/assignments/new/")
    visitor.page.locator("#id_title").fill("Sprawdzić stan chodnika przy ul. Łąkowej")
    visitor.page.locator("main form[method=post] [type=submit]").first.click()
    visitor.page.wait_for_load_state()
    visitor.check()
    assert visitor.page.locator("#error-summary").is_visible()
    assert visitor.page.locator("#id_title").input_value() == "Sprawdzić stan chodnika przy ul. Łąkowej"
    assert not Assignment.objects.filter(title__startswith="Sprawdzić stan chodnika").exists()


def test_font_size_and_contrast_switches(visitor, demo):
    visitor.visit("/accounts/login/")
    visitor.page.locator("button[name=font_size][value=larger]").first.click()
    visitor.page.wait_for_load_state()
    assert "fs-larger" in visitor.page.locator("html").get_attribute("class")
    visitor.page.locator("button[name=contrast][value=high]").first.click()
    visitor.page.wait_for_load_state()
    assert "contrast-high" in visitor.page.locator("html").get_attribute("class")
    visitor.check()
    visitor.login("prezydent", DEMO_PASSWORD)
    assert "contrast-high" in visitor.page.locator("html").get_attribute("class")
    visitor.visit("/awaiting-decision/")  # the mayor's list of what waits for his decision
    assert visitor.page.locator("main table tbody tr").count() > 0
    visitor.visit("/assignments/")
    visitor.visit("/overdue/")
    visitor.page.locator("button[name=contrast][value=normal]").first.click()
    visitor.page.wait_for_load_state()
    assert "contrast-high" not in (visitor.page.locator("html").get_attribute("class") or "")


def test_unit_pdf_job_runs_and_offers_the_download(visitor, demo):
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit("/overdue/")
    visitor.page.locator("#report-unit").select_option(label=str(OrgUnit.objects.get(symbol="WIN")))
    visitor.page.locator("form[action='/reports/unit-assignments/'] [type=submit]").click()
    visitor.page.wait_for_load_state()
    visitor.check()
    link = visitor.page.locator("a[href$='/download/']")
    link.wait_for()
    with visitor.page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
