"""Demo data of council relations beside the council itself: municipal companies and their
meetings, a lay-judge election and neighbourhood-council elections, the mayor's projects and
studies (called from ``office.council.demo.seed``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from office.models import OfficeHolder, OrgUnit

COMPANIES = [
    ("Miejskie Przedsiębiorstwo Komunikacyjne sp. z o.o.", "llc", "0000123456", "48500000.00", "100", "WIN"),
    ("Miejskie Wodociągi i Kanalizacja sp. z o.o.", "llc", "0000234567", "112300000.00", "100", "WIN"),
    ("Towarzystwo Budownictwa Społecznego sp. z o.o.", "llc", "0000345678", "21400000.00", "100", "WF"),
    ("Port Lotniczy Region S.A.", "jsc", "0000456789", "95000000.00", "18.75", "WF"),
]


def companies(admin: Any, today: dt.date) -> None:
    from office.council.models import Company, ShareholderMeeting
    from office.council.services import companies as company_services

    mayor = OfficeHolder.objects.filter(role=OfficeHolder.Role.MAYOR, is_active=True).first()
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for n, (name, form, krs, capital, share, symbol) in enumerate(COMPANIES):
        unit = OrgUnit.objects.filter(symbol=symbol).first() or OrgUnit.objects.filter(is_active=True).first()
        company = company_services.save_company(
            actor=admin,
            company=Company(
                name=name,
                legal_form=form,
                krs=krs,
                share_capital=capital,
                city_share=share,
                representative="Andrzej Kowalczyk, Prezydent Miasta"
                if n % 2 == 0
                else "Ewa Zielińska, Zastępczyni Prezydenta",
                unit=unit,
            ),
        )
        annual = company_services.save_meeting(
            actor=admin,
            meeting=ShareholderMeeting(
                company=company,
                starts_at=(now - dt.timedelta(days=150 + 10 * n)).replace(hour=11),
                place="siedziba spółki",
                agenda="1. Zatwierdzenie sprawozdania finansowego za poprzedni rok\n2. Podział zysku\n"
                "3. Udzielenie absolutorium członkom zarządu",
            ),
        )
        company_services.record_outcome(
            actor=admin,
            meeting=annual,
            text="Zatwierdzono sprawozdanie; udzielono absolutorium wszystkim członkom zarządu.",
        )
        coming = company_services.save_meeting(
            actor=admin,
            meeting=ShareholderMeeting(
                company=company,
                kind="extraordinary",
                starts_at=(now + dt.timedelta(days=6 + 7 * n)).replace(hour=12),
                place="Ratusz, sala nr 3",
                agenda="1. Zmiana umowy spółki\n2. Wyrażenie zgody na zaciągnięcie kredytu inwestycyjnego",
            ),
        )
        if n < 3:
            company_services.request_opinion(actor=admin, meeting=coming, unit=unit)
        if n < 2 and mayor is not None:
            company_services.instruct(
                actor=admin,
                meeting=coming,
                text="Głosować za zmianą umowy spółki; w sprawie kredytu – za, "
                "pod warunkiem przedstawienia harmonogramu spłat.",
                instructed_by=mayor,
            )


COURTS = ["Sąd Rejonowy w Mieście Przykładowo", "Sąd Okręgowy w Mieście Przykładowo"]
NOMINATORS = [
    ("court", "Prezes Sądu Rejonowego w Mieście Przykładowo"),
    ("association", "Stowarzyszenie Przyjaciół Miasta"),
    ("citizens", "Grupa 52 obywateli"),
]
DISTRICTS = [("Osiedle Śródmieście", 15), ("Osiedle Zacisze", 11), ("Osiedle Łężyca", 9)]


def elections(admin: Any, today: dt.date, first: list[str], last: list[str]) -> None:
    from office.council.models import District, LayJudgeCandidate, LayJudgeElection, NeighbourhoodElection
    from office.council.services import elections as election_services

    year = today.year if today.month > 10 else today.year - 1
    election = election_services.save_election(
        actor=admin,
        election=LayJudgeElection(
            name=f"Ławnicy na kadencję {year + 1}–{year + 4}", year=year, seats=12, elected_on=dt.date(year, 10, 22)
        ),
    )
    for n in range(max(14, round(40 * settings.DEMO_SCALE))):
        kind, nominator = NOMINATORS[n % len(NOMINATORS)]
        age = [45, 52, 38, 61, 33, 69, 29, 71][n % 8]  # two of them outside 30–70 on the day of the vote
        candidate = election_services.save_candidate(
            actor=admin,
            candidate=LayJudgeCandidate(
                election=election,
                first_name=first[n % len(first)],
                last_name=last[(n * 7) % len(last)],
                birth_date=dt.date(year - age, 1 + n % 12, 10),
                court=COURTS[n % 2],
                nominated_by=kind,
                nominator=nominator,
                nominated_on=dt.date(year, 6, 1 + n % 29) if n % 9 else dt.date(year, 7, 3),
                documents_complete=n % 5 != 0,
                police_asked_on=dt.date(year, 7, 10),
                police_received_on=dt.date(year, 8, 20) if n % 6 else None,
                police_note="Brak informacji negatywnych." if n % 6 else "",
            ),
        )
        candidate.election = election
        election_services.record_vote(actor=admin, candidate=candidate, elected=n < 12, votes_for=20 if n < 12 else 9)
    names = ["Jan Kowalski", "Maria Nowak", "Piotr Wiśniewski", "Anna Wójcik", "Tomasz Kamiński", "Ewa Lewandowska"]
    for n, (name, seats) in enumerate(DISTRICTS):
        district = District.objects.get_or_create(name=name, defaults={"seats": seats})[0]
        held = today - dt.timedelta(days=120) if n < 2 else today + dt.timedelta(days=40)
        past = election_services.save_neighbourhood(
            actor=admin,
            election=NeighbourhoodElection(
                district=district, held_on=held, voters=4200 + 900 * n, votes_cast=610 + 80 * n if n < 2 else None
            ),
        )
        count = seats + 3
        for k in range(count):
            candidate = election_services.add_candidate(
                actor=admin, election=past, name=f"{names[k % len(names)]} ({k + 1})"
            )
            if n < 2:
                election_services.record_votes(actor=admin, election=past, candidate=candidate, votes=300 - 7 * k)
        if n < 2:
            election_services.announce_results(actor=admin, election=past)


PROJECTS = [
    ("Rewitalizacja Starego Rynku", "WIN", ["WF", "WKS"], 38),
    ("Zielony budżet – 1000 drzew na 800-lecie miasta", "WIN", ["WE"], 64),
    ("Cyfrowy urząd: e-usługi dla mieszkańców", "WO", ["WF"], 20),
]


def projects(admin: Any, today: dt.date) -> None:
    from office.council.models import Project, Study
    from office.council.services import projects as project_services

    mayor = OfficeHolder.objects.filter(role=OfficeHolder.Role.MAYOR, is_active=True).first()
    if mayor is None:
        return
    for n, (title, owner, others, progress) in enumerate(PROJECTS):
        unit = OrgUnit.objects.filter(symbol=owner).first() or OrgUnit.objects.filter(is_active=True).first()
        project = project_services.save_project(
            actor=admin,
            project=Project(
                title=title,
                goal="Projekt zlecony przez Prezydenta Miasta; koordynacja: Kancelaria Prezydenta.",
                commissioned_by=mayor,
                owner=unit,
                starts_on=today - dt.timedelta(days=200 - 40 * n),
                ends_on=today + dt.timedelta(days=120 + 60 * n) if n else today - dt.timedelta(days=5),
                status="running",
                progress=progress,
            ),
            units=list(OrgUnit.objects.filter(symbol__in=others)),
        )
        for k, name in enumerate(("Koncepcja", "Dokumentacja", "Realizacja")):
            milestone = project_services.add_milestone(
                actor=admin, project=project, title=name, due_on=project.starts_on + dt.timedelta(days=30 + 50 * k)
            )
            if milestone.due_on < today - dt.timedelta(days=20):
                project_services.reach_milestone(
                    actor=admin, project=project, milestone=milestone, done_on=milestone.due_on
                )
        project_services.hand_out_task(
            actor=admin,
            project=project,
            title=f"{title}: harmonogram prac",
            unit=unit,
            due_date=today + dt.timedelta(days=14),
        )
        project_services.save_study(
            actor=admin,
            study=Study(
                title=f"Analiza wykonalności – {title}",
                kind="study",
                author="Pracownia Analiz Miejskich sp. z o.o.",
                unit=unit,
                project=project,
                ordered_on=project.starts_on,
                delivered_on=project.starts_on + dt.timedelta(days=45),
                cost="18500.00",
                summary="Przedsięwzięcie wykonalne przy zachowaniu harmonogramu i finansowania.",
            ),
        )
