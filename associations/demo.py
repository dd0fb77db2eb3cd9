"""Demo data of the registers of associations: ordinary associations with their histories of
changes (a few applications still waiting, one refused), organisations of the court register
with supervision cases, opinions and foundations' reports, and the city's memberships.

The volume (120 associations, 300 organisations at DEMO_SCALE 1) is inserted in bulk; a couple
of applications go through the services end to end, so the letters exist as staff make them."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from associations.deadlines import AssociationRules
from associations.models import (
    CHECKLIST,
    AssociationStatus,
    AssociationVersion,
    CourtOpinion,
    FoundationReport,
    Founder,
    KrsOrganisation,
    LegalForm,
    Membership,
    MembershipKind,
    OrdinaryAssociation,
    Representation,
    SupervisionKind,
    VersionKind,
)
from associations.services import krs as krs_services
from associations.services import register
from associations.services.memberships import save_membership
from correspondence.services import letters as letter_services
from office.deadlines import apply_rule
from office.models import Contact, DeadlineRule, OfficeHolder
from office.services import audit

ASSOCIATIONS = 120
REFUSAL_REASONS = "Wśród założycieli jest osoba prawna (spółka), a regulamin nie określa sposobu rozwiązania."
RESOLUTION = (
    "§ 1. {text}.\n§ 2. Wykonanie uchwały powierza się Prezydentowi Miasta.\n"
    "§ 3. Uchwała wchodzi w życie z dniem podjęcia."
)
ORGANISATIONS = 300
CITY = "Miasto Przykładowo"

PURPOSES = [
    ("Miłośników Parku Zdrojowego", "ochrona i popularyzacja zieleni miejskiej", "spacery edukacyjne, sadzenie drzew"),
    ("Sąsiedzkie „Nasze Podwórko”", "integracja mieszkańców osiedla", "pikniki sąsiedzkie, zbiórki, warsztaty"),
    ("Rowerowe Miasto", "rozwój komunikacji rowerowej", "rajdy, opinie do projektów ścieżek, kampanie"),
    ("Przyjaciół Biblioteki Miejskiej", "wspieranie czytelnictwa", "spotkania autorskie, kiermasze książek"),
    ("Seniorzy w Sieci", "aktywizacja cyfrowa seniorów", "kursy komputerowe, dyżury pomocy"),
    ("Szachistów „Hetman”", "popularyzacja gry w szachy", "turnieje, zajęcia dla dzieci"),
    ("Historyków Dzielnicy Zatorze", "dokumentowanie historii dzielnicy", "wystawy, publikacje, spacery"),
    ("Morsów „Lodołamacz”", "propagowanie zdrowego stylu życia", "wspólne morsowanie, zawody"),
    ("Rodziców Szkoły nr 12", "wspieranie szkoły i uczniów", "zbiórki, festyny, zajęcia dodatkowe"),
    ("Ogrodników Działkowych „Róża”", "rozwój ogrodnictwa miejskiego", "warsztaty, wymiana nasion"),
]
STREETS = ["ul. Parkowa", "ul. Lipowa", "ul. Szkolna", "ul. Kościuszki", "ul. Mickiewicza", "pl. Wolności", "ul. Polna"]
FIRST = ["Anna", "Piotr", "Katarzyna", "Tomasz", "Małgorzata", "Krzysztof", "Agnieszka", "Paweł", "Joanna", "Michał"]
LAST = ["Nowak", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański", "Dąbrowska", "Kozłowski", "Jankowska"]

CERTIFICATE_TEMPLATE = {
    "name": "Zaświadczenie o wpisie do ewidencji stowarzyszeń zwykłych",
    "subject": "Zaświadczenie o wpisie do ewidencji stowarzyszeń zwykłych – {{ wpis_stowarzyszenia.nazwa }}",
    "salutation": "",
    "body": (
        "Na podstawie art. 40a ustawy z dnia 7 kwietnia 1989 r. – Prawo o stowarzyszeniach zaświadcza się, "
        "że stowarzyszenie zwykłe „{{ wpis_stowarzyszenia.nazwa }}” z siedzibą: {{ wpis_stowarzyszenia.siedziba }} "
        "zostało wpisane do ewidencji stowarzyszeń zwykłych prowadzonej przez Prezydenta Miasta "
        "w dniu {{ wpis_stowarzyszenia.data_wpisu }} pod numerem {{ wpis_stowarzyszenia.numer_ewidencyjny }}.\n\n"
        "Cele działania: {{ wpis_stowarzyszenia.cele }}.\n"
        "Teren działania: {{ wpis_stowarzyszenia.teren_dzialania }}.\n"
        "Reprezentacja: {{ wpis_stowarzyszenia.reprezentacja }}."
    ),
}
REFUSAL_TEMPLATE = {
    "name": "Odmowa wpisu do ewidencji stowarzyszeń zwykłych",
    "subject": "Odmowa wpisu do ewidencji stowarzyszeń zwykłych – {{ odmowa_wpisu.nazwa }}",
    "salutation": "Szanowni Państwo,",
    "body": (
        "w odpowiedzi na wniosek z dnia {{ odmowa_wpisu.data_wniosku }} o wpis stowarzyszenia zwykłego "
        "„{{ odmowa_wpisu.nazwa }}” do ewidencji uprzejmie informuję, że wpis nie może zostać dokonany.\n\n"
        "Uzasadnienie: {{ odmowa_wpisu.uzasadnienie }}"
    ),
}


def _scaled(count: int, least: int = 8) -> int:
    return max(least, round(count * settings.DEMO_SCALE))


def define_templates(admin: Any, signatory: OfficeHolder | None) -> tuple[Any, Any]:
    """The certificate's and the refusal's templates (created once; staff may edit them)."""
    certificate = letter_services.define_template(
        actor=admin,
        source_kind=register.CERTIFICATE_SOURCE,
        jrwa_symbol="0082",
        signatory=signatory,
        **CERTIFICATE_TEMPLATE,
    )
    refusal = letter_services.define_template(
        actor=admin, source_kind=register.REFUSAL_SOURCE, jrwa_symbol="0082", signatory=signatory, **REFUSAL_TEMPLATE
    )
    return certificate, refusal


def seed(admin: Any) -> None:
    if OrdinaryAssociation.objects.exists():
        return
    rng = random.Random(4040)  # noqa: S311  (repeatable demo data, not security)
    today = timezone.localdate()
    mayor = OfficeHolder.objects.filter(role="mayor").first()
    templates = define_templates(admin, mayor) if mayor else None
    _bulk_register(admin, rng, today)
    if templates:
        _through_services(admin, templates, today)
    _organisations(admin, rng, today)
    _memberships(admin, today)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _bulk_register(admin: Any, rng: random.Random, today: dt.date) -> None:
    """Entered associations with 0–3 changes each, a few waiting applications and one refused."""
    count = _scaled(ASSOCIATIONS)
    entry_rule = DeadlineRule.objects.get(code=AssociationRules.ASSOCIATION_ENTRY.code)
    change_rule = DeadlineRule.objects.get(code=AssociationRules.ASSOCIATION_CHANGE.code)
    contacts, associations, plans = [], [], []
    number = 0
    for n in range(count):
        purpose = PURPOSES[n % len(PURPOSES)]
        name = f"Stowarzyszenie {purpose[0]}" + (f" {n // len(PURPOSES) + 1}" if n >= len(PURPOSES) else "")
        waiting, refused = n >= count - 3, n == count - 4
        received = today - dt.timedelta(days=(n % 5) + 1 if waiting else rng.randrange(60, 3000))
        due = apply_rule(entry_rule, received)
        entered = None if waiting or refused else min(today, received + dt.timedelta(days=rng.randrange(2, 7)))
        if entered:
            number += 1
        contacts.append(
            Contact(kind="ngo", name=name, street=f"{rng.choice(STREETS)} {n + 1}", postal_code="00-001", city=CITY)
        )
        associations.append(
            OrdinaryAssociation(
                number=number if entered else None,
                status=AssociationStatus.ENTERED
                if entered
                else AssociationStatus.REFUSED
                if refused
                else AssociationStatus.APPLIED,
                received_on=received,
                entry_due_on=due.due,
                entry_rule=due.label,
                checklist={key: True for key, _label in CHECKLIST} if entered else {},
                checked_on=entered,
                entered_on=entered,
                refused_on=received + dt.timedelta(days=5) if refused else None,
                refusal_reasons=REFUSAL_REASONS if refused else "",
                created_by=admin,
            )
        )
        plans.append((name, purpose, entered))
    Contact.objects.bulk_create(contacts)
    for association, contact in zip(associations, contacts, strict=True):
        association.contact = contact
    OrdinaryAssociation.objects.bulk_create(associations)
    versions, founders = [], []
    for association, (name, purpose, entered) in zip(associations, plans, strict=True):
        chain = _history(rng, association, name, purpose, entered, today, change_rule)
        versions += chain
        for _ in range(rng.randrange(3, 6) if association.status != AssociationStatus.REFUSED else 2):
            founders.append(
                Founder(
                    association=association,
                    name=_person(rng),
                    residence=f"{rng.choice(STREETS)} {rng.randrange(1, 90)}/{rng.randrange(1, 30)}, {CITY}",
                )
            )
    AssociationVersion.objects.bulk_create(versions, batch_size=500)
    Founder.objects.bulk_create(founders, batch_size=500)
    latest: dict[int, AssociationVersion] = {}
    for version in versions:
        latest[version.association_id] = version  # the chain is oldest first
    for association in associations:
        association.current = latest[association.pk]
    OrdinaryAssociation.objects.bulk_update(associations, ["current"], batch_size=500)
    audit.record_created_rows(actor=admin, instances=associations, message="Dane demonstracyjne")


def _history(
    rng: random.Random,
    association: OrdinaryAssociation,
    name: str,
    purpose: tuple[str, str, str],
    entered: dt.date | None,
    today: dt.date,
    rule: Any,
) -> list[AssociationVersion]:
    representative = _person(rng)
    board = rng.random() < 0.4
    first = AssociationVersion(
        association=association,
        kind=VersionKind.ENTRY,
        valid_from=entered,
        name=name,
        goals=purpose[1].capitalize() + ".",
        territory=CITY,
        means_of_action=purpose[2].capitalize() + ".",
        seat_address=f"{rng.choice(STREETS)} {rng.randrange(1, 80)}, 00-001 {CITY}",
        representation=Representation.BOARD if board else Representation.REPRESENTATIVE,
        representatives=(
            f"{representative} – prezes\n{_person(rng)} – członek zarządu"
            if board
            else f"{representative} – przedstawiciel"
        ),
        audit_body="Komisja Rewizyjna" if board else "",
        created_by=association.created_by,
    )
    chain = [first]
    if not entered:
        return chain
    day = entered
    for step in range(rng.choice([0, 0, 1, 1, 2, 3])):
        if (today - day).days < 30:
            break
        changed = day + dt.timedelta(days=rng.randrange(10, max(11, min(700, (today - day).days - 15))))
        reported = min(today, changed + dt.timedelta(days=rng.choice([2, 4, 6, 10])))
        valid = min(today, reported + dt.timedelta(days=rng.randrange(0, 4)))
        due = apply_rule(rule, changed)
        previous = chain[-1]
        version = AssociationVersion(**{field: getattr(previous, field) for field in register.COLUMNS})
        version.association, version.kind, version.valid_from = association, VersionKind.CHANGE, valid
        version.changed_on, version.reported_on, version.report_due_on, version.report_rule = (
            changed,
            reported,
            due.due,
            due.label,
        )
        version.created_by = association.created_by
        if step == 0:
            version.representatives = f"{_person(rng)} – przedstawiciel"
            version.representation = Representation.REPRESENTATIVE
            version.description = "Wybór nowego przedstawiciela."
        elif step == 1:
            version.seat_address = f"{rng.choice(STREETS)} {rng.randrange(1, 80)}, 00-002 {CITY}"
            version.description = "Zmiana adresu siedziby."
        else:
            version.transformation = "Rozwiązanie stowarzyszenia uchwałą zebrania członków."
            version.liquidator = _person(rng)
            version.description = "Rozwiązanie stowarzyszenia."
        chain.append(version)
        day = valid
    return chain


def _through_services(admin: Any, templates: tuple[Any, Any], today: dt.date) -> None:
    """One application entered with its certificate, one still waiting for the check."""
    for n, (name, enter) in enumerate(
        (("Stowarzyszenie Teatr Podwórkowy", True), ("Stowarzyszenie Klub Fantastyki „Orion”", False))
    ):
        contact = Contact.objects.create(
            kind="ngo", name=name, street="ul. Teatralna 3", postal_code="00-001", city=CITY
        )
        association = register.register_application(
            actor=admin,
            association=OrdinaryAssociation(contact=contact, received_on=today - dt.timedelta(days=2 + n)),
            version=AssociationVersion(
                name=name,
                goals="Upowszechnianie kultury i sztuki wśród mieszkańców.",
                territory=CITY,
                means_of_action="Spektakle plenerowe, warsztaty teatralne.",
                seat_address=f"ul. Teatralna {3 + n}, 00-001 {CITY}",
                representation=Representation.REPRESENTATIVE,
                representatives="Ewa Wiśniewska – przedstawiciel",
            ),
        )
        for founder in ("Ewa Wiśniewska", "Jan Malinowski", "Zofia Górecka"):
            register.add_founder(
                actor=admin, association=association, name=founder, residence=f"ul. Długa {n + 5}, {CITY}"
            )
        if enter:
            register.record_check(actor=admin, association=association, **{key: True for key, _label in CHECKLIST})
            register.enter(actor=admin, association=association, entered_on=today)
            association.refresh_from_db()
            if letter_services.register_unit(admin) is not None:
                register.write_letter(actor=admin, association=association, template=templates[0])


ORG_NAMES = [
    ("Fundacja", "Pomocy Dzieciom „Promyk”", LegalForm.FOUNDATION),
    ("Stowarzyszenie", "Przyjaciół Ziemi Przykładowskiej", LegalForm.ASSOCIATION),
    ("Klub Sportowy", "„Zryw”", LegalForm.SPORTS_CLUB),
    ("Fundacja", "Rozwoju Przedsiębiorczości", LegalForm.FOUNDATION),
    ("Stowarzyszenie", "Na Rzecz Osób Niepełnosprawnych „Razem”", LegalForm.ASSOCIATION),
    ("Fundacja", "Ochrony Zwierząt „Azyl”", LegalForm.FOUNDATION),
    ("Związek Stowarzyszeń", "Forum Organizacji Pozarządowych", LegalForm.UNION),
    ("Stowarzyszenie", "Kulturalne „Arkadia”", LegalForm.ASSOCIATION),
]


def _organisations(admin: Any, rng: random.Random, today: dt.date) -> None:
    count = _scaled(ORGANISATIONS, least=16)
    organisations = []
    for n in range(count):
        prefix, name, form = ORG_NAMES[n % len(ORG_NAMES)]
        suffix = f" {n // len(ORG_NAMES) + 1}" if n >= len(ORG_NAMES) else ""
        organisations.append(
            KrsOrganisation(
                krs_number=f"{100000 + n * 37:010d}",
                legal_form=form,
                name=f"{prefix} {name}{suffix}",
                seat_address=f"{rng.choice(STREETS)} {rng.randrange(1, 90)}, 00-00{n % 9 + 1} {CITY}",
                registered_on=today - dt.timedelta(days=rng.randrange(400, 8000)),
                regon=f"{rng.randrange(10**8, 10**9)}",
                representation=f"{_person(rng)} – prezes zarządu",
                purpose="Działalność pożytku publicznego na rzecz mieszkańców miasta.",
                public_benefit=n % 4 == 0,
                created_by=admin,
            )
        )
    KrsOrganisation.objects.bulk_create(organisations, batch_size=500)
    audit.record_created_rows(actor=admin, instances=organisations, message="Dane demonstracyjne")
    last_year = today.year - 1
    reports = [
        FoundationReport(
            organisation=o,
            year=last_year,
            received_on=dt.date(today.year, 3, 31) if today.month > 3 else today,
            created_by=admin,
        )
        for n, o in enumerate(organisations)
        if o.is_foundation and n % 5 and o.registered_on.year <= last_year
    ]
    FoundationReport.objects.bulk_create(reports)
    kinds = list(SupervisionKind)
    for n, organisation in enumerate(organisations[: max(6, count // 15)]):
        opened = today - dt.timedelta(days=rng.randrange(5, 120))
        case = krs_services.open_case(
            actor=admin,
            organisation=organisation,
            kind=kinds[n % len(kinds)],
            subject=[
                "Żądanie sprawozdania z działalności",
                "Kontrola dokumentacji uchwał",
                "Wezwanie do usunięcia nieprawidłowości",
                "Wniosek do sądu o upomnienie zarządu",
            ][n % 4],
            due_on=today + dt.timedelta(days=rng.randrange(-5, 25)),
            opened_on=opened,
        )
        if n % 3 == 0:
            krs_services.close_case(
                actor=admin, case=case, outcome="Organizacja przedłożyła wymagane dokumenty.", closed_on=today
            )
    for n, organisation in enumerate(organisations[-max(4, count // 30) :]):
        requested = today - dt.timedelta(days=rng.randrange(3, 60))
        krs_services.save_opinion(
            actor=admin,
            opinion=CourtOpinion(
                organisation=organisation,
                court_case=f"GD.VII NS-REJ.KRS/{1200 + n}/{today.year % 100}/{n + 3}",
                subject="Opinia w sprawie wniosku o wpis zmian statutu",
                requested_on=requested,
                due_on=requested + dt.timedelta(days=30),
                given_on=requested + dt.timedelta(days=2) if n % 2 else None,
                opinion="Prezydent Miasta nie wnosi zastrzeżeń do zmian statutu." if n % 2 else "",
            ),
        )


MEMBERSHIPS = [
    (
        "Związek Miast Polskich",
        MembershipKind.ASSOCIATION,
        1991,
        "Uchwała o przystąpieniu do Związku Miast Polskich",
        Decimal("18400.00"),
    ),
    (
        "Śląski Związek Gmin i Powiatów",
        MembershipKind.ASSOCIATION,
        1996,
        "Uchwała o przystąpieniu do Śląskiego Związku Gmin i Powiatów",
        Decimal("9650.00"),
    ),
    (
        "Międzygminny Związek Komunikacyjny",
        MembershipKind.UNION,
        2004,
        "Uchwała o utworzeniu związku międzygminnego i przyjęciu statutu",
        Decimal("125000.00"),
    ),
    (
        "Stowarzyszenie Gmin Polska Sieć „Energie Cités”",
        MembershipKind.OTHER,
        2012,
        "Uchwała o przystąpieniu do Stowarzyszenia Gmin Polska Sieć „Energie Cités”",
        Decimal("2500.00"),
    ),
    (
        "Lokalna Grupa Działania „Dolina Rzeki”",
        MembershipKind.OTHER,
        2015,
        "Uchwała o przystąpieniu do Lokalnej Grupy Działania",
        Decimal("6000.00"),
    ),
    (
        "Związek Gmin Turystycznych",
        MembershipKind.UNION,
        2001,
        "Uchwała o przystąpieniu do Związku Gmin Turystycznych",
        Decimal("3000.00"),
    ),
]


def _memberships(admin: Any, today: dt.date) -> None:
    for n, (name, kind, year, text, fee) in enumerate(MEMBERSHIPS):
        resolution_on = dt.date(year, 3 + n, 10 + n)
        membership = Membership(
            organisation=name,
            kind=kind,
            member_since=resolution_on + dt.timedelta(days=30),
            resolution_number=f"{['IV', 'XII', 'XXIII', 'XLI', 'VII', 'XV'][n]}/{40 + n * 7}/{year}",
            resolution_on=resolution_on,
            resolution_text=RESOLUTION.format(text=text),
            yearly_fee=fee,
            representatives="Prezydent Miasta – delegat\nZastępczyni Prezydenta – zastępca delegata",
            ended_on=dt.date(2023, 12, 31) if name.startswith("Związek Gmin Turystycznych") else None,
        )
        save_membership(actor=admin, membership=membership)
