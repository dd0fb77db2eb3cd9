"""The pages of correspondence/views/letters.py: the register with its filters, registering letters
in and out (the scan, likely duplicates), correcting a letter, the letter's page, every action of
LETTER_ACTIONS for every persona (tests/correspondence/permissions.py: who may do what), the
reply written from a template with the unit's answer, the PDF and the editable copy, and the
letter picker's options."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from correspondence.models import Decree, Letter, LetterStatus
from correspondence.services import register
from correspondence.views.letters import LETTER_ACTIONS
from office.models import Assignment, AssignmentStatus, Attachment, AuditEntry
from office.services import assignments as assignment_services
from office.services.attachments import attachments_of
from tests.correspondence.factories import (
    IncomingLetterFactory,
    LetterTemplateFactory,
    OutgoingLetterFactory,
    jrwa,
    office_unit,
)
from tests.correspondence.permissions import DECREERS, EDITORS, EXPECTED, LETTER_READERS, OFFICERS_WHO_WRITE
from tests.factories import ContactFactory, OfficeHolderFactory
from tests.matrix import LOGIN
from tests.personas import AUTHENTICATED
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def today(days: int = 0) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def detail_url(letter: Letter) -> str:
    return reverse("correspondence:letter_detail", args=[letter.pk])


def action_url(name: str, letter: Letter) -> str:
    return reverse(f"correspondence:letter_{name}", args=[letter.pk])


def status_of(response: Any) -> int | str:
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return LOGIN
    return response.status_code


def field_value(response: Any, name: str) -> str | None:
    """The value of the input ``name`` on the page (or the text of that textarea)."""
    body = response.content.decode()
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', body)
    if match:
        value = re.search(r'value="([^"]*)"', match.group(0))
        return html.unescape(value.group(1)) if value else ""
    match = re.search(rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>(.*?)</textarea>', body, re.S)
    return html.unescape(match.group(1)).strip() if match else None


class Ctx:
    """The mayor's office: the secretary (of the mayor's secretariat), the deputy, the register of
    the office (KP), a regular sender, and the template of replies that merges the unit's answer."""

    def __init__(self, persona: Any, wok: Any, win: Any) -> None:
        self.persona, self.wok, self.win = persona, wok, win
        self.secretary = persona("secretariat")
        self.mayor = OfficeHolderFactory(
            role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", order=1
        )
        self.mayor.memberships.create(user=self.secretary)
        self.deputy = OfficeHolderFactory(first_name="Ewa", last_name="Lis", order=2)
        self.office = office_unit()
        self.sender = ContactFactory(name="Rada Osiedla Zachód", street="ul. Lipowa 4", city="Przykładowo")
        self.template = LetterTemplateFactory(
            name="Odpowiedź na pismo mieszkańców",
            kind="reply",
            source_kind="pismo_przychodzace",
            subject="Odpowiedź na pismo {{ pismo_przychodzace.znak }}",
            salutation="Szanowni Państwo,",
            body="W odpowiedzi na pismo z dnia {{ pismo_przychodzace.data_wplywu }} uprzejmie informuję:\n\n"
            "{{ pismo_przychodzace.odpowiedz }}",
            jrwa_class=jrwa("0520"),
            signatory=self.mayor,
        )

    def incoming(self, decreed_to: Any = None, **kwargs: Any) -> Letter:
        values = {"actor": self.secretary, "principal": self.mayor, "contact": self.sender, "decreed_to": decreed_to}
        values.setdefault("subject", "Prośba o remont chodnika przy ul. Lipowej")
        return IncomingLetterFactory(**{**values, **kwargs, "allow_duplicate": True})

    def outgoing(self, sent: bool = False) -> Letter:
        return OutgoingLetterFactory(
            actor=self.secretary, contact=self.sender, template__signatory=self.mayor, sent=sent
        )

    def closed(self) -> Letter:
        letter = self.incoming(decreed_to=self.wok)
        return register.close_letter(actor=self.secretary, letter=letter, note="Omyłkowo odłożone.")


