"""The views of media_relations/views/inquiries.py: the list, intake, the inquiry page, editing,
the draft, every action of INQUIRY_ACTIONS and QUOTE_ACTIONS.

For every action: the allowed user (status and the database after), the wrong roles (403),
those who do not see the press office (404), the wrong method (405), anonymous (login) and bad
input (the inquiry page again with the error and what was typed, nothing changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from media_relations.models import (
    Channel,
    Inquiry,
    InquiryEvent,
    InquiryStatus,
    LegalBasis,
    OutletKind,
    QuoteAuthorisation,
)
from media_relations.services import inquiries as services
from media_relations.views import inquiries as inquiries_views
from media_relations.views.inquiries import INQUIRY_ACTIONS, QUOTE_ACTIONS
from office.models import Assignment, Attachment
from tests.media_relations.factories import (
    JournalistFactory,
    OutletFactory,
    PublicationFactory,
    QuoteAuthorisationFactory,
    form_datetime,
    inquiry_in_status,
)
from tests.media_relations.helpers import (
    APPROVERS,
    EDITORS,
    VIEWERS,
    assert_anonymous_sent_to_login,
    assert_form_error_shown,
    assert_unchanged,
    db_state,
    error_messages,
    expected_for_action,
    expected_for_page,
    page_url_names,
    statuses,
)
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db
S = InquiryStatus


def test_every_page_of_the_module_is_tested() -> None:
    """The pages (plain views and Editors) of media_relations/views/inquiries.py tested below."""
    assert page_url_names(inquiries_views) == {
        "media_relations:inquiry_list",
        "media_relations:inquiry_create",
        "media_relations:inquiry_detail",
        "media_relations:inquiry_edit",
        "media_relations:inquiry_draft",
    }


def _action_url(name: str, inquiry: Inquiry) -> str:
    return reverse(f"media_relations:inquiry_{name}", args=[inquiry.pk])


def _detail_url(inquiry: Inquiry) -> str:
    return reverse("media_relations:inquiry_detail", args=[inquiry.pk])


def _upload(name: str = "notatka.txt", content: bytes = b"Notatka z rozmowy z kierownikiem budowy.") -> Any:
    return SimpleUploadedFile(name, content, "text/plain")


class Ctx:
    """What the action tests build on: the officer, the approver, the unit asked for input."""

    def __init__(self, officer: Any, management: Any, wok: Any) -> None:
        self.officer, self.management, self.wok = officer, management, wok

    def inquiry(self, status: str = S.NEW, **kwargs: Any) -> Inquiry:
        return inquiry_in_status(status, officer=self.officer, approver=self.management, **kwargs)

    def approved(self) -> Inquiry:
        inquiry = self.inquiry(S.APPROVAL)
        return services.approve_answer(actor=self.management, inquiry=inquiry, version=inquiry.version)


@pytest.fixture
def ctx(officer: Any, management: Any, wok: Any) -> Ctx:
    return Ctx(officer, management, wok)


def _today(days: int = 0) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def _ready_link(inquiry: Inquiry) -> tuple[Inquiry, Callable[[], dict[str, Any]]]:
    publication = PublicationFactory(outlet=inquiry.outlet)
    return inquiry, lambda: {"link-publication": publication.pk}


# Every action: an inquiry on which it succeeds, and valid data for it (a function: uploads are fresh).
READY: dict[str, Callable[[Ctx], tuple[Inquiry, Callable[[], dict[str, Any]]]]] = {
    "gather": lambda c: (c.inquiry(S.NEW), dict),
    "start_draft": lambda c: (c.inquiry(S.NEW), dict),
    "send_back": lambda c: (c.inquiry(S.APPROVAL), dict),
    "submit": lambda c: (c.inquiry(S.DRAFT), dict),
    "approve": lambda c: (i := c.inquiry(S.APPROVAL), lambda: {"approve-version": i.version}),
    "input": lambda c: (
        c.inquiry(S.NEW),
        lambda: {"input-unit": c.wok.pk, "input-due_date": _today(3), "input-question": "Harmonogram robót?"},
    ),
    "send": lambda c: (
        c.approved(),
        lambda: {"send-channel": Channel.EMAIL, "send-sent_at": form_datetime(timezone.now())},
    ),
    "extend": lambda c: (
        i := c.inquiry(S.DRAFT),
        lambda: {
            "extend-new_due": (i.due_on + dt.timedelta(days=10)).isoformat(),
            "extend-reason": "Czekamy na dane z Wydziału Inwestycji.",
            "extend-notified_at": form_datetime(timezone.now()),
        },
    ),
    "refuse": lambda c: (
        c.inquiry(S.DRAFT),
        lambda: {
            "refuse-refusal_by": "Sekretarz Miasta",
            "refuse-refusal_on": _today(),
            "refuse-information": "Wynagrodzenia zarządu spółki",
            "refuse-reasons": "Prywatność osoby fizycznej",
        },
    ),
    "written_refusal": lambda c: (
        c.inquiry(S.REFUSED),
        lambda: {"written-refusal-demanded_at": form_datetime(timezone.now())},
    ),
    "quote": lambda c: (
        c.inquiry(S.NEW),
        lambda: {"quote-text": "„Most otworzymy w czerwcu”.", "quote-sent_at": form_datetime(timezone.now())},
    ),
    "link": lambda c: _ready_link(c.inquiry(S.NEW)),
    "attach": lambda c: (
        c.inquiry(S.NEW),
        lambda: {"attach-file": _upload(), "attach-description": "notatka z budowy"},
    ),
}


def test_every_inquiry_action_is_tested() -> None:
    assert set(READY) == {action.name for action in INQUIRY_ACTIONS.actions}


# --- Access to every action ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(READY))
def test_action_is_refused_to_the_wrong_roles_and_hidden_from_outsiders(ctx, persona, name):
    inquiry, data = READY[name](ctx)
    url = _action_url(name, inquiry)
    before = db_state()
    allowed = APPROVERS if name == "approve" else EDITORS
    assert statuses(persona, "post", url, expected_for_action(allowed), data) == expected_for_action(allowed)
    assert_anonymous_sent_to_login("post", url, data())
    assert statuses(persona, "get", url, ["press_officer", "management"]) == {"press_officer": 405, "management": 405}
    assert fetch(client_for(ctx.officer), "put", url).status_code == 405
    assert_unchanged(before)


@pytest.mark.parametrize("name", list(READY))
def test_action_on_a_missing_inquiry_is_404(ctx, name):
    actor = ctx.management if name == "approve" else ctx.officer
    url = reverse(f"media_relations:inquiry_{name}", args=[987654])
    assert fetch(client_for(actor), "post", url, {}).status_code == 404


# --- Each action: the allowed user, then bad input ----------------------------------------------


def _post(user: Any, name: str, inquiry: Inquiry, data: dict[str, Any]) -> Any:
    return fetch(client_for(user), "post", _action_url(name, inquiry), data)


def _assert_done(response: Any, inquiry: Inquiry) -> None:
    assert response.status_code == 302 and response["Location"] == _detail_url(inquiry)
    assert messages_of(response) and not error_messages(response)


def _assert_refused(response: Any, inquiry: Inquiry, before: Any) -> None:
    """A form-less action the inquiry's state forbids: back to the page with the reason, no change."""
    assert response.status_code == 302 and response["Location"] == _detail_url(inquiry)
    assert error_messages(response)
    assert_unchanged(before)


