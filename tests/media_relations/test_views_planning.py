"""The views of media_relations/views/planning.py: the publishing plan and its posts, the bulletin
issues, their articles, and BULLETIN_ACTIONS (approve — management's right — and the PDF job)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from media_relations.models import BulletinArticle, BulletinIssue, PlannedPost
from media_relations.reports import BULLETIN_PDF
from media_relations.views import planning as planning_views
from media_relations.views.planning import BULLETIN_ACTIONS
from office.models import Job
from tests.media_relations.factories import (
    BulletinArticleFactory,
    BulletinIssueFactory,
    PlannedPostFactory,
    form_datetime,
    local,
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
Article = BulletinArticle.Status


def test_every_page_of_the_module_is_tested() -> None:
    """The pages (plain views and Editors) of media_relations/views/planning.py tested below."""
    assert page_url_names(planning_views) == {
        "media_relations:plan",
        "media_relations:post_create",
        "media_relations:post_edit",
        "media_relations:bulletin_list",
        "media_relations:bulletin_create",
        "media_relations:bulletin_detail",
        "media_relations:article_create",
        "media_relations:article_edit",
    }


def _issue_url(issue: BulletinIssue) -> str:
    return reverse("media_relations:bulletin_detail", args=[issue.pk])


def _ready_issue() -> BulletinIssue:
    """An issue whose every article is approved: it can be approved."""
    issue = BulletinIssueFactory()
    BulletinArticleFactory(issue=issue, status=Article.APPROVED)
    BulletinArticleFactory(issue=issue, status=Article.APPROVED)
    return issue


# --- BULLETIN_ACTIONS ---------------------------------------------------------------------------


def test_every_bulletin_action_is_tested() -> None:
    assert {action.name for action in BULLETIN_ACTIONS.actions} == {"approve", "pdf"}


def test_approve_access(management, persona):
    issue = _ready_issue()
    url = reverse("media_relations:bulletin_approve", args=[issue.pk])
    before = db_state()
    assert statuses(persona, "post", url, expected_for_action(APPROVERS)) == expected_for_action(APPROVERS)
    assert_anonymous_sent_to_login("post", url)
    assert fetch(client_for(management), "get", url).status_code == 405
    missing = reverse("media_relations:bulletin_approve", args=[987654])
    assert fetch(client_for(management), "post", missing).status_code == 404
    assert_unchanged(before)


def test_approve(management):
    issue = _ready_issue()
    response = fetch(client_for(management), "post", reverse("media_relations:bulletin_approve", args=[issue.pk]))
    assert response.status_code == 302 and response["Location"] == _issue_url(issue)
    assert messages_of(response) and not error_messages(response)
    issue.refresh_from_db()
    assert issue.status == BulletinIssue.Status.APPROVED and issue.approved_by == management and issue.approved_at


@pytest.mark.parametrize("article_status", [Article.PLANNED, Article.SUBMITTED])
def test_approve_with_an_article_not_approved_is_refused(management, article_status):
    issue = _ready_issue()
    BulletinArticleFactory(issue=issue, status=article_status, text="Tekst w przygotowaniu.")
    before = db_state()
    response = fetch(client_for(management), "post", reverse("media_relations:bulletin_approve", args=[issue.pk]))
    assert response.status_code == 302 and response["Location"] == _issue_url(issue)
    assert error_messages(response)
    assert_unchanged(before)


def test_approve_twice_is_refused(management):
    issue = _ready_issue()
    client = client_for(management)
    url = reverse("media_relations:bulletin_approve", args=[issue.pk])
    assert fetch(client, "post", url).status_code == 302
    before = db_state()
    response = fetch(client, "post", url)
    assert response.status_code == 302 and error_messages(response)
    assert_unchanged(before)


def test_pdf_access(officer, persona):
    """Everyone who sees the bulletin may print it: there is no wrong role, only outsiders."""
    issue = _ready_issue()
    url = reverse("media_relations:bulletin_pdf", args=[issue.pk])
    before = db_state()
    outsiders = {"office_staff": 404, "unit_liaison": 404, "outsider_liaison": 404}
    assert statuses(persona, "post", url, outsiders) == outsiders
    assert_anonymous_sent_to_login("post", url)
    assert fetch(client_for(officer), "get", url).status_code == 405
    assert fetch(client_for(officer), "post", reverse("media_relations:bulletin_pdf", args=[987654])).status_code == 404
    assert_unchanged(before)


@pytest.mark.parametrize("role", sorted(VIEWERS))
def test_pdf_starts_a_job(persona, role):
    issue = _ready_issue()
    user = persona(role)
    response = fetch(client_for(user), "post", reverse("media_relations:bulletin_pdf", args=[issue.pk]))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("office:job_detail", args=[job.pk])
    assert job.kind == BULLETIN_PDF and job.owner == user and job.params["issue_id"] == issue.pk
    assert issue.number in job.title


# --- Pages: the plan ----------------------------------------------------------------------------


def test_plan_per_role(officer, persona):
    post = PlannedPostFactory(title="Zaproszenie na Dni Miasta")
    url = reverse("media_relations:plan")
    expected = expected_for_page(VIEWERS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert post.title in page_text(fetch(client_for(persona("secretariat")), "get", url))
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_plan_shows_the_past_on_request(officer):
    upcoming = PlannedPostFactory(title="Relacja z sesji rady", planned_at=local(days=1, hour=9))
    past = PlannedPostFactory(title="Życzenia świąteczne", planned_at=local(days=-10, hour=9))
    client = client_for(officer)
    url = reverse("media_relations:plan")
    assert list(fetch(client, "get", url).context["page_obj"].object_list) == [upcoming]
    assert list(fetch(client, "get", url, {"past": "1"}).context["page_obj"].object_list) == [upcoming, past]


def _post_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Relacja z otwarcia mostu",
        "channel": PlannedPost.Channel.FACEBOOK,
        "planned_at": form_datetime(local(days=3, hour=14)),
        "owner": "",
        "status": PlannedPost.Status.PLANNED,
        "link": "",
        "notes": "Zdjęcia od fotografa miejskiego.",
    }
    data.update(overrides)
    return data


def test_post_create_per_role(officer, persona):
    url = reverse("media_relations:post_create")
    expected = expected_for_page(EDITORS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_post_create(officer):
    data = _post_data(owner=officer.pk)
    response = fetch(client_for(officer), "post", reverse("media_relations:post_create"), data)
    assert response.status_code == 302 and response["Location"] == reverse("media_relations:plan")
    post = PlannedPost.objects.get()
    assert post.title == "Relacja z otwarcia mostu" and post.owner == officer
    assert post.planned_at == local(days=3, hour=14) and post.status == PlannedPost.Status.PLANNED


def test_post_create_published_without_a_link_keeps_what_was_typed(officer):
    before = db_state()
    data = _post_data(status=PlannedPost.Status.PUBLISHED, title="Wpis bez linku")
    response = fetch(client_for(officer), "post", reverse("media_relations:post_create"), data)
    assert_form_error_shown(response, "link", "Wpis bez linku", "Zdjęcia od fotografa miejskiego.")
    assert_unchanged(before)


def test_post_edit_per_role(officer, persona):
    url = reverse("media_relations:post_edit", args=[PlannedPostFactory().pk])
    expected = expected_for_page(VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_post_edit_marks_it_published(officer):
    post = PlannedPostFactory()
    data = _post_data(status=PlannedPost.Status.PUBLISHED, link="https://facebook.com/miasto/posts/123")
    response = fetch(client_for(officer), "post", reverse("media_relations:post_edit", args=[post.pk]), data)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PlannedPost.Status.PUBLISHED and post.link == "https://facebook.com/miasto/posts/123"


def test_post_edit_with_a_wrong_date_keeps_what_was_typed(officer):
    post = PlannedPostFactory()
    before = db_state()
    data = _post_data(planned_at="jutro po południu", title="Nowy tytuł wpisu")
    response = fetch(client_for(officer), "post", reverse("media_relations:post_edit", args=[post.pk]), data)
    assert_form_error_shown(response, "planned_at", "jutro po południu", "Nowy tytuł wpisu")
    assert_unchanged(before)


# --- Pages: the bulletin ------------------------------------------------------------------------


def test_bulletin_list_per_role(officer, persona):
    issue = _ready_issue()
    url = reverse("media_relations:bulletin_list")
    expected = expected_for_page(VIEWERS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    page = fetch(client_for(persona("auditor")), "get", url)
    assert issue.number in page_text(page)
    row = next(iter(page.context["page_obj"].object_list))
    assert (row.article_count, row.approved_count) == (2, 2)
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_bulletin_detail_per_role(officer, management, persona):
    issue = _ready_issue()
    url = _issue_url(issue)
    expected = expected_for_page(VIEWERS, record=True)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(management), "get", url).context["may"]["approve"]
    page = fetch(client_for(officer), "get", url)
    assert not page.context["may"]["approve"] and page.context["may"]["pdf"]
    assert all(article.title in page_text(page) for article in issue.articles.all())
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert (
        fetch(client_for(officer), "get", reverse("media_relations:bulletin_detail", args=[987654])).status_code == 404
    )
    assert_anonymous_sent_to_login("get", url)


def test_bulletin_create_per_role(officer, persona):
    url = reverse("media_relations:bulletin_create")
    expected = expected_for_page(EDITORS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_bulletin_create(officer):
    data = {"number": "4/2031", "title": "Biuletyn Miejski – kwiecień", "planned_on": "2031-04-15"}
    response = fetch(client_for(officer), "post", reverse("media_relations:bulletin_create"), data)
    issue = BulletinIssue.objects.get()
    assert response.status_code == 302 and response["Location"] == _issue_url(issue)
    assert issue.number == "4/2031" and issue.planned_on == dt.date(2031, 4, 15) and issue.is_planning


def test_bulletin_create_with_a_number_taken_keeps_what_was_typed(officer):
    BulletinIssueFactory(number="4/2031")
    before = db_state()
    data = {"number": "4/2031", "title": "Biuletyn – drugi numer czwarty", "planned_on": "2031-04-30"}
    response = fetch(client_for(officer), "post", reverse("media_relations:bulletin_create"), data)
    assert_form_error_shown(response, "number", "Biuletyn – drugi numer czwarty", "2031-04-30")
    assert_unchanged(before)


def _article_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Nowe ścieżki rowerowe",
        "author": "",
        "deadline": "2029-12-01",
        "status": Article.PLANNED,
        "text": "",
    }
    data.update(overrides)
    return data


def test_article_create_per_role(officer, persona):
    url = reverse("media_relations:article_create", args=[BulletinIssueFactory().pk])
    expected = expected_for_page(VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_article_create(officer):
    issue = BulletinIssueFactory()
    data = _article_data(author=officer.pk, status=Article.SUBMITTED, text="Dwanaście kilometrów nowych dróg.")
    response = fetch(client_for(officer), "post", reverse("media_relations:article_create", args=[issue.pk]), data)
    assert response.status_code == 302 and response["Location"] == _issue_url(issue)
    article = BulletinArticle.objects.get()
    assert article.issue == issue and article.author == officer and article.status == Article.SUBMITTED
    assert article.deadline == dt.date(2029, 12, 1)


def test_article_create_submitted_without_text_keeps_what_was_typed(officer):
    issue = BulletinIssueFactory()
    before = db_state()
    data = _article_data(status=Article.SUBMITTED, title="Artykuł bez treści")
    response = fetch(client_for(officer), "post", reverse("media_relations:article_create", args=[issue.pk]), data)
    assert_form_error_shown(response, "text", "Artykuł bez treści")
    assert_unchanged(before)


def test_article_create_approved_by_a_press_officer_keeps_what_was_typed(officer):
    """Only those who approve answers may set an article approved; the choice is not offered."""
    issue = BulletinIssueFactory()
    before = db_state()
    data = _article_data(status=Article.APPROVED, title="Samozatwierdzony artykuł", text="Treść.")
    response = fetch(client_for(officer), "post", reverse("media_relations:article_create", args=[issue.pk]), data)
    assert_form_error_shown(response, "status", "Samozatwierdzony artykuł")
    assert_unchanged(before)


def test_article_create_in_an_approved_issue_keeps_what_was_typed(officer, management):
    issue = _ready_issue()
    fetch(client_for(management), "post", reverse("media_relations:bulletin_approve", args=[issue.pk]))
    assert BulletinIssue.objects.get(pk=issue.pk).status == BulletinIssue.Status.APPROVED
    before = db_state()
    data = _article_data(title="Spóźniony artykuł")
    response = fetch(client_for(officer), "post", reverse("media_relations:article_create", args=[issue.pk]), data)
    assert_form_error_shown(response, None, "Spóźniony artykuł")
    assert_unchanged(before)


def test_article_edit_per_role(officer, persona):
    url = reverse("media_relations:article_edit", args=[BulletinArticleFactory().pk])
    expected = expected_for_page(VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def test_article_edit(officer):
    article = BulletinArticleFactory(status=Article.PLANNED, text="")
    data = _article_data(title="Ścieżki rowerowe 2030", status=Article.SUBMITTED, text="Gotowy tekst artykułu.")
    response = fetch(client_for(officer), "post", reverse("media_relations:article_edit", args=[article.pk]), data)
    assert response.status_code == 302 and response["Location"] == _issue_url(article.issue)
    article.refresh_from_db()
    assert article.title == "Ścieżki rowerowe 2030" and article.status == Article.SUBMITTED
    assert article.text == "Gotowy tekst artykułu."


def test_article_edit_without_a_deadline_keeps_what_was_typed(officer):
    article = BulletinArticleFactory()
    before = db_state()
    data = _article_data(deadline="", title="Tytuł zmieniony", text="Nowa treść artykułu.")
    response = fetch(client_for(officer), "post", reverse("media_relations:article_edit", args=[article.pk]), data)
    assert_form_error_shown(response, "deadline", "Tytuł zmieniony", "Nowa treść artykułu.")
    assert_unchanged(before)
