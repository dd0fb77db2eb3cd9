"""The app kit (office/kit) and the registry's checks: what every feature app builds on."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from office.contributions import KINDS, Registry, Role, Schedule
from office.kit import Action, ActionSet, paginate, safe_next_url
from office.kit.actions import INHERIT
from office.models import AuditEntry, Contact, OfficeHolder, Tag
from office.services import audit
from tests.factories import AssignmentFactory, ContactFactory, OrgUnitFactory
from tests.utils import client_for, fetch

# --- The registry refuses what would silently replace or be lost -------------------------------


def test_a_second_contribution_under_one_key_stops_the_start() -> None:
    registry = Registry()
    registry.register("widget", "agenda")(lambda user: None)
    with pytest.raises(ImproperlyConfigured, match="agenda"):
        registry.register("widget", "agenda")(lambda user: None)


def test_an_unknown_kind_stops_the_start() -> None:
    with pytest.raises(ImproperlyConfigured, match="widgets"):
        Registry().register("widgets", "agenda")
    assert "widget" in KINDS


def test_roles_schedules_job_kinds_and_view_checks_are_declared_once() -> None:
    registry = Registry()
    registry.add_role(Role("clerk", "Urzędnik", "clerk", "", order=1))
    with pytest.raises(ImproperlyConfigured):
        registry.add_role(Role("clerk", "Inny", "clerk", ""))
    registry.add_schedule(Schedule("Zadanie", "app.tasks.work", minute="0", hour="1"))
    with pytest.raises(ImproperlyConfigured):
        registry.add_schedule(Schedule("Zadanie", "app.tasks.other", minute="0", hour="2"))
    registry.job_kind("pdf")(lambda job, progress: None)
    with pytest.raises(ImproperlyConfigured):
        registry.job_kind("pdf")(lambda job, progress: None)
    registry.add_view_check(Contact, lambda user, record: True)
    with pytest.raises(ImproperlyConfigured):
        registry.add_view_check(Contact, lambda user, record: False)
    with pytest.raises(LookupError):
        registry.job_handler("missing")


def test_permissions_granted_to_an_undeclared_role_stop_the_start() -> None:
    registry = Registry()
    registry.add_role(Role("clerk", "Urzędnik", "clerk", ""))
    registry.grant("clerk", ["office.view_contact"])
    registry.check()
    registry.grant("typo", ["office.view_contact"])
    with pytest.raises(ImproperlyConfigured, match="typo"):
        registry.check()


# --- Actions -----------------------------------------------------------------------------------


class NoteForm(forms.Form):
    text = forms.CharField()


def _actions(**options: Any) -> ActionSet:
    return ActionSet(
        "thing",
        load=lambda request, pk: None,
        done_url=lambda record: "/",
        redisplay=lambda request, record, bound: None,
        **options,
    )


def test_an_action_set_refuses_two_actions_of_one_name() -> None:
    with pytest.raises(ValueError, match="twice"):
        _actions(actions=[Action("note"), Action("note")])


def test_actions_take_the_sets_permission_unless_they_name_their_own() -> None:
    actions = _actions(
        permission="office.change_contact",
        actions=[Action("note"), Action("approve", permission="office.merge_contact"), Action("pdf", permission=None)],
    )
    assert [a.permission for a in actions.actions] == ["office.change_contact", "office.merge_contact", None]
    assert INHERIT not in [a.permission for a in actions.actions]


@pytest.mark.django_db
def test_each_action_form_has_its_own_prefix_so_field_ids_never_repeat(persona: Any) -> None:
    actions = _actions(
        actions=[
            Action("note", form=NoteForm),
            Action("written_refusal", form=NoteForm),
            Action("per_case", form=NoteForm, prefix_by_record=True),
        ]
    )
    request = RequestFactory().get("/")
    request.user = persona("administrator")
    record = ContactFactory()
    forms_ = actions.forms(request, record)
    ids = [field.auto_id for form in forms_.values() for field in form]
    assert ids == ["id_note-text", "id_written-refusal-text", f"id_per-case-{record.pk}-text"]


@pytest.mark.django_db
def test_an_action_offered_only_when_its_state_allows_but_refused_only_by_rights(persona: Any, wok: Any) -> None:
    """``when`` hides the button; a stale page may still post: the service answers, not a 403."""
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"), status="answered")
    liaison = client_for(persona("unit_liaison"))
    page = fetch(liaison, "get", reverse("office:assignment_detail", args=[assignment.pk]))
    assert page.context["may"]["start"] is False
    response = fetch(liaison, "post", reverse("office:assignment_start", args=[assignment.pk]))
    assert response.status_code == 302  # refused with a message by the workflow, not forbidden


# --- Pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("/assignments/", "/assignments/"),
        ("//evil.example/", "/fallback/"),
        ("https://evil.example/", "/fallback/"),
        ("/\\evil.example", "/fallback/"),
        ("javascript:alert(1)", "/fallback/"),
        ("", "/fallback/"),
        (None, "/fallback/"),
    ],
)
def test_safe_next_url_keeps_only_addresses_of_this_site(candidate: str | None, expected: str) -> None:
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    assert safe_next_url(request, candidate, "/fallback/") == expected


@pytest.mark.django_db
def test_the_unit_report_form_never_redirects_off_site(persona: Any) -> None:
    response = fetch(
        client_for(persona("secretariat")), "post", reverse("office:unit_report"), {"next": "//evil.example/x"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("office:dashboard")


def test_pagination_shows_a_window_of_page_numbers_with_gaps() -> None:
    request = RequestFactory().get("/", {"page": "50"})
    page = paginate(request, list(range(2_500)), per_page=25)
    shown = [n for n in page.page_numbers if isinstance(n, int)]
    assert shown == [1, 48, 49, 50, 51, 52, 100]
    assert page.page_numbers.count(page.paginator.ELLIPSIS) == 2


@pytest.mark.django_db
def test_an_invalid_page_number_gives_the_last_or_first_page(persona: Any) -> None:
    client = client_for(persona("secretariat"))
    for value in ("abc", "-3", "999999", "1e9"):
        assert fetch(client, "get", reverse("office:contact_list"), {"page": value}).status_code == 200


# --- The audit trail ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_message_of_the_office_is_read_in_the_readers_language(persona: Any) -> None:
    contact = ContactFactory()
    entry = audit.record(
        actor=persona("secretariat"),
        instance=contact,
        action="action",
        message=audit.note(gettext_noop("Attached %(name)s"), name="skan.pdf"),
    )
    entry.refresh_from_db()
    assert entry.message == "Attached %(name)s" and entry.message_params == {"name": "skan.pdf"}
    with translation.override("en"):
        assert entry.text == "Attached skan.pdf"
    with translation.override("pl"):
        assert entry.text != "Attached skan.pdf" and "skan.pdf" in entry.text


@pytest.mark.django_db
def test_text_a_user_typed_and_old_entries_are_shown_as_written(persona: Any) -> None:
    entry = audit.record(actor=None, instance=ContactFactory(), action="action", message="Powód: 100% pewne")
    assert entry.text == "Powód: 100% pewne"


@pytest.mark.django_db
def test_many_to_many_changes_are_in_the_trail(persona: Any) -> None:
    actor = persona("secretariat")
    contact = ContactFactory()
    press, ngo = Tag.objects.create(name="prasa"), Tag.objects.create(name="NGO")
    audit.save_record(actor=actor, record=contact, related={"tags": [press]})
    audit.save_record(actor=actor, record=contact, related={"tags": [press, ngo]})
    entry = AuditEntry.objects.of(contact).order_by("-id").first()
    assert entry.changes["tags"] == [["prasa"], ["NGO", "prasa"]]


@pytest.mark.django_db
def test_changes_of_many_rows_write_one_entry_per_row(persona: Any) -> None:
    first, second, untouched = ContactFactory(city="Łódź"), ContactFactory(city="Łódź"), ContactFactory(city="Kraków")
    count = audit.update_rows(
        actor=persona("administrator"),
        queryset=Contact.objects.filter(city="Łódź"),
        values={"city": "Przykładowo"},
        message=audit.note(gettext_noop("City renamed")),
    )
    assert count == 2
    for contact in (first, second):
        entry = AuditEntry.objects.of(contact).get(action="update")
        assert entry.changes == {"city": ["Łódź", "Przykładowo"]}
    assert not AuditEntry.objects.of(untouched).exists()


@pytest.mark.django_db
def test_the_admin_records_inline_rows_and_many_to_many_fields(persona: Any) -> None:
    admin = persona("superuser")
    holder = OfficeHolder.objects.create(role="deputy", title="Zastępca", first_name="Jan", last_name="Nowak")
    unit = OrgUnitFactory(symbol="WGK")
    secretary = persona("secretariat")
    url = reverse("admin:office_officeholder_change", args=[holder.pk])
    data = {
        "role": "deputy",
        "title": "Zastępca Prezydenta",
        "first_name": "Jan",
        "last_name": "Nowak",
        "order": 10,
        "is_active": "on",
        "supervised_units": [unit.pk],
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-user": secretary.pk,
        "memberships-0-can_see_private": "on",
    }
    response = fetch(client_for(admin), "post", url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entries = list(AuditEntry.objects.of(holder).order_by("id"))
    changed = {name for entry in entries for name in entry.changes}
    assert "supervised_units" in changed and "title" in changed
    assert any(name.endswith(": user") for name in changed)  # the secretariat row added inline
    assert all(entry.actor == admin for entry in entries)


@pytest.mark.django_db
def test_role_groups_are_made_from_the_registry() -> None:
    from office.contributions import registry

    assert set(Group.objects.values_list("name", flat=True)) >= {role.group for role in registry.roles()}
    press = registry.role("press_officer")  # declared by the press office, not by the core
    assert press.group == "Biuro prasowe"
    with pytest.raises(ImproperlyConfigured):
        registry.role("no_such_role")


def test_a_service_validation_error_lands_on_the_named_field() -> None:
    from office.kit import apply_errors

    form = NoteForm({"text": "x"})
    form.is_valid()
    apply_errors(form, ValidationError({"text": "Za krótko.", "other": "Ogólny błąd."}))
    assert form.errors["text"] == ["Za krótko."] and form.non_field_errors() == ["Ogólny błąd."]
