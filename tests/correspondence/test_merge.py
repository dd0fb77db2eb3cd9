"""The letter template sandbox (correspondence.merge): the fields offered render, any other field
is refused with its name, no tag but ``if`` and no filter but the five offered exist, a template
reaches strings only, texts are limited in length, letter sources of the registry add their
group, Polish typography, and the template editor showing the refused field with the text kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.template import TemplateSyntaxError
from django.urls import reverse

from correspondence import merge
from correspondence.models import LetterTemplate
from correspondence.services import letters as letter_services
from office.contributions import LetterSource, registry
from tests.correspondence.factories import LetterTemplateFactory, jrwa
from tests.correspondence.permissions import KEEPERS
from tests.factories import ContactFactory, OfficeHolderFactory
from tests.personas import AUTHENTICATED
from tests.utils import client_for, fetch, page_text

NBSP = "\u00a0"
CONTEXT = merge.example_context()


def refusal(text: str, source_kind: str = "") -> str:
    """The message ``check`` gives for ``text`` as a template's body (fails if it is accepted)."""
    with pytest.raises(ValidationError) as caught:
        merge.check({"body": text}, source_kind)
    return " ".join(caught.value.message_dict["body"])


# --- What is allowed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Szanowny Panie {{ adresat.nazwa }},", "Szanowny Panie Jan Kowalski,"),
        ("{{ adresat.stanowisko }}, {{ adresat.organizacja }}", "Prezes Zarządu, Stowarzyszenie Przyjaciół Miasta"),
        ("{{ adresat.ulica }}, {{ adresat.kod_pocztowy }} {{ adresat.miejscowosc }}", "ul. Piotrkowska 1, 90-001 Łódź"),
        ("Znak: {{ pismo.znak }}, {{ pismo.miejscowosc }}, {{ pismo.data }}", None),
        ("{{ podpis.imie_nazwisko }} – {{ podpis.funkcja|upper }}", "Anna Nowak – PREZYDENT MIASTA"),
        ("{{ adresat.nazwa|lower }} / {{ adresat.miejscowosc|title }}", "jan kowalski / Łódź"),
        ("{{ adresat.email|default:adresat.nazwa }}", "jan.kowalski@example.pl"),
        ("{% if adresat.stanowisko %}{{ adresat.stanowisko|capfirst }}{% else %}Pan{% endif %}", "Prezes Zarządu"),
        ("{% if not adresat.email %}list{% elif adresat.nazwa == 'Jan Kowalski' %}e-mail{% endif %}", "e-mail"),
    ],
)
def test_offered_fields_render(text, expected):
    merge.check({"body": text})  # accepted
    rendered = merge.render(text, CONTEXT)
    if expected is None:
        assert rendered == "Znak: KP.0521.12.2026, Miasto Przykładowo, 29 listopada 2026 r."
    else:
        assert rendered == expected


def test_every_offered_field_is_accepted_and_filled():
    names = merge.allowed_names()
    assert names == {f"{group.key}.{name}" for group in merge.groups_for() for name in group.fields}
    assert {"adresat.nazwa", "pismo.znak", "podpis.funkcja"} <= names
    text = " | ".join("{{ " + name + " }}" for name in sorted(names))
    merge.check({"body": text})
    assert merge.render(text, CONTEXT).count(" | ") == len(names) - 1
    assert "None" not in merge.render(text, CONTEXT)


# --- Unknown fields ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Szanowny Panie {{ adresat.nazwisko }},", "adresat.nazwisko"),
        ("{{ adresat }}", "adresat"),
        ("{{ uzytkownik.haslo }}", "uzytkownik.haslo"),
        ("{% if adresat.tytul %}Szanowny Panie Profesorze{% endif %}", "adresat.tytul"),
        ("{% if adresat.nazwa %}a{% elif pismo.numer %}b{% else %}c{% endif %}", "pismo.numer"),
        ("{% if adresat.nazwa and not podpis.pieczec %}x{% endif %}", "podpis.pieczec"),
        ("{% if adresat.nazwa %}{% if pismo.termin %}x{% endif %}{% endif %}", "pismo.termin"),
        ("{{ adresat.nazwa|default:adresat.pesel }}", "adresat.pesel"),
        ("{% if adresat.nazwa|default:adresat.telefon %}x{% endif %}", "adresat.telefon"),
        ("{{ adresat.nazwa.upper }}", "adresat.nazwa.upper"),
        ("{{ pismo_przychodzace.temat }}", "pismo_przychodzace.temat"),  # a source the template does not use
    ],
)
def test_unknown_field_is_refused_with_its_name(text, field):
    message = refusal(text)
    assert "{{ " + field + " }}" in message