@pytest.fixture
def ctx(persona: Any, wok: Any, win: Any) -> Ctx:
    return Ctx(persona, wok, win)


# --- Who opens which page ---------------------------------------------------------------------------


PAGES = {
    # URL name: (its arguments, the query string)
    "correspondence:letter_list": (None, {}),
    "correspondence:letter_incoming": (None, {}),
    "correspondence:letter_outgoing": (None, {}),
    "correspondence:letter_options": (None, {"q": "KP", "field": "letter"}),
    "correspondence:letter_detail": ("incoming", {}),
    "correspondence:letter_edit": ("incoming", {}),
    "correspondence:letter_pdf": ("outgoing", {}),
    "correspondence:letter_docx": ("outgoing", {}),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_who_opens_each_page(ctx, persona, monkeypatch, name) -> None:
    # the access rule is what is tested here; the real PDF is rendered by the download test below
    monkeypatch.setattr("correspondence.services.letters.letter_pdf", lambda letter: b"%PDF-1.7 stub")
    records = {"incoming": ctx.incoming(decreed_to=ctx.wok), "outgoing": ctx.outgoing()}
    record, query = PAGES[name]
    url = reverse(name, args=[records[record].pk] if record else [])
    row = EXPECTED[name]

    got = {key: status_of(fetch(client_for(persona(key)), "get", url, query)) for key in AUTHENTICATED}
    got["anonymous"] = status_of(fetch(client_for(None), "get", url, query))

    assert got == row.statuses
    assert fetch(client_for(ctx.secretary), row.wrong, url).status_code == 405


# --- The register and its filters -----------------------------------------------------------------


@pytest.fixture
def book(ctx: Ctx) -> dict[str, Letter]:
    """Four lines of the register: an open letter decreed to WOK, an overdue complaint to the
    deputy registered two months ago, a filed petition, and sent congratulations."""
    lipowa = ctx.incoming(decreed_to=ctx.wok, received_on=today(-2))
    skarga = ctx.incoming(
        principal=ctx.deputy,
        kind="complaint",
        jrwa_class=jrwa("0511"),
        subject="Skarga na hałas z budowy przy ul. Słonecznej",
        contact=ContactFactory(name="Towarzystwo Przyjaciół Słonecznej"),
        received_on=today(-60),
    )
    Letter.objects.filter(pk=skarga.pk).update(created_at=timezone.now() - dt.timedelta(days=60))
    petycja = ctx.incoming(
        decreed_to=ctx.win,
        kind="petition",
        jrwa_class=jrwa("0511"),
        subject="Petycja w sprawie nasadzeń drzew na osiedlu Zachód",
    )
    register.close_letter(actor=ctx.secretary, letter=petycja, note="Przekazano do Rady Miasta.")
    gratulacje = ctx.outgoing(sent=True)
    return {"lipowa": lipowa, "skarga": skarga, "petycja": petycja, "gratulacje": gratulacje}


def listed(response: Any, book: dict[str, Letter]) -> list[str]:
    names = {letter.pk: name for name, letter in book.items()}
    return [names[row.pk] for row in response.context["page_obj"].object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("direction=out", {"gratulacje"}),
        ("status=closed", {"petycja"}),
        ("kind=complaint", {"skarga"}),
        ("principal={deputy}", {"skarga"}),
        ("jrwa_class=0511", {"skarga", "petycja"}),
        ("decreed_to={wok}", {"lipowa"}),
        ("since={ten_days_ago}", {"lipowa", "petycja", "gratulacje"}),
        ("until={ten_days_ago}", {"skarga"}),
        ("open=on", {"lipowa", "skarga"}),
        ("overdue=on", {"skarga"}),
        ("q=LIPOWEJ", {"lipowa"}),  # the subject, whatever the case
        ("q={petycja_sign}", {"petycja"}),  # the sign
        ("q=Towarzystwo Przyjaciół", {"skarga"}),  # the correspondent
        ("direction=in&open=on&principal={mayor}", {"lipowa"}),
        ("status=zalatwione", {"lipowa", "skarga", "petycja", "gratulacje"}),  # invalid: the whole register
    ],
)
def test_the_filters_narrow_the_register(ctx, book, query, expected) -> None:
    query = query.format(
        deputy=ctx.deputy.pk,
        mayor=ctx.mayor.pk,
        wok=ctx.wok.pk,
        ten_days_ago=today(-10).isoformat(),
        petycja_sign=book["petycja"].sign,
    )
    response = fetch(client_for(ctx.secretary), "get", reverse("correspondence:letter_list") + "?" + query)
    assert response.status_code == 200
    assert set(listed(response, book)) == expected
    assert bool(response.context["filter"].errors) == ("zalatwione" in query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["gratulacje", "petycja", "lipowa", "skarga"]),
        ("sort=oldest", ["skarga", "lipowa", "petycja", "gratulacje"]),
        ("direction=in&sort=due", ["skarga", "lipowa", "petycja"]),
        ("sort=sign", ["skarga", "petycja", "lipowa", "gratulacje"]),  # 0511.1, 0511.2, 0520.1, 0521.1
    ],
)
def test_the_register_is_sorted(ctx, book, query, expected) -> None:
    response = fetch(client_for(ctx.secretary), "get", reverse("correspondence:letter_list") + "?" + query)
    assert listed(response, book) == expected


