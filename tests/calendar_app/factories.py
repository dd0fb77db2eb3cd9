"""factory_boy factories of the calendar app's models, on top of the core's (tests/factories.py).

Rows are made directly, as they would be after the services ran; tests that check what a state
change does go through the services or the views. Every factory fills in realistic Polish data:

    entry = EntryFactory(calendar=mayor_calendar, day=monday, hour=9)          # Mon 9:00–10:00
    series = EntryFactory(calendar=mayor_calendar, recurring=True, day=monday)  # every Monday
    EntryExceptionFactory(entry=series, week=1)                                  # not next Monday
    EntryExceptionFactory(entry=series, week=2, moved=True)                      # two hours later
    MeetingRequestFactory(office_holder=holder, declined=True)
    DecisionFactory(entry=entry, assignment__unit=win)
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import factory
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from factory.django import DjangoModelFactory

from calendar_app.models import (
    Calendar,
    Decision,
    Entry,
    EntryException,
    EntryKind,
    EntryStatus,
    MeetingNotes,
    MeetingRequest,
    Visibility,
)
from office.models import SecretariatMembership
from tests.factories import AssignmentFactory, OfficeHolderFactory, UserFactory

ENTRY_TITLES = [
    "Spotkanie z Radą Osiedla Bałuty",
    "Kolegium Prezydenta",
    "Wizyta w Szkole Podstawowej nr 7",
    "Otwarcie żłobka przy ul. Źródłowej",
    "Narada w sprawie budżetu obywatelskiego",
    "Spotkanie z przedsiębiorcami z Łódzkiej Izby Gospodarczej",
    "Wręczenie odznaczeń „Zasłużony dla Miasta”",
    "Sesja Rady Miejskiej",
]
PLACES = [
    "Gabinet Prezydenta, pok. 214",
    "Sala Obrad Rady Miejskiej",
    "Urząd Wojewódzki, ul. Piotrkowska 104",
    "Miejskie Centrum Kultury, ul. Żeromskiego 11",
    "Sala Lustrzana Pałacu Poznańskich",
]
REQUESTERS = [
    "Halina Adamczyk",
    "Grzegorz Wiśniewski",
    "Małgorzata Żółkiewska",
    "Stowarzyszenie Przyjaciół Łąk Miejskich",
    "Jędrzej Łuczak",
    "Zofia Szczęsna",
]
TOPICS = [
    "Hałas z placu budowy przy ul. Ogrodowej",
    "Remont chodnika na osiedlu Retkinia",
    "Dofinansowanie festynu sąsiedzkiego",
    "Nowa linia autobusowa do Nowosolnej",
    "Zieleń miejska na placu Wolności",
]
DECISIONS = [
    "Przygotować harmonogram remontu ul. Ogrodowej",
    "Zweryfikować koszty oświetlenia parku im. Poniatowskiego",
    "Przedstawić projekt uchwały w sprawie stref płatnego parkowania",
    "Zorganizować spotkanie z mieszkańcami Widzewa",
]


#: Who registered the rows (services record the acting user; the models require one).
SECRETARY = "b.sekretarska"


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """``day`` at ``hour:minute`` in Europe/Warsaw (the wall clock the secretariat uses)."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


def next_working_day(after: dt.date | None = None) -> dt.date:
    """The first Monday–Friday after ``after`` (default: today)."""
    day = (after or timezone.localdate()) + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def ascii_slug(text: str) -> str:
    """``Małgorzata Żółkiewska`` → ``malgorzata.zolkiewska`` (for e-mail addresses)."""
    text = text.replace("ł", "l").replace("Ł", "L")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ".".join(part for part in plain.lower().split() if part.isalnum())[:40] or "osoba"


class CalendarFactory(DjangoModelFactory):
    """A calendar of an office holder (one per holder: asking again gives the same calendar)."""

    class Meta:
        model = Calendar
        django_get_or_create = ("office_holder",)

    office_holder = factory.SubFactory(OfficeHolderFactory)