def _last_status_event(inquiry: Inquiry) -> tuple[str, str]:
    event = InquiryEvent.objects.filter(inquiry=inquiry, kind=InquiryEvent.Kind.STATUS).latest("id")
    return event.from_status, event.to_status


def test_gather(ctx):
    inquiry = ctx.inquiry(S.NEW)
    _assert_done(_post(ctx.officer, "gather", inquiry, {}), inquiry)
    assert Inquiry.objects.get(pk=inquiry.pk).status == S.GATHERING_INPUT
    assert _last_status_event(inquiry) == (S.NEW, S.GATHERING_INPUT)


def test_gather_from_a_draft_is_refused(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    before = db_state()
    _assert_refused(_post(ctx.officer, "gather", inquiry, {}), inquiry, before)


def test_start_draft(ctx):
    inquiry = ctx.inquiry(S.GATHERING_INPUT)
    _assert_done(_post(ctx.officer, "start_draft", inquiry, {}), inquiry)
    assert Inquiry.objects.get(pk=inquiry.pk).status == S.DRAFT
    assert _last_status_event(inquiry) == (S.GATHERING_INPUT, S.DRAFT)


def test_start_draft_of_an_answered_inquiry_is_refused(ctx):
    inquiry = ctx.inquiry(S.ANSWERED)
    before = db_state()
    _assert_refused(_post(ctx.officer, "start_draft", inquiry, {}), inquiry, before)


def test_send_back_withdraws_the_approval(ctx):
    inquiry = ctx.approved()
    assert inquiry.is_approved
    _assert_done(_post(ctx.officer, "send_back", inquiry, {}), inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == S.DRAFT and inquiry.approved_version is None and not inquiry.is_approved


def test_send_back_of_a_draft_is_refused(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    before = db_state()
    _assert_refused(_post(ctx.officer, "send_back", inquiry, {}), inquiry, before)


def test_submit(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    _assert_done(_post(ctx.officer, "submit", inquiry, {}), inquiry)
    assert Inquiry.objects.get(pk=inquiry.pk).status == S.APPROVAL
    assert _last_status_event(inquiry) == (S.DRAFT, S.APPROVAL)


def test_submit_without_a_draft_is_refused(ctx):
    inquiry = ctx.inquiry(S.NEW)
    services.move(actor=ctx.officer, inquiry=inquiry, target=S.DRAFT)  # a draft stage with no text yet
    before = db_state()
    _assert_refused(_post(ctx.officer, "submit", inquiry, {}), inquiry, before)


def test_approve(ctx):
    inquiry = ctx.inquiry(S.APPROVAL)
    _assert_done(_post(ctx.management, "approve", inquiry, {"approve-version": inquiry.version}), inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == S.APPROVAL and inquiry.is_approved
    assert inquiry.approved_version == inquiry.version and inquiry.approved_by == ctx.management
    assert inquiry.approved_at is not None
    assert InquiryEvent.objects.filter(inquiry=inquiry, kind=InquiryEvent.Kind.APPROVED).count() == 1


def test_approve_a_version_that_changed_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.APPROVAL)
    before = db_state()
    response = _post(ctx.management, "approve", inquiry, {"approve-version": inquiry.version - 1})
    assert_form_error_shown(response, None)
    assert_unchanged(before)


def test_approve_without_the_version_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.APPROVAL)
    before = db_state()
    response = _post(ctx.management, "approve", inquiry, {"approve-version": "wersja"})
    assert_form_error_shown(response, "version")
    assert_unchanged(before)


def test_input_hands_over_to_the_unit(ctx):
    inquiry = ctx.inquiry(S.NEW)
    due = timezone.localdate() + dt.timedelta(days=3)
    data = {"input-unit": ctx.wok.pk, "input-due_date": due.isoformat(), "input-question": "Harmonogram robót?"}
    _assert_done(_post(ctx.officer, "input", inquiry, data), inquiry)
    assignment = Assignment.objects.get()
    assert assignment.source == inquiry and assignment.unit == ctx.wok and assignment.due_date == due
    assert assignment.description == "Harmonogram robót?"
    assert Inquiry.objects.get(pk=inquiry.pk).status == S.GATHERING_INPUT
    assert InquiryEvent.objects.filter(inquiry=inquiry, kind=InquiryEvent.Kind.INPUT_REQUESTED).count() == 1


def test_input_due_after_the_answer_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.NEW)
    late = (inquiry.due_on + dt.timedelta(days=1)).isoformat()
    before = db_state()
    data = {"input-unit": ctx.wok.pk, "input-due_date": late, "input-question": "Ile kosztował projekt wiaduktu?"}
    response = _post(ctx.officer, "input", inquiry, data)
    assert_form_error_shown(response, "due_date", late, "Ile kosztował projekt wiaduktu?")
    assert_unchanged(before)


def test_send_records_the_answer(ctx):
    inquiry = ctx.approved()
    sent_at = timezone.localtime().replace(second=0, microsecond=0)
    data = {"send-channel": Channel.EMAIL, "send-sent_at": form_datetime(sent_at)}
    _assert_done(_post(ctx.officer, "send", inquiry, data), inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == S.ANSWERED and inquiry.answer_text == inquiry.draft_text
    assert inquiry.answer_channel == Channel.EMAIL and inquiry.answered_at == sent_at


def test_send_before_receipt_shows_the_page_again(ctx):
    inquiry = ctx.approved()
    before = db_state()
    response = _post(ctx.officer, "send", inquiry, {"send-channel": Channel.LETTER, "send-sent_at": "2020-01-07T09:15"})
    assert_form_error_shown(response, "sent_at", "2020-01-07T09:15")
    assert_unchanged(before)


def test_send_of_an_answer_not_approved_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.APPROVAL)
    before = db_state()
    response = _post(
        ctx.officer, "send", inquiry, {"send-channel": "email", "send-sent_at": form_datetime(timezone.now())}
    )
    assert_form_error_shown(response, None)
    assert_unchanged(before)


def test_extend(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    new_due = inquiry.due_on + dt.timedelta(days=10)
    data = {
        "extend-new_due": new_due.isoformat(),
        "extend-reason": "Czekamy na dane z Wydziału Inwestycji.",
        "extend-notified_at": form_datetime(timezone.now()),
    }
    _assert_done(_post(ctx.officer, "extend", inquiry, data), inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == S.EXTENDED and inquiry.due_on == new_due
    assert inquiry.statutory_due_on < new_due and inquiry.extension_reason == "Czekamy na dane z Wydziału Inwestycji."


def test_extend_beyond_two_months_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    too_late = (services.extension_cap(inquiry) + dt.timedelta(days=1)).isoformat()
    before = db_state()
    data = {
        "extend-new_due": too_late,
        "extend-reason": "Opinia radcy prawnego.",
        "extend-notified_at": form_datetime(timezone.now()),
    }
    response = _post(ctx.officer, "extend", inquiry, data)
    assert_form_error_shown(response, "new_due", too_late, "Opinia radcy prawnego.")
    assert_unchanged(before)


def test_refuse(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    data = {
        "refuse-refusal_by": "Sekretarz Miasta",
        "refuse-refusal_on": _today(),
        "refuse-information": "Wynagrodzenia zarządu spółki",
        "refuse-reasons": "Prywatność osoby fizycznej",
    }
    _assert_done(_post(ctx.officer, "refuse", inquiry, data), inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == S.REFUSED and inquiry.refusal_by == "Sekretarz Miasta"
    assert inquiry.refusal_on == timezone.localdate() and inquiry.refusal_reasons == "Prywatność osoby fizycznej"
    assert inquiry.refusal_information == "Wynagrodzenia zarządu spółki"


def test_refuse_without_reasons_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    before = db_state()
    data = {
        "refuse-refusal_by": "Sekretarz Miasta",
        "refuse-refusal_on": _today(),
        "refuse-information": "Umowy z wykonawcą",
        "refuse-reasons": "",
    }
    response = _post(ctx.officer, "refuse", inquiry, data)
    assert_form_error_shown(response, "reasons", "Sekretarz Miasta", "Umowy z wykonawcą")
    assert_unchanged(before)


def test_written_refusal(ctx):
    inquiry = ctx.inquiry(S.REFUSED)
    demanded = timezone.localtime().replace(second=0, microsecond=0)
    data = {"written-refusal-demanded_at": form_datetime(demanded)}
    _assert_done(_post(ctx.officer, "written_refusal", inquiry, data), inquiry)
    inquiry.refresh_from_db()
    assert inquiry.written_refusal_demanded_at == demanded
    assert inquiry.written_refusal_due == demanded.date() + dt.timedelta(days=3)


def test_written_refusal_with_a_wrong_date_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.REFUSED)
    before = db_state()
    response = _post(ctx.officer, "written_refusal", inquiry, {"written-refusal-demanded_at": "wczoraj rano"})
    assert_form_error_shown(response, "demanded_at", "wczoraj rano")
    assert_unchanged(before)


def test_written_refusal_of_an_inquiry_not_refused_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    before = db_state()
    response = _post(
        ctx.officer, "written_refusal", inquiry, {"written-refusal-demanded_at": form_datetime(timezone.now())}
    )
    assert_form_error_shown(response, None)
    assert_unchanged(before)


def test_quote_is_recorded_with_the_daily_deadline(ctx):
    inquiry = ctx.inquiry(S.NEW)
    assert inquiry.outlet.kind == OutletKind.DAILY
    sent_at = timezone.localtime().replace(second=0, microsecond=0)
    data = {"quote-text": "„Most otworzymy w czerwcu”.", "quote-sent_at": form_datetime(sent_at)}
    _assert_done(_post(ctx.officer, "quote", inquiry, data), inquiry)
    quote = QuoteAuthorisation.objects.get()
    assert quote.inquiry == inquiry and quote.journalist == inquiry.journalist and quote.outlet == inquiry.outlet
    assert quote.text == "„Most otworzymy w czerwcu”." and quote.sent_at == sent_at and quote.is_pending
    assert quote.due_at == sent_at + dt.timedelta(hours=6)


def test_quote_with_a_wrong_time_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.NEW)
    before = db_state()
    response = _post(
        ctx.officer, "quote", inquiry, {"quote-text": "„Nie planujemy podwyżek”.", "quote-sent_at": "jutro"}
    )
    assert_form_error_shown(response, "sent_at", "„Nie planujemy podwyżek”.")
    assert_unchanged(before)


def test_link_with_no_publication_unlinks(ctx):
    # Linking a publication through the form is refused whatever is chosen: LinkPublicationForm
    # gives the field a sliced queryset (media_relations/forms.py), so ModelChoiceField's
    # queryset.get() raises TypeError, which it reports as "Select a valid choice" (a bug, see the
    # report); only the empty choice, which unlinks, passes.
    inquiry = ctx.inquiry(S.ANSWERED)
    publication = PublicationFactory(outlet=inquiry.outlet)
    services.link_publication(actor=ctx.officer, inquiry=inquiry, publication=publication)
    _assert_done(_post(ctx.officer, "link", inquiry, {"link-publication": ""}), inquiry)
    assert Inquiry.objects.get(pk=inquiry.pk).publication is None


def test_link_a_publication_of_another_outlet_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.NEW)
    other = PublicationFactory(outlet=OutletFactory(name="Radio Zachód", kind=OutletKind.RADIO))
    before = db_state()
    response = _post(ctx.officer, "link", inquiry, {"link-publication": other.pk})
    assert_form_error_shown(response, "publication")
    assert_unchanged(before)


def test_attach(ctx):
    inquiry = ctx.inquiry(S.NEW)
    data = {"attach-file": _upload("pismo.txt"), "attach-description": "pismo z wydziału"}
    _assert_done(_post(ctx.officer, "attach", inquiry, data), inquiry)
    attachment = Attachment.objects.get()
    assert attachment.record == inquiry and attachment.original_name == "pismo.txt"
    assert attachment.description == "pismo z wydziału" and attachment.uploaded_by == ctx.officer


def test_attach_a_refused_file_type_shows_the_page_again(ctx):
    inquiry = ctx.inquiry(S.NEW)
    before = db_state()
    data = {"attach-file": _upload("program.exe", b"MZ\x90\x00\x03"), "attach-description": "instalator od wykonawcy"}
    response = _post(ctx.officer, "attach", inquiry, data)
    assert_form_error_shown(response, "file", "instalator od wykonawcy")
    assert_unchanged(before)


# --- Quote authorisations (QUOTE_ACTIONS) -------------------------------------------------------


def test_every_quote_action_is_tested() -> None:
    assert {action.name for action in QUOTE_ACTIONS.actions} == {"answer"}


def _quote(ctx: Ctx, **kwargs: Any) -> QuoteAuthorisation:
    return QuoteAuthorisationFactory(actor=ctx.officer, inquiry=ctx.inquiry(S.NEW), **kwargs)


def test_quote_answer_access(ctx, persona):
    quote = _quote(ctx)
    url = reverse("media_relations:quote_answer", args=[quote.pk])
    data = {f"answer-{quote.pk}-status": "authorised"}
    before = db_state()
    assert statuses(persona, "post", url, expected_for_action(), data) == expected_for_action()
    assert_anonymous_sent_to_login("post", url, data)
    assert fetch(client_for(ctx.officer), "get", url).status_code == 405
    assert (
        fetch(client_for(ctx.officer), "post", reverse("media_relations:quote_answer", args=[99999])).status_code == 404
    )
    assert_unchanged(before)


def test_quote_answer_authorised(ctx):
    quote = _quote(ctx)
    response = fetch(
        client_for(ctx.officer),
        "post",
        reverse("media_relations:quote_answer", args=[quote.pk]),
        {f"answer-{quote.pk}-status": "authorised"},
    )
    assert response.status_code == 302 and response["Location"] == _detail_url(quote.inquiry)
    quote.refresh_from_db()
    assert quote.status == QuoteAuthorisation.Status.AUTHORISED and quote.answered_at is not None


def test_quote_answer_changes_of_a_quote_without_inquiry_goes_to_the_journalist(ctx):
    journalist = JournalistFactory(outlet=OutletFactory(name="Tygodnik Powiatowy", kind=OutletKind.PERIODICAL))
    quote = QuoteAuthorisationFactory(actor=ctx.officer, inquiry=None, journalist=journalist)
    assert quote.due_at == quote.sent_at + dt.timedelta(hours=24)
    url = reverse("media_relations:quote_answer", args=[quote.pk])
    data = {f"answer-{quote.pk}-status": "changes", f"answer-{quote.pk}-answer": "Proszę usunąć drugie zdanie."}
    response = fetch(client_for(ctx.officer), "post", url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("media_relations:journalist_detail", args=[journalist.pk])
    quote.refresh_from_db()
    assert quote.status == QuoteAuthorisation.Status.CHANGES and quote.answer == "Proszę usunąć drugie zdanie."


@pytest.mark.parametrize(
    ("status", "answer"),
    [
        ("changes", ""),  # the service: say what must change
        ("może", "Nie wiem"),  # the form: not a choice
    ],
)
def test_quote_answer_bad_input_comes_back_on_the_inquiry_page(ctx, status, answer):
    """The quote's form sits in a list on the inquiry page: the page comes back with that form
    as it was typed and its error."""
    quote = _quote(ctx)
    before = db_state()
    data = {f"answer-{quote.pk}-status": status, f"answer-{quote.pk}-answer": answer}
    response = fetch(client_for(ctx.officer), "post", reverse("media_relations:quote_answer", args=[quote.pk]), data)
    assert response.status_code == 200
    body = page_text(response)
    assert 'id="error-summary"' in body and 'aria-invalid="true"' in body
    if answer:
        assert f'value="{answer}"' in body
    assert_unchanged(before)


def test_quote_answered_twice_is_refused(ctx):
    quote = _quote(ctx)
    services.answer_quote(actor=ctx.officer, quote=quote, status="authorised")
    before = db_state()
    url = reverse("media_relations:quote_answer", args=[quote.pk])
    data = {f"answer-{quote.pk}-status": "changes", f"answer-{quote.pk}-answer": "Jednak nie"}
    response = fetch(client_for(ctx.officer), "post", url, data)
    assert response.status_code == 200 and "Jednak nie" in page_text(response)
    assert_unchanged(before)


# --- Pages: list, detail, intake, edit, draft ---------------------------------------------------


def test_list_per_role(ctx, persona):
    inquiry = ctx.inquiry(S.NEW, subject="Buspas na al. Niepodległości")
    url = reverse("media_relations:inquiry_list")
    assert statuses(persona, "get", url, expected_for_page(VIEWERS, record=False)) == expected_for_page(
        VIEWERS, record=False
    )
    page = fetch(client_for(ctx.officer), "get", url)
    assert inquiry.subject in page_text(page) and _detail_url(inquiry) in page_text(page)
    assert fetch(client_for(ctx.officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_list_filters_by_status_and_text(ctx):
    draft = ctx.inquiry(S.DRAFT, subject="Budowa basenu na Zatorzu")
    new = ctx.inquiry(S.NEW, subject="Wycinka drzew w parku Miejskim")
    client = client_for(ctx.officer)
    page = fetch(client, "get", reverse("media_relations:inquiry_list"), {"status": "draft"})
    assert list(page.context["page_obj"].object_list) == [draft]
    page = fetch(client, "get", reverse("media_relations:inquiry_list"), {"q": "wycinka"})
    assert list(page.context["page_obj"].object_list) == [new]


def test_detail_per_role(ctx, persona):
    inquiry = ctx.inquiry(S.NEW)
    url = _detail_url(inquiry)
    expected = expected_for_page(VIEWERS, record=True)
    assert statuses(persona, "get", url, expected) == expected
    page = fetch(client_for(persona("secretariat")), "get", url)
    assert inquiry.subject in page_text(page) and inquiry.questions in page_text(page)
    assert not page.context["may"]["gather"]  # a reader is offered no action
    assert fetch(client_for(ctx.officer), "post", url).status_code == 405
    assert fetch(client_for(ctx.officer), "get", _detail_url(Inquiry(pk=987654))).status_code == 404
    assert_anonymous_sent_to_login("get", url)


def test_detail_offers_the_steps_of_the_state(ctx):
    inquiry = ctx.inquiry(S.APPROVAL)
    officer_page = fetch(client_for(ctx.officer), "get", _detail_url(inquiry))
    may = officer_page.context["may"]
    assert may["send_back"] and may["refuse"] and may["extend"] and not may["approve"] and not may["gather"]
    assert fetch(client_for(ctx.management), "get", _detail_url(inquiry)).context["may"]["approve"]


def _intake(journalist: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "journalist": journalist.pk,
        "channel": Channel.EMAIL,
        "received_at": form_datetime(timezone.now() - dt.timedelta(hours=1)),
        "subject": "Iluminacja ratusza",
        "topic": "kultura",
        "questions": "Ile kosztowała iluminacja ratusza i kto ją wykonał?",
        "legal_basis": LegalBasis.PUBLIC_INFORMATION,
    }
    data.update(overrides)
    return data


def test_create_per_role(ctx, persona):
    url = reverse("media_relations:inquiry_create")
    expected = expected_for_page(EDITORS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(ctx.officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_create_registers_with_the_statutory_deadline(ctx):
    journalist = JournalistFactory(outlet=OutletFactory(name="przykladowo24.pl", kind=OutletKind.ONLINE))
    response = fetch(client_for(ctx.officer), "post", reverse("media_relations:inquiry_create"), _intake(journalist))
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail_url(inquiry)
    assert inquiry.journalist == journalist and inquiry.outlet == journalist.outlets.get()
    assert inquiry.status == S.NEW and inquiry.officer == ctx.officer and inquiry.deadline_rule == "udip_answer"
    assert (
        inquiry.due_on
        == inquiry.statutory_due_on
        == services.statutory_deadline(legal_basis=LegalBasis.PUBLIC_INFORMATION, received_at=inquiry.received_at).due
    )
    assert InquiryEvent.objects.filter(inquiry=inquiry, kind=InquiryEvent.Kind.CREATED).count() == 1


def test_create_with_both_journalists_keeps_what_was_typed(ctx):
    journalist = JournalistFactory()
    before = db_state()
    data = _intake(journalist, new_journalist_name="Zofia Kwiatkowska", subject="Parking pod ratuszem")
    response = fetch(client_for(ctx.officer), "post", reverse("media_relations:inquiry_create"), data)
    assert_form_error_shown(response, "new_journalist_name", "Zofia Kwiatkowska", "Parking pod ratuszem")
    assert_unchanged(before)


def test_create_received_in_the_future_keeps_what_was_typed(ctx):
    journalist = JournalistFactory()
    before = db_state()
    future = form_datetime(timezone.now() + dt.timedelta(days=2))
    data = _intake(journalist, received_at=future, subject="Parking pod ratuszem")
    response = fetch(client_for(ctx.officer), "post", reverse("media_relations:inquiry_create"), data)
    assert_form_error_shown(response, "received_at", future, "Parking pod ratuszem")
    assert_unchanged(before)


def test_edit_per_role(ctx, persona):
    url = reverse("media_relations:inquiry_edit", args=[ctx.inquiry(S.NEW).pk])
    expected = expected_for_page(VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(ctx.officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_edit_saves_and_keeps_the_trail(ctx):
    inquiry = ctx.inquiry(S.NEW)
    data = {
        "subject": "Remont wiaduktu – opóźnienie",
        "topic": "inwestycje",
        "questions": inquiry.questions,
        "journalist_deadline": form_datetime(timezone.now() + dt.timedelta(days=1)),
        "officer": ctx.officer.pk,
    }
    url = reverse("media_relations:inquiry_edit", args=[inquiry.pk])
    response = fetch(client_for(ctx.officer), "post", url, data)
    assert response.status_code == 302 and response["Location"] == _detail_url(inquiry)
    inquiry.refresh_from_db()
    assert inquiry.subject == "Remont wiaduktu – opóźnienie" and inquiry.topic == "inwestycje"
    assert inquiry.journalist_deadline is not None
    trail = page_text(fetch(client_for(ctx.officer), "get", _detail_url(inquiry)))
    assert "Remont wiaduktu – opóźnienie" in trail


def test_edit_with_an_empty_subject_keeps_what_was_typed(ctx):
    inquiry = ctx.inquiry(S.NEW)
    before = db_state()
    data = {"subject": "", "topic": "zieleń miejska", "questions": "Czy wycinka była uzgodniona?", "officer": ""}
    response = fetch(client_for(ctx.officer), "post", reverse("media_relations:inquiry_edit", args=[inquiry.pk]), data)
    assert_form_error_shown(response, "subject", "zieleń miejska", "Czy wycinka była uzgodniona?")
    assert_unchanged(before)


def test_draft_per_role(ctx, persona):
    inquiry = ctx.inquiry(S.DRAFT)
    url = reverse("media_relations:inquiry_draft", args=[inquiry.pk])
    expected = expected_for_page(VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(ctx.officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)
    answered = ctx.inquiry(S.ANSWERED)
    assert (
        fetch(client_for(ctx.officer), "get", reverse("media_relations:inquiry_draft", args=[answered.pk])).status_code
        == 403
    )


def test_draft_saves_a_new_version(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    url = reverse("media_relations:inquiry_draft", args=[inquiry.pk])
    data = {"draft_text": "Prace zakończą się 30 czerwca.", "version": inquiry.version}
    response = fetch(client_for(ctx.officer), "post", url, data)
    assert response.status_code == 302 and response["Location"] == _detail_url(inquiry)
    saved = Inquiry.objects.get(pk=inquiry.pk)
    assert saved.draft_text == "Prace zakończą się 30 czerwca." and saved.version == inquiry.version + 1


def test_draft_without_its_version_keeps_what_was_typed(ctx):
    inquiry = ctx.inquiry(S.DRAFT)
    before = db_state()
    url = reverse("media_relations:inquiry_draft", args=[inquiry.pk])
    response = fetch(client_for(ctx.officer), "post", url, {"draft_text": "Odpowiedź w przygotowaniu.", "version": ""})
    assert response.status_code == 200 and response.context["form"].errors["version"]
    assert "Odpowiedź w przygotowaniu." in page_text(response)
    assert_unchanged(before)