def test_the_register_shows_the_lines(ctx, book) -> None:
    response = fetch(client_for(persona_of(ctx, "auditor")), "get", reverse("correspondence:letter_list"))
    text = page_text(response)
    skarga = book["skarga"]
    assert skarga.sign in text and "Towarzystwo Przyjaciół Słonecznej" in text and "Ewa Lis" in text
    assert skarga.due_on.strftime("%d.%m.%Y") in text and "is-overdue" in text
    # the auditor reads the register but registers nothing
    assert reverse("correspondence:letter_incoming") not in text


def persona_of(ctx: Ctx, key: str) -> Any:
    return ctx.persona(key)


# --- Registering -----------------------------------------------------------------------------------


def letter_form(ctx: Ctx, **changes: Any) -> dict[str, Any]:
    data = {
        "unit": ctx.office.pk,
        "jrwa_class": jrwa("0520").pk,
        "principal": ctx.mayor.pk,
        "kind": "ordinary",
        "channel": "epuap",
        "contact": ctx.sender.pk,
        "subject": "Wniosek o ustawienie ławek w parku miejskim",
        "summary": "Mieszkańcy proszą o sześć ławek przy alejce.",
        "received_on": today(-1).isoformat(),
        "their_reference": "RO.152.3.2026",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_registering_an_incoming_letter_with_its_scan(ctx) -> None:
    scan = SimpleUploadedFile("skan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    response = fetch(
        client_for(ctx.secretary), "post", reverse("correspondence:letter_incoming"), letter_form(ctx, scan=scan)
    )

    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(letter)
    assert letter.sign == f"KP.0520.1.{YEAR}"
    assert messages_of(response) == [f"Pismo zarejestrowano pod znakiem KP.0520.1.{YEAR}."]
    assert (letter.subject, letter.channel, letter.their_reference, letter.status, letter.created_by) == (
        "Wniosek o ustawienie ławek w parku miejskim",
        "epuap",
        "RO.152.3.2026",
        LetterStatus.REGISTERED,
        ctx.secretary,
    )
    (attachment,) = attachments_of(letter)
    assert (attachment.original_name, attachment.description, attachment.mime_type) == (
        "skan.pdf",
        "Skan",
        "application/pdf",
    )


def test_registering_an_outgoing_letter_already_sent(ctx) -> None:
    data = letter_form(ctx, kind="occasional", body="Dziękuję za zaproszenie.", sent_on=today().isoformat())
    response = fetch(client_for(ctx.persona("office_staff")), "post", reverse("correspondence:letter_outgoing"), data)

    letter = Letter.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(letter)
    assert (letter.direction, letter.status, letter.sent_on, letter.body, letter.received_on) == (
        "out",
        LetterStatus.SENT,
        today(),
        "Dziękuję za zaproszenie.",
        None,
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"received_on": "2026-02-30"}, "received_on", "Wpisz poprawną datę."),
        ({"received_on": today(1).isoformat()}, "received_on", "Data wpływu nie może przypadać w przyszłości."),
        ({"jrwa_class": "987654"}, "jrwa_class", "Nieznana klasa JRWA „987654”: wybierz klasę z listy."),
        ({"new_name": "Jan Kowalski"}, "new_name", "Wybierz kontakt albo wpisz nowy, nie jedno i drugie."),
        ({"contact": ""}, "contact", "Wybierz korespondenta z kontaktów albo wpisz nazwę nowego."),
    ],
    ids=["bad-date", "future-receipt", "unknown-class", "contact-and-new-name", "no-correspondent"],
)
def test_registering_with_bad_input_keeps_what_was_typed(ctx, changes, field, message) -> None:
    response = fetch(
        client_for(ctx.secretary), "post", reverse("correspondence:letter_incoming"), letter_form(ctx, **changes)
    )

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    text = page_text(response)
    assert 'id="error-summary"' in text and message in text
    assert field_value(response, "subject") == "Wniosek o ustawienie ławek w parku miejskim"
    assert field_value(response, "their_reference") == "RO.152.3.2026"
    assert not Letter.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("skan.exe", b"MZ\x90\x00\x03\x00\x00\x00", "Pliki typu „exe” nie są przyjmowane."),
        ("skan.pdf", b"To jest zwykly tekst, nie PDF.", "Zawartość pliku nie odpowiada typowi „pdf”"),
        ("skan.txt", b"a" * (1024 * 1024 + 1), "Plik ma rozmiar 1,0\xa0MB; limit wynosi 1,0\xa0MB."),
    ],
    ids=["executable", "text-posing-as-pdf", "too-big"],
)
@override_settings(ATTACHMENT_MAX_MB=1)
def test_a_scan_that_cannot_be_stored_is_refused(ctx, name, content, message) -> None:
    data = letter_form(ctx, scan=SimpleUploadedFile(name, content))
    response = fetch(client_for(ctx.secretary), "post", reverse("correspondence:letter_incoming"), data)

    assert response.status_code == 200
    (error,) = response.context["form"].errors["scan"]
    assert error.startswith(message) and message in page_text(response)
    assert field_value(response, "subject") == "Wniosek o ustawienie ławek w parku miejskim"
    assert not Letter.objects.exists() and not Attachment.objects.exists()


