"""Per-role access of the press office's pages (allowed 200, wrong role 403, outside scope 404,
wrong method 405), query budgets of every list and widget, forms that keep what was typed."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from media_relations import contributions
from media_relations.models import (
    BulletinIssue,
    Conference,
    DistributionList,
    Inquiry,
    Journalist,
    JournalistOutlet,
    Outlet,
    PlannedPost,
    Publication,
    Release,
    ResponseCase,
)
from media_relations.services import inquiries as services
from office.models import Tag
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db
_counter = itertools.count()


@pytest.mark.parametrize(
    ("role", "list_status", "detail_status", "edit_status"),
    [
        ("press_officer", 200, 200, 200),
        ("secretariat", 200, 200, 403),
        ("management", 200, 200, 403),
        ("auditor", 200, 200, 403),
        ("office_staff", 403, 404, 404),
        ("unit_liaison", 403, 404, 404),
    ],
)
def test_inquiry_pages_per_role(persona, make_inquiry, role, list_status, detail_status, edit_status):
    inquiry = make_inquiry()
    client = client_for(persona(role))
    assert client.get(reverse("media_relations:inquiry_list")).status_code == list_status
    assert client.get(reverse("media_relations:inquiry_detail", args=[inquiry.pk])).status_code == detail_status
    assert client.get(reverse("media_relations:inquiry_edit", args=[inquiry.pk])).status_code == edit_status
    assert client.get(reverse("media_relations:inquiry_draft", args=[inquiry.pk])).status_code == edit_status


def test_directory_readable_by_office_staff(persona, journalist, daily):
    client = client_for(persona("office_staff"))
    assert client.get(reverse("media_relations:journalist_detail", args=[journalist.pk])).status_code == 200
    assert client.get(reverse("media_relations:outlet_edit", args=[daily.pk])).status_code == 403
    assert client.post(reverse("media_relations:journalist_list")).status_code == 405


def test_anonymous_is_sent_to_login(make_inquiry):
    inquiry = make_inquiry()
    response = client_for(None).get(reverse("media_relations:inquiry_detail", args=[inquiry.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_missing_record_is_404(officer):
    assert client_for(officer).get(reverse("media_relations:inquiry_detail", args=[999999])).status_code == 404


def test_journalist_moves_to_another_outlet(officer, journalist, daily, online):
    client = client_for(officer)
    url = reverse("media_relations:journalist_edit", args=[journalist.pk])
    data = {
        "name": journalist.name,
        "email": journalist.email,
        "preferred_channel": "email",
        "outlet": online.pk,
        "since": timezone.localdate().isoformat(),
    }
    assert client.post(url, data).status_code == 302
    history = list(journalist.employments.order_by("started_on").values_list("outlet", "ended_on"))
    assert history == [(daily.pk, timezone.localdate() - dt.timedelta(days=1)), (online.pk, None)]
    detail = client.get(reverse("media_relations:journalist_detail", args=[journalist.pk]))
    assert daily.name in detail.content.decode() and online.name in detail.content.decode()


def test_outlet_form_keeps_what_was_typed(officer):
    response = client_for(officer).post(reverse("media_relations:outlet_create"), {"name": "Nowe Radio", "kind": ""})
    assert response.status_code == 200 and "Nowe Radio" in response.content.decode()
    assert not Outlet.objects.exists()


def test_polish_ordering_of_journalists(officer):
    for name in ["Łukasz Mazur", "Lech Nowak", "Żaneta Kos", "Zenon Ptak", "Ćwik Adam", "Cezary Lis"]:
        Journalist.objects.create(name=name)
    page = client_for(officer).get(reverse("media_relations:journalist_list"))
    names = [j.name for j in page.context["page_obj"].object_list]
    assert names == ["Cezary Lis", "Ćwik Adam", "Lech Nowak", "Łukasz Mazur", "Zenon Ptak", "Żaneta Kos"]


# --- Query budgets --------------------------------------------------------------------------------


def _journalists(count, outlet):
    for _ in range(count):
        n = next(_counter)
        person = Journalist.objects.create(name=f"Dziennikarz {n}", email=f"j{n}@example.com")
        JournalistOutlet.objects.create(journalist=person, outlet=outlet)


def _inquiries(count, officer, outlet):
    for _ in range(count):
        n = next(_counter)
        person = Journalist.objects.create(name=f"Pytający {n}")
        JournalistOutlet.objects.create(journalist=person, outlet=outlet)
        services.register_inquiry(
            actor=officer,
            journalist=person,
            subject=f"Pytanie {n}",
            questions="?",
            legal_basis="press_information",
            received_at=timezone.now() - dt.timedelta(days=12),
        )


def _publications(count, outlet):
    tag, _ = Tag.objects.get_or_create(name="transport")
    for _ in range(count):
        n = next(_counter)
        p = Publication.objects.create(
            outlet=outlet, published_on=timezone.localdate(), title=f"Tekst {n}", tone="negative"
        )
        p.topics.add(tag)
        ResponseCase.objects.create(publication=p, kind="statement")


@pytest.mark.parametrize(
    "url",
    [
        "media_relations:inquiry_list",
        "media_relations:journalist_list",
        "media_relations:outlet_list",
        "media_relations:publication_list",
        "media_relations:response_list",
        "media_relations:release_list",
        "media_relations:conference_list",
        "media_relations:plan",
        "media_relations:bulletin_list",
        "media_relations:distribution_lists",
        "media_relations:newsroom",
        "media_relations:statistics",
        "office:dashboard",
    ],
)
def test_query_budget(officer, daily, url):
    def make(count):
        _inquiries(count, officer, daily)
        _journalists(count, Outlet.objects.create(name=f"Redakcja {next(_counter)}", kind="online"))
        _publications(count, daily)
        now = timezone.now()
        for _ in range(count):
            n = next(_counter)
            Release.objects.create(title=f"K {n}", slug=f"k-{n}", body="T", status="published", published_at=now)
            c = Conference.objects.create(topic=f"K {n}", starts_at=now, ends_at=now + dt.timedelta(hours=1), place="S")
            c.invitations.create(outlet=daily)
            PlannedPost.objects.create(
                title=f"W {n}", channel="website", planned_at=now + dt.timedelta(days=1), owner=officer
            )
            BulletinIssue.objects.create(number=f"{n}/2030", title="B", planned_on=dt.date(2030, 1, 1))
            DistributionList.objects.create(name=f"Lista {n}").journalists.add(*Journalist.objects.all()[:3])

    assert_constant_queries(client_for(officer), reverse(url), make, n=3, extra=20)


def test_query_budget_with_filters(officer, daily):
    url = reverse("media_relations:inquiry_list") + f"?open=on&sort=due&outlet={daily.pk}&q=Pytanie"
    assert_constant_queries(client_for(officer), url, lambda n: _inquiries(n, officer, daily))


def test_widgets(officer, daily, make_inquiry):
    overdue = make_inquiry(received_at=timezone.now() - dt.timedelta(days=30))
    Inquiry.objects.filter(pk=overdue.pk).update(due_on=timezone.localdate() - dt.timedelta(days=2))
    soon = make_inquiry(subject="Pilne")
    Inquiry.objects.filter(pk=soon.pk).update(due_on=timezone.localdate() + dt.timedelta(days=1))
    Publication.objects.create(outlet=daily, published_on=timezone.localdate(), title="Krytyka", tone="negative")
    assert contributions.inquiries_overdue(officer).total == 1
    assert contributions.inquiries_due(officer).items[0].label == "Pilne"
    assert contributions.negative_publications(officer).total == 1
    hits = contributions.search_inquiries(officer, query="Pilne")
    assert hits and hits[0].title == "Pilne"
    assert contributions.search_journalists(officer, query="Nowakowska")
