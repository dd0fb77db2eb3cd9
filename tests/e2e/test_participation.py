"""Civic participation in a real browser: every page passes axe (WCAG 2.1 AA), the Nu HTML checker
and the 640 px check, public ones too; a resident comments on a consultation, the comment is
moderated and shows publicly; a resident votes online in the citizen budget, once."""

from __future__ import annotations

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _submit(page, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] [type=submit]").first.click()
    page.wait_for_load_state()


def test_participation_pages(visitor, demo):
    from django.utils import timezone

    from associations.participation.models import (
        Booking,
        CivicProject,
        Consultation,
        Edition,
        Grant,
        Programme,
        Project,
        Submission,
    )

    today = timezone.localdate()
    last = Edition.objects.get(year=today.year - 1)
    now = Edition.objects.get(year=today.year)
    funded = Project.objects.filter(edition=last, is_funded=True).order_by("number").first()
    open_consultation = Consultation.objects.filter(starts_on__lte=today, ends_on__gte=today).first()
    closed = Consultation.objects.filter(ends_on__lt=today).order_by("-ends_on").first()
    for path in (
        "/participation/public/consultations/",
        f"/participation/public/consultations/{open_consultation.pk}/",
        f"/participation/public/consultations/{closed.pk}/",
        f"/participation/public/consultations/{closed.pk}/thanks/",
        "/participation/public/budget/",
        f"/participation/public/budget/{now.year}/",
        f"/participation/public/budget/{now.year}/projects/?admitted=on",
        f"/participation/public/budget/{now.year}/submit/",
        f"/participation/public/budget/{now.year}/submitted/",
        f"/participation/public/budget/{now.year}/voted/",
        f"/participation/public/budget/{last.year}/results/",
        f"/participation/public/budget/{last.year}/realisation/",
        f"/participation/public/budget/projects/{funded.pk}/",
    ):
        visitor.visit(path)
    visitor.login("admin", DEMO_PASSWORD)
    verifying = Project.objects.filter(status="verification").first()
    rejected = Project.objects.filter(edition=last, status="rejected").first()
    for path in (
        "/participation/",
        "/participation/?stage=open",
        "/participation/consultations/new/",
        f"/participation/consultations/{closed.pk}/",
        f"/participation/consultations/{open_consultation.pk}/edit/",
        "/participation/comments/",
        f"/participation/comments/{Submission.objects.filter(status='pending').first().pk}/",
        "/participation/programme/",
        "/participation/programme/new/",
        f"/participation/programme/{Programme.objects.get(year=today.year - 1).pk}/",
        f"/participation/programme/{Programme.objects.get(year=today.year + 1).pk}/",
        "/participation/grants/",
        "/participation/grants/new/",
        f"/participation/grants/{Grant.objects.first().pk}/",
        "/participation/budget/",
        "/participation/budget/new/",
        f"/participation/budget/{now.pk}/",
        f"/participation/budget/{last.pk}/results/",
        f"/participation/budget/{now.pk}/edit/",
        "/participation/projects/?status=verification",
        "/participation/projects/new/",
        f"/participation/projects/{verifying.pk}/",
        f"/participation/projects/{verifying.pk}/edit/",
        f"/participation/projects/{rejected.pk}/",
        f"/participation/projects/{funded.pk}/",
        "/participation/civic/",
        "/participation/civic/new/",
        f"/participation/civic/{CivicProject.objects.first().pk}/",
        "/participation/rooms/",
        "/participation/rooms/new/",
        "/participation/rooms/week/",
        "/participation/bookings/",
        "/participation/bookings/new/",
        f"/participation/bookings/{Booking.objects.filter(status='requested').first().pk}/",
    ):
        visitor.visit(path)


def test_a_comment_is_moderated_and_a_resident_votes_once(visitor, demo, settings):
    from django.utils import timezone

    from associations.participation.models import Consultation, Edition, Submission, Vote
    from associations.participation.services import budget
    from tests.participation.factories import pesel

    settings.PUBLIC_FORM_LIMIT = 10_000  # the browser's address is shared by every run of this test
    page = visitor.page
    today = timezone.localdate()
    consultation = Consultation.objects.filter(starts_on__lte=today, ends_on__gte=today).first()

    # a resident comments without an account
    visitor.visit(f"/participation/public/consultations/{consultation.pk}/")
    page.locator("#id_author_name").fill("Halina Przykładowa")
    page.locator("#id_organisation").fill("Klub Seniora „Pogodna Jesień”")
    page.locator("#id_text").fill("Prosimy o ławki z oparciem przy fontannie.")
    page.locator("#id_rodo").check()
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    visitor.check()
    comment = Submission.objects.get(text="Prosimy o ławki z oparciem przy fontannie.")
    assert comment.is_pending and "/thanks/" in page.url

    # the officer publishes it and answers
    visitor.login("admin", DEMO_PASSWORD)
    visitor.visit(f"/participation/comments/{comment.pk}/")
    _submit(page, "publish")
    visitor.check()
    page.locator("#id_answer-answer").fill("Ławki z oparciem znalazły się w projekcie.")
    _submit(page, "answer")
    visitor.check()
    page.context.clear_cookies()
    visitor.visit(f"/participation/public/consultations/{consultation.pk}/")
    text = page.inner_text("main")
    assert "ławki z oparciem przy fontannie" in text and "znalazły się w projekcie" in text
    assert "Halina Przykładowa" not in text and "Pogodna Jesień" in text

    # a resident votes online, then tries again with the same PESEL
    edition = Edition.objects.get(year=today.year)
    project = budget.admitted(edition).first()
    number = pesel(4242)
    before = Vote.objects.filter(edition=edition).count()
    for attempt in range(2):
        visitor.visit(f"/participation/public/budget/{edition.year}/vote/")
        page.locator("#id_pesel").fill(number)
        page.locator(f"#id_projects_{project.pk}").check()
        page.locator("#id_declaration").check()
        page.locator("#id_rodo").check()
        page.locator("main form [type=submit]").click()
        page.wait_for_load_state()
        visitor.check()
        if attempt == 0:
            assert "/voted/" in page.url
    assert "/vote/" in page.url and page.locator("#error-summary").is_visible()
    assert page.locator(f"#id_projects_{project.pk}").is_checked()  # the choice typed is kept
    assert Vote.objects.filter(edition=edition).count() == before + 1
