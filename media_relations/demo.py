"""Demo data of the press office: invented Polish outlets and journalists, a year of inquiries in
every state, monitoring with tones, responses, releases, conferences, a plan and a bulletin.

Idempotent (nothing is added when outlets exist) and fast: rows are bulk-created; deadlines are
computed with the real rules so the demo shows true dates.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from media_relations.models import (
    BulletinArticle,
    BulletinIssue,
    Conference,
    Delivery,
    DistributionList,
    Inquiry,
    InquiryEvent,
    InquiryStatus,
    Invitation,
    Journalist,
    JournalistOutlet,
    LegalBasis,
    Outlet,
    PlannedPost,
    Publication,
    Release,
    ResponseCase,
)
from media_relations.services.inquiries import RULE_BY_BASIS
from office.deadlines import apply_rule
from office.models import DeadlineRule, Tag

OUTLETS = [
    ("Gazeta Przykładowska", "daily", "regional", "redakcja@gazeta-przykladowska.pl"),
    ("Tygodnik Regionalny", "periodical", "regional", "redakcja@tygodnik-regionalny.pl"),
    ("przykladowo24.pl", "online", "local", "newsroom@przykladowo24.pl"),
    ("Radio Ślązaczek", "radio", "regional", "serwis@radioslazaczek.pl"),
    ("TV Południe", "tv", "regional", "wydawcy@tvpoludnie.pl"),
    ("Polska Agencja Przykładowa", "agency", "national", "depesze@pap-przyklad.pl"),
    ("Kurier Miejski", "daily", "local", "kurier@kuriermiejski.pl"),
    ("Łódzko-Śląski Miesięcznik Samorządowy", "periodical", "national", "redakcja@msamorzad.pl"),
]
JOURNALISTS = [
    "Agnieszka Nowakowska",
    "Bartosz Wiśniewski",
    "Celina Żurek",
    "Dawid Łukasik",
    "Ewelina Kamińska",
    "Filip Szczepański",
    "Grażyna Ćwik",
    "Henryk Ślusarczyk",
    "Izabela Jabłońska",
    "Jakub Zając",
    "Katarzyna Wróbel",
    "Łukasz Mazur",
]
TOPICS = ["transport", "inwestycje", "oświata", "zieleń", "budżet", "kultura", "bezpieczeństwo"]
SUBJECTS = [
    "Remont wiaduktu na ul. Kolejowej",
    "Nowe buspasy w centrum",
    "Wycinka drzew w parku Miejskim",
    "Budżet obywatelski – wyniki",
    "Opóźnienie budowy basenu",
    "Podwyżki cen biletów komunikacji",
    "Stan przygotowań do Dni Miasta",
    "Zamknięcie szkoły podstawowej nr 7",
    "Kontrola NIK w spółce wodociągowej",
    "Nowy plan zagospodarowania Śródmieścia",
]


@transaction.atomic
def seed(admin: Any) -> None:
    if Outlet.objects.filter(name=OUTLETS[0][0]).exists():  # the demo's own outlets: made already
        return
    rng = random.Random(20250101)  # noqa: S311  (repeatable demo data, not security)
    now = timezone.now()
    today = timezone.localdate()
    tags = {name: Tag.objects.get_or_create(name=name)[0] for name in TOPICS}
    outlets = Outlet.objects.bulk_create(
        [Outlet(name=n, kind=k, reach=r, email=e, region="śląskie") for n, k, r, e in OUTLETS]
    )
    journalists = Journalist.objects.bulk_create(
        [
            Journalist(
                name=name,
                email=f"{name.split()[0].lower()}.{index}@example.com",
                phone=f"+48 600 100 {index:03d}",
                beat=rng.choice(TOPICS),
            )
            for index, name in enumerate(JOURNALISTS, start=1)
        ]
    )
    employments = []
    for index, journalist in enumerate(journalists):
        outlet = outlets[index % len(outlets)]
        if index % 4 == 0:  # people change outlets: an earlier employment, closed
            previous = outlets[(index + 3) % len(outlets)]
            employments.append(
                JournalistOutlet(
                    journalist=journalist,
                    outlet=previous,
                    position="reporter",
                    started_on=today - dt.timedelta(days=900),
                    ended_on=today - dt.timedelta(days=200),
                )
            )
            employments.append(
                JournalistOutlet(journalist=journalist, outlet=outlet, started_on=today - dt.timedelta(days=199))
            )
        else:
            employments.append(
                JournalistOutlet(
                    journalist=journalist,
                    outlet=outlet,
                    position="dziennikarz",
                    started_on=today - dt.timedelta(days=700),
                )
            )
    JournalistOutlet.objects.bulk_create(employments)
    current = {e.journalist_id: e.outlet for e in employments if e.ended_on is None}
    everyone = DistributionList.objects.create(name="Wszystkie redakcje", description="Komunikaty ogólne")
    everyone.journalists.set(journalists)
    local = DistributionList.objects.create(name="Media lokalne", description="Sprawy miejskie")
    local.journalists.set(journalists[::2])

    rules = {code: DeadlineRule.objects.get(code=code) for code in RULE_BY_BASIS.values()}
    statuses = [
        InquiryStatus.ANSWERED,
        InquiryStatus.ANSWERED,
        InquiryStatus.ANSWERED,
        InquiryStatus.ANSWERED,
        InquiryStatus.REFUSED,
        InquiryStatus.EXTENDED,
    ]
    inquiries = []
    for n in range(120):
        received = now - dt.timedelta(days=rng.randint(0, 360), hours=rng.randint(0, 8))
        status = statuses[n % len(statuses)]
        if received > now - dt.timedelta(days=20):  # recent ones are still open, in every state
            status = [
                InquiryStatus.NEW,
                InquiryStatus.GATHERING_INPUT,
                InquiryStatus.DRAFT,
                InquiryStatus.APPROVAL,
                InquiryStatus.EXTENDED,
            ][n % 5]
        basis = LegalBasis.PUBLIC_INFORMATION if n % 3 == 0 else LegalBasis.PRESS_INFORMATION
        deadline = apply_rule(rules[RULE_BY_BASIS[basis]], received)
        journalist = journalists[n % len(journalists)]
        subject = SUBJECTS[n % len(SUBJECTS)]
        due = deadline.due + dt.timedelta(days=30) if status == InquiryStatus.EXTENDED else deadline.due
        answered_at = received + dt.timedelta(days=rng.randint(1, 16)) if status == InquiryStatus.ANSWERED else None
        draft = (
            "Uprzejmie informujemy, że sprawa jest analizowana przez właściwy wydział."
            if status
            not in (
                InquiryStatus.NEW,
                InquiryStatus.GATHERING_INPUT,
            )
            else ""
        )
        inquiries.append(
            Inquiry(
                journalist=journalist,
                outlet=current.get(journalist.pk),
                subject=subject,
                topic=TOPICS[n % len(TOPICS)],
                channel=["phone", "email", "email", "social"][n % 4],
                received_at=received,
                questions=f"{subject}: jaki jest harmonogram, koszt i kto odpowiada za opóźnienia?",
                legal_basis=basis,
                statutory_due_on=deadline.due,
                due_on=due,
                deadline_rule=deadline.rule_code,
                deadline_name=deadline.rule_name,
                deadline_basis=deadline.basis,
                status=status,
                officer=admin,
                draft_text=draft,
                version=1 if draft else 0,
                answer_text=draft if answered_at else "",
                answer_channel="email" if answered_at else "",
                answered_at=answered_at,
                approved_version=1 if answered_at else None,
                extension_reason="Potrzebne dane z kilku wydziałów." if status == InquiryStatus.EXTENDED else "",
                refusal_by="Rzecznik Prasowy Prezydenta Miasta" if status == InquiryStatus.REFUSED else "",
                refusal_on=(received + dt.timedelta(days=3)).date() if status == InquiryStatus.REFUSED else None,
                refusal_information="Dane osobowe pracowników" if status == InquiryStatus.REFUSED else "",
                refusal_reasons="Ochrona prywatności (art. 5 ust. 2 UDIP)" if status == InquiryStatus.REFUSED else "",
                created_by=admin,
            )
        )
    inquiries = Inquiry.objects.bulk_create(inquiries)
    InquiryEvent.objects.bulk_create(
        [InquiryEvent(inquiry=i, kind="created", actor=admin, at=i.received_at, to_status="new") for i in inquiries]
        + [
            InquiryEvent(inquiry=i, kind="answered", actor=admin, at=i.answered_at, to_status="answered")
            for i in inquiries
            if i.answered_at
        ]
    )

    tones = ["positive", "neutral", "neutral", "negative"]
    publications = Publication.objects.bulk_create(
        [
            Publication(
                outlet=outlets[n % len(outlets)],
                published_on=today - dt.timedelta(days=rng.randint(0, 360)),
                title=f"{SUBJECTS[n % len(SUBJECTS)]} – {['relacja', 'komentarz', 'wywiad', 'reportaż'][n % 4]}",
                url=f"https://example.com/artykul/{n}",
                tone=tones[n % len(tones)],
                reach=outlets[n % len(outlets)].reach,
                importance=["low", "normal", "normal", "high"][n % 4],
                created_by=admin,
            )
            for n in range(200)
        ]
    )
    Publication.topics.through.objects.bulk_create(
        [
            Publication.topics.through(publication_id=p.pk, tag_id=tags[TOPICS[n % len(TOPICS)]].pk)
            for n, p in enumerate(publications)
        ]
    )
    negative = [p for p in publications if p.tone == "negative"][:3]
    ResponseCase.objects.bulk_create(
        [
            ResponseCase(
                publication=p,
                kind="correction" if index == 0 else "statement",
                contested_fragment="Miasto nie złożyło wniosku o dofinansowanie." if index == 0 else "",
                text="Miasto złożyło wniosek 12 marca." if index == 0 else "Stanowisko Urzędu w sprawie.",
                send_due=p.published_on + dt.timedelta(days=21) if index == 0 else None,
                court_due=p.published_on + dt.timedelta(days=365) if index == 0 else None,
                created_by=admin,
            )
            for index, p in enumerate(negative)
        ]
    )
    releases = Release.objects.bulk_create(
        [
            Release(
                title=title,
                slug=f"komunikat-{index + 1}",
                lead="Informacja Biura Prasowego.",
                body=f"{title}. Szczegóły na stronie miasta.",
                status=status,
                published_at=now - dt.timedelta(days=index * 7) if status == "published" else None,
                embargo_until=now + dt.timedelta(days=1) if index == 1 else None,
                approved_by=admin if status == "published" else None,
                created_by=admin,
            )
            for index, (title, status) in enumerate(
                [
                    ("Prezydent podpisał umowę na budowę parku", "published"),
                    ("Nowe połączenia autobusowe od poniedziałku", "published"),
                    ("Dni Miasta – program", "approval"),
                    ("Zmiany w organizacji ruchu", "draft"),
                ]
            )
        ]
    )
    Delivery.objects.bulk_create(
        [Delivery(release=releases[0], journalist=j, email=j.email, status="sent", sent_at=now) for j in journalists]
    )
    conferences = Conference.objects.bulk_create(
        [
            Conference(
                topic=topic,
                starts_at=now + dt.timedelta(days=offset, hours=2),
                ends_at=now + dt.timedelta(days=offset, hours=3),
                place="Sala Sesyjna Urzędu Miasta",
                created_by=admin,
            )
            for topic, offset in [("Budżet miasta na przyszły rok", -30), ("Inwestycje drogowe", 5)]
        ]
    )
    Invitation.objects.bulk_create(
        [
            Invitation(conference=c, outlet=o, attended=c.starts_at < now and index % 2 == 0)
            for c in conferences
            for index, o in enumerate(outlets)
        ]
    )
    PlannedPost.objects.bulk_create(
        [
            PlannedPost(
                title=f"Wpis: {SUBJECTS[n]}",
                channel=["website", "facebook", "instagram", "x"][n % 4],
                planned_at=now + dt.timedelta(days=n - 2, hours=3),
                owner=admin,
                status="published" if n < 2 else "planned",
                link=f"https://example.com/wpis/{n}" if n < 2 else "",
            )
            for n in range(8)
        ]
    )
    issue = BulletinIssue.objects.create(
        number=f"1/{today.year}", title="Biuletyn Informacyjny Miasta", planned_on=today + dt.timedelta(days=20)
    )
    BulletinArticle.objects.bulk_create(
        [
            BulletinArticle(
                issue=issue,
                title=title,
                author=admin,
                deadline=today + dt.timedelta(days=10),
                status=status,
                text="Tekst artykułu." if status != "planned" else "",
            )
            for title, status in [
                ("Słowo Prezydenta", "approved"),
                ("Inwestycje w dzielnicach", "submitted"),
                ("Kalendarz wydarzeń", "planned"),
            ]
        ]
    )
