"""Council relations in a real browser: every page passes axe (WCAG 2.1 AA) and the Nu checker,
the BIP pages too, and an interpellation goes from its registration through a unit's input and the
mayor's approval to the answer sent within 14 days and shown on the public page."""

from __future__ import annotations

import datetime as dt

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _submit(page, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] [type=submit]").first.click()
    page.wait_for_load_state()


def test_an_interpellation_answered_and_published(visitor, demo):
    from django.utils import timezone

    from office.council.models import (
        Committee,
        CommitteeMeeting,
        Company,
        Councillor,
        DraftResolution,
        ExtraordinaryRequest,
        Interpellation,
        LayJudgeCandidate,
        LayJudgeElection,
        NeighbourhoodElection,
        Project,
        Resolution,
        Session,
        ShareholderMeeting,
        Study,
    )
    from office.models import Assignment, OfficeHolder, OrgUnit

    page = visitor.page
    councillor = Councillor.objects.order_by("pk").first()
    win = OrgUnit.objects.get(symbol="WIN")
    received = (timezone.localdate() - dt.timedelta(days=2)).isoformat()

    # the council officer registers the interpellation forwarded by the council's chair
    visitor.login("rada", DEMO_PASSWORD)
    visitor.visit("/council/interpellations/new/")
    page.locator("#id_councillor").select_option(str(councillor.pk))
    page.locator("#id_received_on").fill(received)
    page.locator("#id_subject").fill("Przejście dla pieszych przy ul. Lipowej")
    page.locator("#id_text").fill("Proszę o informację, kiedy przejście zostanie doświetlone.")
    page.locator("form [type=submit]").last.click()
    page.wait_for_load_state()
    visitor.check()
    item = Interpellation.objects.get(subject="Przejście dla pieszych przy ul. Lipowej")
    assert (item.due_on - item.received_on).days >= 14

    # forwarded to the Investment Department
    page.locator("#id_forward-units").select_option(str(win.pk))
    _submit(page, "forward")
    visitor.check()
    assignment = Assignment.objects.get(source_id=item.pk, unit=win, title__contains=item.reference)
    assert assignment.due_date == item.due_on

    # the unit's liaison replies in the inbox
    page.context.clear_cookies()
    visitor.login("lacznik", DEMO_PASSWORD)
    visitor.visit(f"/assignments/{assignment.pk}/")
    page.locator("#id_reply-reply").fill("Doświetlenie w ramach zadania „Bezpieczne przejścia” do końca maja.")
    _submit(page, "reply")

    # the officer writes the draft answer from the unit's reply
    page.context.clear_cookies()
    visitor.login("rada", DEMO_PASSWORD)
    visitor.visit(f"/council/interpellations/{item.pk}/")
    assert "Bezpieczne przejścia" in page.content()
    page.locator("#id_draft-text").fill(
        "Przejście zostanie doświetlone do końca maja w ramach zadania „Bezpieczne przejścia”."
    )
    _submit(page, "draft")
    visitor.check()

    # the mayor approves it from "awaiting my decision"
    page.context.clear_cookies()
    visitor.login("prezydent", DEMO_PASSWORD)
    visitor.visit("/awaiting-decision/")
    assert item.reference in page.content()
    visitor.visit(f"/council/interpellations/{item.pk}/")
    page.locator("#id_approve-approved_by").select_option(str(OfficeHolder.objects.get(role="mayor").pk))
    _submit(page, "approve")
    visitor.check()

    # the officer records the answer sent today, within the 14 days
    page.context.clear_cookies()
    visitor.login("rada", DEMO_PASSWORD)
    visitor.visit(f"/council/interpellations/{item.pk}/")
    page.locator("#id_answer-answered_on").fill(timezone.localdate().isoformat())
    _submit(page, "answer")
    visitor.check()
    item.refresh_from_db()
    assert item.status == "answered" and item.on_time

    # every other page of the app once
    session = Session.objects.filter(status="planned").order_by("starts_at").first()
    for path in (
        "/council/",
        f"/council/sessions/{session.pk}/",
        f"/council/sessions/{session.pk}/edit/",
        "/council/sessions/new/",
        "/council/interpellations/?overdue=on",
        "/council/interpellations/statistics/",
        "/council/councillors/",
        f"/council/councillors/{councillor.pk}/",
        "/council/councillors/new/",
        "/council/committees/",
        f"/council/committees/{Committee.objects.order_by('pk').first().pk}/",
        "/council/committees/new/",
        "/council/meetings/",
        f"/council/meetings/{CommitteeMeeting.objects.order_by('-starts_at').first().pk}/",
        "/council/meetings/new/",
        "/council/resolutions/?overdue=on",
        f"/council/resolutions/{Resolution.objects.filter(tasks_mayor=True).order_by('pk').first().pk}/",
        "/council/resolutions/new/",
        "/council/drafts/",
        f"/council/drafts/{DraftResolution.objects.order_by('pk').first().pk}/",
        "/council/drafts/new/",
        "/council/extraordinary/",
        f"/council/extraordinary/{ExtraordinaryRequest.objects.order_by('pk').first().pk}/",
        "/council/extraordinary/new/",
        "/council/companies/",
        f"/council/companies/{Company.objects.order_by('pk').first().pk}/",
        "/council/companies/meetings/",
        f"/council/companies/meetings/{ShareholderMeeting.objects.filter(opinion__isnull=False).first().pk}/",
        "/council/companies/meetings/new/",
        "/council/elections/",
        f"/council/elections/{LayJudgeElection.objects.order_by('pk').first().pk}/",
        f"/council/elections/candidates/{LayJudgeCandidate.objects.order_by('pk').first().pk}/",
        "/council/elections/candidates/new/",
        "/council/neighbourhoods/",
        f"/council/neighbourhoods/{NeighbourhoodElection.objects.filter(closed=True).first().pk}/",
        f"/council/neighbourhoods/{NeighbourhoodElection.objects.filter(closed=False).first().pk}/",
        "/council/projects/",
        f"/council/projects/{Project.objects.order_by('pk').first().pk}/",
        "/council/projects/new/",
        "/council/studies/",
        f"/council/studies/{Study.objects.order_by('pk').first().pk}/",
    ):
        visitor.visit(path)

    # the public page of the BIP, without signing in
    page.context.clear_cookies()
    visitor.visit("/council/bip/interpellations/?q=Lipowej")
    assert "Przejście dla pieszych przy ul. Lipowej" in page.content()
    visitor.visit(f"/council/bip/interpellations/{item.pk}/")
    assert "do końca maja" in page.content() and councillor.last_name in page.content()
    visitor.visit("/council/bip/sessions/")