class SecretariatMembershipFactory(DjangoModelFactory):
    """A secretary serving an office holder; ``can_see_private`` as the membership says."""

    class Meta:
        model = SecretariatMembership
        django_get_or_create = ("office_holder", "user")

    office_holder = factory.SubFactory(OfficeHolderFactory)
    user = factory.SubFactory(UserFactory, first_name="Beata", last_name=factory.Sequence(lambda n: f"Sekretarz{n}"))
    can_see_private = False


class EntryFactory(DjangoModelFactory):
    """A calendar entry: by default one hour from 10:00 on the next working day, internal, confirmed.

    Parameters: ``day``, ``hour``, ``minute``, ``minutes`` (length); traits ``private``,
    ``recurring`` (every week on the same weekday), ``cancelled``, ``tentative``, ``whole_day``.
    """

    class Meta:
        model = Entry
        skip_postgeneration_save = True

    class Params:
        day = factory.LazyFunction(next_working_day)
        hour = 10
        minute = 0
        minutes = 60
        private = factory.Trait(
            visibility=Visibility.PRIVATE,
            title="Wizyta lekarska",
            place="Przychodnia przy ul. Kopernika 5",
            notes="Sprawa osobista – nie umawiać spotkań.",
        )
        recurring = factory.Trait(
            recurrence="FREQ=WEEKLY", title="Kolegium Prezydenta", kind=EntryKind.INTERNAL, place=PLACES[0]
        )
        cancelled = factory.Trait(status=EntryStatus.CANCELLED)
        tentative = factory.Trait(status=EntryStatus.TENTATIVE)
        whole_day = factory.Trait(
            all_day=True,
            start=factory.LazyAttribute(lambda o: local(o.day, 0)),
            end=factory.LazyAttribute(lambda o: local(o.day + dt.timedelta(days=1), 0)),
            blocks_time=False,
        )

    calendar = factory.SubFactory(CalendarFactory)
    title = factory.Iterator(ENTRY_TITLES)
    kind = EntryKind.MEETING
    start = factory.LazyAttribute(lambda o: local(o.day, o.hour, o.minute))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(minutes=o.minutes))
    place = factory.Iterator(PLACES)
    status = EntryStatus.CONFIRMED
    visibility = Visibility.INTERNAL
    blocks_time = True
    notes = ""
    created_by = factory.SubFactory(UserFactory, username=SECRETARY, first_name="Beata", last_name="Sekretarska")

    @factory.post_generation
    def staff(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.staff.add(*extracted)

    @factory.post_generation
    def contacts(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.contacts.add(*extracted)


class EntryExceptionFactory(DjangoModelFactory):
    """One occurrence of a weekly series changed: ``week`` weeks after the first; cancelled by
    default, ``moved=True`` moves it two hours later (same length)."""

    class Meta:
        model = EntryException
        django_get_or_create = ("entry", "original_start")

    class Params:
        week = 1
        moved = factory.Trait(
            cancelled=False,
            start=factory.LazyAttribute(lambda o: o.original_start + dt.timedelta(hours=2)),
            end=factory.LazyAttribute(lambda o: o.start + (o.entry.end - o.entry.start)),
        )

    entry = factory.SubFactory(EntryFactory, recurring=True)
    # wall-clock arithmetic in Europe/Warsaw: the occurrence keeps its hour across a DST change
    original_start = factory.LazyAttribute(lambda o: timezone.localtime(o.entry.start) + dt.timedelta(weeks=o.week))
    cancelled = True


class MeetingRequestFactory(DjangoModelFactory):
    """A resident asking to meet an office holder, registered three days ago with the RODO clause.

    Traits for the later states: ``assessing``, ``scheduled`` (with the entry on the holder's
    calendar), ``handed_over`` (with the assignment), ``declined`` (with the reason)."""

    class Meta:
        model = MeetingRequest

    class Params:
        assessing = factory.Trait(status=MeetingRequest.Status.ASSESSING)
        scheduled = factory.Trait(
            status=MeetingRequest.Status.SCHEDULED,
            decided_on=factory.LazyFunction(timezone.localdate),
            entry=factory.SubFactory(
                EntryFactory,
                title=factory.LazyAttribute(lambda o: f"Spotkanie: {o.factory_parent.requester_name}"),
                calendar=factory.SubFactory(CalendarFactory, office_holder=factory.SelfAttribute("...office_holder")),
            ),
        )
        handed_over = factory.Trait(
            status=MeetingRequest.Status.HANDED_OVER,
            decided_on=factory.LazyFunction(timezone.localdate),
            assignment=factory.SubFactory(
                AssignmentFactory,
                title=factory.LazyAttribute(lambda o: f"Wniosek: {o.factory_parent.topic}"),
                source_label="Wniosek o spotkanie",
            ),
        )
        declined = factory.Trait(
            status=MeetingRequest.Status.DECLINED,
            decided_on=factory.LazyFunction(timezone.localdate),
            decline_reason="Sprawa jest przedmiotem postępowania sądowego.",
        )

    requester_kind = MeetingRequest.RequesterKind.RESIDENT
    requester_name = factory.Iterator(REQUESTERS)
    organisation = ""
    email = factory.LazyAttribute(lambda o: f"{ascii_slug(o.requester_name)}@example.pl")
    phone = factory.Sequence(lambda n: f"+48 601 200 {n % 1000:03d}")
    address = "ul. Piotrkowska 12/4, 90-001 Łódź"
    topic = factory.Iterator(TOPICS)
    description = "Mieszkańcy proszą o spotkanie i wyjaśnienie sprawy."
    office_holder = factory.SubFactory(OfficeHolderFactory)
    preferred_dates = "wtorki lub czwartki po 15:00"
    channel = MeetingRequest.Channel.EMAIL
    received_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))
    rodo_acknowledged = True
    status = MeetingRequest.Status.NEW
    created_by = factory.SubFactory(UserFactory, username=SECRETARY, first_name="Beata", last_name="Sekretarska")


