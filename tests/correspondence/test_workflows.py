"""The status graphs of correspondence/workflows.py, against tables written out here on their own
(every pair of statuses, a move allowed or refused), and the main moves walked through the
services that make them."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from correspondence import workflows
from correspondence.models import LetterStatus, MatterStatus, TranslationStatus
from correspondence.services import letters as letter_services
from correspondence.services import matters, register, translations
from tests.correspondence.factories import (
    IncomingLetterFactory,
    LetterTemplateFactory,
    OutgoingLetterFactory,
    ResidentMatterFactory,
    TranslationOrderFactory,
)

#: (current, target) → allowed, for every pair of the statuses each graph is about
EXPECTED: dict[str, tuple[list[str], set[tuple[str, str]]]] = {
    "INCOMING_WORKFLOW": (
        ["registered", "decreed", "answered", "closed"],
        {
            ("registered", "decreed"),
            ("registered", "answered"),
            ("registered", "closed"),
            ("decreed", "registered"),
            ("decreed", "answered"),
            ("decreed", "closed"),
            ("closed", "decreed"),
        },
    ),
    "OUTGOING_WORKFLOW": (["prepared", "sent"], {("prepared", "sent")}),
    "MATTER_WORKFLOW": (
        ["new", "forwarded", "answered", "closed"],
        {
            ("new", "forwarded"),
            ("new", "answered"),
            ("new", "closed"),
            ("forwarded", "answered"),
            ("forwarded", "closed"),
            ("answered", "closed"),
        },
    ),
    "TRANSLATION_WORKFLOW": (
        ["ordered", "in_progress", "delivered", "cancelled"],
        {
            ("ordered", "in_progress"),
            ("ordered", "delivered"),
            ("ordered", "cancelled"),
            ("in_progress", "delivered"),
            ("in_progress", "cancelled"),
        },
    ),
}

CHOICES = {
    "INCOMING_WORKFLOW": LetterStatus,
    "OUTGOING_WORKFLOW": LetterStatus,
    "MATTER_WORKFLOW": MatterStatus,
    "TRANSLATION_WORKFLOW": TranslationStatus,
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_pair_of_statuses(name):
    workflow = getattr(workflows, name)
    statuses, allowed = EXPECTED[name]
    assert set(statuses) <= set(CHOICES[name].values)
    every = set(CHOICES[name].values)  # the model's other statuses: never reachable through this graph
    wrong = []
    for current, target in itertools.product(every, every):
        expected = (current, target) in allowed
        if workflow.can(current, target) != expected:
            wrong.append((current, target, expected))
        if expected:
            workflow.check(current, target)
        else:
            with pytest.raises(ValidationError) as caught:
                workflow.check(current, target)
            assert caught.value.code == "forbidden_transition"
    assert wrong == [], f"{name}: (current, target, expected) differ from the table"
    assert set(workflow.transitions) <= set(statuses)
    for status in statuses:
        assert workflow.allowed(status) == frozenset(t for c, t in allowed if c == status)


def test_the_graphs_are_all_tested():
    graphs = {name for name in vars(workflows) if name.endswith("_WORKFLOW")}
    assert graphs == set(EXPECTED)


# --- Walked through the services ------------------------------------------------------------------


def _status(record: Any) -> str:
    record.refresh_from_db()
    return record.status


def test_incoming_letter_decreed_filed_reopened_and_answered(secretariat, wok):
    letter = IncomingLetterFactory(actor=secretariat)
    assert _status(letter) == "registered"
    register.decree(actor=secretariat, letter=letter, lead_unit=wok, instruction="Proszę o stanowisko.")
    assert _status(letter) == "decreed"
    register.close_letter(actor=secretariat, letter=letter, note="Sprawa załatwiona telefonicznie.")
    assert _status(letter) == "closed"
    with pytest.raises(ValidationError):
        register.close_letter(actor=secretariat, letter=letter, note="Jeszcze raz.")
    register.reopen(actor=secretariat, letter=letter)
    assert _status(letter) == "decreed"  # back to its units

    template = LetterTemplateFactory(name="Odpowiedź ogólna", body="W odpowiedzi na pismo uprzejmie informuję.")
    reply = letter_services.write_reply(
        actor=secretariat, letter=letter, template=template, signatory=template.signatory, dated_on=timezone.localdate()
    )
    assert _status(reply) == "prepared" and _status(letter) == "decreed"
    register.mark_sent(actor=secretariat, letter=reply, sent_on=timezone.localdate(), channel="post")
    assert (_status(reply), _status(letter)) == ("sent", "answered")
    for move in (
        lambda: register.decree(actor=secretariat, letter=letter, lead_unit=wok),
        lambda: register.close_letter(actor=secretariat, letter=letter, note="Ad acta."),
        lambda: register.reopen(actor=secretariat, letter=letter),
    ):
        with pytest.raises(ValidationError):
            move()
    assert _status(letter) == "answered"


def test_incoming_letter_filed_at_once(secretariat):
    letter = IncomingLetterFactory(actor=secretariat, kind="other")
    register.close_letter(actor=secretariat, letter=letter, note="Do wiadomości.")
    assert _status(letter) == "closed"


def test_outgoing_letter_prepared_then_sent_once(secretariat):
    letter = OutgoingLetterFactory(actor=secretariat)
    assert _status(letter) == "prepared"
    register.mark_sent(actor=secretariat, letter=letter, sent_on=timezone.localdate(), channel="email")
    assert _status(letter) == "sent"
    with pytest.raises(ValidationError) as caught:
        register.mark_sent(actor=secretariat, letter=letter, sent_on=timezone.localdate(), channel="post")
    assert caught.value.code == "forbidden_transition"
    assert letter.channel == "email"


def test_matter_from_new_to_closed(secretariat, wok):
    matter = ResidentMatterFactory(actor=secretariat)
    assert _status(matter) == "new"
    matters.forward(actor=secretariat, matter=matter, unit=wok)
    assert _status(matter) == "forwarded"
    matters.reply(
        actor=secretariat, matter=matter, text="Naprawiono.", channel="phone", replied_on=timezone.localdate()
    )
    assert _status(matter) == "answered"
    with pytest.raises(ValidationError):
        matters.forward(actor=secretariat, matter=matter, unit=wok)
    matters.close(actor=secretariat, matter=matter)
    assert _status(matter) == "closed"
    with pytest.raises(ValidationError):
        matters.reply(
            actor=secretariat, matter=matter, text="Jeszcze.", channel="phone", replied_on=timezone.localdate()
        )
    assert _status(matter) == "closed"


def test_translation_from_ordered_to_delivered_and_cancelled(secretariat):
    order = TranslationOrderFactory(actor=secretariat)
    translations.start(actor=secretariat, order=order)
    assert _status(order) == "in_progress"
    translations.deliver(actor=secretariat, order=order, delivered_on=timezone.localdate())
    assert _status(order) == "delivered"
    with pytest.raises(ValidationError):
        translations.cancel(actor=secretariat, order=order, reason="Za późno.")
    other = TranslationOrderFactory(actor=secretariat)
    translations.cancel(actor=secretariat, order=other, reason="Delegacja odwołana.")
    assert _status(other) == "cancelled"
    for move in (translations.start, lambda **kw: translations.deliver(delivered_on=timezone.localdate(), **kw)):
        with pytest.raises(ValidationError):
            move(actor=secretariat, order=other)
    assert _status(other) == "cancelled"
