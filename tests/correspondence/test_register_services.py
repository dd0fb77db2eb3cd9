"""The services of the register (correspondence/services/register.py): the deadline of each kind
of letter and its extension, likely duplicates, the date rules, the decree to units and to
another office holder, the reply closing the letter, delivery, filing and reopening — each a
complete change with its entries on the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from correspondence.models import Decree, Letter, LetterStatus
from correspondence.services import register
from office.models import Assignment, AssignmentEvent, AssignmentStatus, AuditEntry, Contact
from office.services import assignments as assignment_services
from tests.correspondence.factories import IncomingLetterFactory, OutgoingLetterFactory, jrwa, office_unit
from tests.factories import ContactFactory, OfficeHolderFactory

pytestmark = pytest.mark.django_db

#: A Tuesday: no deadline of any kind counted from it falls on a day off (and 30 days end a day
#: before a month does).
RECEIVED = dt.date(2025, 7, 8)
TODAY = timezone.localdate


@pytest.fixture
def clerk(persona: Any) -> Any:
    return persona("secretariat")


@pytest.fixture
def mayor(clerk: Any) -> Any:
    holder = OfficeHolderFactory(role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk")
    holder.memberships.create(user=clerk)
    return holder


@pytest.fixture
def deputy(db: Any) -> Any:
    return OfficeHolderFactory(title="Zastępca Prezydenta Miasta ds. Rozwoju", first_name="Ewa", last_name="Lis")


@pytest.fixture
def sender(db: Any) -> Contact:
    return ContactFactory(name="Rada Osiedla Zachód", street="ul. Lipowa 4", postal_code="00-950", city="Przykładowo")


@pytest.fixture
def make(clerk: Any, mayor: Any, sender: Contact) -> Any:
    """``make(**changes)``: an incoming letter registered by the clerk for the mayor."""

    def incoming(**changes: Any) -> Letter:
        values = {
            "actor": clerk,
            "principal": mayor,
            "contact": sender,
            "subject": "Prośba o remont chodnika przy ul. Lipowej",
        }
        return IncomingLetterFactory(**{**values, **changes})

    return incoming


def trail(record: Any) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=str(record.pk)
        ).order_by("id")
    )


def assignments_of(letter: Letter) -> list[Assignment]:
    return list(Assignment.objects.filter(letter_decree__letter=letter).order_by("id"))


def fresh(letter: Letter) -> Letter:
    return Letter.objects.get(pk=letter.pk)


# --- Deadlines --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "is_complex", "due", "rule", "basis"),
    [
        (
            "ordinary",
            False,
            dt.date(2025, 8, 8),
            "kpa_letter",
            "Załatwienie sprawy wymagającej postępowania wyjaśniającego (KPA art. 35 § 3)",
        ),
        (
            "ordinary",
            True,
            dt.date(2025, 9, 8),
            "kpa_letter_complex",
            "Załatwienie sprawy szczególnie skomplikowanej (KPA art. 35 § 3)",
        ),
        ("complaint", False, dt.date(2025, 8, 8), "kpa_complaint", "Załatwienie skargi (KPA art. 237 § 1)"),
        (
            "motion",
            False,
            dt.date(2025, 8, 8),
            "kpa_motion",
            "Załatwienie wniosku (KPA art. 244 § 1 w zw. z art. 237 § 1)",
        ),
        (
            "petition",
            False,
            dt.date(2025, 10, 8),
            "petition",
            "Rozpatrzenie petycji (Ustawa o petycjach art. 10 ust. 1)",
        ),
        (
            "public_information",
            False,
            dt.date(2025, 7, 22),
            "udip_answer",
            "Udostępnienie informacji publicznej (UDIP art. 13 ust. 1)",
        ),
        (
            "intervention",
            False,
            dt.date(2025, 8, 7),
            "resident_intervention",
            "Odpowiedź na interwencję mieszkańca (Zarządzenie Prezydenta (zasada lokalna))",
        ),
        ("occasional", False, None, "", ""),
        ("other", False, None, "", ""),
    ],
    ids=["ordinary", "complex", "complaint", "motion", "petition", "udip", "intervention", "occasional", "other"],
)
def test_each_kind_of_letter_has_the_deadline_of_its_rule(make, kind, is_complex, due, rule, basis) -> None:
    letter = make(kind=kind, is_complex=is_complex, received_on=RECEIVED)
    assert (letter.due_on, letter.deadline_rule, letter.deadline_basis) == (due, rule, basis)


@pytest.mark.parametrize(
    ("kind", "received", "due"),
    [
        ("ordinary", dt.date(2025, 10, 11), dt.date(2025, 11, 12)),  # 11 November, Independence Day
        ("public_information", dt.date(2025, 4, 19), dt.date(2025, 5, 5)),  # 3 May, a Saturday
        ("intervention", dt.date(2025, 7, 16), dt.date(2025, 8, 18)),  # 15 August, a Friday
        ("petition", dt.date(2025, 3, 1), dt.date(2025, 6, 2)),  # a Sunday
    ],
)
def test_a_deadline_on_a_day_off_moves_to_the_next_working_day(make, kind, received, due) -> None:
    letter = make(kind=kind, received_on=received)
    assert letter.due_on == due
    assert letter.due_on.weekday() < 5


def test_correcting_the_kind_of_a_letter_waiting_for_its_decree_gives_the_new_deadline(make, clerk) -> None:
    letter = make(kind="ordinary", received_on=RECEIVED)
    register.update_letter(actor=clerk, letter=letter, kind="public_information")
    letter = fresh(letter)
    assert (letter.due_on, letter.deadline_rule) == (dt.date(2025, 7, 22), "udip_answer")


@pytest.mark.parametrize(
    ("kind", "due", "rule"),
    [
        ("ordinary", dt.date(2025, 9, 8), "kpa_letter_complex"),
        ("public_information", dt.date(2025, 9, 8), "udip_extension_cap"),
        ("petition", dt.date(2026, 1, 8), "petition_extended"),
    ],
)
def test_extending_the_deadline_applies_the_longer_rule_of_the_kind(make, clerk, kind, due, rule) -> None:
    letter = make(kind=kind, received_on=RECEIVED)
    before = letter.due_on
    register.extend_deadline(actor=clerk, letter=letter, reason="  Sprawa wymaga opinii rzeczoznawcy.  ")
    letter = fresh(letter)
    assert (letter.due_on, letter.deadline_rule, letter.extension_reason) == (
        due,
        rule,
        "Sprawa wymaga opinii rzeczoznawcy.",
    )
    assert letter.is_complex == (kind == "ordinary")
    assert trail(letter)[-1].changes["due_on"] == [before.isoformat(), due.isoformat()]


def test_extending_moves_the_due_date_of_the_units_open_assignments(make, clerk, wok, win, liaison) -> None:
    letter = make(kind="ordinary", received_on=RECEIVED)
    register.decree(actor=clerk, letter=letter, lead_unit=win, units=[wok])
    lead, helper = assignments_of(letter)
    assignment_services.answer(actor=liaison, assignment=helper, reply="Nie mamy uwag do wniosku.")

    register.extend_deadline(actor=clerk, letter=letter, reason="Konieczne uzgodnienia z zarządcą drogi.")

    lead.refresh_from_db()
    helper.refresh_from_db()
    assert lead.due_date == dt.date(2025, 9, 8)
    assert helper.due_date == dt.date(2025, 8, 8)  # answered already: nothing left to be late with
    moved = AssignmentEvent.objects.get(assignment=lead, kind=AssignmentEvent.Kind.DUE_CHANGED)
    assert moved.text == "08.08.2025 → 08.09.2025: Konieczne uzgodnienia z zarządcą drogi."


@pytest.mark.parametrize("kind", ["complaint", "intervention", "occasional"])
def test_a_kind_without_a_longer_rule_cannot_be_extended(make, clerk, kind) -> None:
    letter = make(kind=kind, received_on=RECEIVED)
    with pytest.raises(ValidationError, match="Terminu tego pisma nie można przedłużyć"):
        register.extend_deadline(actor=clerk, letter=letter, reason="Potrzebna opinia prawna.")
    assert fresh(letter).due_on == letter.due_on and fresh(letter).extension_reason == ""


def test_a_deadline_is_extended_once(make, clerk) -> None:
    letter = make(kind="petition", received_on=RECEIVED)
    register.extend_deadline(actor=clerk, letter=letter, reason="Petycja wielu podmiotów.")
    with pytest.raises(ValidationError, match="Termin został już przedłużony"):
        register.extend_deadline(actor=clerk, letter=letter, reason="Jeszcze raz.")
    assert fresh(letter).extension_reason == "Petycja wielu podmiotów."


def test_an_extension_needs_a_reason(make, clerk) -> None:
    letter = make(kind="ordinary", received_on=RECEIVED)
    with pytest.raises(ValidationError) as refused:
        register.extend_deadline(actor=clerk, letter=letter, reason="   ")
    assert "reason" in refused.value.message_dict
    assert fresh(letter).deadline_rule == "kpa_letter"


# --- Likely duplicates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "duplicate"),
    [
        ({"subject": "  prośba o REMONT   chodnika przy ul. lipowej "}, True),  # case and spaces ignored
        ({"contact": None, "new_contact": {"name": "Rada Osiedla Zachód"}}, True),  # the same name typed in
        ({"received_on": RECEIVED + dt.timedelta(days=1)}, False),
        ({"contact": "other"}, False),
        ({"subject": "Prośba o remont chodnika przy ul. Klonowej"}, False),
    ],
    ids=["subject-case-and-spaces", "sender-typed-in", "another-day", "another-sender", "another-subject"],
)
def test_a_likely_duplicate_is_refused_naming_the_sign_registered(make, changes, duplicate) -> None:
    first = make(received_on=RECEIVED)
    contacts = Contact.objects.count()
    if changes.get("contact") == "other":
        changes = {**changes, "contact": ContactFactory(name="Wspólnota Mieszkaniowa Lipowa 6")}
        contacts += 1
    if duplicate:
        with pytest.raises(ValidationError) as refused:
            make(**{"received_on": RECEIVED, **changes})
        assert refused.value.code == "duplicate" and first.sign in refused.value.messages[0]
        assert Letter.objects.count() == 1 and Contact.objects.count() == contacts
    else:
        assert make(**{"received_on": RECEIVED, **changes}).sequence == 2


def test_a_duplicate_is_registered_when_the_clerk_says_it_is_another_letter(make) -> None:
    first = make(received_on=RECEIVED)
    second = make(received_on=RECEIVED, allow_duplicate=True)
    assert (first.sequence, second.sequence, second.subject) == (1, 2, first.subject)


# --- Dates, contacts ----------------------------------------------------------------------------------


def _register_reply(clerk: Any, mayor: Any, letter: Letter, **dates: Any) -> Letter:
    return register.register_letter(
        actor=clerk,
        direction="out",
        unit=office_unit(),
        jrwa_class=jrwa("0520"),
        principal=mayor,
        subject="Odpowiedź w sprawie remontu chodnika",
        contact=letter.contact,
        in_reply_to=letter,
        **dates,
    )


@pytest.mark.parametrize(
    ("case", "field", "named"),
    [
        ("received-tomorrow", "received_on", ""),
        ("dated-after-receipt", "dated_on", ""),
        ("reply-dated-before-receipt", "dated_on", "08.07.2025"),
        ("reply-sent-before-receipt", "sent_on", "08.07.2025"),
        ("sent-tomorrow", "sent_on", ""),
    ],
)
def test_dates_that_cannot_be_are_refused(make, clerk, mayor, case, field, named) -> None:
    tomorrow = TODAY() + dt.timedelta(days=1)
    letter = make(received_on=RECEIVED) if "reply" in case or case == "sent-tomorrow" else None
    with pytest.raises(ValidationError) as refused:
        if case == "received-tomorrow":
            make(received_on=tomorrow)
        elif case == "dated-after-receipt":
            make(received_on=RECEIVED, dated_on=RECEIVED + dt.timedelta(days=1))
        elif case == "reply-dated-before-receipt":
            _register_reply(clerk, mayor, letter, dated_on=dt.date(2025, 7, 7))
        elif case == "reply-sent-before-receipt":
            _register_reply(clerk, mayor, letter, sent_on=dt.date(2025, 7, 7))
        else:
            _register_reply(clerk, mayor, letter, sent_on=tomorrow)
    assert list(refused.value.message_dict) == [field]
    assert named in refused.value.message_dict[field][0]
    assert Letter.objects.count() == (1 if letter else 0)


def test_a_sender_typed_in_is_added_to_the_contacts(clerk, mayor) -> None:
    letter = IncomingLetterFactory(
        actor=clerk,
        principal=mayor,
        contact=None,
        new_contact={
            "name": " Stowarzyszenie Przyjaciół Parku Miejskiego ",
            "kind": "ngo",
            "street": "ul. Parkowa 1",
            "postal_code": "00-951",
            "city": "Przykładowo",
            "email": "biuro@przyjaciele-parku.example.pl",
        },
    )
    contact = letter.contact
    assert (contact.name, contact.kind, contact.street, contact.email) == (
        "Stowarzyszenie Przyjaciół Parku Miejskiego",
        "ngo",
        "ul. Parkowa 1",
        "biuro@przyjaciele-parku.example.pl",
    )
    assert letter.correspondent == contact.name
    assert [entry.action for entry in trail(contact)] == ["create"]


def test_a_letter_without_a_sender_is_refused(clerk, mayor) -> None:
    with pytest.raises(ValidationError) as refused:
        IncomingLetterFactory(actor=clerk, principal=mayor, contact=None, new_contact={"name": "  "})
    assert list(refused.value.message_dict) == ["contact"]
    assert not Letter.objects.exists()


# --- Decree -------------------------------------------------------------------------------------------


def test_a_decree_hands_the_letter_to_the_lead_and_the_cooperating_units(make, clerk, mayor, wok, win) -> None:
    letter = make(received_on=RECEIVED)
    made = register.decree(
        actor=clerk, letter=letter, lead_unit=wok, units=[win, wok], instruction=" Proszę o projekt odpowiedzi. "
    )

    assert [(d.unit.symbol, d.is_lead, d.on_behalf_of, d.decreed_by) for d in made] == [
        ("WOK", True, mayor, clerk),
        ("WIN", False, mayor, clerk),
    ]
    lead, helper = assignments_of(letter)
    assert (lead.unit, helper.unit) == (wok, win)
    assert lead.due_date == helper.due_date == letter.due_on == dt.date(2025, 8, 8)
    assert lead.title == f"Pismo {letter.sign}: Prośba o remont chodnika przy ul. Lipowej"
    assert lead.description == "jednostka wiodąca: Proszę o projekt odpowiedzi."
    assert helper.description == "jednostka współpracująca: Proszę o projekt odpowiedzi."
    assert (lead.source, lead.source_url, lead.source_label) == (letter, f"/correspondence/{letter.pk}/", str(letter))
    assert fresh(letter).status == LetterStatus.DECREED


def test_a_letter_without_a_deadline_gives_the_units_the_internal_one(make, clerk, wok) -> None:
    letter = make(kind="occasional", subject="Zaproszenie na jubileusz Szkoły Podstawowej nr 7")
    register.decree(actor=clerk, letter=letter, lead_unit=wok)
    (assignment,) = assignments_of(letter)
    assert assignment.deadline_rule == "internal_default" and assignment.due_date > TODAY()


def test_the_assignments_of_a_confidential_letter_carry_only_its_sign(make, clerk, wok) -> None:
    letter = make(subject="Zawiadomienie o nieprawidłowościach w przetargu", confidential=True)
    register.decree(actor=clerk, letter=letter, lead_unit=wok, instruction="Proszę o pilne wyjaśnienie przetargu.")
    (assignment,) = assignments_of(letter)
    assert assignment.title == f"Pismo poufne {letter.sign}"
    assert assignment.description == "jednostka wiodąca"
    assert assignment.source_label == f"{letter.sign} (poufne)"
    assert Decree.objects.get(letter=letter).instruction == "Proszę o pilne wyjaśnienie przetargu."


def test_a_unit_is_decreed_a_letter_once(make, clerk, wok, win) -> None:
    letter = make()
    register.decree(actor=clerk, letter=letter, lead_unit=wok)
    with pytest.raises(ValidationError) as refused:
        register.decree(actor=clerk, letter=letter, lead_unit=win, units=[wok])
    assert refused.value.message_dict["units"] == ["Już zadekretowano do: WOK."]
    assert [a.unit.symbol for a in assignments_of(letter)] == ["WOK"]

    register.decree(actor=clerk, letter=letter, lead_unit=win)  # another unit joins later
    assert [a.unit.symbol for a in assignments_of(letter)] == ["WOK", "WIN"]


def test_only_an_incoming_letter_is_decreed(clerk, mayor, wok) -> None:
    outgoing = OutgoingLetterFactory(actor=clerk, template__signatory=mayor)
    with pytest.raises(ValidationError, match="Dekretuje się tylko pisma przychodzące"):
        register.decree(actor=clerk, letter=outgoing, lead_unit=wok)
    assert not Assignment.objects.exists() and not Decree.objects.exists()


def test_passing_the_letter_to_another_holder_changes_its_principal(make, clerk, mayor, deputy, wok) -> None:
    letter = make()
    passed = register.pass_to_holder(
        actor=clerk, letter=letter, holder=deputy, instruction="Do decyzji Pani Prezydent."
    )

    letter = fresh(letter)
    assert letter.principal == deputy and letter.status == LetterStatus.REGISTERED
    assert (passed.to_holder, passed.unit, passed.on_behalf_of, passed.instruction) == (
        deputy,
        None,
        mayor,
        "Do decyzji Pani Prezydent.",
    )
    entry = trail(letter)[-1]
    assert entry.changes == {"principal": [str(mayor), str(deputy)]}
    assert entry.text == "Przekazano do: Ewa Lis"
    (unit_decree,) = register.decree(actor=clerk, letter=letter, lead_unit=wok)
    assert unit_decree.on_behalf_of == deputy


@pytest.mark.parametrize("case", ["same-holder", "inactive-holder", "already-decreed"])
def test_passing_on_is_refused(make, clerk, mayor, deputy, wok, case) -> None:
    letter = make()
    holder = mayor if case == "same-holder" else deputy
    if case == "inactive-holder":
        deputy.is_active = False
        deputy.save()
    if case == "already-decreed":
        register.decree(actor=clerk, letter=letter, lead_unit=wok)
    with pytest.raises(ValidationError):
        register.pass_to_holder(actor=clerk, letter=letter, holder=holder)
    assert fresh(letter).principal == mayor
    assert not Decree.objects.filter(to_holder__isnull=False).exists()


# --- The reply, delivery, filing ----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["marked-sent", "registered-as-sent"])
def test_a_sent_reply_answers_the_letter_and_ends_the_units_work(make, clerk, mayor, wok, win, liaison, how) -> None:
    letter = make(received_on=RECEIVED)
    register.decree(actor=clerk, letter=letter, lead_unit=wok, units=[win])
    lead, _helper = assignments_of(letter)
    assignment_services.answer(actor=liaison, assignment=lead, reply="Remont zaplanowano na II kwartał 2026 r.")
    sent_on = TODAY() - dt.timedelta(days=1)

    if how == "marked-sent":
        reply = _register_reply(clerk, mayor, letter, dated_on=sent_on)
        assert fresh(letter).status == LetterStatus.DECREED  # prepared: nothing answered yet
        reply = register.mark_sent(actor=clerk, letter=reply, sent_on=sent_on, channel="epuap")
        assert (reply.status, reply.sent_on, reply.channel) == (LetterStatus.SENT, sent_on, "epuap")
    else:
        reply = _register_reply(clerk, mayor, letter, sent_on=sent_on)

    letter = fresh(letter)
    assert (letter.status, letter.closed_on) == (LetterStatus.ANSWERED, sent_on)
    assert [a.status for a in assignments_of(letter)] == [AssignmentStatus.CLOSED, AssignmentStatus.CLOSED]
    assert trail(letter)[-1].text == f"Odpowiedziano pismem {reply.sign}"


def test_delivery_is_confirmed_for_a_sent_letter(clerk, mayor) -> None:
    letter = OutgoingLetterFactory(actor=clerk, template__signatory=mayor)
    with pytest.raises(ValidationError, match="Doręczenie odnotowuje się dla pisma wysłanego"):
        register.confirm_delivery(actor=clerk, letter=letter, delivered_on=TODAY())
    sent_on = TODAY() - dt.timedelta(days=3)
    register.mark_sent(actor=clerk, letter=letter, sent_on=sent_on, channel="post")

    for day, message in [
        (sent_on - dt.timedelta(days=1), "Pismo nie może zostać doręczone przed wysłaniem."),
        (TODAY() + dt.timedelta(days=1), "Data doręczenia nie może być w przyszłości."),
    ]:
        with pytest.raises(ValidationError) as refused:
            register.confirm_delivery(actor=clerk, letter=letter, delivered_on=day)
        assert refused.value.message_dict == {"delivered_on": [message]}
    assert fresh(letter).delivery_confirmed_on is None

    register.confirm_delivery(actor=clerk, letter=letter, delivered_on=sent_on + dt.timedelta(days=2))
    assert fresh(letter).delivery_confirmed_on == sent_on + dt.timedelta(days=2)
    assert trail(letter)[-1].changes == {"delivery_confirmed_on": [None, (sent_on + dt.timedelta(days=2)).isoformat()]}


def test_filing_without_a_reply_needs_a_note_and_ends_the_units_work(make, clerk, wok) -> None:
    letter = make()
    register.decree(actor=clerk, letter=letter, lead_unit=wok)
    with pytest.raises(ValidationError) as refused:
        register.close_letter(actor=clerk, letter=letter, note="  ")
    assert list(refused.value.message_dict) == ["note"] and fresh(letter).status == LetterStatus.DECREED

    register.close_letter(actor=clerk, letter=letter, note=" Sprawa załatwiona telefonicznie. ")

    letter = fresh(letter)
    assert (letter.status, letter.closed_on, letter.closing_note) == (
        LetterStatus.CLOSED,
        TODAY(),
        "Sprawa załatwiona telefonicznie.",
    )
    (assignment,) = assignments_of(letter)
    assert assignment.status == AssignmentStatus.CLOSED
    assert assignment.events.last().text == "Sprawa załatwiona telefonicznie."


def test_a_filed_letter_that_was_decreed_goes_back_to_its_units(make, clerk, wok) -> None:
    letter = make()
    register.decree(actor=clerk, letter=letter, lead_unit=wok)
    register.close_letter(actor=clerk, letter=letter, note="Omyłkowo odłożone.")

    register.reopen(actor=clerk, letter=letter)

    letter = fresh(letter)
    assert (letter.status, letter.closed_on, letter.closing_note) == (LetterStatus.DECREED, None, "")
    with pytest.raises(ValidationError):
        register.reopen(actor=clerk, letter=letter)  # open already


# --- The trail ----------------------------------------------------------------------------------------


def test_every_change_of_an_incoming_letter_is_on_the_trail(make, clerk, wok) -> None:
    letter = make(received_on=RECEIVED)
    register.update_letter(actor=clerk, letter=letter, their_reference="RO.152.3.2025")
    register.decree(actor=clerk, letter=letter, lead_unit=wok)
    register.extend_deadline(actor=clerk, letter=letter, reason="Potrzebna opinia zarządcy drogi.")
    register.close_letter(actor=clerk, letter=letter, note="Wycofane przez nadawcę.")
    register.reopen(actor=clerk, letter=letter)

    entries = trail(letter)
    assert [(entry.action, sorted(entry.changes)) for entry in entries[1:]] == [
        ("update", ["their_reference"]),
        ("transition", ["status"]),
        ("update", ["deadline_basis", "deadline_rule", "due_on", "extension_reason", "is_complex"]),
        ("update", ["closed_on", "closing_note", "status"]),
        ("update", ["closed_on", "closing_note", "status"]),
    ]
    created = entries[0]
    assert created.action == "create" and created.changes["subject"] == [None, letter.subject]
    assert {entry.actor for entry in entries} == {clerk}
    assert entries[2].text == "Zadekretowano do WOK w imieniu: Andrzej Kowalczyk"
    assert entries[4].changes["status"] == ["decreed", "closed"]


def test_every_change_of_an_outgoing_letter_is_on_the_trail(clerk, mayor) -> None:
    letter = OutgoingLetterFactory(actor=clerk, template__signatory=mayor)
    register.mark_sent(actor=clerk, letter=letter, sent_on=TODAY(), channel="email")
    register.confirm_delivery(actor=clerk, letter=letter, delivered_on=TODAY())

    assert [(entry.action, entry.changes) for entry in trail(letter)[1:]] == [
        (
            "update",
            {"status": ["prepared", "sent"], "sent_on": [None, TODAY().isoformat()], "channel": ["post", "email"]},
        ),
        ("update", {"delivery_confirmed_on": [None, TODAY().isoformat()]}),
    ]