def test_a_likely_duplicate_is_registered_only_when_the_clerk_confirms(ctx) -> None:
    client = client_for(ctx.secretary)
    fetch(client, "post", reverse("correspondence:letter_incoming"), letter_form(ctx))
    first = Letter.objects.get()

    response = fetch(client, "post", reverse("correspondence:letter_incoming"), letter_form(ctx))
    assert response.status_code == 200
    (error,) = response.context["form"].non_field_errors()
    assert first.sign in error and "„zarejestruj mimo to”" in error
    assert "zarejestruj mimo to (to inne pismo)" in page_text(response)  # the box to tick
    assert Letter.objects.count() == 1

    response = fetch(client, "post", reverse("correspondence:letter_incoming"), letter_form(ctx, allow_duplicate="on"))
    assert response.status_code == 302
    assert list(Letter.objects.order_by("sequence").values_list("sequence", flat=True)) == [1, 2]


# --- Correcting a letter -------------------------------------------------------------------------------


def edit_form(letter: Letter, **changes: Any) -> dict[str, Any]:
    data = {
        "subject": letter.subject,
        "summary": letter.summary,
        "kind": letter.kind,
        "channel": letter.channel,
        "received_on": letter.received_on.isoformat(),
        "dated_on": "",
        "their_reference": letter.their_reference,
        "ezd_reference": "",
        "principal": letter.principal_id,
    }
    data.update(changes)
    return data


