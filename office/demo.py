"""Demo data: a realistic (invented) Polish city office. Idempotent: running it again adds nothing.

Feature apps add their demo data with ``register("demo", key)`` in their contributions.py;
``seed`` calls them after the core's, passing the administrator as the acting user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from office.contributions import registry
from office.deadline_rules import CoreRules
from office.deadlines import compute_deadline
from office.models import Assignment, AssignmentEvent, Contact, OfficeHolder, OrgUnit, SecretariatMembership, Tag, User
from office.roles import ensure_roles
from office.services import assignments as assignment_service
from office.services import contacts as contact_service

DEMO_PASSWORD = "demo12345!"  # noqa: S105 (documented demo password, never production)

UNITS = [
    # symbol, name, kind, parent symbol
    ("BP", "Biuro Prezydenta", "office", None),
    ("BPR", "Biuro Prasowe", "office", "BP"),
    ("BRM", "Biuro Rady Miasta", "office", None),
    ("WO", "Wydział Organizacyjny", "department", None),
    ("WIN", "Wydział Inwestycji", "department", None),
    ("WE", "Wydział Edukacji", "department", None),
    ("WKS", "Wydział Kultury i Sportu", "department", None),
    ("WSS", "Wydział Spraw Społecznych", "department", None),
    ("WAB", "Wydział Architektury i Budownictwa", "department", None),
    ("WGK", "Wydział Gospodarki Komunalnej", "department", None),
    ("WF", "Wydział Finansowy", "department", None),
    ("MOPS", "Miejski Ośrodek Pomocy Społecznej", "municipal_unit", "WSS"),
    ("ZDM", "Zarząd Dróg Miejskich", "municipal_unit", "WIN"),
    ("MPK", "Miejskie Przedsiębiorstwo Komunikacyjne sp. z o.o.", "company", None),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str  # the role key
    unit: str | None
    position: str
    note: str


USERS = [
    DemoUser("admin", "Adam", "Nowicki", "administrator", "WO", "Administrator systemu", "all records, admin panel"),
    DemoUser(
        "sekretariat",
        "Katarzyna",
        "Mazur",
        "secretariat",
        "BP",
        "Sekretarka Prezydenta",
        "secretariat of the mayor and a deputy",
    ),
    DemoUser("prasa", "Michał", "Krawczyk", "press_officer", "BPR", "Rzecznik prasowy", "press office"),
    DemoUser(
        "kancelaria",
        "Agnieszka",
        "Pawłowska",
        "office_staff",
        "BP",
        "Inspektor",
        "patronages, ceremonies, correspondence",
    ),
    DemoUser(
        "prezydent", "Andrzej", "Kowalczyk", "management", "BP", "Prezydent Miasta", "the mayor: reads all, decides"
    ),
    DemoUser("zastepca", "Ewa", "Zielińska", "management", "BP", "Zastępczyni Prezydenta", "a deputy mayor"),
    DemoUser(
        "lacznik", "Paweł", "Wróbel", "unit_liaison", "WIN", "Łącznik Wydziału Inwestycji", "only the WIN unit inbox"
    ),
    DemoUser(
        "lacznik.we",
        "Magdalena",
        "Sikora",
        "unit_liaison",
        "WE",
        "Łączniczka Wydziału Edukacji",
        "only the WE unit inbox",
    ),
    DemoUser(
        "audytor", "Grzegorz", "Szymański", "auditor", "WO", "Audytor wewnętrzny", "reads everything, changes nothing"
    ),
    DemoUser("rada", "Renata", "Wiśniewska", "council_officer", "BP", "Inspektor ds. współpracy z Radą", "council"),
    DemoUser("ngo", "Natalia", "Kamińska", "ngo_officer", "BP", "Pełnomocniczka ds. organizacji pozarządowych", "NGOs"),
    DemoUser("podroze", "Tadeusz", "Lewandowski", "travel_officer", "BP", "Inspektor ds. podróży służbowych", "travel"),
    DemoUser("finanse", "Franciszka", "Dąbrowska", "finance_reader", "WO", "Główna księgowa", "reads the finances"),
]

HOLDERS = [
    # role, title, first, last, username, order, supervised
    ("mayor", "Prezydent Miasta", "Andrzej", "Kowalczyk", "prezydent", 1, ["BP", "BPR", "WO", "WF"]),
    (
        "deputy",
        "Zastępczyni Prezydenta ds. Społecznych",
        "Ewa",
        "Zielińska",
        "zastepca",
        2,
        ["WE", "WSS", "WKS", "MOPS"],
    ),
    ("deputy", "Zastępca Prezydenta ds. Rozwoju Miasta", "Tomasz", "Wiśniewski", None, 3, ["WIN", "WAB", "WGK", "ZDM"]),
    ("plenipotentiary", "Pełnomocnik Prezydenta ds. Osób z Niepełnosprawnościami", "Marek", "Dąbrowski", None, 4, []),
    ("secretary", "Sekretarz Miasta", "Joanna", "Lewandowska", None, 5, ["WO"]),
    ("treasurer", "Skarbnik Miasta", "Piotr", "Wójcik", None, 6, ["WF"]),
]

CONTACTS = [
    # kind, name, organisation, position, email, phone, city, tags
    (
        "institution",
        "Urząd Wojewódzki – Wydział Bezpieczeństwa i Zarządzania Kryzysowego",
        None,
        "",
        "wbzk@uw.example.gov.pl",
        "32 200 10 10",
        "Katowice",
        ["administracja"],
    ),
    (
        "institution",
        "Komenda Miejska Policji",
        None,
        "",
        "sekretariat@kmp.example.gov.pl",
        "47 850 12 00",
        "Miasto Przykładowo",
        ["bezpieczeństwo"],
    ),
    (
        "institution",
        "Państwowa Straż Pożarna – Komenda Miejska",
        None,
        "",
        "kmpsp@straz.example.gov.pl",
        "47 851 20 00",
        "Miasto Przykładowo",
        ["bezpieczeństwo"],
    ),
    ("institution", "Sąd Okręgowy", None, "", "prezes@so.example.gov.pl", "32 600 30 00", "Gliwice", ["sądy"]),
    (
        "institution",
        "Szkoła Podstawowa nr 7 im. Marii Skłodowskiej-Curie",
        None,
        "",
        "sp7@edu.example.pl",
        "32 245 11 07",
        "Miasto Przykładowo",
        ["oświata"],
    ),
    (
        "company",
        "Śląskie Wodociągi S.A.",
        None,
        "",
        "biuro@wodociagi.example.pl",
        "32 700 40 40",
        "Katowice",
        ["komunalne"],
    ),
    (
        "company",
        "Budimex Południe sp. z o.o.",
        None,
        "",
        "oferty@budpol.example.pl",
        "32 711 22 33",
        "Gliwice",
        ["inwestycje"],
    ),
    (
        "ngo",
        "Stowarzyszenie Przyjaciół Starego Miasta",
        None,
        "",
        "kontakt@starmiasto.example.org",
        "600 100 200",
        "Miasto Przykładowo",
        ["NGO", "kultura"],
    ),
    (
        "ngo",
        "Fundacja „Ładna Okolica”",
        None,
        "",
        "fundacja@ladnaokolica.example.org",
        "601 222 333",
        "Miasto Przykładowo",
        ["NGO"],
    ),
    (
        "ngo",
        "Klub Sportowy „Zryw”",
        None,
        "",
        "zarzad@kszryw.example.pl",
        "602 333 444",
        "Miasto Przykładowo",
        ["NGO", "sport"],
    ),
    (
        "media",
        "Gazeta Przykładowska",
        None,
        "",
        "redakcja@gazeta.example.pl",
        "32 230 00 00",
        "Miasto Przykładowo",
        ["media"],
    ),
    ("media", "Radio Ślązaczek", None, "", "newsroom@radio.example.pl", "32 231 00 00", "Katowice", ["media"]),
    (
        "person",
        "Jan Ćwikliński",
        "Stowarzyszenie Przyjaciół Starego Miasta",
        "Prezes zarządu",
        "jan.cwiklinski@example.org",
        "603 444 555",
        "Miasto Przykładowo",
        ["NGO"],
    ),
    (
        "person",
        "Żaneta Łukasik",
        "Gazeta Przykładowska",
        "Redaktor naczelna",
        "z.lukasik@gazeta.example.pl",
        "604 555 666",
        "Miasto Przykładowo",
        ["media"],
    ),
    (
        "person",
        "Bartosz Ślusarczyk",
        "Komenda Miejska Policji",
        "Komendant Miejski",
        "komendant@kmp.example.gov.pl",
        "47 850 12 01",
        "Miasto Przykładowo",
        ["bezpieczeństwo"],
    ),
    (
        "person",
        "Halina Adamczyk",
        None,
        "Mieszkanka, Rada Osiedla Zachód",
        "h.adamczyk@example.com",
        "605 666 777",
        "Miasto Przykładowo",
        ["mieszkańcy"],
    ),
    (
        "person",
        "Leszek Olszewski",
        "Śląskie Wodociągi S.A.",
        "Prezes zarządu",
        "l.olszewski@wodociagi.example.pl",
        "606 777 888",
        "Katowice",
        ["komunalne"],
    ),
    (
        "person",
        "Irena Żak",
        "Szkoła Podstawowa nr 7 im. Marii Skłodowskiej-Curie",
        "Dyrektorka",
        "dyrektor.sp7@edu.example.pl",
        "32 245 11 08",
        "Miasto Przykładowo",
        ["oświata"],
    ),
    # a duplicate for the merge feature
    ("person", "Jan Ćwikliński", None, "", "", "603 444 555", "", ["mieszkańcy"]),
]

# title, unit, assignee username or None, days from today to due, final status, rule or None, issuer, description
ASSIGNMENTS = [
    (
        "Informacja o stanie remontu ul. Zwycięstwa na spotkanie z mieszkańcami",
        "WIN",
        "lacznik",
        5,
        "new",
        None,
        "sekretariat",
        "Prosimy o krótką informację: zakres, harmonogram, utrudnienia w ruchu, planowany termin zakończenia.",
    ),
    (
        "Odpowiedź na interpelację radnej Marii Nowak w sprawie oświetlenia parku Miejskiego",
        "WIN",
        None,
        3,
        "in_progress",
        None,
        "sekretariat",
        "Projekt odpowiedzi na interpelację nr 112/2026 dotyczącą modernizacji oświetlenia.",
    ),
    (
        "Materiał do odpowiedzi dla Gazety Przykładowskiej – koszty budowy hali sportowej",
        "WIN",
        "lacznik",
        -2,
        "new",
        None,
        "prasa",
        "Dziennikarz pyta o łączny koszt inwestycji i aneksy do umowy. Potrzebne kwoty brutto.",
    ),
    (
        "Analiza wniosku o zmianę organizacji ruchu przy SP nr 7",
        "ZDM",
        None,
        -6,
        "in_progress",
        None,
        "sekretariat",
        "Ustalenie ze spotkania Prezydenta z dyrekcją szkoły i radą rodziców.",
    ),
    (
        "Przygotowanie danych do raportu o stanie gminy – oświata",
        "WE",
        "lacznik.we",
        20,
        "new",
        None,
        "kancelaria",
        "Liczba uczniów, oddziałów, nauczycieli; wydatki bieżące i inwestycyjne w 2026 r.",
    ),
    (
        "Opinia w sprawie wniosku o patronat Festiwalu Nauki",
        "WE",
        "lacznik.we",
        2,
        "answered",
        None,
        "kancelaria",
        "Czy wydarzenie ma charakter edukacyjny i niekomercyjny?",
    ),
    (
        "Informacja o naborze do przedszkoli dla mediów",
        "WE",
        None,
        -1,
        "answered",
        None,
        "prasa",
        "Terminy, liczba miejsc, kryteria.",
    ),
    (
        "Stanowisko w sprawie skargi mieszkańców na hałas z placu budowy",
        "WAB",
        None,
        10,
        "returned",
        None,
        "sekretariat",
        "Skarga mieszkańców ul. Lipowej; wydział zwrócił sprawę jako niewłaściwy adresat.",
    ),
    (
        "Harmonogram wymiany wiat przystankowych",
        "ZDM",
        None,
        -15,
        "closed",
        None,
        "sekretariat",
        "Ustalenie z posiedzenia kierownictwa.",
    ),
    (
        "Zestawienie dotacji dla organizacji pozarządowych w 2026 r.",
        "WSS",
        None,
        12,
        "new",
        None,
        "kancelaria",
        "Na potrzeby sprawozdania z programu współpracy.",
    ),
    (
        "Przygotowanie obchodów Święta Niepodległości – zabezpieczenie komunikacyjne",
        "WGK",
        None,
        -20,
        "closed",
        None,
        "kancelaria",
        "Objazdy, dodatkowe kursy, sprzątanie po uroczystości.",
    ),
    (
        "Uzupełnienie danych do odpowiedzi na wniosek o informację publiczną",
        "WF",
        None,
        -4,
        "in_progress",
        CoreRules.UDIP_ANSWER,
        "prasa",
        "Wydatki na promocję miasta w latach 2024–2026 w podziale na media.",
    ),
    (
        "Propozycja tematów do Biuletynu Miejskiego – grudzień",
        "WKS",
        None,
        7,
        "new",
        None,
        "prasa",
        "Wydarzenia kulturalne i sportowe grudnia, z opisem i zdjęciami.",
    ),
    (
        "Wyjaśnienie opóźnienia w odbiorze ścieżki rowerowej",
        "WIN",
        "lacznik",
        -9,
        "answered",
        None,
        "prezydent",
        "Prezydent prosi o notatkę: przyczyny, kary umowne, nowy termin.",
    ),
]


def _user(spec: DemoUser, units: dict[str, OrgUnit]) -> User:
    user, created = User.objects.get_or_create(
        username=spec.username,
        defaults={
            "first_name": spec.first_name,
            "last_name": spec.last_name,
            "email": f"{spec.username}@kancelaria.example.gov.pl",
            "unit": units.get(spec.unit) if spec.unit else None,
            "position": spec.position,
            "is_staff": spec.role == "administrator",
            "is_superuser": spec.username == "admin",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=registry.role(spec.role).group))
    return user


def _seed_core() -> dict[str, User]:
    units: dict[str, OrgUnit] = {}
    for symbol, name, kind, parent in UNITS:
        unit, _ = OrgUnit.objects.get_or_create(
            symbol=symbol,
            defaults={
                "name": name,
                "kind": kind,
                "parent": units.get(parent) if parent else None,
                "email": f"{symbol.lower()}@um.example.gov.pl",
            },
        )
        units[symbol] = unit
    users = {spec.username: _user(spec, units) for spec in USERS}
    for symbol, head in (("WIN", "lacznik"), ("WE", "lacznik.we")):
        OrgUnit.objects.filter(symbol=symbol, head__isnull=True).update(head=users[head])
    for role, title, first, last, username, order, supervised in HOLDERS:
        holder, created = OfficeHolder.objects.get_or_create(
            title=title,
            defaults={
                "role": role,
                "first_name": first,
                "last_name": last,
                "order": order,
                "user": users.get(username) if username else None,
            },
        )
        if created:
            holder.supervised_units.set([units[s] for s in supervised])
    for holder in OfficeHolder.objects.filter(role__in=["mayor", "deputy"], order__lte=2):
        SecretariatMembership.objects.get_or_create(
            office_holder=holder,
            user=users["sekretariat"],
            defaults={"can_see_private": holder.role == "mayor"},
        )
    return users


def _seed_contacts(admin: User) -> None:
    for kind, name, organisation, position, email, phone, city, tags in CONTACTS:
        if Contact.objects.filter(name=name, email=email, phone=phone).exists():
            continue
        org = Contact.objects.filter(name=organisation).first() if organisation else None
        contact = Contact(
            kind=kind, name=name, organisation=org, position=position, email=email, phone=phone, city=city
        )
        tag_objects = [Tag.objects.get_or_create(name=t)[0] for t in tags]
        contact_service.save_contact(actor=admin, contact=contact, tags=tag_objects)


def _seed_assignments(users: dict[str, User]) -> None:
    today = timezone.localdate()
    for title, symbol, assignee, days, final, rule, issuer, description in ASSIGNMENTS:
        if Assignment.objects.filter(title=title).exists():
            continue
        unit = OrgUnit.objects.get(symbol=symbol)
        created_on = today + dt.timedelta(days=min(days, 0) - 14)
        deadline = compute_deadline(rule, created_on) if rule else None
        assignment = assignment_service.hand_over(
            actor=users[issuer],
            title=title,
            description=description,
            unit=unit,
            assignee=users.get(assignee) if assignee else None,
            due_date=None if deadline else today + dt.timedelta(days=days),
            deadline=deadline,
        )
        if deadline is not None:  # keep the demo's intended lateness, with the rule's name kept
            Assignment.objects.filter(pk=assignment.pk).update(due_date=today + dt.timedelta(days=days))
            assignment.refresh_from_db()
        worker = users.get(assignee) or users["lacznik"] if symbol == "WIN" else users.get(assignee)
        liaison = worker or users["admin"]
        if final in ("in_progress", "answered", "closed"):
            assignment_service.start_work(
                actor=liaison, assignment=assignment
            ) if worker else Assignment.objects.filter(pk=assignment.pk).update(status="in_progress")
            assignment.refresh_from_db()
        if final in ("answered", "closed"):
            if worker:
                assignment_service.answer(
                    actor=worker,
                    assignment=assignment,
                    reply="W załączeniu informacja przygotowana przez wydział. Szczegóły do uzgodnienia telefonicznie.",
                )
            else:
                Assignment.objects.filter(pk=assignment.pk).update(
                    status="answered", reply="Informacja przekazana; dane w załączeniu.", answered_at=timezone.now()
                )
            assignment.refresh_from_db()
        if final == "closed":
            assignment_service.decide(
                actor=users[issuer] if issuer != "prezydent" else users["sekretariat"],
                assignment=assignment,
                target="closed",
                text="Przyjęto, dziękuję.",
            )
        if final == "returned":
            Assignment.objects.filter(pk=assignment.pk).update(status="returned")
            AssignmentEvent.objects.create(
                assignment=assignment,
                kind="status",
                from_status="new",
                to_status="returned",
                text="Sprawa nie leży we właściwości wydziału – proszę przekazać do WGK.",
            )
        Assignment.objects.filter(pk=assignment.pk).update(
            created_at=timezone.make_aware(dt.datetime.combine(created_on, dt.time(9, 30)))
        )


def seed() -> dict[str, User]:
    previous_backend = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"  # demo data sends no mail
    try:
        return _seed_all()  # commits (and runs on-commit notifications) before the backend returns
    finally:
        settings.EMAIL_BACKEND = previous_backend


@transaction.atomic
def _seed_all() -> dict[str, User]:
    ensure_roles()
    users = _seed_core()
    _seed_contacts(users["admin"])
    _seed_assignments(users)
    for contribution in registry.contributions("demo"):
        contribution.provide(users["admin"])
    return users


def logins() -> list[tuple[str, str, str]]:
    return [(spec.username, registry.role(spec.role).group, spec.note) for spec in USERS]
