"""The views of media_relations/views/monitoring.py: the publication log, its create/edit pages,
the publication page with PUBLICATION_ACTIONS (respond, attach) and the responses' own actions
RESPONSE_ACTIONS (text, sent, outcome; forms prefixed with the case's id), the open responses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from media_relations.models import (
    Importance,
    OutletKind,
    Publication,
    Reach,
    ResponseCase,
    ResponseKind,
    ResponseStatus,
    Tone,
)
from media_relations.services.monitoring import NEXT_ISSUE_RULE
from media_relations.views import monitoring as monitoring_views
from media_relations.views.monitoring import PUBLICATION_ACTIONS, RESPONSE_ACTIONS
from office.models import Attachment, Tag
from tests.media_relations.factories import (
    OutletFactory,
    PublicationFactory,
    ResponseCaseFactory,
    response_in_status,
)
from tests.media_relations.helpers import (
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


def test_every_page_of_the_module_is_tested() -> None:
    """The pages (plain views and Editors) of media_relations/views/monitoring.py tested below."""
    assert page_url_names(monitoring_views) == {
        "media_relations:publication_list",
        "media_relations:publication_create",
        "media_relations:publication_options",
        "media_relations:publication_detail",
        "media_relations:publication_edit",
        "media_relations:response_list",
    }


def _detail_url(publication: Publication) -> str:
    return reverse("media_relations:publication_detail", args=[publication.pk])


def _today(days: int = 0) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def _upload(name: str = "wycinek.txt", content: bytes = b"Tekst artykulu z wydania papierowego.") -> Any:
    return SimpleUploadedFile(name, content, "text/plain")


def _post(user: Any, url: str, data: dict[str, Any]) -> Any:
    return fetch(client_for(user), "post", url, data)


def _assert_done(response: Any, publication: Publication) -> None:
    assert response.status_code == 302 and response["Location"] == _detail_url(publication)
    assert messages_of(response) and not error_messages(response)


# --- PUBLICATION_ACTIONS ------------------------------------------------------------------------

PUBLICATION_READY: dict[str, Callable[[], dict[str, Any]]] = {
    "respond": lambda: {"respond-kind": ResponseKind.STATEMENT, "respond-text": "Stanowisko Urzędu Miasta."},
    "attach": lambda: {"attach-file": _upload(), "attach-description": "skan artykułu"},
}


def test_every_publication_action_is_tested() -> None:
    assert set(PUBLICATION_READY) == {action.name for action in PUBLICATION_ACTIONS.actions}


@pytest.mark.parametrize("name", list(PUBLICATION_READY))
def test_publication_action_access(officer, persona, name):
    publication = PublicationFactory()
    url = reverse(f"media_relations:publication_{name}", args=[publication.pk])
    data = PUBLICATION_READY[name]
    before = db_state()
    assert statuses(persona, "post", url, expected_for_action(), data) == expected_for_action()
    assert_anonymous_sent_to_login("post", url, data())
    assert fetch(client_for(officer), "get", url).status_code == 405
    missing = reverse(f"media_relations:publication_{name}", args=[987654])
    assert fetch(client_for(officer), "post", missing, data()).status_code == 404
    assert_unchanged(before)


def test_respond_with_a_statement(officer):
    publication = PublicationFactory()
    url = reverse("media_relations:publication_respond", args=[publication.pk])
    _assert_done(_post(officer, url, PUBLICATION_READY["respond"]()), publication)
    case = ResponseCase.objects.get()
    assert case.publication == publication and case.kind == ResponseKind.STATEMENT
    assert case.status == ResponseStatus.DRAFT and case.text == "Stanowisko Urzędu Miasta."
    assert case.send_due is None and case.created_by == officer


def test_respond_with_a_correction_gets_its_deadlines(officer):
    publication = PublicationFactory(published_on=dt.date(2025, 3, 10))
    url = reverse("media_relations:publication_respond", args=[publication.pk])
    data = {
        "respond-kind": ResponseKind.CORRECTION,
        "respond-contested_fragment": "Miasto wydało na iluminację 5 mln zł.",
        "respond-text": "Iluminacja kosztowała 1,2 mln zł.",
    }
    _assert_done(_post(officer, url, data), publication)
    case = ResponseCase.objects.get()
    assert case.kind == ResponseKind.CORRECTION and case.contested_fragment == "Miasto wydało na iluminację 5 mln zł."
    # 21 days to send it (press law art. 31a), a year to go to court (art. 39)
    assert (case.send_due, case.court_due) == (dt.date(2025, 3, 31), dt.date(2026, 3, 10))


def test_respond_with_a_correction_without_the_fragment_keeps_what_was_typed(officer):
    publication = PublicationFactory()
    before = db_state()
    url = reverse("media_relations:publication_respond", args=[publication.pk])
    data = {"respond-kind": ResponseKind.CORRECTION, "respond-contested_fragment": "", "respond-text": "Nieprawda."}
    assert_form_error_shown(_post(officer, url, data), "contested_fragment", "Nieprawda.")
    assert_unchanged(before)


def test_attach_to_a_publication(officer):
    publication = PublicationFactory()
    url = reverse("media_relations:publication_attach", args=[publication.pk])
    _assert_done(_post(officer, url, PUBLICATION_READY["attach"]()), publication)
    attachment = Attachment.objects.get()
    assert attachment.record == publication and attachment.description == "skan artykułu"


def test_attach_a_refused_file_to_a_publication_keeps_what_was_typed(officer):
    publication = PublicationFactory()
    before = db_state()
    url = reverse("media_relations:publication_attach", args=[publication.pk])
    data = {"attach-file": _upload("skrypt.sh", b"#!/bin/sh\nrm -rf /\n"), "attach-description": "podejrzany plik"}
    assert_form_error_shown(_post(officer, url, data), "file", "podejrzany plik")
    assert_unchanged(before)


# --- RESPONSE_ACTIONS ---------------------------------------------------------------------------


def _response_url(name: str, case: ResponseCase) -> str:
    return reverse(f"media_relations:response_{name}", args=[case.pk])


RESPONSE_READY: dict[str, tuple[str, Callable[[ResponseCase], dict[str, Any]]]] = {
    "text": (
        ResponseStatus.DRAFT,
        lambda c: {f"text-{c.pk}-text": "Nowe stanowisko.", f"text-{c.pk}-notes": "Uzgodnione z Prezydentem."},
    ),
    "sent": (ResponseStatus.DRAFT, lambda c: {f"sent-{c.pk}-sent_on": _today()}),
    "outcome": (
        ResponseStatus.SENT,
        lambda c: {f"outcome-{c.pk}-target": ResponseStatus.PUBLISHED, f"outcome-{c.pk}-on": _today()},
    ),
}


def test_every_response_action_is_tested() -> None:
    assert set(RESPONSE_READY) == {action.name for action in RESPONSE_ACTIONS.actions}


@pytest.mark.parametrize("name", list(RESPONSE_READY))
def test_response_action_access(officer, persona, name):
    status, data = RESPONSE_READY[name]
    case = response_in_status(status, officer=officer)
    url = _response_url(name, case)
    before = db_state()
    assert statuses(persona, "post", url, expected_for_action(), data(case)) == expected_for_action()
    assert_anonymous_sent_to_login("post", url, data(case))
    assert fetch(client_for(officer), "get", url).status_code == 405
    missing = reverse(f"media_relations:response_{name}", args=[987654])
    assert fetch(client_for(officer), "post", missing, data(case)).status_code == 404
    assert_unchanged(before)


def test_text_of_a_draft(officer):
    case = response_in_status(ResponseStatus.DRAFT, officer=officer)
    _assert_done(_post(officer, _response_url("text", case), RESPONSE_READY["text"][1](case)), case.publication)
    case.refresh_from_db()
    assert case.text == "Nowe stanowisko." and case.notes == "Uzgodnione z Prezydentem."


def test_text_of_a_correction_too_long_keeps_what_was_typed(officer):
    case = ResponseCaseFactory(actor=officer, correction=True)
    other = ResponseCaseFactory(actor=officer, publication=case.publication)  # a second case on the page
    too_long = "Sprostowanie. " * 20
    before = db_state()
    data = {f"text-{case.pk}-text": too_long, f"text-{case.pk}-notes": "wersja robocza"}
    response = _post(officer, _response_url("text", case), data)
    assert_form_error_shown(response, "text", too_long.strip(), "wersja robocza")
    # the error belongs to that case's form, not to the other case's
    cases = {c.pk: c for c in response.context["responses"]}
    assert cases[case.pk].actions["text_form"].errors and not cases[other.pk].actions["text_form"].is_bound
    assert_unchanged(before)


def test_text_after_sending_is_refused(officer):
    case = response_in_status(ResponseStatus.SENT, officer=officer)
    before = db_state()
    response = _post(officer, _response_url("text", case), {f"text-{case.pk}-text": "Poprawka po wysłaniu."})
    assert_form_error_shown(response, None)
    assert_unchanged(before)


def test_sent_correction_to_a_daily_gets_the_outlets_deadlines(officer):
    case = ResponseCaseFactory(actor=officer, correction=True)
    assert case.publication.outlet.kind == OutletKind.DAILY
    _assert_done(_post(officer, _response_url("sent", case), {f"sent-{case.pk}-sent_on": _today()}), case.publication)
    case.refresh_from_db()
    today = timezone.localdate()
    assert case.status == ResponseStatus.SENT and case.sent_on == today
    assert case.publish_due == today + dt.timedelta(days=7) and case.refusal_due == today + dt.timedelta(days=7)


def test_sent_correction_to_a_weekly_takes_the_next_issue(officer):
    weekly = OutletFactory(name="Tygodnik Powiatowy", kind=OutletKind.PERIODICAL)
    case = ResponseCaseFactory(actor=officer, correction=True, publication=PublicationFactory(outlet=weekly))
    data = {f"sent-{case.pk}-sent_on": _today(), f"sent-{case.pk}-publish_due": _today(9)}
    _assert_done(_post(officer, _response_url("sent", case), data), case.publication)
    case.refresh_from_db()
    assert case.publish_due == timezone.localdate() + dt.timedelta(days=9) and case.publish_rule == NEXT_ISSUE_RULE


def test_sent_correction_to_a_weekly_without_the_next_issue_keeps_what_was_typed(officer):
    weekly = OutletFactory(name="Tygodnik Powiatowy", kind=OutletKind.PERIODICAL)
    case = ResponseCaseFactory(actor=officer, correction=True, publication=PublicationFactory(outlet=weekly))
    before = db_state()
    sent_on = _today(-1)
    response = _post(officer, _response_url("sent", case), {f"sent-{case.pk}-sent_on": sent_on})
    assert_form_error_shown(response, "publish_due", sent_on)
    assert_unchanged(before)


def test_sent_before_the_publication_keeps_what_was_typed(officer):
    case = response_in_status(ResponseStatus.DRAFT, officer=officer)
    before = db_state()
    early = (case.publication.published_on - dt.timedelta(days=3)).isoformat()
    response = _post(officer, _response_url("sent", case), {f"sent-{case.pk}-sent_on": early})
    assert_form_error_shown(response, "sent_on", early)
    assert_unchanged(before)


def test_outcome_published(officer):
    case = response_in_status(ResponseStatus.SENT, officer=officer)
    data = RESPONSE_READY["outcome"][1](case)
    data[f"outcome-{case.pk}-notes"] = "Opublikowano na str. 3."
    _assert_done(_post(officer, _response_url("outcome", case), data), case.publication)
    case.refresh_from_db()
    assert case.status == ResponseStatus.PUBLISHED and case.published_on == timezone.localdate()
    assert "Opublikowano na str. 3." in case.notes


def test_outcome_the_workflow_forbids_keeps_what_was_typed(officer):
    case = response_in_status(ResponseStatus.SENT, officer=officer)
    before = db_state()
    data = {
        f"outcome-{case.pk}-target": ResponseStatus.COURT,
        f"outcome-{case.pk}-on": _today(),
        f"outcome-{case.pk}-notes": "Pozew do sądu okręgowego",
    }
    response = _post(officer, _response_url("outcome", case), data)
    assert_form_error_shown(response, None, "Pozew do sądu okręgowego")
    assert_unchanged(before)


def test_outcome_not_a_choice_keeps_what_was_typed(officer):
    case = response_in_status(ResponseStatus.SENT, officer=officer)
    before = db_state()
    data = {
        f"outcome-{case.pk}-target": ResponseStatus.SENT,  # sending has its own form
        f"outcome-{case.pk}-on": "2031-02-30",
        f"outcome-{case.pk}-notes": "Redakcja milczy",
    }
    response = _post(officer, _response_url("outcome", case), data)
    assert_form_error_shown(response, "target", "2031-02-30", "Redakcja milczy")
    assert_unchanged(before)


# --- Pages --------------------------------------------------------------------------------------


def test_list_per_role(officer, persona):
    publication = PublicationFactory(title="Radni pytają o koszty iluminacji ratusza")
    url = reverse("media_relations:publication_list")
    expected = expected_for_page(VIEWERS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert publication.title in page_text(fetch(client_for(persona("auditor")), "get", url))
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_list_filters_by_tone(officer):
    negative = PublicationFactory(tone=Tone.NEGATIVE)
    PublicationFactory(tone=Tone.POSITIVE)
    page = fetch(client_for(officer), "get", reverse("media_relations:publication_list"), {"tone": "negative"})
    assert list(page.context["page_obj"].object_list) == [negative]


def test_detail_per_role(officer, persona):
    case = response_in_status(ResponseStatus.DRAFT, officer=officer)
    url = _detail_url(case.publication)
    expected = expected_for_page(VIEWERS, record=True)
    assert statuses(persona, "get", url, expected) == expected
    page = fetch(client_for(persona("management")), "get", url)
    assert case.publication.title in page_text(page) and case.text in page_text(page)
    assert not page.context["may"]["respond"]
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert (
        fetch(client_for(officer), "get", reverse("media_relations:publication_detail", args=[987654])).status_code
        == 404
    )
    assert_anonymous_sent_to_login("get", url)


def test_detail_offers_each_case_its_own_steps(officer):
    draft = response_in_status(ResponseStatus.DRAFT, officer=officer)
    sent = response_in_status(ResponseStatus.SENT, officer=officer, publication=draft.publication)
    page = fetch(client_for(officer), "get", _detail_url(draft.publication))
    cases = {c.pk: c.actions["may"] for c in page.context["responses"]}
    assert cases[draft.pk]["text"] and cases[draft.pk]["sent"] and not cases[draft.pk]["outcome"]
    assert cases[sent.pk]["outcome"] and not cases[sent.pk]["text"]
    text = page_text(page)
    assert f'name="text-{draft.pk}-text"' in text and f'name="outcome-{sent.pk}-target"' in text


def _publication_data(outlet: Any, /, **overrides: Any) -> dict[str, Any]:
    data = {
        "outlet": outlet.pk,
        "published_on": _today(-1),
        "title": "Mieszkańcy Zatorza protestują przeciw wycince",
        "url": "https://przykladowo24.pl/zatorze-wycinka",
        "summary": "Relacja z protestu.",
        "topics": [Tag.objects.get_or_create(name="zieleń")[0].pk],
        "tone": Tone.NEGATIVE,
        "reach": Reach.LOCAL,
        "importance": Importance.HIGH,
    }
    data.update(overrides)
    return data


def test_create_per_role(officer, persona):
    url = reverse("media_relations:publication_create")
    expected = expected_for_page(EDITORS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_create_logs_the_publication(officer):
    outlet = OutletFactory(name="przykladowo24.pl", kind=OutletKind.ONLINE)
    response = _post(officer, reverse("media_relations:publication_create"), _publication_data(outlet))
    publication = Publication.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail_url(publication)
    assert publication.outlet == outlet and publication.title == "Mieszkańcy Zatorza protestują przeciw wycince"
    assert publication.created_by == officer and [t.name for t in publication.topics.all()] == ["zieleń"]


def test_create_dated_in_the_future_keeps_what_was_typed(officer):
    outlet = OutletFactory(name="przykladowo24.pl", kind=OutletKind.ONLINE)
    Tag.objects.get_or_create(name="zieleń")
    before = db_state()
    future = _today(5)
    data = _publication_data(outlet, published_on=future, title="Artykuł z przyszłości")
    response = _post(officer, reverse("media_relations:publication_create"), data)
    assert_form_error_shown(response, "published_on", future, "Artykuł z przyszłości")
    assert_unchanged(before)


def test_edit_per_role(officer, persona):
    url = reverse("media_relations:publication_edit", args=[PublicationFactory().pk])
    expected = expected_for_page(VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_edit_changes_the_publication(officer):
    publication = PublicationFactory()
    data = _publication_data(publication.outlet, title="Sprostowany tytuł", tone=Tone.NEUTRAL)
    response = _post(officer, reverse("media_relations:publication_edit", args=[publication.pk]), data)
    assert response.status_code == 302 and response["Location"] == _detail_url(publication)
    publication.refresh_from_db()
    assert publication.title == "Sprostowany tytuł" and publication.tone == Tone.NEUTRAL


def test_edit_without_an_outlet_keeps_what_was_typed(officer):
    publication = PublicationFactory()
    Tag.objects.get_or_create(name="zieleń")
    before = db_state()
    data = _publication_data(publication.outlet, outlet="", title="Tytuł bez redakcji")
    response = _post(officer, reverse("media_relations:publication_edit", args=[publication.pk]), data)
    assert_form_error_shown(response, "outlet", "Tytuł bez redakcji")
    assert_unchanged(before)


def test_responses_list_per_role(officer, persona):
    open_case = response_in_status(ResponseStatus.SENT, officer=officer)
    closed = response_in_status(ResponseStatus.CLOSED, officer=officer)
    url = reverse("media_relations:response_list")
    expected = expected_for_page(VIEWERS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    page = fetch(client_for(persona("secretariat")), "get", url)
    assert list(page.context["page_obj"].object_list) == [open_case]
    assert closed.status == ResponseStatus.CLOSED and closed not in page.context["page_obj"].object_list
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)
