"""The staff pages of the associations app: the register and its workflow walked through the
pages (application, founders, the check, the entry or refusal, the letter, a change), bad input
shown again with what was typed, the KRS organisations, supervision, opinions, reports and
memberships, and what the office core shows (search, widgets)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from associations.models import CHECKLIST, AssociationStatus, OrdinaryAssociation, SupervisionCase
from associations.services import krs as krs_services
from tests.associations import factories
from tests.factories import ContactFactory
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(count: int) -> dt.date:
    return TODAY + dt.timedelta(days=count)


@pytest.fixture
def officer(persona):
    return persona("ngo_officer")


@pytest.fixture
def client(officer):
    return client_for(officer)


def pl(message: str) -> str:
    """A message as a page shows it (in Polish, the default language of every request)."""
    with translation.override("pl"):
        return translation.gettext(message)


def url(name: str, *args: Any) -> str:
    return reverse(f"associations:{name}", args=args)


def _application_data(contact_pk: int, **changes: Any) -> dict[str, Any]:
    data = {
        "contact": contact_pk,
        "received_on": TODAY.isoformat(),
        "name": "Stowarzyszenie Teatr Podwórkowy",
        "goals": "Upowszechnianie kultury.",
        "territory": "Miasto Przykładowo",
        "means_of_action": "Spektakle plenerowe.",
        "seat_address": "ul. Teatralna 3",
        "representation": "representative",
        "representatives": "Ewa Wiśniewska – przedstawiciel",
        "audit_body": "",
        "remarks": "",
    }
    data.update(changes)
    return data


def test_the_register_workflow_through_the_pages(client, officer):
    factories.templates(officer)
    contact = ContactFactory(name="Teatr Podwórkowy – adres do korespondencji")
    response = fetch(client, "post", url("association_create"), _application_data(contact.pk))
    association = OrdinaryAssociation.objects.get()
    assert response.status_code == 302 and response["Location"] == url("association_detail", association.pk)
    page = page_text(fetch(client, "get", url("association_detail", association.pk)))
    assert "Stowarzyszenie Teatr Podwórkowy" in page
    for n in range(2):
        fetch(
            client,
            "post",
            url("association_founder", association.pk),
            {"founder-name": f"Osoba {n}", "founder-residence": "ul. Długa 1"},
        )
    checks = {f"check-{key}": "on" for key, _label in CHECKLIST}
    fetch(client, "post", url("association_check", association.pk), checks)
    refused = fetch(client, "post", url("association_enter", association.pk), {"enter-entered_on": TODAY.isoformat()})
    assert refused.status_code == 200 and pl("At least %(min)s founders (there are %(count)s)") % {
        "min": 3,
        "count": 2,
    } in page_text(refused)
    assert OrdinaryAssociation.objects.get().is_applied
    fetch(
        client,
        "post",
        url("association_founder", association.pk),
        {"founder-name": "Osoba 3", "founder-residence": "ul. Krótka 2"},
    )
    entered = fetch(client, "post", url("association_enter", association.pk), {"enter-entered_on": TODAY.isoformat()})
    assert entered.status_code == 302
    association.refresh_from_db()
    assert association.status == AssociationStatus.ENTERED and association.number == 1
    template = factories.letter_templates_for("wpis_stowarzyszenia").get()
    letter = fetch(client, "post", url("association_letter", association.pk), {"letter-template": template.pk})
    association.refresh_from_db()
    assert letter.status_code == 302 and association.certificate_id is not None
    assert letter["Location"] == reverse("correspondence:letter_detail", args=[association.certificate_id])
    letter_page = fetch(client, "get", letter["Location"])
    assert letter_page.status_code == 200
    assert url("association_detail", association.pk) in letter_page.content.decode()  # the way back


def test_fewer_founders_message_keeps_what_was_typed(client, officer):
    association = factories.application(officer, founders=2)
    response = fetch(client, "post", url("association_enter", association.pk), {"enter-entered_on": "2099-01-01"})
    text = page_text(response)
    assert response.status_code == 200 and pl("The date cannot be in the future.") in text
    assert 'value="2099-01-01"' in response.content.decode()


def test_a_change_through_its_page_and_a_change_before_the_entry(client, officer):
    association = factories.entered(officer, entered_on=days(-20))
    page = fetch(client, "get", url("association_change", association.pk))
    assert page.status_code == 200 and "ul. Parkowa 4" in page.content.decode()
    data = {
        name: getattr(association.current, name)
        for name in ("name", "goals", "territory", "means_of_action", "representatives")
    }
    data.update(
        representation="representative",
        seat_address="ul. Przeniesiona 7",
        changed_on=days(-25).isoformat(),
        reported_on=days(-2).isoformat(),
        valid_from=days(-1).isoformat(),
        description="Nowy adres",
    )
    refused = fetch(client, "post", url("association_change", association.pk), data)
    assert refused.status_code == 200 and pl(
        "A change cannot be dated before the association was entered in the register (%(day)s)."
    ).split("(")[0] in page_text(refused)
    assert "ul. Przeniesiona 7" in refused.content.decode()
    data["changed_on"] = days(-5).isoformat()
    done = fetch(client, "post", url("association_change", association.pk), data)
    assert done.status_code == 302
    association.refresh_from_db()
    assert association.current.seat_address == "ul. Przeniesiona 7" and association.versions.count() == 2
    old = page_text(fetch(client, "get", url("association_detail", association.pk) + f"?as_of={days(-3).isoformat()}"))
    assert "ul. Parkowa 4" in old
    listed = page_text(fetch(client, "get", url("association_list") + f"?as_of={days(-3).isoformat()}"))
    assert "ul. Parkowa 4" in listed and "ul. Przeniesiona 7" not in listed


def test_no_change_page_before_the_entry_and_no_edit_after(client, officer):
    waiting = factories.application(officer)
    assert fetch(client, "get", url("association_change", waiting.pk)).status_code == 403
    entered = factories.entered(officer, name="Stowarzyszenie Wpisane")
    assert fetch(client, "get", url("association_edit", entered.pk)).status_code == 403


def test_readers_read_and_change_nothing(persona, officer):
    association = factories.application(officer)
    for key in ("management", "auditor", "secretariat"):
        reader = client_for(persona(key))
        assert fetch(reader, "get", url("association_detail", association.pk)).status_code == 200
        response = fetch(reader, "post", url("association_refuse", association.pk), {"refuse-reasons": "Nie."})
        assert response.status_code == 403
    assert fetch(client_for(persona("office_staff")), "get", url("association_list")).status_code == 403
    assert OrdinaryAssociation.objects.get().is_applied


def test_a_wrong_krs_number_is_a_clear_message_and_nothing_is_lost(client):
    data = {"krs_number": "12345", "legal_form": "foundation", "name": "Fundacja Nowa", "seat_address": "ul. Nowa 1"}
    response = fetch(client, "post", url("krs_create"), data)
    assert response.status_code == 200
    assert pl("A KRS number has 10 digits (leading zeros included); this one has %(count)s.") % {
        "count": 5
    } in page_text(response)
    assert 'value="Fundacja Nowa"' in response.content.decode()
    data["krs_number"] = "0000 012 345"
    assert fetch(client, "post", url("krs_create"), data).status_code == 302


def test_supervision_opinions_and_reports(client, officer):
    foundation = factories.organisation(officer)
    response = fetch(
        client,
        "post",
        url("krs_case", foundation.pk),
        {
            "case-kind": "documents",
            "case-subject": "Sprawozdanie",
            "case-opened_on": TODAY.isoformat(),
            "case-due_on": days(-1).isoformat(),
        },
    )
    assert response.status_code == 200  # due before it was opened: the form again
    fetch(
        client,
        "post",
        url("krs_case", foundation.pk),
        {
            "case-kind": "documents",
            "case-subject": "Sprawozdanie",
            "case-opened_on": TODAY.isoformat(),
            "case-due_on": days(3).isoformat(),
        },
    )
    case = SupervisionCase.objects.get()
    assert fetch(client, "get", url("case_list") + "?open=on").status_code == 200
    fetch(
        client, "post", url("case_close", case.pk), {"close-outcome": "Złożone.", "close-closed_on": TODAY.isoformat()}
    )
    case.refresh_from_db()
    assert not case.is_open
    year = TODAY.year - 1
    missing = page_text(fetch(client, "get", url("foundation_reports") + f"?year={year}"))
    assert foundation.name in missing.split("received")[0] or foundation.name in missing
    fetch(
        client, "post", url("krs_report", foundation.pk), {"report-year": year, "report-received_on": TODAY.isoformat()}
    )
    assert list(krs_services.foundations_for_year(year).values_list("reported", flat=True)) == [True]
    twice = fetch(
        client, "post", url("krs_report", foundation.pk), {"report-year": year, "report-received_on": TODAY.isoformat()}
    )
    assert twice.status_code == 200
    opinion = fetch(
        client,
        "post",
        url("opinion_create"),
        {
            "organisation": foundation.pk,
            "court_case": "KRS/1/26",
            "subject": "Statut",
            "requested_on": TODAY.isoformat(),
            "due_on": days(14).isoformat(),
        },
    )
    assert opinion.status_code == 302 and fetch(client, "get", url("opinion_list")).status_code == 200


def test_memberships(client):
    data = {
        "organisation": "Związek Miast Polskich",
        "kind": "association",
        "member_since": "1991-06-01",
        "resolution_number": "IV/40/1991",
        "resolution_on": "1991-07-01",
        "resolution_text": "§ 1. Przystępuje się.",
        "yearly_fee": "18400.00",
        "representatives": "Prezydent Miasta",
    }
    early = fetch(client, "post", url("membership_create"), data)
    assert early.status_code == 200 and pl("The membership begins on or after the council's resolution.") in page_text(
        early
    )
    data["resolution_on"] = "1991-04-10"
    assert fetch(client, "post", url("membership_create"), data).status_code == 302
    listed = page_text(fetch(client, "get", url("membership_list")))
    assert "Związek Miast Polskich" in listed


def test_search_and_widgets(client, officer):
    association = factories.application(officer, received_on=days(-6))
    krs_services.open_case(
        actor=officer,
        organisation=factories.organisation(officer),
        kind="inspection",
        subject="Kontrola",
        due_on=days(2),
    )
    dashboard = page_text(fetch(client, "get", "/"))
    assert association.current.name in dashboard and "Kontrola" in dashboard
    found = page_text(fetch(client, "get", reverse("office:search") + "?q=Zdrojowego"))
    assert association.current.name in found


def test_the_digest_names_entries_and_cases_due(officer, persona):
    from associations.contributions import digest_due

    association = factories.application(officer, received_on=days(-12))
    krs_services.open_case(
        actor=officer, organisation=factories.organisation(officer), kind="measures", subject="Środki", due_on=days(1)
    )
    section = digest_due(officer)
    labels = [item.label for item in section.items]
    assert any(association.current.name in label for label in labels) and any("Środki" in label for label in labels)
    assert next(item for item in section.items if association.current.name in item.label).is_warning  # overdue
