"""factory_boy factories of the press office's models, on top of tests/factories.py.

Plain rows (outlets, journalists, publications, releases, conferences, the plan and the
bulletin) are made directly; the rows whose fields a service computes — an inquiry's statutory
deadline, a quote's authorisation time, a correction's deadlines — are made through that
service, so a factory never invents a deadline the app would not compute. State changes in
tests go through the services (``inquiry_in_status``, ``response_in_status``,
``release_in_status`` below).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from media_relations.contributions import PRESS_OFFICER
from media_relations.models import (
    BulletinArticle,
    BulletinIssue,
    Channel,
    Conference,
    Delivery,
    DistributionList,
    Importance,
    Inquiry,
    InquiryStatus,
    Invitation,
    Journalist,
    JournalistOutlet,
    LegalBasis,
    Outlet,
    OutletKind,
    PlannedPost,
    Publication,
    QuoteAuthorisation,
    Reach,
    Release,
    ReleaseStatus,
    ResponseCase,
    ResponseKind,
    ResponseStatus,
    Tone,
)
from media_relations.services import inquiries as inquiry_services
from media_relations.services import monitoring as monitoring_services
from media_relations.services import releases as release_services
from tests.factories import UserFactory

# --- Polish data ------------------------------------------------------------------------------

OUTLETS = [
    ("Gazeta Przykładowska", OutletKind.DAILY, Reach.REGIONAL, "gazeta-przykladowska.pl"),
    ("Dziennik Nadwiślański", OutletKind.DAILY, Reach.REGIONAL, "dziennik-nadwislanski.pl"),
    ("Tygodnik Powiatowy", OutletKind.PERIODICAL, Reach.LOCAL, "tygodnikpowiatowy.pl"),
    ("przykladowo24.pl", OutletKind.ONLINE, Reach.LOCAL, "przykladowo24.pl"),
    ("Radio Zachód", OutletKind.RADIO, Reach.REGIONAL, "radiozachod.pl"),
    ("Telewizja Regionalna TVR", OutletKind.TV, Reach.REGIONAL, "tvr.example.pl"),
    ("Polska Agencja Informacyjna", OutletKind.AGENCY, Reach.NATIONAL, "pai.example.pl"),
    ("Kurier Miejski", OutletKind.PERIODICAL, Reach.LOCAL, "kuriermiejski.pl"),
]
REGIONS = ["Mazowsze", "Wielkopolska", "Małopolska", "Pomorze", "Śląsk"]
JOURNALISTS = [
    "Agnieszka Nowakowska",
    "Bartosz Wiśniewski",
    "Celina Żurek",
    "Dariusz Kamiński",
    "Ewelina Lewandowska",
    "Grzegorz Zieliński",
    "Hanna Szymańska",
    "Łukasz Wójcik",
    "Małgorzata Kowalczyk",
    "Tomasz Mazur",
]
BEATS = ["transport i drogi", "inwestycje miejskie", "oświata", "zdrowie", "kultura", "budżet miasta"]
SUBJECTS = [
    "Remont wiaduktu na ul. Kolejowej",
    "Buspas na al. Niepodległości",
    "Podwyżka cen biletów komunikacji miejskiej",
    "Budowa basenu na Zatorzu",
    "Wycinka drzew w parku Miejskim",
    "Dofinansowanie żłobków",
]
HEADLINES = [
    "Miasto stoi w korkach. Remont potrwa do jesieni",
    "Nowy basen później, niż obiecywano",
    "Radni pytają o koszty iluminacji ratusza",
    "Mieszkańcy Zatorza protestują przeciw wycince",
    "Budżet obywatelski: rekordowa liczba głosów",
]
RELEASE_TITLES = [
    "Otwarcie nowego mostu na Wiśle",
    "Rusza nabór do budżetu obywatelskiego",
    "Zmiany w rozkładzie jazdy tramwajów",
    "Miasto przyjęło program rewitalizacji śródmieścia",
]
_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def ascii_slug(text: str) -> str:
    """``Łukasz Żurek`` → ``lukasz.zurek`` (for e-mail addresses)."""
    return ".".join(text.translate(_ASCII).lower().split())


def local(days: int = 0, hour: int = 10, minute: int = 0) -> dt.datetime:
    """Today (+ ``days``) at ``hour``:``minute`` in Europe/Warsaw."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


def form_datetime(value: dt.datetime) -> str:
    """A datetime as a ``datetime-local`` field sends it."""
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


# --- People -----------------------------------------------------------------------------------


