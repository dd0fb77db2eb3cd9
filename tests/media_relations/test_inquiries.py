"""The inquiry workflow (every allowed and forbidden transition), input from units, the draft's
lost-update protection, approval, extension cap, refusal."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from media_relations.models import Inquiry, InquiryStatus
from media_relations.services import inquiries as services
from media_relations.workflows import INQUIRY_WORKFLOW
from office.models import Assignment
from office.services import assignments
from tests.utils import client_for

pytestmark = pytest.mark.django_db
S = InquiryStatus

ALLOWED = {
    (S.NEW, S.GATHERING_INPUT),
    (S.NEW, S.DRAFT),
    (S.GATHERING_INPUT, S.DRAFT),
    (S.DRAFT, S.APPROVAL),
    (S.DRAFT, S.EXTENDED),
    (S.DRAFT, S.REFUSED),
    (S.APPROVAL, S.ANSWERED),
    (S.APPROVAL, S.DRAFT),
    (S.APPROVAL, S.EXTENDED),
    (S.APPROVAL, S.REFUSED),
    (S.EXTENDED, S.DRAFT),
    (S.EXTENDED, S.APPROVAL),
    (S.EXTENDED, S.ANSWERED),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S.values, S.values)))
def test_workflow_table(current, target):
    assert INQUIRY_WORKFLOW.can(current, target) == ((current, target) in ALLOWED)


def _in_status(make_inquiry, officer, management, status):
    """An inquiry brought to ``status`` through the services."""
    inquiry = make_inquiry()
    if status == S.NEW:
        return inquiry
    if status == S.GATHERING_INPUT:
        return services.move(actor=officer, inquiry=inquiry, target=S.GATHERING_INPUT)
    services.save_draft(actor=officer, inquiry=inquiry, text="Remont skończy się w maju.", base_version=0)
    inquiry.refresh_from_db()
    if status == S.DRAFT:
        return inquiry
    if status == S.EXTENDED:
        return services.extend_deadline(
            actor=officer, inquiry=inquiry, new_due=inquiry.due_on + dt.timedelta(days=10), reason="Dane z wydziałów."
        )
    if status == S.REFUSED:
        return services.refuse(
            actor=officer,
            inquiry=inquiry,
            refusal_by="Rzecznik",
            refusal_on=timezone.localdate(),
            information="Dane osobowe",
            reasons="Prywatność",
        )
    services.move(actor=officer, inquiry=inquiry, target=S.APPROVAL)
    inquiry.refresh_from_db()
    if status == S.APPROVAL:
        return inquiry
    services.approve_answer(actor=management, inquiry=inquiry, version=inquiry.version)
    return services.send_answer(actor=officer, inquiry=inquiry, channel="email")


def _try(officer, management, inquiry, target):
    if target in (S.GATHERING_INPUT, S.DRAFT, S.APPROVAL):
        return services.move(actor=officer, inquiry=inquiry, target=target)
    if target == S.EXTENDED:
        return services.extend_deadline(
            actor=officer, inquiry=inquiry, new_due=inquiry.due_on + dt.timedelta(days=5), reason="Powód"
        )
    if target == S.REFUSED:
        return services.refuse(
            actor=officer,
            inquiry=inquiry,
            refusal_by="Rzecznik",
            refusal_on=timezone.localdate(),
            information="Informacja",
            reasons="Powody",
        )
    if target == S.ANSWERED:
        if inquiry.status in (S.APPROVAL, S.EXTENDED) and inquiry.draft_text:
            if inquiry.status == S.APPROVAL:
                services.approve_answer(actor=management, inquiry=inquiry, version=inquiry.version)
            else:
                inquiry.approved_version = inquiry.version  # approved before the extension
                inquiry.save()
        return services.send_answer(actor=officer, inquiry=inquiry, channel="email")
    raise AssertionError(target)


@pytest.mark.parametrize(
    ("current", "target"),
    [(c, t) for c, t in itertools.product(S.values, S.values) if c != t and t != S.NEW],
)
def test_every_transition_through_the_services(make_inquiry, officer, management, current, target):
    inquiry = _in_status(make_inquiry, officer, management, current)
    assert inquiry.status == current
    if (current, target) in ALLOWED:
        assert _try(officer, management, inquiry, target).status == target
        assert Inquiry.objects.get(pk=inquiry.pk).status == target
    else:
        with pytest.raises(ValidationError):
            _try(officer, management, inquiry, target)
        assert Inquiry.objects.get(pk=inquiry.pk).status == current


def test_new_journalist_created_in_place(officer, daily):
    inquiry = services.register_inquiry(
        actor=officer,
        new_journalist_name="Bartosz Wiśniewski",
        new_journalist_outlet=daily,
        subject="Buspasy",
        questions="Dlaczego buspas?",
        legal_basis="press_information",
    )
    assert inquiry.journalist.name == "Bartosz Wiśniewski" and inquiry.outlet == daily
    assert inquiry.journalist.employments.get().ended_on is None


def test_input_from_a_unit_is_an_assignment_answered_in_the_inbox(make_inquiry, officer, liaison, wok):
    inquiry = make_inquiry()
    due = min(inquiry.due_on, timezone.localdate() + dt.timedelta(days=2))
    assignment = services.request_input(actor=officer, inquiry=inquiry, unit=wok, due_date=due, question="Harmonogram?")
    inquiry.refresh_from_db()
    assert inquiry.status == S.GATHERING_INPUT
    assert assignment.source == inquiry and assignment.unit == wok and assignment.due_date == due
    # the liaison sees it in their unit's inbox and answers there
    inbox = client_for(liaison).get(reverse("office:unit_inbox"))
    assert assignment.title in inbox.content.decode()
    assignments.answer(actor=liaison, assignment=assignment, reply="Koniec robót 30 maja.")
    labels = [item.text for item in services.timeline(inquiry)]
    assert "Koniec robót 30 maja." in labels
    response = client_for(officer).get(reverse("media_relations:inquiry_detail", args=[inquiry.pk]))
    assert "Koniec robót 30 maja." in response.content.decode()


def test_input_due_after_the_answer_deadline_is_refused(make_inquiry, officer, wok):
    inquiry = make_inquiry()
    with pytest.raises(ValidationError):
        services.request_input(
            actor=officer, inquiry=inquiry, unit=wok, due_date=inquiry.due_on + dt.timedelta(days=1), question="?"
        )
    assert not Assignment.objects.exists()


def test_approval_needs_the_permission_and_the_current_version(make_inquiry, officer, management):
    inquiry = _in_status(make_inquiry, officer, management, S.APPROVAL)
    url = reverse("media_relations:inquiry_approve", args=[inquiry.pk])
    assert client_for(officer).post(url, {"approve-version": inquiry.version}).status_code == 403
    inquiry.refresh_from_db()
    assert not inquiry.is_approved
    with pytest.raises(ValidationError):
        services.approve_answer(actor=management, inquiry=inquiry, version=inquiry.version - 1)
    services.approve_answer(actor=management, inquiry=inquiry, version=inquiry.version)
    # a change after approval withdraws it
    services.save_draft(actor=officer, inquiry=inquiry, text="Nowy tekst", base_version=inquiry.version)
    inquiry.refresh_from_db()
    assert not inquiry.is_approved
    with pytest.raises(ValidationError):
        services.send_answer(actor=officer, inquiry=inquiry, channel="email")


def test_extension_capped_at_two_months(make_inquiry, officer, management):
    inquiry = _in_status(make_inquiry, officer, management, S.DRAFT)
    cap = services.extension_cap(inquiry)
    with pytest.raises(ValidationError) as error:
        services.extend_deadline(actor=officer, inquiry=inquiry, new_due=cap + dt.timedelta(days=1), reason="Powód")
    assert "new_due" in error.value.error_dict
    with pytest.raises(ValidationError):
        services.extend_deadline(actor=officer, inquiry=inquiry, new_due=cap, reason="")
    inquiry = services.extend_deadline(actor=officer, inquiry=inquiry, new_due=cap, reason="Dane z trzech wydziałów")
    assert inquiry.due_on == cap and inquiry.statutory_due_on < cap and inquiry.extension_notified_at


def test_refusal_requires_its_fields_and_the_written_demand_gives_three_days(make_inquiry, officer, management):
    inquiry = _in_status(make_inquiry, officer, management, S.DRAFT)
    with pytest.raises(ValidationError) as error:
        services.refuse(
            actor=officer, inquiry=inquiry, refusal_by="", refusal_on=timezone.localdate(), information="", reasons=""
        )
    assert {"refusal_by", "information", "reasons"} <= set(error.value.error_dict)
    inquiry = services.refuse(
        actor=officer,
        inquiry=inquiry,
        refusal_by="Rzecznik Prasowy",
        refusal_on=timezone.localdate(),
        information="Wynagrodzenia",
        reasons="Prywatność",
    )
    demanded = timezone.now()
    inquiry = services.demand_written_refusal(actor=officer, inquiry=inquiry, demanded_at=demanded)
    assert inquiry.written_refusal_due == timezone.localtime(demanded).date() + dt.timedelta(days=3)


def test_lost_update_protection_in_the_draft_form(make_inquiry, officer, second_officer):
    inquiry = make_inquiry()
    url = reverse("media_relations:inquiry_draft", args=[inquiry.pk])
    first, second = client_for(officer), client_for(second_officer)
    assert first.get(url).status_code == 200 and second.get(url).status_code == 200
    assert first.post(url, {"draft_text": "Tekst Piotra", "version": 0}).status_code == 302
    response = second.post(url, {"draft_text": "Tekst drugiego rzecznika", "version": 0})
    assert response.status_code == 409
    inquiry.refresh_from_db()
    assert inquiry.draft_text == "Tekst Piotra" and inquiry.version == 1  # nothing overwritten
    page = response.content.decode()
    assert "Tekst Piotra" in page and "Tekst drugiego rzecznika" in page
    assert 'name="version" value="1"' in page
    merged = "Tekst Piotra\nTekst drugiego rzecznika"
    assert second.post(url, {"draft_text": merged, "version": 1}).status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.draft_text == merged and inquiry.version == 2


def test_intake_form_keeps_what_was_typed(officer, journalist):
    response = client_for(officer).post(
        reverse("media_relations:inquiry_create"),
        {
            "subject": "Buspasy na Głównej",
            "questions": "",
            "channel": "phone",
            "legal_basis": "press_information",
            "received_at": "2025-05-06T10:00",
        },
    )
    assert response.status_code == 200 and "Buspasy na Głównej" in response.content.decode()
    assert not Inquiry.objects.exists()


def test_intake_form_registers(officer, daily):
    response = client_for(officer).post(
        reverse("media_relations:inquiry_create"),
        {
            "new_journalist_name": "Celina Żurek",
            "new_journalist_outlet": daily.pk,
            "subject": "Basen",
            "questions": "Kiedy basen?",
            "channel": "phone",
            "legal_basis": "public_information",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302 and inquiry.deadline_rule == "udip_answer" and inquiry.outlet == daily


def test_workflow_actions_through_the_views(make_inquiry, officer, management):
    inquiry = make_inquiry()
    officer_client, boss = client_for(officer), client_for(management)
    action = lambda name: reverse(f"media_relations:inquiry_{name}", args=[inquiry.pk])  # noqa: E731
    assert officer_client.post(action("start_draft")).status_code == 302
    services.save_draft(actor=officer, inquiry=inquiry, text="Odpowiedź", base_version=0)
    assert officer_client.post(action("submit")).status_code == 302
    assert officer_client.post(action("approve"), {"approve-version": 1}).status_code == 403
    assert boss.post(action("approve"), {"approve-version": 1}).status_code == 302
    # a forbidden step is refused with a message, not a 500
    assert officer_client.post(action("gather")).status_code == 302
    assert Inquiry.objects.get(pk=inquiry.pk).status == S.APPROVAL
    sent = {"send-channel": "email", "send-sent_at": "2025-05-06T10:00"}
    assert boss.post(action("send"), sent).status_code == 403
    response = officer_client.post(action("send"), {"send-channel": "email", "send-sent_at": ""})
    assert response.status_code == 200  # the form comes back with its error
    assert response.context["failed_form"].errors["sent_at"]
    sent["send-sent_at"] = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    assert officer_client.post(action("send"), sent).status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == S.ANSWERED and inquiry.answer_text == "Odpowiedź"
    assert officer_client.post(f"/press/inquiries/{inquiry.pk}/nonsense/").status_code == 404
    assert officer_client.get(action("submit")).status_code == 405
