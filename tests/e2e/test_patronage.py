"""Honorary patronage in a real browser: every page passes axe (WCAG 2.1 AA), public ones too, and an
application goes from the public form through the unit's opinion and the mayor's decision to the
decision letter and the report."""

from __future__ import annotations

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _first(**filters):
    from patronage.models import Application

    return Application.objects.filter(**filters).order_by("pk").first()


def _submit(page, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] [type=submit]").first.click()
    page.wait_for_load_state()


def test_patronage_pages_have_no_axe_violations(visitor, demo):
    from patronage.models import Cooperation, HonoraryTitle

    competition = Cooperation.objects.get(kind="competition")
    received = _first(status="received")
    reported = _first(status="reported")
    late = _first(is_late=True)
    pages = [
        "/patronage/",
        "/patronage/?undecided=on",
        "/patronage/?report_overdue=on&reach=local",
        "/patronage/new/",
        f"/patronage/{received.pk}/",
        f"/patronage/{received.pk}/edit/",
        f"/patronage/{reported.pk}/",
        f"/patronage/{late.pk}/",
        f"/contacts/{received.organiser_id}/",
        "/patronage/statistics/",
        "/patronage/titles/",
        "/patronage/titles/new/",
        f"/patronage/titles/{HonoraryTitle.objects.order_by('pk').first().pk}/",
        f"/patronage/titles/{HonoraryTitle.objects.order_by('pk').first().pk}/edit/",
        "/patronage/cooperations/",
        "/patronage/cooperations/new/",
        f"/patronage/cooperations/{competition.pk}/",
        f"/patronage/cooperations/{competition.pk}/edit/",
    ]
    for path in (
        "/patronage/apply/",
        "/patronage/apply/thanks/",
        "/patronage/granted/",
        "/patronage/granted/?year=2026",
    ):
        visitor.visit(path)  # public pages, before signing in
    visitor.login("kancelaria", DEMO_PASSWORD)
    for path in pages:
        visitor.visit(path)


def test_an_application_from_the_public_form_to_the_letter_and_the_report(visitor, demo, mailoutbox, settings):
    import datetime as dt

    from django.utils import timezone

    from office.models import OfficeHolder, OrgUnit
    from patronage.models import Application

    settings.PUBLIC_FORM_LIMIT = 10_000  # the browser's address is shared by every run of this test
    page = visitor.page
    win = OrgUnit.objects.get(symbol="WIN")
    day = (timezone.localdate() + dt.timedelta(days=45)).isoformat()

    # an organiser applies through the public form, without an account
    visitor.visit("/patronage/apply/")
    page.get_by_label("Organizator (nazwa organizacji lub imię i nazwisko)").fill("Klub Biegacza „Wiatr”")
    page.locator("#id_organiser_kind").select_option("ngo")
    page.locator("#id_email").fill("zarzad@wiatr.example.pl")
    page.locator("#id_event_name").fill("Nocny Bieg Świętojański")
    page.locator("#id_description").fill("Bieg na 10 km ulicami Starego Miasta, start o 21:00.")
    page.locator("#id_starts_on").fill(day)
    page.locator("#id_ends_on").fill(day)
    page.locator("#id_place").fill("Rynek")
    page.locator("#id_reach").select_option("regional")
    page.locator("#id_promotion_draft").set_input_files(
        files=[{"name": "plakat.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_label("Zapoznałem się z informacją o przetwarzaniu danych osobowych.").check()
    page.get_by_role("button", name="Wyślij wniosek").click()
    page.wait_for_load_state()
    visitor.check()
    application = Application.objects.get(event_name="Nocny Bieg Świętojański")
    assert f"/patronage/status/{application.tracking_token}/" in page.url
    assert application.channel == "form" and application.organiser.email == "zarzad@wiatr.example.pl"
    assert len(mailoutbox) == 1 and application.tracking_token in mailoutbox[0].body

    # the office asks the Investment Department for its opinion
    visitor.login("kancelaria", DEMO_PASSWORD)
    visitor.visit(f"/patronage/{application.pk}/")
    page.locator("#id_opinion-unit").select_option(str(win.pk))
    page.locator("#id_opinion-instruction").fill("Czy trasa biegu nie koliduje z remontem ul. Lipowej?")
    _submit(page, "opinion")
    visitor.check()
    application.refresh_from_db()
    assert application.status == "in_opinion"

    # the unit's liaison answers in the inbox
    page.context.clear_cookies()
    visitor.login("lacznik", DEMO_PASSWORD)
    visitor.visit(f"/assignments/{application.opinion_id}/")
    page.locator("#id_reply-reply").fill("Brak kolizji; wydział opiniuje pozytywnie.")
    _submit(page, "reply")
    visitor.check()

    # the mayor grants the patronage
    page.context.clear_cookies()
    visitor.login("prezydent", DEMO_PASSWORD)
    visitor.visit("/")
    assert application.reference in page.content()  # on the widget of applications to decide
    visitor.visit(f"/patronage/{application.pk}/")
    assert "wydział opiniuje pozytywnie" in page.content()
    page.get_by_label("objąć patronatem").check()
    page.locator("#id_decide-decided_by").select_option(str(OfficeHolder.objects.get(role="mayor").pk))
    _submit(page, "decide")
    visitor.check()
    application.refresh_from_db()
    assert application.status == "granted" and application.report_due_on is not None, page.inner_text("main")

    # the office writes the decision letter from the template and opens its PDF
    page.context.clear_cookies()
    visitor.login("kancelaria", DEMO_PASSWORD)
    visitor.visit(f"/patronage/{application.pk}/")
    page.locator("#id_letter-template").select_option(label="Decyzja w sprawie patronatu honorowego")
    _submit(page, "letter")
    visitor.check()
    application.refresh_from_db()
    letter = application.decision_letter
    assert letter is not None and f"/correspondence/{letter.pk}/" in page.url
    assert "obejmuje Honorowym Patronatem" in letter.body
    pdf = page.request.get(visitor.base_url + f"/correspondence/{letter.pk}/pdf/")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")

    # after an event the organiser's report is filed
    past = Application.objects.filter(status="granted", starts_on__lt=timezone.localdate()).first()
    visitor.visit(f"/patronage/{past.pk}/")
    page.locator("#id_report-text").fill("Wydarzenie odbyło się; herb Miasta na plakatach i w relacji telewizyjnej.")
    page.locator("#id_report-audience").fill("850")
    _submit(page, "report")
    visitor.check()
    past.refresh_from_db()
    assert past.status == "reported" and past.report_audience == 850