class PressOfficerFactory(UserFactory):
    """A user of the press office's group (the role of the ``press_officer`` persona)."""

    username = factory.Sequence(lambda n: f"rzecznik{n}")
    first_name = "Piotr"
    last_name = factory.Sequence(lambda n: f"Prasowy{n}")

    @factory.post_generation
    def groups(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create:
            self.groups.add(Group.objects.get(name=PRESS_OFFICER.group), *(extracted or []))


# --- Directory --------------------------------------------------------------------------------


class OutletFactory(DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = factory.Sequence(
        lambda n: OUTLETS[n % len(OUTLETS)][0] + (f" {n // len(OUTLETS) + 1}" if n >= len(OUTLETS) else "")
    )
    kind = factory.Sequence(lambda n: OUTLETS[n % len(OUTLETS)][1])
    reach = factory.Sequence(lambda n: OUTLETS[n % len(OUTLETS)][2])
    region = factory.Sequence(lambda n: REGIONS[n % len(REGIONS)])
    email = factory.Sequence(lambda n: f"redakcja{n}@{OUTLETS[n % len(OUTLETS)][3]}")
    phone = factory.Sequence(lambda n: f"+48 22 {500 + n % 400} {10 + n % 90:02d} {20 + n % 80:02d}")
    website = factory.Sequence(lambda n: f"https://{OUTLETS[n % len(OUTLETS)][3]}")

    @factory.post_generation
    def tags(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.tags.add(*extracted)


class JournalistFactory(DjangoModelFactory):
    """A journalist; ``outlet=`` gives them a current employment there (from 1 March 2021)."""

    class Meta:
        model = Journalist
        skip_postgeneration_save = True

    name = factory.Sequence(
        lambda n: (
            JOURNALISTS[n % len(JOURNALISTS)] + (f" ({n // len(JOURNALISTS) + 1})" if n >= len(JOURNALISTS) else "")
        )
    )
    email = factory.LazyAttributeSequence(lambda o, n: f"{ascii_slug(o.name)}.{n}@redakcja.example.pl")
    phone = factory.Sequence(lambda n: f"+48 600 {100 + n % 900:03d} {n % 1000:03d}")
    beat = factory.Sequence(lambda n: BEATS[n % len(BEATS)])
    preferred_channel = Channel.EMAIL

    @factory.post_generation
    def outlet(self, create: bool, extracted: Outlet | None, **kwargs: object) -> None:
        if create and extracted is not None:
            JournalistOutlet.objects.create(
                journalist=self, outlet=extracted, position="reporter", started_on=dt.date(2021, 3, 1)
            )

    @factory.post_generation
    def tags(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.tags.add(*extracted)


class JournalistOutletFactory(DjangoModelFactory):
    class Meta:
        model = JournalistOutlet

    journalist = factory.SubFactory(JournalistFactory)
    outlet = factory.SubFactory(OutletFactory)
    position = "reporterka działu miejskiego"
    started_on = dt.date(2021, 3, 1)


class DistributionListFactory(DjangoModelFactory):
    class Meta:
        model = DistributionList
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Media lokalne {n}")
    description = "Redakcje, które dostają komunikaty o sprawach miasta"

    @factory.post_generation
    def journalists(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.journalists.add(*extracted)


# --- Inquiries ---------------------------------------------------------------------------------


class InquiryFactory(DjangoModelFactory):
    """A new inquiry registered through ``register_inquiry`` (which computes its statutory deadline).

    ``actor`` registers it (a new press officer unless given); the journalist works for a daily."""

    class Meta:
        model = Inquiry

    actor = factory.SubFactory(PressOfficerFactory)
    journalist = factory.SubFactory(
        JournalistFactory, outlet=factory.SubFactory(OutletFactory, name="Dziennik Nadwiślański", kind=OutletKind.DAILY)
    )
    subject = factory.Sequence(lambda n: SUBJECTS[n % len(SUBJECTS)])
    questions = factory.LazyAttribute(lambda o: f"{o.subject}: kiedy, za ile i kto odpowiada za harmonogram?")
    legal_basis = LegalBasis.PRESS_INFORMATION
    channel = Channel.PHONE
    received_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=2))
    topic = "transport"

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Inquiry:
        return inquiry_services.register_inquiry(**kwargs)


def inquiry_in_status(status: str, *, officer: Any, approver: Any, **kwargs: Any) -> Inquiry:
    """An inquiry brought to ``status`` through the services (the approver holds approve_answer).

    Draft-stage inquiries carry a draft text; ``extended`` is reached after approval (so it may be
    sent at once); ``new`` has no draft (saving one starts the draft)."""
    inquiry = InquiryFactory(actor=officer, **kwargs)
    if status == InquiryStatus.NEW:
        return inquiry
    if status == InquiryStatus.GATHERING_INPUT:
        inquiry = inquiry_services.move(actor=officer, inquiry=inquiry, target=status)
        return inquiry_services.save_draft(
            actor=officer, inquiry=inquiry, text="Prace potrwają do końca maja.", base_version=inquiry.version
        )
    inquiry = inquiry_services.save_draft(
        actor=officer, inquiry=inquiry, text="Prace potrwają do końca maja.", base_version=0
    )
    if status == InquiryStatus.DRAFT:
        return inquiry
    if status == InquiryStatus.REFUSED:
        return inquiry_services.refuse(
            actor=officer,
            inquiry=inquiry,
            refusal_by="Rzecznik Prasowy Prezydenta Miasta",
            refusal_on=timezone.localdate(),
            information="Wynagrodzenia pracowników spółki miejskiej",
            reasons="Ochrona prywatności (art. 5 ust. 2 UDIP)",
        )
    inquiry = inquiry_services.move(actor=officer, inquiry=inquiry, target=InquiryStatus.APPROVAL)
    if status == InquiryStatus.APPROVAL:
        return inquiry
    inquiry = inquiry_services.approve_answer(actor=approver, inquiry=inquiry, version=inquiry.version)
    if status == InquiryStatus.EXTENDED:
        return inquiry_services.extend_deadline(
            actor=officer,
            inquiry=inquiry,
            new_due=inquiry.due_on + dt.timedelta(days=7),
            reason="Czekamy na dane z Wydziału Inwestycji.",
        )
    if status == InquiryStatus.ANSWERED:
        return inquiry_services.send_answer(actor=officer, inquiry=inquiry, channel=Channel.EMAIL)
    raise ValueError(status)


class QuoteAuthorisationFactory(DjangoModelFactory):
    """A quote sent for authorisation through the service (6 h for a daily, 24 h otherwise)."""

    class Meta:
        model = QuoteAuthorisation

    actor = factory.SubFactory(PressOfficerFactory)
    inquiry = factory.SubFactory(InquiryFactory, actor=factory.SelfAttribute("..actor"))
    journalist = factory.LazyAttribute(lambda o: o.inquiry.journalist if o.inquiry else JournalistFactory())
    text = "„Remont zakończymy przed wakacjami” – powiedział zastępca prezydenta."
    sent_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(minutes=30))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> QuoteAuthorisation:
        return inquiry_services.send_quote_for_authorisation(**kwargs)


# --- Monitoring -------------------------------------------------------------------------------


class PublicationFactory(DjangoModelFactory):
    class Meta:
        model = Publication
        skip_postgeneration_save = True

    outlet = factory.SubFactory(OutletFactory, name="Dziennik Nadwiślański", kind=OutletKind.DAILY)
    published_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=2))
    title = factory.Sequence(lambda n: HEADLINES[n % len(HEADLINES)])
    url = factory.Sequence(lambda n: f"https://gazeta-przykladowska.pl/miasto/artykul-{n}")
    summary = "Autor krytykuje tempo prac i brak informacji dla mieszkańców."
    tone = Tone.NEGATIVE
    reach = Reach.REGIONAL
    importance = Importance.HIGH

    @factory.post_generation
    def topics(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.topics.add(*extracted)


class ResponseCaseFactory(DjangoModelFactory):
    """A response case opened through ``open_response`` (a correction gets its deadlines)."""

    class Meta:
        model = ResponseCase

    actor = factory.SubFactory(PressOfficerFactory)
    publication = factory.SubFactory(PublicationFactory)
    kind = ResponseKind.STATEMENT
    contested_fragment = ""
    text = "Urząd Miasta informuje, że prace zakończą się zgodnie z harmonogramem, w październiku."

    class Params:
        correction = factory.Trait(
            kind=ResponseKind.CORRECTION,
            contested_fragment="Remont wiaduktu jest opóźniony o dwa lata, a miasto nic z tym nie robi.",
            text="Remont wiaduktu przebiega zgodnie z umową; termin to październik.",
        )

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> ResponseCase:
        return monitoring_services.open_response(**kwargs)


def response_in_status(status: str, *, officer: Any, **kwargs: Any) -> ResponseCase:
    """A response case brought to ``status`` through the services."""
    case = ResponseCaseFactory(actor=officer, **kwargs)
    if status == ResponseStatus.DRAFT:
        return case
    today = timezone.localdate()
    case = monitoring_services.mark_sent(actor=officer, case=case, sent_on=today)
    if status == ResponseStatus.SENT:
        return case
    if status in (ResponseStatus.PUBLISHED, ResponseStatus.CLOSED):
        return monitoring_services.record_outcome(actor=officer, case=case, target=status, on=today)
    case = monitoring_services.record_outcome(actor=officer, case=case, target=ResponseStatus.REFUSED, on=today)
    if status == ResponseStatus.REFUSED:
        return case
    if status == ResponseStatus.COURT:
        return monitoring_services.record_outcome(actor=officer, case=case, target=status, on=today)
    raise ValueError(status)


# --- Releases ---------------------------------------------------------------------------------


class ReleaseFactory(DjangoModelFactory):
    """A release row; ``published=True`` makes it published an hour ago (see ``release_in_status``
    for the way through approval)."""

    class Meta:
        model = Release

    title = factory.Sequence(lambda n: RELEASE_TITLES[n % len(RELEASE_TITLES)])
    slug = factory.Sequence(lambda n: f"komunikat-{n}")
    lead = "Prezydent Miasta zaprasza mieszkańców."
    body = "Szczegóły w załączniku. Informacji udziela Biuro Prasowe Urzędu Miasta, tel. 22 555 10 10."
    status = ReleaseStatus.DRAFT

    class Params:
        published = factory.Trait(
            status=ReleaseStatus.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1)),
        )


