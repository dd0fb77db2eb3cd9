"""factory_boy factories of the office core's models."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from office.models import Assignment, AssignmentStatus, Contact, OfficeHolder, OrgUnit, Tag, User

PASSWORD = "Hasło-testowe-2026!"


class OrgUnitFactory(DjangoModelFactory):
    class Meta:
        model = OrgUnit
        django_get_or_create = ("symbol",)

    symbol = factory.Sequence(lambda n: f"W{n:03d}")
    name = factory.LazyAttribute(lambda o: f"Wydział {o.symbol}")
    kind = OrgUnit.Kind.DEPARTMENT
    email = factory.LazyAttribute(lambda o: f"{o.symbol.lower()}@um.example.gov.pl")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pracownik{n}")
    first_name = "Anna"
    last_name = factory.Sequence(lambda n: f"Kowalska{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@um.example.gov.pl")
    language = "pl"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.groups.add(*extracted)


class OfficeHolderFactory(DjangoModelFactory):
    class Meta:
        model = OfficeHolder
        skip_postgeneration_save = True

    role = OfficeHolder.Role.DEPUTY
    title = "Zastępca Prezydenta Miasta ds. Rozwoju"
    first_name = "Jan"
    last_name = factory.Sequence(lambda n: f"Nowak{n}")

    @factory.post_generation
    def supervised_units(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.supervised_units.add(*extracted)


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"etykieta-{n}")


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact
        skip_postgeneration_save = True

    kind = Contact.Kind.PERSON
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    email = factory.Sequence(lambda n: f"kontakt{n}@example.pl")
    city = "Przykładowo"

    @factory.post_generation
    def tags(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.tags.add(*extracted)


class AssignmentFactory(DjangoModelFactory):
    """An assignment row made directly (fixtures); state changes in tests go through services."""

    class Meta:
        model = Assignment

    title = factory.Sequence(lambda n: f"Sprawa nr {n}")
    description = "Proszę o przygotowanie odpowiedzi."
    unit = factory.SubFactory(OrgUnitFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))
    status = AssignmentStatus.NEW
