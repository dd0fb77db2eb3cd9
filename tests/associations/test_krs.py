"""Organisations of the court register: the KRS number, the spreadsheet import (office.kit.imports),
supervision cases and their due dates, opinions, foundations' reports and those missing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from associations.models import CourtOpinion, KrsOrganisation, validate_krs_number
from associations.services import krs
from office.kit.imports import DUPLICATE, ERROR, NEW
from office.models import AuditEntry, ImportBatch
from tests.associations import factories
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
UPLOAD = reverse("associations:krs_import")


@pytest.fixture
def officer(persona):
    return persona("ngo_officer")


@pytest.mark.parametrize("number", ["000012345", "00001234567", "00001234a6", ""])
def test_a_krs_number_is_ten_digits(number):
    with pytest.raises(ValidationError):
        validate_krs_number(number)


def test_spaces_and_dashes_are_dropped(officer):
    organisation = factories.organisation(officer, krs_number="0000-123 456")
    assert organisation.krs_number == "0000123456"
    with pytest.raises(ValidationError):
        factories.organisation(officer, krs_number="0000123456", name="Druga")


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("krs.csv", text.encode("utf-8-sig"), "text/csv")


def test_the_import_previews_then_saves_new_rows_only(officer):
    factories.organisation(officer, krs_number="0000000001", name="Fundacja Istniejąca")
    client = client_for(officer)
    response = fetch(
        client,
        "post",
        UPLOAD,
        {
            "file": _csv(
                "Numer KRS;Forma prawna;Nazwa;Siedziba;Data rejestracji;OPP\n"
                "0000000002;fundacja;Fundacja Nowa;ul. Nowa 1;2019-05-01;tak\n"
                "0000000001;stowarzyszenie;Duplikat;ul. Stara 2;;nie\n"
                "12345;stowarzyszenie;Zły numer;ul. Zła 3;;\n"
                "0000000003;association;Stowarzyszenie Nowe;ul. Nowa 3;;\n"
                "0000000003;association;Powtórzone w pliku;ul. Nowa 3;;\n"
            )
        },
    )
    assert response.status_code == 302, page_text(response)[:2000]
    batch = ImportBatch.objects.latest("created_at")
    assert {row["line"]: row["status"] for row in batch.rows} == {2: NEW, 3: DUPLICATE, 4: ERROR, 5: NEW, 6: DUPLICATE}
    assert KrsOrganisation.objects.count() == 1
    confirmed = fetch(client, "post", reverse("office:import_confirm", args=[batch.pk]))
    assert confirmed.status_code == 302
    new = KrsOrganisation.objects.get(krs_number="0000000002")
    assert new.legal_form == "foundation" and new.public_benefit and new.registered_on == dt.date(2019, 5, 1)
    assert KrsOrganisation.objects.count() == 3
    assert AuditEntry.objects.filter(object_id=str(new.pk), action="create").exists()


def test_only_the_officer_imports(persona):
    for key in ("management", "auditor", "office_staff"):
        assert fetch(client_for(persona(key)), "get", UPLOAD).status_code == 403


def test_cases_due_and_their_closing(officer):
    organisation = factories.organisation(officer)
    soon = krs.open_case(
        actor=officer, organisation=organisation, kind="inspection", subject="A", due_on=TODAY + dt.timedelta(days=3)
    )
    krs.open_case(
        actor=officer, organisation=organisation, kind="documents", subject="B", due_on=TODAY + dt.timedelta(days=30)
    )
    assert list(krs.cases_due()) == [soon]
    with pytest.raises(ValidationError):
        krs.close_case(actor=officer, case=soon, outcome=" ")
    krs.close_case(actor=officer, case=soon, outcome="Zakończona.")
    assert not krs.cases_due().exists()
    with pytest.raises(ValidationError):
        krs.extend_case(actor=officer, case=soon, due_on=TODAY)


def test_an_opinion_given_needs_its_text(officer):
    organisation = factories.organisation(officer)
    opinion = CourtOpinion(
        organisation=organisation,
        court_case="KRS/1",
        subject="Statut",
        requested_on=TODAY,
        due_on=TODAY,
        given_on=TODAY,
    )
    with pytest.raises(ValidationError) as error:
        krs.save_opinion(actor=officer, opinion=opinion)
    assert "opinion" in error.value.message_dict


def test_foundations_missing_their_report(officer):
    reported = factories.organisation(officer, krs_number="0000000011", name="Fundacja A")
    missing = factories.organisation(officer, krs_number="0000000012", name="Fundacja B")
    factories.organisation(officer, krs_number="0000000013", name="Stowarzyszenie C", legal_form="association")
    factories.organisation(
        officer, krs_number="0000000014", name="Fundacja Młoda", registered_on=dt.date(TODAY.year, 1, 1)
    )
    year = TODAY.year - 1
    krs.receive_report(actor=officer, organisation=reported, year=year, received_on=TODAY)
    rows = {o.name: o.reported for o in krs.foundations_for_year(year)}
    assert rows == {"Fundacja A": True, "Fundacja B": False}
    with pytest.raises(ValidationError):
        krs.receive_report(actor=officer, organisation=reported, year=year, received_on=TODAY)
    with pytest.raises(ValidationError):
        krs.receive_report(
            actor=officer,
            organisation=missing,
            year=TODAY.year,
            received_on=TODAY.replace(month=1, day=1) - dt.timedelta(days=1),
        )