def test_every_unknown_field_is_named_once_and_the_known_ones_not():
    message = refusal("{{ adresat.nazwa }} {{ adresat.pesel }} {{ adresat.pesel }} {{ pismo.numer }}")
    assert message.count("adresat.pesel") == 1 and "pismo.numer" in message
    assert "adresat.nazwa" not in message


def test_each_text_is_checked_under_its_own_name():
    with pytest.raises(ValidationError) as caught:
        merge.check({"subject": "{{ pismo.numer }}", "salutation": "Szanowni Państwo,", "closing": "{% now 'Y' %}"})
    errors = caught.value.message_dict
    assert set(errors) == {"subject", "closing"}
    assert "pismo.numer" in errors["subject"][0]


# --- Tags and filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("{% load static %}", "load"),
        ("{% include 'correspondence/pdf/letters.html' %}", "include"),
        ("{% extends 'layouts/app.html' %}", "extends"),
        ("{% url 'office:dashboard' %}", "url"),
        ("{% for znak in adresat.nazwa %}{{ znak }}{% endfor %}", "for"),
        ("{% now 'Y-m-d' %}", "now"),
        ("{% debug %}", "debug"),
        ("{{ adresat.nazwa|safe }}", "safe"),
        ("{{ adresat.nazwa|force_escape }}", "force_escape"),
        ("{{ adresat.nazwa|escape }}", "escape"),
        ("{{ adresat.nazwa|safeseq }}", "safeseq"),
        ("{{ pismo.data|date:pismo.znak }}", "date"),
    ],
)
def test_forbidden_tags_and_filters_are_refused(text, name):
    message = refusal(text)
    assert name in message
    with pytest.raises(TemplateSyntaxError):
        merge.render(text, CONTEXT)


def test_no_other_tag_or_filter_exists():
    others = [
        "{% with a=adresat.nazwa %}{{ a }}{% endwith %}",
        "{% filter upper %}x{% endfilter %}",
        "{% autoescape off %}x{% endautoescape %}",
        "{% block tresc %}x{% endblock %}",
        "{% csrf_token %}",
        "{% templatetag openblock %}",
        "{% cycle 'a' 'b' %}",
        "{% lorem 3 w %}",
        "{% firstof adresat.nazwa 'x' %}",
        "{% spaceless %}x{% endspaceless %}",
        "{{ adresat.nazwa|stringformat:'r' }}",
        "{{ adresat.nazwa|pprint }}",
        "{{ adresat.nazwa|linebreaks }}",
        "{{ adresat.nazwa|json_script:'x' }}",
        "{{ adresat.nazwa|slice:':3' }}",
    ]
    accepted = []
    for text in others:
        try:
            merge.check({"body": text})
        except ValidationError:
            continue
        accepted.append(text)
    assert accepted == []
    library = merge.ENGINE.template_builtins
    assert [set(lib.tags) for lib in library] == [{"if"}]
    assert [set(lib.filters) for lib in library] == [{"upper", "lower", "capfirst", "title", "default"}]
    assert merge.ENGINE.template_libraries == {}


# --- Strings only ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "{{ adresat.__class__ }}",
        "{{ adresat.nazwa.__class__.__mro__ }}",
        "{% if adresat.__dict__ %}x{% endif %}",
        "{{ adresat.nazwa|default:adresat._meta }}",
    ],
)
def test_dunder_and_private_names_cannot_be_written(text):
    assert "underscores" in refusal(text)
    with pytest.raises(TemplateSyntaxError):
        merge.render(text, CONTEXT)


class Recorder:
    """An object a careless caller might pass as a value: touching it is recorded."""

    def __init__(self) -> None:
        self.touched: list[str] = []

    def delete(self) -> str:
        self.touched.append("delete")
        return "USUNIĘTO"

    @property
    def secret(self) -> str:
        self.touched.append("secret")
        return "tajne"

    def __str__(self) -> str:
        return "Stowarzyszenie Seniorów"


def test_objects_given_as_values_are_turned_into_text_before_rendering():
    value = Recorder()
    text = "{{ adresat.organizacja }}|{{ adresat.organizacja.delete }}|{{ adresat.organizacja.secret }}"
    assert merge.render(text, {"adresat": {"organizacja": value}}) == "Stowarzyszenie Seniorów||"
    assert value.touched == []