def test_correcting_a_letter(ctx) -> None:
    letter = ctx.incoming()
    data = edit_form(letter, subject="Prośba o remont chodnika i krawężnika przy ul. Lipowej", ezd_reference="ZD.1")
    response = fetch(client_for(ctx.persona("office_staff")), "post", action_url("edit", letter), data)

    assert response.status_code == 302 and response["Location"] == detail_url(letter)
    assert messages_of(response) == ["Pismo poprawiono."]
    letter.refresh_from_db()
    assert (letter.subject, letter.ezd_reference, letter.sign) == (
        "Prośba o remont chodnika i krawężnika przy ul. Lipowej",
        "ZD.1",
        f"KP.0520.1.{YEAR}",
    )


def test_a_correction_with_a_future_date_keeps_what_was_typed(ctx) -> None:
    letter = ctx.incoming()
    data = edit_form(letter, subject="Temat po poprawce", received_on=today(3).isoformat())
    response = fetch(client_for(ctx.secretary), "post", action_url("edit", letter), data)

    assert response.status_code == 200
    assert response.context["form"].errors["received_on"] == ["Data wpływu nie może przypadać w przyszłości."]
    assert field_value(response, "subject") == "Temat po poprawce"
    letter.refresh_from_db()
    assert letter.subject == "Prośba o remont chodnika przy ul. Lipowej"


# --- The letter's page ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "offered"),
    [
        ("secretariat", {"decree", "pass_on", "reply", "extend", "close", "attach"}),
        ("office_staff", {"reply", "extend", "close", "attach"}),
        ("management", set()),
        ("unit_liaison", set()),
    ],
)
def test_the_page_offers_what_the_user_may_do_now(ctx, role, offered) -> None:
    letter = ctx.incoming()
    if role == "unit_liaison":
        register.decree(actor=ctx.secretary, letter=letter, lead_unit=ctx.wok)
    response = fetch(client_for(ctx.persona(role)), "get", detail_url(letter))

    assert {name for name, may in response.context["may"].items() if may} == offered
    text = page_text(response)
    assert "Prośba o remont chodnika przy ul. Lipowej" in text and "Rada Osiedla Zachód" in text
    assert (action_url("decree", letter) in text) == ("decree" in offered)


# --- Every action, for every persona -------------------------------------------------------------------


def _upload() -> dict[str, Any]:
    return {"attach-file": SimpleUploadedFile("notatka.txt", b"Notatka z rozmowy."), "attach-description": "notatka"}


