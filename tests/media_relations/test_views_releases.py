"""The views of media_relations/views/releases.py: the release list, create/edit, the release page
with RELEASE_ACTIONS (submit, send_back, publish, distribute, attach), the distribution's
progress, and the public newsroom (list, release, files)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from media_relations.models import Delivery, Release, ReleaseStatus
from media_relations.views import releases as releases_views
from media_relations.views.releases import RELEASE_ACTIONS
from office.models import Attachment
from office.services.attachments import attach
from tests.media_relations.factories import (
    DeliveryFactory,
    DistributionListFactory,
    JournalistFactory,
    ReleaseFactory,
    release_in_status,
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
R = ReleaseStatus


def test_every_page_of_the_module_is_tested() -> None:
    """The pages (plain views and Editors) of media_relations/views/releases.py tested below."""
    assert page_url_names(releases_views) == {
        "media_relations:release_list",
        "media_relations:release_create",
        "media_relations:release_detail",
        "media_relations:release_edit",
        "media_relations:release_progress",
        "media_relations:newsroom",
        "media_relations:newsroom_detail",
        "media_relations:newsroom_file",
    }


def _detail_url(release: Release) -> str:
    return reverse("media_relations:release_detail", args=[release.pk])


def _action_url(name: str, release: Release) -> str:
    return reverse(f"media_relations:release_{name}", args=[release.pk])


def _upload(name: str = "zaproszenie.txt", content: bytes = b"Zaproszenie na otwarcie mostu.") -> Any:
    return SimpleUploadedFile(name, content, "text/plain")


@pytest.fixture
def make(officer: Any, management: Any) -> Callable[..., Release]:
    def build(status: str = R.DRAFT, **kwargs: Any) -> Release:
        return release_in_status(status, officer=officer, approver=management, **kwargs)

    return build


def _ready_distribute(make: Callable[..., Release]) -> tuple[Release, Callable[[], dict[str, Any]]]:
    release = make(R.PUBLISHED)
    journalists = [JournalistFactory(), JournalistFactory()]
    distribution_list = DistributionListFactory(name="Media regionalne", journalists=journalists)
    return release, lambda: {"distribute-lists": [distribution_list.pk]}


READY: dict[str, Callable[[Callable[..., Release]], tuple[Release, Callable[[], dict[str, Any]]]]] = {
    "submit": lambda make: (make(R.DRAFT), dict),
    "send_back": lambda make: (make(R.APPROVAL), dict),
    "publish": lambda make: (make(R.APPROVAL), dict),
    "distribute": _ready_distribute,
    "attach": lambda make: (make(R.DRAFT), lambda: {"attach-file": _upload(), "attach-description": "zaproszenie"}),
}


def test_every_release_action_is_tested() -> None:
    assert set(READY) == {action.name for action in RELEASE_ACTIONS.actions}


@pytest.mark.parametrize("name", list(READY))
def test_action_access(make, officer, management, persona, name):
    release, data = READY[name](make)
    url = _action_url(name, release)
    allowed = APPROVERS if name == "publish" else EDITORS
    before = db_state()
    assert statuses(persona, "post", url, expected_for_action(allowed), data) == expected_for_action(allowed)
    assert_anonymous_sent_to_login("post", url, data())
    assert fetch(client_for(management if name == "publish" else officer), "get", url).status_code == 405
    missing = reverse(f"media_relations:release_{name}", args=[987654])
    assert fetch(client_for(officer), "post", missing, data()).status_code == 404
    assert_unchanged(before)


def _assert_done(response: Any, release: Release) -> None:
    assert response.status_code == 302 and response["Location"] == _detail_url(release)
    assert messages_of(response) and not error_messages(response)


def _assert_refused(response: Any, release: Release, before: Any) -> None:
    assert response.status_code == 302 and response["Location"] == _detail_url(release)
    assert error_messages(response)
    assert_unchanged(before)


def test_submit(make, officer):
    release = make(R.DRAFT)
    _assert_done(fetch(client_for(officer), "post", _action_url("submit", release)), release)
    assert Release.objects.get(pk=release.pk).status == R.APPROVAL


def test_submit_of_a_published_release_is_refused(make, officer):
    release = make(R.PUBLISHED)
    before = db_state()
    _assert_refused(fetch(client_for(officer), "post", _action_url("submit", release)), release, before)


def test_send_back(make, officer):
    release = make(R.APPROVAL)
    _assert_done(fetch(client_for(officer), "post", _action_url("send_back", release)), release)
    assert Release.objects.get(pk=release.pk).status == R.DRAFT


def test_send_back_of_a_draft_is_refused(make, officer):
    release = make(R.DRAFT)
    before = db_state()
    _assert_refused(fetch(client_for(officer), "post", _action_url("send_back", release)), release, before)


def test_publish(make, management):
    release = make(R.APPROVAL)
    _assert_done(fetch(client_for(management), "post", _action_url("publish", release)), release)
    release.refresh_from_db()
    assert release.status == R.PUBLISHED and release.approved_by == management
    assert release.published_at is not None and release.visible_in_newsroom()


def test_publish_of_a_draft_is_refused(make, management):
    release = make(R.DRAFT)
    before = db_state()
    _assert_refused(fetch(client_for(management), "post", _action_url("publish", release)), release, before)


def test_distribute_sends_once_to_each_journalist(make, officer, mailoutbox, django_capture_on_commit_callbacks):
    release, data = _ready_distribute(make)
    without_address = JournalistFactory(email="")
    DistributionListFactory(name="Media regionalne", journalists=[without_address])
    with django_capture_on_commit_callbacks(execute=True):
        response = fetch(client_for(officer), "post", _action_url("distribute", release), data())
    _assert_done(response, release)
    deliveries = list(Delivery.objects.filter(release=release))
    assert len(deliveries) == 2 and {d.status for d in deliveries} == {Delivery.Status.SENT}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(d.email for d in deliveries)
    assert all(m.subject == release.title for m in mailoutbox)


def test_distribute_without_a_list_shows_the_page_again(make, officer):
    release = make(R.PUBLISHED)
    DistributionListFactory(name="Media ogólnopolskie", journalists=[JournalistFactory()])
    before = db_state()
    response = fetch(client_for(officer), "post", _action_url("distribute", release), {})
    assert_form_error_shown(response, "lists")
    assert_unchanged(before)


def test_distribute_of_a_draft_shows_the_page_again(make, officer):
    release = make(R.DRAFT)
    distribution_list = DistributionListFactory(name="Media ogólnopolskie", journalists=[JournalistFactory()])
    before = db_state()
    data = {"distribute-lists": [distribution_list.pk]}
    response = fetch(client_for(officer), "post", _action_url("distribute", release), data)
    assert_form_error_shown(response, None)
    assert_unchanged(before)


def test_attach(make, officer):
    release = make(R.DRAFT)
    data = {"attach-file": _upload(), "attach-description": "zaproszenie"}
    _assert_done(fetch(client_for(officer), "post", _action_url("attach", release), data), release)
    attachment = Attachment.objects.get()
    assert attachment.record == release and attachment.original_name == "zaproszenie.txt"


def test_attach_an_empty_file_keeps_what_was_typed(make, officer):
    release = make(R.DRAFT)
    before = db_state()
    data = {"attach-file": _upload("pusty.txt", b""), "attach-description": "mapa objazdów"}
    response = fetch(client_for(officer), "post", _action_url("attach", release), data)
    assert_form_error_shown(response, "file", "mapa objazdów")
    assert_unchanged(before)


# --- Pages --------------------------------------------------------------------------------------


def test_list_per_role(make, officer, persona):
    release = make(R.DRAFT, title="Rusza nabór do budżetu obywatelskiego")
    url = reverse("media_relations:release_list")
    expected = expected_for_page(VIEWERS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert release.title in page_text(fetch(client_for(persona("auditor")), "get", url))
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_detail_per_role(make, officer, persona):
    release = make(R.PUBLISHED)
    url = _detail_url(release)
    expected = expected_for_page(VIEWERS, record=True)
    assert statuses(persona, "get", url, expected) == expected
    page = fetch(client_for(persona("secretariat")), "get", url)
    assert release.title in page_text(page) and not page.context["may"]["distribute"]
    assert fetch(client_for(officer), "get", url).context["may"]["distribute"]
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert (
        fetch(client_for(officer), "get", reverse("media_relations:release_detail", args=[987654])).status_code == 404
    )
    assert_anonymous_sent_to_login("get", url)


def test_progress_per_role(officer, persona):
    delivery = DeliveryFactory(status=Delivery.Status.FAILED, error="550 skrzynka nie istnieje", sent_at=None)
    DeliveryFactory(release=delivery.release)
    url = reverse("media_relations:release_progress", args=[delivery.release.pk])
    expected = expected_for_page(VIEWERS, record=True)
    assert statuses(persona, "get", url, expected) == expected
    page = fetch(client_for(officer), "get", url)
    assert page.context["progress"] == {
        "total": 2,
        "sent": 1,
        "failed": 1,
        "uncertain": 0,
        "waiting": 0,
        "percent": 100,
    }
    assert "550 skrzynka nie istnieje" in page_text(page)
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def _release_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Otwarcie mostu na Wiśle",
        "lead": "Most zostanie otwarty w sobotę.",
        "body": "Uroczystość rozpocznie się o 12:00 przy przyczółku od strony Starego Miasta.",
        "embargo_until": "",
    }
    data.update(overrides)
    return data


def test_create_per_role(officer, persona):
    url = reverse("media_relations:release_create")
    expected = expected_for_page(EDITORS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_create_a_draft_with_its_address(officer):
    response = fetch(client_for(officer), "post", reverse("media_relations:release_create"), _release_data())
    release = Release.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail_url(release)
    assert release.status == R.DRAFT and release.slug == "otwarcie-mostu-na-wisle" and release.created_by == officer


def test_create_without_text_keeps_what_was_typed(officer):
    before = db_state()
    data = _release_data(body="", title="Zmiany w rozkładzie jazdy tramwajów")
    response = fetch(client_for(officer), "post", reverse("media_relations:release_create"), data)
    assert_form_error_shown(response, "body", "Zmiany w rozkładzie jazdy tramwajów")
    assert_unchanged(before)


def test_edit_per_role(make, officer, persona):
    url = reverse("media_relations:release_edit", args=[make(R.DRAFT).pk])
    expected = expected_for_page(VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_edit_of_a_published_release_is_refused(make, officer):
    release = make(R.PUBLISHED)
    before = db_state()
    url = reverse("media_relations:release_edit", args=[release.pk])
    assert fetch(client_for(officer), "get", url).status_code == 403
    assert fetch(client_for(officer), "post", url, _release_data()).status_code == 403
    assert_unchanged(before)


def test_edit_changes_the_draft(make, officer):
    release = make(R.DRAFT)
    embargo = timezone.localtime().replace(second=0, microsecond=0) + dt.timedelta(days=1)
    data = _release_data(title="Otwarcie mostu – zmiana godziny", embargo_until=embargo.strftime("%Y-%m-%dT%H:%M"))
    response = fetch(client_for(officer), "post", reverse("media_relations:release_edit", args=[release.pk]), data)
    assert response.status_code == 302 and response["Location"] == _detail_url(release)
    release.refresh_from_db()
    assert release.title == "Otwarcie mostu – zmiana godziny" and release.embargo_until == embargo


def test_edit_with_a_wrong_embargo_keeps_what_was_typed(make, officer):
    release = make(R.DRAFT)
    before = db_state()
    data = _release_data(title="Nowy tytuł komunikatu", embargo_until="w piątek")
    response = fetch(client_for(officer), "post", reverse("media_relations:release_edit", args=[release.pk]), data)
    assert_form_error_shown(response, "embargo_until", "w piątek", "Nowy tytuł komunikatu")
    assert_unchanged(before)


# --- The public newsroom ------------------------------------------------------------------------


def test_newsroom_is_public_and_shows_only_what_is_out(make, persona):
    public = make(R.PUBLISHED, title="Rusza nabór do budżetu obywatelskiego")
    draft = make(R.DRAFT, title="Szkic: iluminacja ratusza")
    embargoed = ReleaseFactory(
        published=True, title="Pod embargiem", embargo_until=timezone.now() + dt.timedelta(days=1)
    )
    url = reverse("media_relations:newsroom")
    for who in (None, persona("unit_liaison"), persona("press_officer")):
        page = fetch(client_for(who), "get", url)
        assert page.status_code == 200
        assert list(page.context["page_obj"].object_list) == [public]
        assert draft.title not in page_text(page) and embargoed.title not in page_text(page)
    assert fetch(client_for(None), "post", url).status_code == 405


def test_newsroom_release_page(make):
    public = make(R.PUBLISHED)
    document = attach(actor=None, record=public, upload=_upload("program.txt", b"Program uroczystosci."))
    url = reverse("media_relations:newsroom_detail", args=[public.slug])
    page = fetch(client_for(None), "get", url)
    assert page.status_code == 200 and public.body in page_text(page)
    assert page.context["documents"] == [document] and page.context["photos"] == []
    assert fetch(client_for(None), "post", url).status_code == 405
    for hidden in (make(R.DRAFT), make(R.APPROVAL)):
        assert (
            fetch(client_for(None), "get", reverse("media_relations:newsroom_detail", args=[hidden.slug])).status_code
            == 404
        )


def test_newsroom_file(make):
    public = make(R.PUBLISHED)
    draft = make(R.DRAFT)
    document = attach(actor=None, record=public, upload=_upload("program.txt", b"Program uroczystosci."))
    hidden = attach(actor=None, record=draft, upload=_upload("notatka.txt", b"Wewnetrzna notatka."))
    url = reverse("media_relations:newsroom_file", args=[public.slug, document.pk])
    response = fetch(client_for(None), "get", url)
    assert response.status_code == 200 and response.content_bytes == b"Program uroczystosci."
    assert response["Content-Disposition"].startswith("attachment")
    assert fetch(client_for(None), "post", url).status_code == 405
    # a draft's file, or another release's file under a published address: not found
    for slug, file_id in ((draft.slug, hidden.pk), (public.slug, hidden.pk)):
        url = reverse("media_relations:newsroom_file", args=[slug, file_id])
        assert fetch(client_for(None), "get", url).status_code == 404