def test_a_letters_merge_context_holds_strings_only(db):
    holder = OfficeHolderFactory(role="mayor", title="Prezydent Miasta")
    contact = ContactFactory(name="Zofia Żółkiewska", position="", street="ul. Kwiatowa 3")
    marker = Recorder()
    context = letter_services.merge_context(
        contact=contact,
        signatory=holder,
        sign="KP.0521.3.2026",
        dated_on=dt.date(2026, 5, 4),
        source_kind=letter_services.REPLY_SOURCE,
        source_fields={"temat": marker, "znak": 15, "nieznane": "x"},
    )
    assert all(isinstance(value, str) for group in context.values() for value in group.values())
    assert context["pismo"]["data"] == "4 maja 2026 r."
    assert context[letter_services.REPLY_SOURCE]["temat"] == "Stowarzyszenie Seniorów"
    assert context[letter_services.REPLY_SOURCE]["znak"] == "15"
    assert "nieznane" not in context[letter_services.REPLY_SOURCE]
    assert marker.touched == []


# --- Length ----------------------------------------------------------------------------------------


def test_texts_over_the_maximum_are_refused():
    merge.check({"body": "x" * merge.MAX_TEXT})
    message = refusal("x" * (merge.MAX_TEXT + 1))
    assert str(merge.MAX_TEXT) in message.replace("\u00a0", "").replace(" ", "")


# --- Letter sources --------------------------------------------------------------------------------


def test_a_source_of_the_registry_adds_its_group(monkeypatch):
    source = LetterSource(
        "patronat",
        "decyzja o patronacie",
        {"wydarzenie": ("wydarzenie", "Festiwal Kultury Ludowej"), "termin": ("termin", "12 czerwca 2026 r.")},
    )
    monkeypatch.setitem(registry._letter_sources, source.key, source)
    assert [group.key for group in merge.groups_for("patronat")] == ["adresat", "pismo", "podpis", "patronat"]
    text = "Patronat nad wydarzeniem „{{ patronat.wydarzenie }}” ({{ patronat.termin }}) dla {{ adresat.nazwa }}."
    merge.check({"body": text}, "patronat")
    assert "patronat.wydarzenie" in refusal(text)  # without the source the group is not offered
    assert "patronat.miejsce" in refusal("{{ patronat.miejsce }}", "patronat")
    rendered = merge.render(text, merge.example_context("patronat"))
    assert rendered == "Patronat nad wydarzeniem „Festiwal Kultury Ludowej” (12 czerwca 2026 r.) dla Jan Kowalski."


def test_the_reply_source_offers_the_letter_answered():
    names = merge.allowed_names(letter_services.REPLY_SOURCE)
    assert {f"{letter_services.REPLY_SOURCE}.{n}" for n in ("znak", "ich_znak", "temat", "odpowiedz")} <= names
    with pytest.raises(LookupError):
        merge.groups_for("nie_ma_takiego_zrodla")


def test_a_template_naming_an_unknown_source_is_refused(db):
    template = LetterTemplate(name="Zły", subject="x", body="x", source_kind="nie_ma_takiego_zrodla")
    with pytest.raises(ValidationError) as caught:
        letter_services.check_template(template)
    assert "source_kind" in caught.value.message_dict


# --- Polish typography ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Projekt "Zielone Podwórka" ruszył', "Projekt \u201eZielone Podwórka\u201d ruszył"),
        ("lipiec - sierpień", "lipiec \u2013 sierpień"),
        ("Czekamy na odpowiedź...", "Czekamy na odpowiedź\u2026"),
        ("Spotkanie w parku i u nas", f"Spotkanie w{NBSP}parku i{NBSP}u{NBSP}nas"),
        ("W imieniu mieszkańców", f"W{NBSP}imieniu mieszkańców"),
        ("dnia 5 maja 2026 r. wpłynęło", f"dnia 5{NBSP}maja 2026{NBSP}r. wpłynęło"),
        ("kwota 1500 zł, czyli 3 tys. zł", f"kwota 1500{NBSP}zł, czyli 3{NBSP}tys. zł"),
        ("odcinek 12 km i spadek o 5 %.", f"odcinek 12{NBSP}km i{NBSP}spadek o{NBSP}5{NBSP}%."),
        ("ul. Lipowa - 2026 r.", f"ul. Lipowa \u2013 2026{NBSP}r."),
        ("Kraków-Zakopane, tel. 22-000", "Kraków-Zakopane, tel. 22-000"),
    ],
)
def test_polish_typography(text, expected):
    assert merge.polish_typography(text) == expected