#: name: (a letter on which it succeeds, its data, what it did, the letter decreed to WOK)
READY: dict[str, tuple[Any, Any, Any, bool]] = {
    "decree": (
        lambda c: c.incoming(decreed_to=c.wok),
        lambda c: {"decree-lead_unit": c.win.pk, "decree-instruction": "Proszę o opinię."},
        lambda c, letter: sorted(d.unit.symbol for d in letter.decrees.all()) == ["WIN", "WOK"],
        True,
    ),
    "pass_on": (
        lambda c: c.incoming(),
        lambda c: {"pass-on-holder": c.deputy.pk},
        lambda c, letter: letter.principal == c.deputy,
        False,
    ),
    "reply": (
        lambda c: c.incoming(decreed_to=c.wok),
        lambda c: {"reply-template": c.template.pk, "reply-signatory": c.mayor.pk, "reply-dated_on": today()},
        lambda c, letter: letter.replies.count() == 1,
        True,
    ),
    "texts": (
        lambda c: c.outgoing(),
        lambda c: {"texts-subject": "Gratulacje", "texts-body": "Serdecznie gratuluję jubileuszu."},
        lambda c, letter: letter.body == "Serdecznie gratuluję jubileuszu.",
        False,
    ),
    "send": (
        lambda c: c.outgoing(),
        lambda c: {"send-sent_on": today(), "send-channel": "email"},
        lambda c, letter: (letter.status, letter.channel) == (LetterStatus.SENT, "email"),
        False,
    ),
    "deliver": (
        lambda c: c.outgoing(sent=True),
        lambda c: {"deliver-delivered_on": today()},
        lambda c, letter: letter.delivery_confirmed_on == today(),
        False,
    ),
    "extend": (
        lambda c: c.incoming(decreed_to=c.wok),
        lambda c: {"extend-reason": "Sprawa wymaga opinii rzeczoznawcy."},
        lambda c, letter: letter.deadline_rule == "kpa_letter_complex",
        True,
    ),
    "close": (
        lambda c: c.incoming(decreed_to=c.wok),
        lambda c: {"close-note": "Sprawa załatwiona telefonicznie."},
        lambda c, letter: letter.status == LetterStatus.CLOSED,
        True,
    ),
    "reopen": (
        lambda c: c.closed(),
        lambda c: {},
        lambda c, letter: letter.status == LetterStatus.DECREED,
        True,
    ),
    "attach": (
        lambda c: c.incoming(decreed_to=c.wok),
        lambda c: _upload(),
        lambda c, letter: attachments_of(letter).filter(original_name="notatka.txt").exists(),
        True,
    ),
}


def test_every_action_is_tested() -> None:
    assert set(READY) == {action.name for action in LETTER_ACTIONS.actions}


def _state(letter: Letter) -> tuple[Any, ...]:
    """The letter's row and everything an action adds to it: decrees, the units' assignments,
    replies, attachments, trail entries."""
    return (
        Letter.objects.filter(pk=letter.pk).values().get(),
        list(Decree.objects.filter(letter=letter).values()),
        list(Assignment.objects.filter(letter_decree__letter=letter).values()),
        list(Letter.objects.filter(in_reply_to=letter).values_list("pk", flat=True)),
        list(attachments_of(letter).values_list("pk", flat=True)),
        list(AuditEntry.objects.of(letter).values_list("pk", flat=True)),
    )


@pytest.mark.parametrize("name", list(READY))
def test_each_action_for_every_persona(ctx, name) -> None:
    ready, data, done, liaison_sees = READY[name]
    allowed = {"decree": DECREERS, "pass_on": DECREERS, "reply": EDITORS | OFFICERS_WHO_WRITE}.get(name, EDITORS)
    viewers = LETTER_READERS | ({"unit_liaison"} if liaison_sees else set())
    shared = ready(ctx)
    before = _state(shared)
    got, expected = {}, {}
    for role in AUTHENTICATED:
        letter = ready(ctx) if role in allowed else shared
        response = fetch(client_for(ctx.persona(role)), "post", action_url(name, letter), data(ctx))
        got[role] = response.status_code
        expected[role] = 302 if role in allowed else 403 if role in viewers else 404
        if role in allowed:
            letter.refresh_from_db()
            assert done(ctx, letter), f"{name} by {role} did nothing"
            assert messages_of(response) and "Location" in response

    assert got == expected
    assert _state(shared) == before
    assert status_of(fetch(client_for(None), "post", action_url(name, shared), data(ctx))) == LOGIN
    assert fetch(client_for(ctx.secretary), "get", action_url(name, shared)).status_code == 405


