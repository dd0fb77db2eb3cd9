"""The one confidentiality rule (correspondence/access.py): a confidential letter of the mayor,
decreed to WOK, is seen by the mayor's own account, the mayor's secretary, WOK's staff (and an
office holder who passed it on) — nobody else, administrators included. Its subject is never
shown outside its page: not in the register, search, widgets, workspaces, a contact's history,
the letter picker, the digest, the Django admin, the audit trail, assignments or the boards."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from correspondence.models import Letter
from correspondence.services import letters as letter_services
from correspondence.services import register
from office.models import Assignment, AssignmentEvent, AuditEntry
from office.services.mail import send_daily_digest
from tests.correspondence.factories import IncomingLetterFactory, LetterTemplateFactory
from tests.factories import ContactFactory, OfficeHolderFactory, UserFactory
from tests.personas import AUTHENTICATED
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db

SECRET = "Zawiadomienie o nieprawidłowościach w przetargu na oczyszczalnię ścieków"
WAITING = "Prośba o rozmowę w sprawie sytuacji rodzinnej radnego"
PUBLIC = "Prośba o remont chodnika przy ul. Lipowej"
#: Who sees the confidential letter, besides the mayor's own account.
INSIDERS = {"secretariat", "unit_liaison"}
OUTSIDERS = [key for key in AUTHENTICATED if key not in INSIDERS]


class Office:
    """The mayor (with an account of their own), the mayor's secretary, the sender, and three
    letters of the mayor: the confidential one decreed to WOK and overdue, a confidential one
    still waiting for the decree, and an ordinary one."""

    def __init__(self, persona: Any, wok: Any) -> None:
        self.persona = persona
        self.secretary = persona("secretariat")
        self.mayor_user = UserFactory(
            username="prezydent", first_name="Andrzej", groups=[Group.objects.get(name="Kierownictwo")]
        )
        self.mayor = OfficeHolderFactory(
            role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", user=self.mayor_user
        )
        self.mayor.memberships.create(user=self.secretary)
        self.sender = ContactFactory(name="Jan Sygnalista", city="Przykładowo")
        self.secret = self.incoming(SECRET, confidential=True, received_on=timezone.localdate() - dt.timedelta(60))
        register.decree(
            actor=self.secretary, letter=self.secret, lead_unit=wok, instruction="Proszę pilnie wyjaśnić przetarg."
        )
        self.waiting = self.incoming(WAITING, confidential=True)
        self.public = self.incoming(PUBLIC, contact=ContactFactory(name="Rada Osiedla Zachód"))

    def incoming(self, subject: str, **kwargs: Any) -> Letter:
        values = {"actor": self.secretary, "principal": self.mayor, "contact": self.sender, "subject": subject}
        return IncomingLetterFactory(**{**values, **kwargs})

    def user(self, key: str) -> Any:
        return self.mayor_user if key == "mayor" else self.persona(key)

    def reply(self) -> Letter:
        """A reply to the confidential letter (confidential with it), prepared from a template."""
        template = LetterTemplateFactory(name="Odpowiedź", subject="Odpowiedź", body="Uprzejmie informuję.")
        return letter_services.write_reply(
            actor=self.secretary,
            letter=self.secret,
            template=template,
            signatory=self.mayor,
            dated_on=timezone.localdate(),
        )


@pytest.fixture
def office(persona: Any, wok: Any) -> Office:
    return Office(persona, wok)


def get(user: Any, url: str, data: Any = None) -> Any:
    return fetch(client_for(user), "get", url, data)


def assert_hidden(response: Any) -> None:
    assert response.status_code == 200
    text = page_text(response)
    assert SECRET not in text and WAITING not in text


# --- Who sees the letter --------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["mayor", "secretariat", "unit_liaison"])
def test_the_letter_is_open_to_the_mayor_the_secretary_and_the_unit(office, key) -> None:
    response = get(office.user(key), reverse("correspondence:letter_detail", args=[office.secret.pk]))
    assert response.status_code == 200
    text = page_text(response)
    assert SECRET in text and "Proszę pilnie wyjaśnić przetarg." in text and "poufne" in text


def test_the_letter_has_no_subject_in_its_name(office) -> None:
    assert str(office.secret) == f"{office.secret.sign} (poufne)"
    assert str(office.public) == f"{office.public.sign} {PUBLIC}"


def _urls(office: Office) -> dict[str, list[str]]:
    reply = office.reply()
    incoming = ["decree", "pass_on", "reply", "extend", "close", "reopen", "attach"]
    outgoing = ["texts", "send", "deliver"]
    return {
        "pages": [
            reverse(f"correspondence:letter_{name}", args=[letter.pk])
            for name, letter in [("detail", office.secret), ("edit", office.secret), ("pdf", reply), ("docx", reply)]
        ],
        "actions-on-the-letter": [reverse(f"correspondence:letter_{n}", args=[office.secret.pk]) for n in incoming],
        "actions-on-the-reply": [reverse(f"correspondence:letter_{n}", args=[reply.pk]) for n in outgoing],
    }


@pytest.mark.parametrize("group", ["pages", "actions-on-the-letter", "actions-on-the-reply"])
def test_every_url_of_the_letter_is_404_for_everybody_else(office, group) -> None:
    urls = _urls(office)[group]
    method = "get" if group == "pages" else "post"
    got = {
        (key, url): fetch(client_for(office.user(key)), method, url).status_code for key in OUTSIDERS for url in urls
    }
    assert set(got.values()) == {404}, {where: status for where, status in got.items() if status != 404}


def test_a_holder_who_passed_the_letter_on_still_sees_it(office) -> None:
    deputy_user = UserFactory(username="zastepca", groups=[Group.objects.get(name="Kierownictwo")])
    deputy = OfficeHolderFactory(first_name="Ewa", last_name="Lis", user=deputy_user)
    register.pass_to_holder(actor=office.secretary, letter=office.waiting, holder=deputy)
    url = reverse("correspondence:letter_detail", args=[office.waiting.pk])

    assert {key: get(office.user(key), url).status_code for key in ("mayor", "secretariat", "auditor")} == {
        "mayor": 200,
        "secretariat": 200,
        "auditor": 404,
    }
    assert get(deputy_user, url).status_code == 200


# --- Nowhere else ------------------------------------------------------------------------------------


READERS = ["administrator", "superuser", "secretariat", "office_staff", "management", "auditor", "mayor"]


def test_the_register_shows_the_letter_as_confidential_without_its_subject(office) -> None:
    for key in READERS:
        response = get(office.user(key), reverse("correspondence:letter_list"))
        assert_hidden(response)
        text = page_text(response)
        assert PUBLIC in text
        assert (office.secret.sign in text) == (key in ("secretariat", "mayor")), key
    assert "Jan Sygnalista" not in page_text(get(office.secretary, reverse("correspondence:letter_list")))
    searched = get(office.secretary, reverse("correspondence:letter_list"), {"q": "oczyszczalnię"})
    assert [row.pk for row in searched.context["page_obj"].object_list] == [office.secret.pk]
    assert_hidden(searched)


def test_search_finds_the_letter_by_its_sign_only_for_those_who_see_it(office) -> None:
    for key in [*READERS, "unit_liaison", "press_officer"]:
        for query in ("oczyszczalnię", office.secret.sign):
            response = get(office.user(key), reverse("office:search"), {"q": query})
            assert_hidden(response)
            found = reverse("correspondence:letter_detail", args=[office.secret.pk]) in page_text(response)
            assert found == (key in ("secretariat", "mayor")), (key, query)


def test_the_dashboard_widgets_show_it_as_a_confidential_letter(office) -> None:
    for key in AUTHENTICATED:
        assert_hidden(get(office.user(key), reverse("office:dashboard")))
    text = page_text(get(office.secretary, reverse("office:dashboard")))
    assert office.secret.sign in text and office.waiting.sign in text and "Pismo poufne" in text


def test_the_workspaces_show_it_as_a_confidential_letter(office) -> None:
    deputy_secretary = UserFactory(username="sekretariat-zastepcy", groups=[Group.objects.get(name="Sekretariat")])
    deputy = OfficeHolderFactory(first_name="Ewa", last_name="Lis")
    deputy.memberships.create(user=deputy_secretary)

    assert_hidden(get(deputy_secretary, reverse("office:workspace_of", args=[deputy.pk])))
    for key in ("superuser", "secretariat", "mayor"):  # the superuser opens every holder's workspace
        response = get(office.user(key), reverse("office:workspace_of", args=[office.mayor.pk]))
        assert_hidden(response)
        assert office.waiting.sign in page_text(response) and "Pismo poufne" in page_text(response)


def test_the_senders_history_leaves_the_subject_out(office) -> None:
    url = reverse("office:contact_detail", args=[office.sender.pk])
    for key in ("administrator", "superuser", "secretariat", "office_staff", "management", "auditor", "mayor"):
        assert_hidden(get(office.user(key), url))
    assert office.secret.sign in page_text(get(office.secretary, url))
    assert office.secret.sign not in page_text(get(office.persona("administrator"), url))


def test_the_letter_picker_offers_it_by_sign_only_to_those_who_see_it(office) -> None:
    url = reverse("correspondence:letter_options")
    for key in READERS:
        for query in ("KP", "przetargu"):
            response = get(office.user(key), url, {"q": query, "field": "letter"})
            assert_hidden(response)
            offered = {pk for pk, _label, _selected in response.context["options"]}
            assert (office.secret.pk in offered) == (key in ("secretariat", "mayor")), (key, query)
    labels = [label for _pk, label, _s in get(office.secretary, url, {"q": "KP"}).context["options"]]
    assert f"{office.secret.sign} (poufne)" in labels


def test_the_daily_digest_leaves_the_subject_out(office, mailoutbox) -> None:
    keys = ["secretariat", "mayor", "administrator", "superuser", "management", "auditor", "unit_liaison"]
    for key in keys:
        send_daily_digest(user_id=office.user(key).pk, day=timezone.localdate())

    assert len(mailoutbox) >= 3
    for message in mailoutbox:
        bodies = [message.body, *(content for content, _type in message.alternatives)]
        assert not any(SECRET in body or WAITING in body for body in bodies), message.to
    (to_secretary,) = [m for m in mailoutbox if m.to == [office.secretary.email]]
    assert office.secret.sign in to_secretary.body and office.waiting.sign in to_secretary.body
    assert "Pismo poufne" in to_secretary.body


def test_the_admin_lists_only_the_letters_its_user_may_see(office) -> None:
    superuser = office.persona("superuser")
    response = get(superuser, reverse("admin:correspondence_letter_changelist"))
    assert_hidden(response)
    text = page_text(response)
    assert office.public.sign in text and office.secret.sign not in text and office.waiting.sign not in text
    assert_hidden(get(superuser, reverse("admin:correspondence_letter_changelist"), {"q": "przetargu"}))
    change = get(superuser, reverse("admin:correspondence_letter_change", args=[office.secret.pk]))
    assert change.status_code == 302 and SECRET not in page_text(change)


def test_the_trail_and_the_assignments_keep_the_subject_out(office) -> None:
    register.extend_deadline(actor=office.secretary, letter=office.secret, reason="Potrzebna opinia prawna.")
    register.update_letter(actor=office.secretary, letter=office.secret, summary="Sygnalista wskazuje na zmowę.")

    entries = list(AuditEntry.objects.select_related("content_type"))
    letter_entries = [
        e
        for e in entries
        if e.content_type.model == "letter" and e.object_id in (str(office.secret.pk), str(office.waiting.pk))
    ]
    assert len(letter_entries) >= 5
    for entry in entries:
        dump = json.dumps([entry.object_repr, entry.changes, entry.message, entry.message_params], ensure_ascii=False)
        assert SECRET not in dump and WAITING not in dump and "zmowę" not in dump, entry
    created = next(e for e in letter_entries if e.action == "create" and e.object_id == str(office.secret.pk))
    assert created.changes["subject"] == [None, "•••"] and created.object_repr == f"{office.secret.sign} (poufne)"

    (assignment,) = Assignment.objects.filter(letter_decree__letter=office.secret)
    assert (assignment.title, assignment.description, assignment.source_label) == (
        f"Pismo poufne {office.secret.sign}",
        "jednostka wiodąca",
        f"{office.secret.sign} (poufne)",
    )
    assert not any("przetarg" in event.text for event in AssignmentEvent.objects.filter(assignment=assignment))


def test_the_boards_of_assignments_show_only_the_sign(office) -> None:
    assignment = Assignment.objects.get(letter_decree__letter=office.secret)
    assert assignment.due_date < timezone.localdate()  # overdue: on the board
    urls = [
        reverse("office:overdue_board"),
        reverse("office:assignment_list"),
        reverse("office:assignment_detail", args=[assignment.pk]),
    ]
    for key in ("administrator", "superuser", "secretariat", "management", "auditor"):
        for url in urls:
            response = get(office.user(key), url)
            assert_hidden(response)
            assert f"Pismo poufne {office.secret.sign}" in page_text(response), (key, url)
