"""Council records made through the services, in the states the tests need."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from office.council.models import Committee, CommitteeMeeting, Councillor, Interpellation, Session, Term
from office.council.services import council as council_services
from office.council.services import interpellations as services
from office.models import OfficeHolder, OrgUnit

COUNTER = itertools.count(1)


def mayor() -> OfficeHolder:
    return OfficeHolder.objects.filter(role="mayor").first() or OfficeHolder.objects.create(
        role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", order=1
    )


def deputy() -> OfficeHolder:
    return OfficeHolder.objects.filter(role="deputy").first() or OfficeHolder.objects.create(
        role="deputy", title="Zastępczyni Prezydenta", first_name="Ewa", last_name="Zielińska", order=2
    )


def term() -> Term:
    return Term.objects.get_or_create(
        name="IX kadencja 2024–2029", defaults={"starts_on": dt.date(2024, 5, 7), "ends_on": dt.date(2029, 5, 6)}
    )[0]


def councillor(actor: Any = None, **fields: Any) -> Councillor:
    n = next(COUNTER)
    values: dict[str, Any] = {
        "term": term(),
        "first_name": "Anna",
        "last_name": f"Radna{n}",
        "club": "Klub Radnych Obywatelskich",
        "mandate_from": dt.date(2024, 5, 7),
    }
    values.update(fields)
    return council_services.save_councillor(actor=actor, councillor=Councillor(**values))


def committee(actor: Any = None, members: Any = (), **fields: Any) -> Committee:
    values: dict[str, Any] = {"term": term(), "name": f"Komisja {next(COUNTER)}"}
    values.update(fields)
    return council_services.save_committee(actor=actor, committee=Committee(**values), members=list(members))


def session(actor: Any = None, days: int = 14, agenda: str = "Otwarcie\nUchwały\nZamknięcie", **fields: Any) -> Session:
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + dt.timedelta(days=days)
    values: dict[str, Any] = {
        "term": term(),
        "number": council_services.next_session_number(term()),
        "starts_at": start,
    }
    values.update(fields)
    return council_services.save_session(actor=actor, session=Session(**values), agenda=agenda)


def meeting(actor: Any = None, days: int = 7, **fields: Any) -> CommitteeMeeting:
    start = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) + dt.timedelta(days=days)
    values: dict[str, Any] = {"starts_at": start}
    values.update(fields)
    values.setdefault("committee", committee(actor))
    return council_services.save_meeting(actor=actor, meeting=CommitteeMeeting(**values))


def interpellation(actor: Any = None, received_on: dt.date | None = None, **fields: Any) -> Interpellation:
    values: dict[str, Any] = {
        "subject": "Remont ul. Ogrodowej",
        "text": "Kiedy planowany jest remont nawierzchni?",
        "received_on": received_on or timezone.localdate(),
    }
    values.update(fields)
    values.setdefault("councillor", councillor(actor))
    return services.register_interpellation(actor=actor, interpellation=Interpellation(**values))


def unit(symbol: str = "WIN") -> OrgUnit:
    return OrgUnit.objects.get_or_create(symbol=symbol, defaults={"name": f"Wydział {symbol}"})[0]


def for_approval(actor: Any = None, **fields: Any) -> Interpellation:
    item = interpellation(actor, **fields)
    services.forward(actor=actor, interpellation=item, units=[unit()])
    return services.submit_draft(actor=actor, interpellation=item, text="Projekt odpowiedzi.")


def approved(actor: Any = None, **fields: Any) -> Interpellation:
    return services.approve(actor=actor, interpellation=for_approval(actor, **fields), approved_by=mayor())


def answered(actor: Any = None, **fields: Any) -> Interpellation:
    item = approved(actor, **fields)
    return services.send_answer(actor=actor, interpellation=item, answered_on=timezone.localdate())


def resolution(actor: Any = None, **fields: Any) -> Any:
    from office.council.models import Resolution
    from office.council.services import resolutions as resolution_services

    values: dict[str, Any] = {
        "number": f"XX/{next(COUNTER)}/2026",
        "adopted_on": timezone.localdate() - dt.timedelta(days=10),
        "title": "w sprawie zmian w budżecie miasta",
        "unit": unit(),
        "due_on": timezone.localdate() + dt.timedelta(days=30),
    }
    values.update(fields)
    return resolution_services.save_resolution(actor=actor, resolution=Resolution(**values))


def draft(actor: Any = None, **fields: Any) -> Any:
    from office.council.models import DraftResolution
    from office.council.services import resolutions as resolution_services

    values: dict[str, Any] = {"title": "Projekt uchwały w sprawie zmian w budżecie", "unit": unit()}
    values.update(fields)
    if "session" not in values:
        values["session"] = session(actor, days=20)
    return resolution_services.save_draft(actor=actor, draft=DraftResolution(**values))


def chair() -> Any:
    from tests.factories import ContactFactory

    return ContactFactory(name="Przewodniczący Rady Miasta")


def request_template(actor: Any = None) -> Any:
    from correspondence.services import archive
    from correspondence.services import letters as letter_services
    from office.council.services.resolutions import REQUEST_SOURCE

    archive.ensure_shipped_classes()
    OrgUnit.objects.get_or_create(symbol="KP", defaults={"name": "Kancelaria Prezydenta"})
    return letter_services.define_template(
        actor=actor,
        name="Wniosek o sesję nadzwyczajną (testy)",
        source_kind=REQUEST_SOURCE,
        subject="Wniosek – {{ wniosek_sesja.temat }}",
        body="Wnoszę o zwołanie sesji do {{ wniosek_sesja.termin_sesji }}:\n{{ wniosek_sesja.porzadek_obrad }}\n"
        "{{ wniosek_sesja.projekty_uchwal }}",
        jrwa_symbol="0002",
        signatory=mayor(),
    )


def extraordinary_request(actor: Any = None, drafts: Any = (), **fields: Any) -> Any:
    from office.council.models import ExtraordinaryRequest
    from office.council.services import resolutions as resolution_services

    values: dict[str, Any] = {
        "subject": "Zmiany w budżecie – nawałnica",
        "agenda": "Otwarcie\nZmiany w budżecie\nZamknięcie",
        "addressee": chair(),
    }
    values.update(fields)
    return resolution_services.save_request(actor=actor, request=ExtraordinaryRequest(**values), drafts=list(drafts))


def company(actor: Any = None, **fields: Any) -> Any:
    from office.council.models import Company
    from office.council.services import companies as company_services

    values: dict[str, Any] = {
        "name": f"Spółka Miejska {next(COUNTER)} sp. z o.o.",
        "share_capital": "1000000.00",
        "city_share": "100",
        "representative": "Andrzej Kowalczyk, Prezydent Miasta",
        "unit": unit("WF"),
    }
    values.update(fields)
    return company_services.save_company(actor=actor, company=Company(**values))


def shareholder_meeting(actor: Any = None, days: int = 14, **fields: Any) -> Any:
    from office.council.models import ShareholderMeeting
    from office.council.services import companies as company_services

    start = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) + dt.timedelta(days=days)
    values: dict[str, Any] = {"starts_at": start, "place": "siedziba spółki", "agenda": "Zatwierdzenie sprawozdania"}
    values.update(fields)
    values.setdefault("company", company(actor))
    return company_services.save_meeting(actor=actor, meeting=ShareholderMeeting(**values))


def lay_election(actor: Any = None, **fields: Any) -> Any:
    from office.council.models import LayJudgeElection
    from office.council.services import elections

    values: dict[str, Any] = {"name": f"Ławnicy {next(COUNTER)}", "year": timezone.localdate().year, "seats": 10}
    values.update(fields)
    return elections.save_election(actor=actor, election=LayJudgeElection(**values))


def lay_candidate(actor: Any = None, age: int = 45, **fields: Any) -> Any:
    from office.council.models import LayJudgeCandidate
    from office.council.services import elections

    election = fields.pop("election", None) or lay_election(actor)
    day = election.vote_day
    values: dict[str, Any] = {
        "election": election,
        "first_name": "Jan",
        "last_name": f"Kandydat{next(COUNTER)}",
        "birth_date": dt.date(day.year - age, 1, 1) if day.month > 1 else dt.date(day.year - age - 1, 1, 1),
        "court": "Sąd Rejonowy",
        "nominated_by": "court",
        "nominator": "Prezes Sądu Rejonowego",
        "nominated_on": min(timezone.localdate(), election.nominations_due),
    }
    values.update(fields)
    return elections.save_candidate(actor=actor, candidate=LayJudgeCandidate(**values))


def neighbourhood(actor: Any = None, days: int = -3, seats: int = 2, **fields: Any) -> Any:
    from office.council.models import District, NeighbourhoodElection
    from office.council.services import elections

    district = District.objects.create(name=f"Osiedle {next(COUNTER)}", seats=seats)
    values: dict[str, Any] = {"district": district, "held_on": timezone.localdate() + dt.timedelta(days=days)}
    values.update(fields)
    return elections.save_neighbourhood(actor=actor, election=NeighbourhoodElection(**values))


def project(actor: Any = None, **fields: Any) -> Any:
    from office.council.models import Project
    from office.council.services import projects

    values: dict[str, Any] = {
        "title": f"Projekt {next(COUNTER)}",
        "commissioned_by": mayor(),
        "owner": unit("WIN"),
        "starts_on": timezone.localdate() - dt.timedelta(days=30),
        "ends_on": timezone.localdate() + dt.timedelta(days=90),
    }
    values.update(fields)
    return projects.save_project(actor=actor, project=Project(**values), units=[unit("WF")])


def study(actor: Any = None, **fields: Any) -> Any:
    from office.council.models import Study
    from office.council.services import projects

    values: dict[str, Any] = {
        "title": f"Analiza {next(COUNTER)}",
        "kind": "study",
        "author": "Pracownia",
        "unit": unit(),
        "ordered_on": timezone.localdate() - dt.timedelta(days=10),
    }
    values.update(fields)
    return projects.save_study(actor=actor, study=Study(**values))
