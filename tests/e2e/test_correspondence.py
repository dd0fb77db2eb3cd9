"""Correspondence in a real browser: every page of it passes axe (WCAG 2.1 AA), and the journey
of a letter from the post to the reply."""

from __future__ import annotations

import subprocess

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _first(model, **filters):
    return model.objects.filter(**filters).order_by("pk").first()


def test_correspondence_pages_have_no_axe_violations(visitor, demo):
    from correspondence import models as m
    from office.announcements.models import Announcement
    from office.registers.models import Agreement, CulturalInstitution

    incoming = _first(m.Letter, direction="in", status="decreed")
    outgoing = _first(m.Letter, direction="out")
    template = _first(m.LetterTemplate)
    pages = [
        "/correspondence/",
        "/correspondence/?open=on&sort=due",
        "/correspondence/incoming/new/",
        "/correspondence/outgoing/new/",
        f"/correspondence/{incoming.pk}/",
        f"/correspondence/{incoming.pk}/edit/",
        f"/correspondence/{outgoing.pk}/",
        "/correspondence/matters/",
        "/correspondence/matters/new/",
        "/correspondence/matters/statistics/",
        f"/correspondence/matters/{_first(m.ResidentMatter).pk}/",
        "/correspondence/visitors/",
        "/correspondence/visitors/new/",
        "/correspondence/documents/",
        f"/correspondence/documents/{_first(m.PaperDocument).pk}/",
        "/correspondence/templates/",
        "/correspondence/templates/new/",
        f"/correspondence/templates/{template.pk}/",
        f"/correspondence/templates/{template.pk}/edit/",
        "/correspondence/batches/",
        "/correspondence/batches/new/",
        f"/correspondence/batches/{_first(m.LetterBatch).pk}/",
        "/correspondence/translations/",
        "/correspondence/translations/new/",
        f"/correspondence/translations/{_first(m.TranslationOrder).pk}/",
        "/correspondence/archive/",
        "/correspondence/archive/classes/import/",
        "/correspondence/archive/transfers/",
        "/correspondence/archive/transfers/new/",
        "/registers/agreements/",
        "/registers/agreements/new/",
        f"/registers/agreements/{_first(Agreement).pk}/",
        "/registers/institutions/",
        f"/registers/institutions/{_first(CulturalInstitution).pk}/",
        "/announcements/",
        "/announcements/new/",
        f"/announcements/{_first(Announcement, to_all=True).pk}/",
        f"/contacts/{incoming.contact_id}/",
    ]
    visitor.login("kancelaria", DEMO_PASSWORD)
    for path in pages:
        visitor.visit(path)
    visitor.page.context.clear_cookies()
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit("/workspace/")


def _submit(page, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] [type=submit]").first.click()
    page.wait_for_load_state()


def test_a_letter_from_the_post_to_the_reply(visitor, demo, tmp_path):
    from correspondence.models import Letter
    from office.models import OfficeHolder, OrgUnit

    page = visitor.page
    mayor = OfficeHolder.objects.get(role="mayor")
    win = OrgUnit.objects.get(symbol="WIN")

    # the secretary registers the letter that came by post
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit("/correspondence/incoming/new/")
    page.locator("#id_new_name").fill("Wspólnota Mieszkaniowa Lipowa 12")
    page.locator("#id_new_street").fill("ul. Lipowa 12")
    page.locator("#id_new_postal_code").fill("00-950")
    page.locator("#id_new_city").fill("Miasto Przykładowo")
    page.locator("#id_subject").fill("Prośba o naprawę oświetlenia podwórka")
    page.locator("#id_principal").select_option(str(mayor.pk))
    page.locator("#id_jrwa_class").select_option(label="0520 – Korespondencja ogólna Prezydenta (B5)")
    page.locator("#id_dated_on").fill("2026-11-20")
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()
    visitor.check()
    letter = Letter.objects.get(subject="Prośba o naprawę oświetlenia podwórka")
    assert letter.sign in page.content() and letter.awaits_decree

    # the mayor decrees it to the Investment Department from the workspace
    page.context.clear_cookies()
    visitor.login("prezydent", DEMO_PASSWORD)
    visitor.visit("/workspace/")
    waiting = page.locator(
        "section", has=page.get_by_role("heading", name="Pisma przychodzące czekające na dekretację")
    )
    waiting.get_by_role("link", name="Pokaż wszystkie").click()  # every letter waiting for the decree
    page.wait_for_load_state()
    visitor.check()
    page.get_by_role("link", name=letter.sign).first.click()
    page.wait_for_load_state()
    visitor.check()
    page.locator("#id_decree-lead_unit").select_option(str(win.pk))
    page.locator("#id_decree-instruction").fill("Proszę o sprawdzenie i odpowiedź do mieszkańców.")
    _submit(page, "decree")
    visitor.check()
    letter.refresh_from_db()
    assert letter.status == "decreed"

    # the unit's liaison answers in the unit inbox
    page.context.clear_cookies()
    visitor.login("lacznik", DEMO_PASSWORD)
    visitor.visit("/inbox/")
    page.get_by_role("link", name=letter.sign, exact=False).first.click()
    page.wait_for_load_state()
    visitor.check()
    page.locator("#id_reply-reply").fill("Oświetlenie podwórka zostanie naprawione do 15 grudnia.")
    _submit(page, "reply")
    visitor.check()

    # the secretary prepares the reply from the template, prints it and sends it
    page.context.clear_cookies()
    visitor.login("sekretariat", DEMO_PASSWORD)
    visitor.visit(f"/correspondence/{letter.pk}/")
    page.locator("#id_reply-template").select_option(label="Odpowiedź na pismo")
    _submit(page, "reply")
    visitor.check()
    reply = Letter.objects.get(in_reply_to=letter)
    assert "15 grudnia" in reply.body.replace("\xa0", " ") and reply.is_prepared
    pdf = page.request.get(f"{visitor.base_url}/correspondence/{reply.pk}/pdf/")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    path = tmp_path / "odpowiedz.pdf"
    path.write_bytes(pdf.body())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.replace("\xa0", " ").split())
    assert reply.sign in text and "Wspólnota Mieszkaniowa Lipowa 12" in text and "15 grudnia" in text
    _submit(page, "send")
    visitor.check()
    letter.refresh_from_db()
    assert letter.status == "answered" and letter.closed_on is not None
    visitor.visit(f"/correspondence/{letter.pk}/")
    assert reply.sign in page.content()
