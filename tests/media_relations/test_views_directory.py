"""The views of media_relations/views/directory.py: outlets, journalists (with their employment
history and the history of contacts) and distribution lists. Office staff read the directory too;
unit liaisons see nothing of it (a record 404, a list or a create page 403)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from media_relations.models import Channel, DistributionList, Journalist, Outlet, OutletKind, Reach
from media_relations.views import directory as directory_views
from office.models import Tag
from tests.media_relations.factories import (
    DeliveryFactory,
    DistributionListFactory,
    InquiryFactory,
    InvitationFactory,
    JournalistFactory,
    JournalistOutletFactory,
    OutletFactory,
    PublicationFactory,
)
from tests.media_relations.helpers import (
    DIRECTORY_VIEWERS,
    EDITORS,
    assert_anonymous_sent_to_login,
    assert_form_error_shown,
    assert_unchanged,
    db_state,
    expected_for_page,
    page_url_names,
    statuses,
)
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db

LIST_PAGES = ["media_relations:outlet_list", "media_relations:journalist_list", "media_relations:distribution_lists"]
CREATE_PAGES = [
    "media_relations:outlet_create",
    "media_relations:journalist_create",
    "media_relations:distribution_list_create",
]


def test_every_page_of_the_module_is_tested() -> None:
    """The pages (plain views and Editors) of media_relations/views/directory.py tested below."""
    assert page_url_names(directory_views) == {
        "media_relations:outlet_list",
        "media_relations:outlet_create",
        "media_relations:outlet_detail",
        "media_relations:outlet_edit",
        "media_relations:journalist_list",
        "media_relations:journalist_create",
        "media_relations:journalist_detail",
        "media_relations:journalist_edit",
        "media_relations:distribution_lists",
        "media_relations:distribution_list_create",
        "media_relations:distribution_list_edit",
    }


@pytest.mark.parametrize("name", LIST_PAGES)
def test_lists_per_role(officer, persona, name):
    url = reverse(name)
    expected = expected_for_page(DIRECTORY_VIEWERS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(persona("office_staff")), "post", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


@pytest.mark.parametrize("name", CREATE_PAGES)
def test_create_pages_per_role(officer, persona, name):
    url = reverse(name)
    expected = expected_for_page(EDITORS, record=False)
    assert statuses(persona, "get", url, expected) == expected
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)


def _records() -> dict[str, Any]:
    outlet = OutletFactory(name="Radio Zachód", kind=OutletKind.RADIO)
    return {
        "outlet": outlet,
        "journalist": JournalistFactory(outlet=outlet),
        "distribution_list": DistributionListFactory(name="Radia regionalne"),
    }


@pytest.mark.parametrize(
    ("name", "record"),
    [
        ("media_relations:outlet_detail", "outlet"),
        ("media_relations:journalist_detail", "journalist"),
    ],
)
def test_record_pages_per_role(officer, persona, name, record):
    target = _records()[record]
    url = reverse(name, args=[target.pk])
    expected = expected_for_page(DIRECTORY_VIEWERS, record=True)
    assert statuses(persona, "get", url, expected) == expected
    assert str(target) in page_text(fetch(client_for(persona("office_staff")), "get", url))
    assert fetch(client_for(officer), "post", url).status_code == 405
    assert fetch(client_for(officer), "get", reverse(name, args=[987654])).status_code == 404
    assert_anonymous_sent_to_login("get", url)


@pytest.mark.parametrize(
    ("name", "record"),
    [
        ("media_relations:outlet_edit", "outlet"),
        ("media_relations:journalist_edit", "journalist"),
        ("media_relations:distribution_list_edit", "distribution_list"),
    ],
)
def test_edit_pages_per_role(officer, persona, name, record):
    url = reverse(name, args=[_records()[record].pk])
    before = db_state()
    expected = expected_for_page(DIRECTORY_VIEWERS, record=True, editors=EDITORS)
    assert statuses(persona, "get", url, expected) == expected
    # a reader's POST is refused the same way and changes nothing
    readers = {"office_staff": 403, "secretariat": 403, "unit_liaison": 404}
    assert statuses(persona, "post", url, readers, {"name": "Przejęta nazwa"}) == readers
    assert fetch(client_for(officer), "put", url).status_code == 405
    assert_anonymous_sent_to_login("get", url)
    assert_unchanged(before)


# --- Outlets ------------------------------------------------------------------------------------


def _outlet_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Radio Przykładowo FM",
        "kind": OutletKind.RADIO,
        "reach": Reach.LOCAL,
        "region": "Powiat przykładowski",
        "email": "newsroom@radioprzykladowo.pl",
        "phone": "+48 22 555 20 20",
        "website": "radioprzykladowo.pl",
        "tags": [Tag.objects.get_or_create(name="radio")[0].pk],
        "notes": "Serwis informacyjny co godzinę.",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_outlet_create(officer):
    response = fetch(client_for(officer), "post", reverse("media_relations:outlet_create"), _outlet_data())
    outlet = Outlet.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "media_relations:outlet_detail", args=[outlet.pk]
    )
    assert outlet.name == "Radio Przykładowo FM" and outlet.kind == OutletKind.RADIO
    assert outlet.website == "https://radioprzykladowo.pl" and [t.name for t in outlet.tags.all()] == ["radio"]


def test_outlet_create_with_a_name_taken_keeps_what_was_typed(officer):
    OutletFactory(name="Radio Przykładowo FM")
    Tag.objects.get_or_create(name="radio")
    before = db_state()
    data = _outlet_data(region="Gmina Nowa Wieś")
    response = fetch(client_for(officer), "post", reverse("media_relations:outlet_create"), data)
    assert_form_error_shown(response, "name", "Radio Przykładowo FM", "Gmina Nowa Wieś")
    assert_unchanged(before)


def test_outlet_edit(officer):
    outlet = OutletFactory(name="Radio Przykładowo FM", kind=OutletKind.RADIO)
    data = _outlet_data(reach=Reach.REGIONAL, is_active="")
    response = fetch(client_for(officer), "post", reverse("media_relations:outlet_edit", args=[outlet.pk]), data)
    assert response.status_code == 302
    outlet.refresh_from_db()
    assert outlet.reach == Reach.REGIONAL and not outlet.is_active


def test_outlet_edit_without_a_kind_keeps_what_was_typed(officer):
    outlet = OutletFactory()
    Tag.objects.get_or_create(name="radio")
    before = db_state()
    data = _outlet_data(kind="", notes="Nowa redaktor naczelna od marca.")
    response = fetch(client_for(officer), "post", reverse("media_relations:outlet_edit", args=[outlet.pk]), data)
    assert_form_error_shown(response, "kind", "Radio Przykładowo FM", "Nowa redaktor naczelna od marca.")
    assert_unchanged(before)


def test_outlet_list_filters_by_kind(officer):
    radio = OutletFactory(name="Radio Zachód", kind=OutletKind.RADIO)
    OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY)
    page = fetch(client_for(officer), "get", reverse("media_relations:outlet_list"), {"kind": "radio"})
    assert list(page.context["page_obj"].object_list) == [radio]


def test_outlet_detail_shows_its_people_inquiries_and_publications(officer, management):
    outlet = OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY)
    journalist = JournalistFactory(name="Hanna Szymańska", outlet=outlet)
    inquiry = InquiryFactory(actor=officer, journalist=journalist, subject="Budowa basenu na Zatorzu")
    publication = PublicationFactory(outlet=outlet, title="Nowy basen później, niż obiecywano")
    page = page_text(fetch(client_for(officer), "get", reverse("media_relations:outlet_detail", args=[outlet.pk])))
    assert journalist.name in page and inquiry.subject in page and publication.title in page


# --- Journalists --------------------------------------------------------------------------------


def _journalist_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Zofia Kwiatkowska",
        "email": "z.kwiatkowska@gazeta-przykladowska.pl",
        "phone": "+48 601 222 333",
        "beat": "oświata",
        "preferred_channel": Channel.PHONE,
        "notes": "Dzwonić przed 10:00.",
        "outlet": "",
        "position": "",
        "since": "",
    }
    data.update(overrides)
    return data


def test_journalist_create_with_the_outlet(officer):
    outlet = OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY)
    data = _journalist_data(outlet=outlet.pk, position="reporterka", since="2024-09-01")
    response = fetch(client_for(officer), "post", reverse("media_relations:journalist_create"), data)
    journalist = Journalist.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("media_relations:journalist_detail", args=[journalist.pk])
    employment = journalist.employments.get()
    assert (employment.outlet, employment.position, employment.started_on, employment.ended_on) == (
        outlet,
        "reporterka",
        dt.date(2024, 9, 1),
        None,
    )


def test_journalist_create_with_a_wrong_address_keeps_what_was_typed(officer):
    before = db_state()
    data = _journalist_data(email="z.kwiatkowska(at)gazeta")
    response = fetch(client_for(officer), "post", reverse("media_relations:journalist_create"), data)
    assert_form_error_shown(response, "email", "Zofia Kwiatkowska", "z.kwiatkowska(at)gazeta", "Dzwonić przed 10:00.")
    assert_unchanged(before)


def test_journalist_edit_moves_to_another_outlet(officer):
    daily = OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY)
    portal = OutletFactory(name="przykladowo24.pl", kind=OutletKind.ONLINE)
    journalist = JournalistFactory(outlet=daily)
    since = timezone.localdate()
    data = _journalist_data(name=journalist.name, outlet=portal.pk, position="wydawca", since=since.isoformat())
    response = fetch(
        client_for(officer), "post", reverse("media_relations:journalist_edit", args=[journalist.pk]), data
    )
    assert response.status_code == 302
    history = list(journalist.employments.order_by("started_on").values_list("outlet", "ended_on", "position"))
    assert history == [(daily.pk, since - dt.timedelta(days=1), "reporter"), (portal.pk, None, "wydawca")]


def test_journalist_edit_starting_before_the_current_job_keeps_what_was_typed(officer):
    daily = OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY)
    portal = OutletFactory(name="przykladowo24.pl", kind=OutletKind.ONLINE)
    journalist = JournalistFactory(outlet=daily)  # since 1 March 2021
    before = db_state()
    data = _journalist_data(name="Zofia Kwiatkowska-Nowak", outlet=portal.pk, since="2020-01-01")
    response = fetch(
        client_for(officer), "post", reverse("media_relations:journalist_edit", args=[journalist.pk]), data
    )
    assert_form_error_shown(response, "since", "Zofia Kwiatkowska-Nowak", "2020-01-01")
    assert_unchanged(before)


def test_journalist_list_filters_by_current_outlet(officer):
    daily = OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY)
    portal = OutletFactory(name="przykladowo24.pl", kind=OutletKind.ONLINE)
    stays = JournalistFactory(name="Tomasz Mazur", outlet=daily)
    left = JournalistFactory(name="Łukasz Wójcik", outlet=portal)
    JournalistOutletFactory(
        journalist=left, outlet=daily, started_on=dt.date(2019, 1, 1), ended_on=dt.date(2021, 2, 28)
    )  # worked for the daily before
    page = fetch(client_for(officer), "get", reverse("media_relations:journalist_list"), {"outlet": daily.pk})
    assert list(page.context["page_obj"].object_list) == [stays]


def test_journalist_detail_shows_the_history_of_contacts(officer):
    daily = OutletFactory(name="Gazeta Przykładowska", kind=OutletKind.DAILY)
    journalist = JournalistFactory(name="Ewelina Lewandowska", outlet=daily)
    inquiry = InquiryFactory(actor=officer, journalist=journalist, subject="Dofinansowanie żłobków")
    delivery = DeliveryFactory(journalist=journalist)
    invitation = InvitationFactory(outlet=daily, attended=True)
    DistributionListFactory(name="Dzienniki", journalists=[journalist])
    page = fetch(client_for(officer), "get", reverse("media_relations:journalist_detail", args=[journalist.pk]))
    text = page_text(page)
    assert inquiry.subject in text and delivery.release.title in text and invitation.conference.topic in text
    assert "Dzienniki" in text and daily.name in text


# --- Distribution lists -------------------------------------------------------------------------


def test_distribution_list_create(officer):
    people = [JournalistFactory(), JournalistFactory()]
    data = {
        "name": "Media ogólnopolskie",
        "description": "PAP, radio i telewizja",
        "journalists": [p.pk for p in people],
    }
    response = fetch(client_for(officer), "post", reverse("media_relations:distribution_list_create"), data)
    assert response.status_code == 302 and response["Location"] == reverse("media_relations:distribution_lists")
    saved = DistributionList.objects.get()
    assert saved.name == "Media ogólnopolskie" and set(saved.journalists.all()) == set(people)


def test_distribution_list_create_with_a_name_taken_keeps_what_was_typed(officer):
    DistributionListFactory(name="Media ogólnopolskie")
    before = db_state()
    data = {"name": "Media ogólnopolskie", "description": "Druga lista o tej samej nazwie"}
    response = fetch(client_for(officer), "post", reverse("media_relations:distribution_list_create"), data)
    assert_form_error_shown(response, "name", "Druga lista o tej samej nazwie")
    assert_unchanged(before)


def test_distribution_list_edit(officer):
    first, second = JournalistFactory(), JournalistFactory()
    distribution_list = DistributionListFactory(name="Radia regionalne", journalists=[first])
    data = {"name": "Radia i telewizje", "description": "", "journalists": [second.pk]}
    url = reverse("media_relations:distribution_list_edit", args=[distribution_list.pk])
    assert fetch(client_for(officer), "post", url, data).status_code == 302
    distribution_list.refresh_from_db()
    assert distribution_list.name == "Radia i telewizje" and list(distribution_list.journalists.all()) == [second]


def test_distribution_list_edit_without_a_name_keeps_what_was_typed(officer):
    distribution_list = DistributionListFactory(name="Radia regionalne")
    before = db_state()
    data = {"name": "", "description": "Lista do komunikatów o drogach"}
    url = reverse("media_relations:distribution_list_edit", args=[distribution_list.pk])
    assert_form_error_shown(fetch(client_for(officer), "post", url, data), "name", "Lista do komunikatów o drogach")
    assert_unchanged(before)


def test_distribution_lists_count_their_journalists(officer):
    DistributionListFactory(name="Radia regionalne", journalists=[JournalistFactory(), JournalistFactory()])
    page = fetch(client_for(officer), "get", reverse("media_relations:distribution_lists"))
    assert [(row.name, row.n) for row in page.context["page_obj"].object_list] == [("Radia regionalne", 2)]
