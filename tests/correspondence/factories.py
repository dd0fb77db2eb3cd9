"""Factories of the correspondence app. Letters are registered through the services (they take
the next sign and the deadline of their kind), so a factory's letter is what the register makes.

``IncomingLetterFactory(...)``: registered, waiting for the decree; ``decreed_to=unit`` decrees it.
``OutgoingLetterFactory(...)``: prepared from a template (``sent=True``: sent).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from correspondence.models import (
    JrwaClass,
    Letter,
    LetterTemplate,
    PaperDocument,
    ResidentMatter,
    TranslationOrder,
    Visit,
)
from correspondence.services import archive, matters, register, visitors
from correspondence.services import letters as letter_services
from correspondence.services import translations as translation_services
from tests.factories import ContactFactory, OfficeHolderFactory, OrgUnitFactory, UserFactory

SUBJECTS = [
    "Prośba o remont chodnika przy ul. Lipowej",
    "Skarga na hałas z budowy przy ul. Słonecznej",
    "Wniosek o ustawienie ławek w parku miejskim",
    "Zaproszenie na jubileusz Szkoły Podstawowej nr 7",
    "Petycja w sprawie nasadzeń drzew na osiedlu Zachód",
]


def jrwa(symbol: str = "0520") -> JrwaClass:
    """A class of the shipped list (installed once if the table is empty)."""
    archive.ensure_shipped_classes()
    return JrwaClass.objects.get(symbol=symbol)


def office_unit() -> Any:
    return OrgUnitFactory(symbol="KP", name="Kancelaria Prezydenta Miasta")


class JrwaClassFactory(DjangoModelFactory):
    class Meta:
        model = JrwaClass
        django_get_or_create = ("symbol",)

    symbol = factory.Sequence(lambda n: f"9{n % 1000:03d}")
    title = factory.Sequence(lambda n: f"Sprawy różne {n}")
    category = "B5"


class IncomingLetterFactory(DjangoModelFactory):
    """An incoming letter registered by ``actor`` (a new clerk unless given) for ``principal``."""

    class Meta:
        model = Letter

    actor = factory.SubFactory(UserFactory, username="kancelistka", first_name="Krystyna", last_name="Kancelaryjna")
    decreed_to = None
    direction = "in"
    unit = factory.LazyFunction(office_unit)
    jrwa_class = factory.LazyFunction(jrwa)
    principal = factory.SubFactory(OfficeHolderFactory, role="mayor", title="Prezydent Miasta", first_name="Andrzej")
    subject = factory.Iterator(SUBJECTS)
    contact = factory.SubFactory(ContactFactory)
    kind = "ordinary"
    received_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=1))

    @classmethod
    def _create(cls, model_class: type, *args: Any, decreed_to: Any = None, **kwargs: Any) -> Letter:
        letter = register.register_letter(**kwargs)
        if decreed_to is not None:
            register.decree(
                actor=kwargs["actor"], letter=letter, lead_unit=decreed_to, instruction="Proszę o odpowiedź."
            )
            letter.refresh_from_db()
        return letter


class LetterTemplateFactory(DjangoModelFactory):
    class Meta:
        model = LetterTemplate
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Szablon {n}")
    kind = "congratulations"
    subject = "Gratulacje"
    salutation = "Szanowny Panie {{ adresat.nazwa }},"
    body = "w imieniu mieszkańców {{ pismo.miejscowosc }} składam serdeczne gratulacje.\n\nŻyczę dalszych sukcesów."
    closing = "Z wyrazami szacunku"
    jrwa_class = factory.LazyFunction(lambda: jrwa("0521"))
    signatory = factory.SubFactory(OfficeHolderFactory, role="mayor", title="Prezydent Miasta")


class OutgoingLetterFactory(DjangoModelFactory):
    """A letter written from a template for ``contact`` (``sent=True``: marked sent today)."""

    class Meta:
        model = Letter

    actor = factory.SubFactory(UserFactory, username="kancelistka", first_name="Krystyna", last_name="Kancelaryjna")
    template = factory.SubFactory(LetterTemplateFactory)
    contact = factory.SubFactory(ContactFactory)
    unit = factory.LazyFunction(office_unit)
    sent = False

    @classmethod
    def _create(cls, model_class: type, *args: Any, sent: bool = False, **kwargs: Any) -> Letter:
        letter = letter_services.write_letter(**kwargs)
        if sent:
            letter = register.mark_sent(
                actor=kwargs["actor"], letter=letter, sent_on=timezone.localdate(), channel="post"
            )
        return letter


class ResidentMatterFactory(DjangoModelFactory):
    """A resident's matter registered at intake with the RODO clause (``forwarded_to=unit``)."""

    class Meta:
        model = ResidentMatter

    actor = factory.SubFactory(UserFactory, username="kancelistka", first_name="Krystyna", last_name="Kancelaryjna")
    resident_name = factory.Sequence(lambda n: f"Halina Adamczyk {n}")
    email = factory.Sequence(lambda n: f"mieszkanka{n}@example.pl")
    kind = "intervention"
    channel = "phone"
    subject = "Zepsuta latarnia przy ul. Polnej"
    description = "Latarnia nie świeci od tygodnia."
    principal = factory.SubFactory(OfficeHolderFactory, role="mayor", title="Prezydent Miasta")
    received_on = factory.LazyFunction(timezone.localdate)
    rodo_clause_shown = True
    forwarded_to = None

    @classmethod
    def _create(cls, model_class: type, *args: Any, forwarded_to: Any = None, **kwargs: Any) -> ResidentMatter:
        matter = matters.register_matter(**kwargs)
        if forwarded_to is not None:
            matter = matters.forward(actor=kwargs["actor"], matter=matter, unit=forwarded_to)
        return matter


class VisitFactory(DjangoModelFactory):
    class Meta:
        model = Visit

    visitor_name = factory.Sequence(lambda n: f"Gość {n}")
    organisation = "Stowarzyszenie Przyjaciół Miasta"
    host = factory.SubFactory(OfficeHolderFactory, role="mayor", title="Prezydent Miasta")
    expected_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(hours=1))
    purpose = "Rozmowa o festynie"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Visit:
        actor = kwargs.pop("actor", None)
        return visitors.save_visit(actor=actor, visit=model_class(**kwargs))


class PaperDocumentFactory(DjangoModelFactory):
    class Meta:
        model = PaperDocument

    title = factory.Sequence(lambda n: f"Umowa nr {n} – oryginał")

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> PaperDocument:
        actor = kwargs.pop("actor")
        return visitors.register_document(actor=actor, document=model_class(**kwargs))


class TranslationOrderFactory(DjangoModelFactory):
    class Meta:
        model = TranslationOrder

    document = "Porozumienie o współpracy miast partnerskich"
    source_language = "polski"
    target_language = "niemiecki"
    translator = factory.SubFactory(ContactFactory, name="Ewa Lis, tłumacz przysięgły")
    ordered_on = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> TranslationOrder:
        actor = kwargs.pop("actor", None)
        return translation_services.save_order(actor=actor, order=model_class(**kwargs))
