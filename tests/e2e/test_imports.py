"""Spreadsheets in, in a real browser: the upload page, the preview of a file with a new row, a
duplicate and an error (axe on each, in Polish), and the confirmation."""

from __future__ import annotations

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def test_journalists_imported_after_the_preview(visitor, demo, tmp_path):
    from media_relations.models import Journalist

    known = Journalist.objects.exclude(email="").order_by("pk").first()
    sheet = tmp_path / "dziennikarze.csv"
    sheet.write_text(
        "Imię i nazwisko;E-mail;Redakcja;Rodzaj redakcji\n"
        "Zenon Importowany;zenon@portal.example.pl;Portal z Importu;online\n"
        f"{known.name};{known.email.upper()};;\n"
        "Bez Adresu;to-nie-e-mail;;\n",
        encoding="utf-8-sig",
    )
    page = visitor.page
    visitor.login("prasa", DEMO_PASSWORD)
    visitor.visit("/press/journalists/")
    page.locator("main a[href$='/press/journalists/import/']").click()
    page.wait_for_load_state()
    visitor.check()
    page.locator("#id_file").set_input_files(str(sheet))
    page.locator("main form[method=post] [type=submit]").click()
    page.wait_for_load_state()
    visitor.check()
    assert "/imports/" in page.url and not Journalist.objects.filter(name="Zenon Importowany").exists()
    rows = page.locator("main table tbody tr")
    assert rows.count() == 3
    page.locator("main form[action$='/confirm/'] [type=submit]").click()
    page.wait_for_load_state()
    visitor.check()
    assert page.url.endswith("/press/journalists/")
    assert Journalist.objects.filter(name="Zenon Importowany", employments__outlet__name="Portal z Importu").exists()
    assert not Journalist.objects.filter(name="Bez Adresu").exists()
