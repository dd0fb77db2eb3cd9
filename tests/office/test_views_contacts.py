"""Contact pages: list and filters, create and change (with bad input), merge duplicates."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from office.models import AuditEntry, Contact
from tests.factories import ContactFactory, TagFactory
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db


def url(name: str, contact: Contact | None = None) -> str:
    return reverse(f"office:{name}", args=[contact.pk] if contact else [])


def test_list_and_filters(persona: Any) -> None:
    media = TagFactory(name="media")
    ContactFactory(name="Redakcja Gazety", kind=Contact.Kind.MEDIA, tags=[media])
    ContactFactory(name="Fundacja Rozwoju", kind=Contact.Kind.NGO, city="Łódź")
    merged_into = ContactFactory(name="Jan Nowak")
    ContactFactory(name="Jan Nowak (duplikat)", merged_into=merged_into)
    client = client_for(persona("unit_liaison"))

    def names(**query: Any) -> list[str]:
        response = fetch(client, "get", url("contact_list"), query)
        assert response.status_code == 200
        return [c.name for c in response.context["page_obj"].object_list]

    assert names() == ["Fundacja Rozwoju", "Jan Nowak", "Redakcja Gazety"]  # merged duplicates hidden
    assert names(q="łódź") in (["Fundacja Rozwoju"], [])  # SQLite folds ASCII case only
    assert names(q="Łódź") == ["Fundacja Rozwoju"]
    assert names(kind="media") == ["Redakcja Gazety"]
    assert names(tag="MEDIA") == ["Redakcja Gazety"]
    assert names(kind="nonsense") == ["Fundacja Rozwoju", "Jan Nowak", "Redakcja Gazety"]  # no 500
    fragment = fetch(client, "get", url("contact_list"), HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode() and "Redakcja Gazety" in fragment.content.decode()
    assert fetch(client, "post", url("contact_list")).status_code == 405


def test_detail(persona: Any) -> None:
    organisation = ContactFactory(name="Urząd Wojewódzki", kind=Contact.Kind.INSTITUTION)
    ContactFactory(name="Anna Wojewódzka", organisation=organisation)
    ContactFactory(name="Urząd Wojewódzki")
    response = fetch(client_for(persona("office_staff")), "get", url("contact_detail", organisation))
    assert response.status_code == 200
    text = page_text(response)
    assert "Anna Wojewódzka" in text
    assert response.context["can_merge"] and response.context["can_change"]
    assert len(response.context["duplicates"]) == 1
    liaison_page = fetch(client_for(persona("unit_liaison")), "get", url("contact_detail", organisation))
    assert not liaison_page.context["can_merge"] and not liaison_page.context["can_change"]
    assert fetch(client_for(persona("office_staff")), "get", "/contacts/999999/").status_code == 404


def test_create(persona: Any) -> None:
    staff = persona("press_officer")
    tag = TagFactory(name="media")
    data = {
        "kind": "media",
        "name": "Radio Miejskie",
        "email": "redakcja@radio.pl",
        "postal_code": "90-001",
        "city": "Łódź",
        "tags": [tag.pk],
        "phone": "",
        "street": "",
        "position": "",
        "notes": "",
    }
    response = fetch(client_for(staff), "post", url("contact_create"), data)
    contact = Contact.objects.get()
    assert (response.status_code, response["Location"]) == (302, url("contact_detail", contact))
    assert (contact.name, contact.city, list(contact.tags.all())) == ("Radio Miejskie", "Łódź", [tag])
    entry = AuditEntry.objects.of(contact).get()
    assert (entry.action, entry.actor) == (AuditEntry.Action.CREATE, staff)
    assert messages_of(response)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"postal_code": "90001"}, "postal_code"),
        ({"postal_code": "9-0001"}, "postal_code"),
        ({"email": "nie-adres"}, "email"),
        ({"name": ""}, "name"),
        ({"kind": "alien"}, "kind"),
        ({"organisation": "999999"}, "organisation"),
    ],
)
def test_create_with_bad_input_shows_the_form_again(persona: Any, change: dict, field: str) -> None:
    data = {
        "kind": "person",
        "name": "Maria Skłodowska",
        "email": "maria@example.pl",
        "postal_code": "00-950",
        "city": "Warszawa",
        "notes": "Notatka wpisana przed błędem",
    }
    data.update(change)
    response = fetch(client_for(persona("office_staff")), "post", url("contact_create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field]
    text = page_text(response)
    assert form.errors[field][0] in text
    assert "Notatka wpisana przed błędem" in text
    assert not Contact.objects.exists()


def test_create_and_edit_wrong_role_and_method(persona: Any) -> None:
    contact = ContactFactory()
    for role in ("management", "auditor", "unit_liaison"):
        client = client_for(persona(role))
        assert fetch(client, "post", url("contact_create"), {"name": "X", "kind": "person"}).status_code == 403
        assert fetch(client, "post", url("contact_edit", contact), {"name": "X", "kind": "person"}).status_code == 403
    assert fetch(client_for(persona("office_staff")), "put", url("contact_edit", contact)).status_code == 405
    assert Contact.objects.count() == 1


def test_edit(persona: Any) -> None:
    staff = persona("office_staff")
    contact = ContactFactory(name="Jan Kowalski", email="", kind=Contact.Kind.PERSON)
    data = {"kind": "person", "name": "Jan Kowalski", "email": "jan@example.pl", "postal_code": "", "city": ""}
    response = fetch(client_for(staff), "post", url("contact_edit", contact), data)
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.email == "jan@example.pl"
    entry = AuditEntry.objects.of(contact).filter(action=AuditEntry.Action.UPDATE).get()
    assert entry.changes["email"] == ["", "jan@example.pl"]


def test_a_merged_contact_redirects_and_cannot_be_edited(persona: Any) -> None:
    keep = ContactFactory()
    merged = ContactFactory(merged_into=keep)
    client = client_for(persona("office_staff"))
    response = fetch(client, "get", url("contact_detail", merged))
    assert (response.status_code, response["Location"]) == (302, url("contact_detail", keep))
    assert fetch(client, "get", url("contact_edit", merged)).status_code == 404
    assert fetch(client, "get", url("contact_merge", merged)).status_code == 404


def test_an_organisation_cannot_be_its_own_organisation(persona: Any) -> None:
    organisation = ContactFactory(kind=Contact.Kind.INSTITUTION)
    response = fetch(client_for(persona("office_staff")), "get", url("contact_edit", organisation))
    assert organisation not in response.context["form"].fields["organisation"].queryset


# --- Merge -------------------------------------------------------------------------------------


def test_merge_page_and_merge(persona: Any) -> None:
    actor = persona("office_staff")
    keep = ContactFactory(name="Teatr Miejski", kind=Contact.Kind.INSTITUTION)
    duplicate = ContactFactory(name="Teatr Miejski", kind=Contact.Kind.INSTITUTION, phone="42 600 00 00")
    client = client_for(actor)
    page = fetch(client, "get", url("contact_merge", keep), {"ids": [duplicate.pk]})
    assert page.status_code == 200
    assert list(page.context["candidates"]) == [keep, duplicate]
    # Keep the duplicate this time: the one on whose page the merge started goes.
    response = fetch(client, "post", url("contact_merge", keep), {"ids": [duplicate.pk], "keep": duplicate.pk})
    assert (response.status_code, response["Location"]) == (302, url("contact_detail", duplicate))
    keep.refresh_from_db()
    assert keep.merged_into == duplicate


def test_merge_without_duplicates_goes_back_with_a_message(persona: Any) -> None:
    contact = ContactFactory()
    response = fetch(client_for(persona("office_staff")), "get", url("contact_merge", contact))
    assert (response.status_code, response["Location"]) == (302, url("contact_detail", contact))
    assert messages_of(response)


def test_merge_with_a_bad_choice_shows_the_page_again(persona: Any) -> None:
    keep, duplicate, stranger = ContactFactory(), ContactFactory(), ContactFactory()
    data = {"ids": [duplicate.pk], "keep": stranger.pk}
    response = fetch(client_for(persona("office_staff")), "post", url("contact_merge", keep), data)
    assert response.status_code == 200
    assert response.context["form"].errors["keep"]
    assert not Contact.objects.filter(merged_into__isnull=False).exists()


def test_merge_wrong_role(persona: Any) -> None:
    keep, duplicate = ContactFactory(), ContactFactory()
    for role in ("press_officer", "management", "auditor"):
        data = {"ids": [duplicate.pk], "keep": keep.pk}
        assert fetch(client_for(persona(role)), "post", url("contact_merge", keep), data).status_code == 403
    assert not Contact.objects.filter(merged_into__isnull=False).exists()