def release_in_status(status: str, *, officer: Any, approver: Any, **kwargs: Any) -> Release:
    """A draft release saved through the service and moved to ``status``."""
    release = release_services.save_release(actor=officer, release=ReleaseFactory.build(**kwargs))
    if status == ReleaseStatus.DRAFT:
        return release
    release = release_services.move_release(actor=officer, release=release, target=ReleaseStatus.APPROVAL)
    if status == ReleaseStatus.APPROVAL:
        return release
    return release_services.move_release(actor=approver, release=release, target=ReleaseStatus.PUBLISHED)


class DeliveryFactory(DjangoModelFactory):
    class Meta:
        model = Delivery

    release = factory.SubFactory(ReleaseFactory, published=True)
    journalist = factory.SubFactory(JournalistFactory)
    email = factory.LazyAttribute(lambda o: o.journalist.email)
    status = Delivery.Status.SENT
    sent_at = factory.LazyFunction(timezone.now)


# --- Conferences ------------------------------------------------------------------------------


class ConferenceFactory(DjangoModelFactory):
    """A conference row (not on a calendar); ``outlets=[...]`` invites them."""

    class Meta:
        model = Conference
        skip_postgeneration_save = True

    topic = factory.Sequence(lambda n: f"Projekt budżetu miasta na {2027 + n % 3} rok")
    starts_at = factory.LazyFunction(lambda: local(days=3, hour=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    place = "Sala Sesyjna Urzędu Miasta, pl. Ratuszowy 1"
    description = "Prezydent przedstawi projekt budżetu; pytania od 10:40."

    @factory.post_generation
    def outlets(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            Invitation.objects.bulk_create([Invitation(conference=self, outlet=outlet) for outlet in extracted])


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    conference = factory.SubFactory(ConferenceFactory)
    outlet = factory.SubFactory(OutletFactory)
    attended = False


# --- Planning ---------------------------------------------------------------------------------


class PlannedPostFactory(DjangoModelFactory):
    class Meta:
        model = PlannedPost

    title = factory.Sequence(lambda n: f"Zaproszenie na Dni Miasta – wpis {n + 1}")
    channel = PlannedPost.Channel.FACEBOOK
    planned_at = factory.LazyFunction(lambda: local(days=2, hour=12))
    owner = factory.SubFactory(PressOfficerFactory)
    status = PlannedPost.Status.PLANNED
    notes = "Grafika od Wydziału Promocji."


class BulletinIssueFactory(DjangoModelFactory):
    class Meta:
        model = BulletinIssue
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: f"{n % 12 + 1}/{2030 + n // 12}")
    title = factory.Sequence(lambda n: f"Biuletyn Miejski nr {n % 12 + 1}")
    planned_on = factory.Sequence(lambda n: dt.date(2030 + n // 12, n % 12 + 1, 15))
    status = BulletinIssue.Status.PLANNING


class BulletinArticleFactory(DjangoModelFactory):
    class Meta:
        model = BulletinArticle

    issue = factory.SubFactory(BulletinIssueFactory)
    title = factory.Sequence(lambda n: f"Nowe ścieżki rowerowe – część {n + 1}")
    author = factory.SubFactory(PressOfficerFactory)
    deadline = factory.LazyAttribute(lambda o: o.issue.planned_on - dt.timedelta(days=14))
    text = "W tym roku miasto wybuduje dwanaście kilometrów dróg rowerowych."
    status = BulletinArticle.Status.SUBMITTED