#: name: (the letter, the data, the field with the error, the message, a value typed that stays)
INVALID = {
    "decree-unit-twice": (
        lambda c: c.incoming(decreed_to=c.wok),
        lambda c: {"decree-lead_unit": c.wok.pk, "decree-instruction": "Pilne: odpowiedź w ciągu 7 dni."},
        "decree",
        "Już zadekretowano do: WOK.",
        "Pilne: odpowiedź w ciągu 7 dni.",
    ),
    "pass-on-to-the-principal": (
        lambda c: c.incoming(),
        lambda c: {"pass-on-holder": c.mayor.pk, "pass-on-instruction": "Do wiadomości Pana Prezydenta."},
        "pass_on",
        "Pismo jest już skierowane do: Andrzej Kowalczyk.",
        "Do wiadomości Pana Prezydenta.",
    ),
    "reply-dated-before-receipt": (
        lambda c: c.incoming(received_on=dt.date(2026, 3, 2)),
        lambda c: {"reply-template": c.template.pk, "reply-signatory": c.mayor.pk, "reply-dated_on": "2026-02-27"},
        "reply",
        "Odpowiedź nie może mieć daty wcześniejszej niż wpływ pisma, na które odpowiada (02.03.2026).",
        "2026-02-27",
    ),
    "texts-without-body": (
        lambda c: c.outgoing(),
        lambda c: {"texts-subject": "Gratulacje dla Szkoły Podstawowej nr 7", "texts-body": ""},
        "texts",
        "To pole jest wymagane.",
        "Gratulacje dla Szkoły Podstawowej nr 7",
    ),
    "send-in-the-future": (
        lambda c: c.outgoing(),
        lambda c: {"send-sent_on": today(2).isoformat(), "send-channel": "courier"},
        "send",
        "Pismo nie może być wysłane w przyszłości; zarejestruj je jako przygotowane.",
        today(2).isoformat(),
    ),
    "deliver-before-sending": (
        lambda c: c.outgoing(sent=True),
        lambda c: {"deliver-delivered_on": today(-5).isoformat()},
        "deliver",
        "Pismo nie może zostać doręczone przed wysłaniem.",
        today(-5).isoformat(),
    ),
    "extend-a-complaint": (
        lambda c: c.incoming(kind="complaint"),
        lambda c: {"extend-reason": "Skarga wymaga oględzin."},
        "extend",
        "Terminu tego pisma nie można przedłużyć.",
        "Skarga wymaga oględzin.",
    ),
    "close-without-a-note": (
        lambda c: c.incoming(),
        lambda c: {"close-note": "   "},
        "close",
        "To pole jest wymagane.",
        "",
    ),
    "attach-an-executable": (
        lambda c: c.incoming(),
        lambda c: {"attach-file": SimpleUploadedFile("wirus.exe", b"MZ\x90\x00"), "attach-description": "skan koperty"},
        "attach",
        "Pliki typu „exe” nie są przyjmowane.",
        "skan koperty",
    ),
}


@pytest.mark.parametrize("case", list(INVALID))
def test_an_action_with_bad_input_shows_the_page_again_with_the_error(ctx, case) -> None:
    ready, data, name, message, typed = INVALID[case]
    letter = ready(ctx)
    before = _state(letter)
    response = fetch(client_for(ctx.secretary), "post", action_url(name, letter), data(ctx))

    assert response.status_code == 200
    form = response.context["failed_form"]
    assert form.is_bound and any(error.startswith(message) for errors in form.errors.values() for error in errors)
    text = page_text(response)
    assert 'id="error-summary"' in text and message in text
    assert typed in text
    assert _state(letter) == before


def test_a_refused_action_without_a_form_says_why(ctx) -> None:
    letter = ctx.incoming(decreed_to=ctx.wok)  # open: nothing to reopen
    response = fetch(client_for(ctx.secretary), "post", action_url("reopen", letter))
    assert response.status_code == 302 and response["Location"] == detail_url(letter)
    assert messages_of(response) == ["incoming letter: status nie może zmienić się z „decreed” na „decreed”."]


# --- The reply ------------------------------------------------------------------------------------------