def test_typography_is_for_polish_letters_only():
    texts = {"subject": 'Projekt "A"', "salutation": "Drodzy Państwo,", "body": "w parku - teraz...", "closing": ""}
    polish = letter_services.merged_texts(LetterTemplate(language="pl", **texts), CONTEXT)
    english = letter_services.merged_texts(LetterTemplate(language="en", **texts), CONTEXT)
    assert polish["subject"] == "Projekt \u201eA\u201d"
    assert polish["body"] == f"w{NBSP}parku \u2013 teraz\u2026"
    assert english["body"] == "w parku - teraz..." and english["subject"] == 'Projekt "A"'


# --- The template editor ----------------------------------------------------------------------------


@pytest.fixture
def signatory(db: Any) -> Any:
    return OfficeHolderFactory(role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Wiśniewski")


def _form(signatory: Any, **changes: str) -> dict[str, Any]:
    data = {
        "name": "Gratulacje dla jubilatów",
        "kind": "congratulations",
        "layout": "letter",
        "language": "pl",
        "source_kind": "",
        "jrwa_class": jrwa("0521").pk,
        "signatory": signatory.pk,
        "subject": "Gratulacje z okazji jubileuszu",
        "salutation": "Szanowni Państwo {{ adresat.nazwa }},",
        "body": "W imieniu mieszkańców {{ pismo.miejscowosc }} składam gratulacje.",
        "closing": "Z wyrazami szacunku",
        "is_active": "on",
    }
    return {**data, **changes}


def test_template_editor_pages_per_persona(persona, signatory):
    template = LetterTemplateFactory(signatory=signatory)
    for url in (reverse("correspondence:template_create"), reverse("correspondence:template_edit", args=[template.pk])):
        got = {key: fetch(client_for(persona(key)), "get", url).status_code for key in AUTHENTICATED}
        assert got == {key: 200 if key in KEEPERS else 403 for key in AUTHENTICATED}, url


@pytest.mark.parametrize(
    ("field", "typed", "named"),
    [
        ("body", "Gratuluję {{ adresat.imie }} jubileuszu {{ adresat.nazwa }}.", "{{ adresat.imie }}"),
        ("salutation", "{% if adresat.plec %}Szanowna Pani{% endif %}", "{{ adresat.plec }}"),
        ("subject", "Jubileusz {{ pismo_przychodzace.temat }}", "{{ pismo_przychodzace.temat }}"),
        ("body", "{% load static %}Gratulacje", "load"),
    ],
)
def test_template_create_names_the_unknown_field_and_keeps_the_text(persona, signatory, field, typed, named):
    response = fetch(
        client_for(persona("office_staff")),
        "post",
        reverse("correspondence:template_create"),
        _form(signatory, **{field: typed}),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert named in " ".join(form.errors[field])
    text = page_text(response)
    assert 'id="error-summary"' in text and named in text
    assert typed in text  # what was typed is still in the field
    assert "Gratulacje dla jubilatów" in text
    assert not LetterTemplate.objects.exists()


def test_template_create_saves_a_valid_template(persona, signatory):
    staff = persona("office_staff")
    response = fetch(client_for(staff), "post", reverse("correspondence:template_create"), _form(signatory))
    template = LetterTemplate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("correspondence:template_detail", args=[template.pk])
    assert template.updated_by == staff and template.salutation == "Szanowni Państwo {{ adresat.nazwa }},"


def test_template_edit_checks_the_fields_of_its_source(persona, signatory):
    template = LetterTemplateFactory(signatory=signatory, name="Odpowiedź na pismo")
    url = reverse("correspondence:template_edit", args=[template.pk])
    body = "W odpowiedzi na pismo {{ pismo_przychodzace.ich_znak }}: {{ pismo_przychodzace.odpowiedz }}"
    client = client_for(persona("office_staff"))

    refused = fetch(client, "post", url, _form(signatory, name=template.name, body=body))
    assert refused.status_code == 200 and "{{ pismo_przychodzace.ich_znak }}" in page_text(refused)
    assert body in page_text(refused)
    template.refresh_from_db()
    assert "pismo_przychodzace" not in template.body

    source = letter_services.REPLY_SOURCE
    saved = fetch(client, "post", url, _form(signatory, name=template.name, body=body, source_kind=source))
    assert saved.status_code == 302
    template.refresh_from_db()
    assert template.body == body and template.source_kind == source
