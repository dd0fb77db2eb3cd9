"""The contact directory service: save with the trail, merge duplicates, find duplicates."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.urls import reverse

from office.models import AuditEntry, Contact
from office.services import contacts as service
from tests.factories import AssignmentFactory, ContactFactory, TagFactory
from tests.utils import client_for, fetch

pytestmark = pytest.mark.django_db


def trail(contact: Contact) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Contact), object_id=str(contact.pk)
        ).order_by("at", "id")
    )


def test_save_contact_creates_and_updates_with_the_trail(persona: Any) -> None:
    staff = persona("office_staff")
    tag = TagFactory(name="media")
    contact = service.save_contact(actor=staff, contact=Contact(name="Redakcja Gazety Miejskiej"), tags=[tag])
    assert list(contact.tags.all()) == [tag]
    [created] = trail(contact)
    assert (created.action, created.actor) == (AuditEntry.Action.CREATE, staff)
    contact.email = "redakcja@gazeta.pl"
    service.save_contact(actor=staff, contact=contact)
    updated = trail(contact)[-1]
    assert (updated.action, updated.changes) == (AuditEntry.Action.UPDATE, {"email": ["", "redakcja@gazeta.pl"]})


def test_a_merged_contact_cannot_be_saved(persona: Any) -> None:
    keep, duplicate = ContactFactory(), ContactFactory()
    service.merge_contacts(actor=persona("secretariat"), keep=keep, duplicates=[duplicate])
    duplicate.refresh_from_db()
    with pytest.raises(ValidationError):
        service.save_contact(actor=persona("secretariat"), contact=duplicate)


def test_merge_moves_references_fills_fields_joins_tags_and_notes(persona: Any, wok: Any) -> None:
    actor = persona("secretariat")
    media, ngo, culture = TagFactory(name="media"), TagFactory(name="NGO"), TagFactory(name="kultura")
    keep = ContactFactory(
        name="Fundacja Rozwoju",
        kind=Contact.Kind.NGO,
        email="biuro@fundacja.pl",
        phone="",
        city="",
        notes="Stały partner.",
        tags=[media],
    )
    first = ContactFactory(
        name="Fundacja Rozwoju",
        kind=Contact.Kind.NGO,
        email="inny@fundacja.pl",
        phone="+48 600 100 200",
        city="Łódź",
        notes="Kontakt z 2024 r.",
        tags=[media, ngo],
    )
    second = ContactFactory(name="Fundacja Rozwoju (stary wpis)", kind=Contact.Kind.NGO, tags=[culture])
    person_of_first = ContactFactory(name="Jan Kowalski", organisation=first)
    person_of_second = ContactFactory(name="Ewa Nowak", organisation=second)
    assignment = AssignmentFactory(
        unit=wok,
        source_type=ContentType.objects.get_for_model(Contact),
        source_id=first.pk,
        source_url=reverse("office:contact_detail", args=[first.pk]),
    )

    result = service.merge_contacts(actor=actor, keep=keep, duplicates=[first, second, keep])

    keep.refresh_from_db()
    assert result == keep
    # References are moved to the kept contact.
    person_of_first.refresh_from_db()
    person_of_second.refresh_from_db()
    assert person_of_first.organisation == keep and person_of_second.organisation == keep
    # Empty fields filled, filled ones kept, notes joined, tags merged without doubles.
    assert keep.email == "biuro@fundacja.pl"
    assert keep.phone == "+48 600 100 200"
    assert keep.city == "Łódź"
    assert keep.notes == "Stały partner.\nKontakt z 2024 r."
    assert set(keep.tags.values_list("name", flat=True)) == {"media", "NGO", "kultura"}
    # The duplicates stay, pointing at the kept contact; they are no longer active.
    for duplicate in (first, second):
        duplicate.refresh_from_db()
        assert duplicate.merged_into == keep
    assert set(Contact.objects.active().filter(name__startswith="Fundacja")) == {keep}
    # Old links still resolve: the source link of the assignment leads to the kept contact.
    response = fetch(client_for(actor), "get", assignment.source_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("office:contact_detail", args=[keep.pk])
    # The trail: an update of the kept contact and an entry on every duplicate.
    update = trail(keep)[-1]
    assert (update.action, update.actor) == (AuditEntry.Action.UPDATE, actor)
    assert f"#{first.pk}" in update.text and f"#{second.pk}" in update.text
    assert update.changes["phone"] == ["", "+48 600 100 200"]
    for duplicate in (first, second):
        entry = trail(duplicate)[-1]
        assert (entry.action, entry.actor) == (AuditEntry.Action.UPDATE, actor)
        assert f"#{keep.pk}" in entry.text and entry.changes["merged_into"] == [None, str(keep)]


def test_merge_refuses_nothing_to_merge_and_merged_contacts(persona: Any) -> None:
    actor = persona("secretariat")
    keep, duplicate, other = ContactFactory(), ContactFactory(), ContactFactory()
    with pytest.raises(ValidationError):
        service.merge_contacts(actor=actor, keep=keep, duplicates=[keep])
    service.merge_contacts(actor=actor, keep=keep, duplicates=[duplicate])
    duplicate.refresh_from_db()
    with pytest.raises(ValidationError):
        service.merge_contacts(actor=actor, keep=other, duplicates=[duplicate])
    with pytest.raises(ValidationError):
        service.merge_contacts(actor=actor, keep=duplicate, duplicates=[other])


def test_the_kept_contact_never_becomes_its_own_organisation(persona: Any) -> None:
    organisation = ContactFactory(name="Urząd Marszałkowski", kind=Contact.Kind.INSTITUTION)
    duplicate = ContactFactory(name="Urząd Marszałkowski", kind=Contact.Kind.INSTITUTION, organisation=organisation)
    service.merge_contacts(actor=persona("secretariat"), keep=organisation, duplicates=[duplicate])
    organisation.refresh_from_db()
    assert organisation.organisation_id is None


def test_the_organisation_of_the_kept_contact_that_was_a_duplicate_is_cleared(persona: Any) -> None:
    duplicate_organisation = ContactFactory(kind=Contact.Kind.INSTITUTION)
    keep = ContactFactory(organisation=duplicate_organisation)
    service.merge_contacts(actor=persona("secretariat"), keep=keep, duplicates=[duplicate_organisation])
    keep.refresh_from_db()
    assert keep.organisation_id is None


def test_find_possible_duplicates() -> None:
    contact = ContactFactory(name="Anna Wiśniewska", email="anna@example.pl", phone="123")
    same_name = ContactFactory(name="ANNA WIŚNIEWSKA", email="")
    same_email = ContactFactory(name="A. Wiśniewska", email="Anna@Example.pl")
    same_phone = ContactFactory(name="Sekretariat", email="", phone="123")
    ContactFactory(name="Ktoś inny", email="ktos@example.pl")
    merged = ContactFactory(name="Anna Wiśniewska", merged_into=contact)
    found = set(service.find_possible_duplicates(contact))
    assert {same_email, same_phone} <= found
    assert merged not in found and contact not in found
    if connection.vendor == "postgresql":  # SQLite's iexact folds ASCII letters only
        assert same_name in found


@pytest.mark.postgres
def test_merge_moves_many_to_many_references_shared_by_two_duplicates(persona: Any) -> None:
    """A feature app's record linked (many-to-many) to two duplicates ends up linked once to the
    kept contact. Uses a model made for the test (PostgreSQL: its table is created inside the
    test's transaction and disappears with it)."""
    from django.apps import apps

    class MergeProbe(models.Model):
        contacts = models.ManyToManyField(Contact, related_name="merge_probes")

        class Meta:
            app_label = "office"

        def __str__(self) -> str:
            return f"probe {self.pk}"

    try:
        with connection.schema_editor() as editor:
            editor.create_model(MergeProbe)
        keep, first, second = ContactFactory(), ContactFactory(), ContactFactory()
        probe = MergeProbe.objects.create()
        probe.contacts.add(first, second)
        service.merge_contacts(actor=persona("secretariat"), keep=keep, duplicates=[first, second])
        assert list(probe.contacts.all()) == [keep]
    finally:
        del apps.all_models["office"]["mergeprobe"]
        auto_through = MergeProbe.contacts.through._meta.model_name
        apps.all_models["office"].pop(auto_through, None)
        apps.clear_cache()