def test_the_reply_carries_the_units_answer_and_sending_it_answers_the_letter(ctx, liaison) -> None:
    letter = ctx.incoming(decreed_to=ctx.wok, received_on=dt.date(2026, 3, 2))
    (assignment,) = Assignment.objects.filter(letter_decree__letter=letter)
    answer = "Remont chodnika przy ul. Lipowej zaplanowano na drugi kwartał przyszłego roku."
    assignment_services.answer(actor=liaison, assignment=assignment, reply=answer)
    client = client_for(ctx.secretary)

    response = fetch(
        client,
        "post",
        action_url("reply", letter),
        {"reply-template": ctx.template.pk, "reply-signatory": ctx.mayor.pk, "reply-dated_on": today().isoformat()},
    )

    reply = letter.replies.get()
    assert response.status_code == 302 and response["Location"] == detail_url(reply)
    assert messages_of(response) == [
        f"Odpowiedź {reply.sign} jest przygotowana: sprawdź ją, wydrukuj i oznacz jako wysłaną."
    ]
    assert (reply.status, reply.principal, reply.contact, reply.subject) == (
        LetterStatus.PREPARED,
        ctx.mayor,
        ctx.sender,
        f"Odpowiedź na pismo {letter.sign}",
    )
    assert answer in reply.body and "2\xa0marca 2026\xa0r." in reply.body

    response = fetch(client, "post", action_url("send", reply), {"send-sent_on": today(), "send-channel": "post"})

    assert response.status_code == 302 and response["Location"] == detail_url(reply)
    letter.refresh_from_db()
    assignment.refresh_from_db()
    assert (letter.status, letter.closed_on, assignment.status) == (
        LetterStatus.ANSWERED,
        today(),
        AssignmentStatus.CLOSED,
    )


# --- Downloads -----------------------------------------------------------------------------------------


def test_the_letter_as_a_pdf(ctx) -> None:
    from pypdf import PdfReader

    letter = ctx.outgoing()
    response = fetch(client_for(ctx.persona("auditor")), "get", action_url("pdf", letter))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{letter.sign}.pdf"'
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert letter.sign in text and "Kowalczyk" in text


def test_the_letter_as_an_editable_copy(ctx) -> None:
    from docx import Document

    letter = ctx.outgoing()
    response = fetch(client_for(ctx.secretary), "get", action_url("docx", letter))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == f'attachment; filename="{letter.sign}.docx"'
    document = Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert document.core_properties.title == letter.sign
    assert letter.sign in text and "Rada Osiedla Zachód" in text


def test_an_incoming_letter_has_no_printout(ctx) -> None:
    letter = ctx.incoming()
    client = client_for(ctx.secretary)
    assert fetch(client, "get", action_url("pdf", letter)).status_code == 404
    assert fetch(client, "get", action_url("docx", letter)).status_code == 404


# --- The letter picker ---------------------------------------------------------------------------------


def test_the_picker_offers_only_the_letters_the_user_may_see(ctx) -> None:
    public = ctx.incoming()
    secret = ctx.incoming(subject="Zawiadomienie o nieprawidłowościach w przetargu", confidential=True)
    other = ctx.incoming(subject="Zaproszenie na jubileusz Szkoły Podstawowej nr 7", kind="occasional")
    url = reverse("correspondence:letter_options")

    def offered(role: str, query: str) -> list[tuple[int, str]]:
        response = fetch(client_for(ctx.persona(role)), "get", url, {"q": query, "field": "letter"})
        assert response.status_code == 200
        return [(pk, label) for pk, label, _selected in response.context["options"]]

    assert offered("secretariat", "KP") == [
        (other.pk, str(other)),
        (secret.pk, f"{secret.sign} (poufne)"),
        (public.pk, str(public)),
    ]
    assert offered("management", "KP") == [(other.pk, str(other)), (public.pk, str(public))]
    assert offered("management", "przetarg") == []
    assert offered("office_staff", "jubileusz") == [(other.pk, str(other))]