class DecisionFactory(DjangoModelFactory):
    """A decision of a meeting with its follow-up assignment (whose source is the decision)."""

    class Meta:
        model = Decision
        skip_postgeneration_save = True

    entry = factory.SubFactory(EntryFactory)
    text = factory.Iterator(DECISIONS)
    assignment = factory.SubFactory(
        AssignmentFactory,
        title=factory.SelfAttribute("..text"),
        description=factory.SelfAttribute("..text"),
        source_label="Ustalenie ze spotkania",
    )
    created_by = factory.SubFactory(UserFactory, username=SECRETARY, first_name="Beata", last_name="Sekretarska")

    @factory.post_generation
    def link_source(self, create: bool, extracted: object, **kwargs: object) -> None:
        """The assignment points back at the decision, as ``services.meetings.record_decision`` does."""
        if not create or self.assignment is None:
            return
        assignment = self.assignment
        assignment.source_type = ContentType.objects.get_for_model(Decision)
        assignment.source_id = self.pk
        assignment.source_url = reverse("calendar_app:entry_detail", args=[self.entry_id])
        assignment.save(update_fields=["source_type", "source_id", "source_url"])


class MeetingNotesFactory(DjangoModelFactory):
    class Meta:
        model = MeetingNotes
        django_get_or_create = ("entry",)

    entry = factory.SubFactory(EntryFactory)
    agenda = "1. Otwarcie spotkania\n2. Informacja o stanie inwestycji\n3. Wolne wnioski"
    notes = "Ustalono termin kolejnego spotkania na przyszły miesiąc."
    updated_by = factory.SubFactory(UserFactory, username=SECRETARY, first_name="Beata", last_name="Sekretarska")
