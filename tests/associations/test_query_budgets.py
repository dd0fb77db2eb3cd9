"""Query budgets: the lists of the associations app, a record's page with many versions and
founders, an organisation's page with many cases, and the public register and its downloads
make as many queries with 3 rows as with 23 (tests.utils.assert_constant_queries)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from associations.models import AssociationVersion, CourtOpinion
from associations.services import krs, register
from tests.associations import factories
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
COUNTER = itertools.count()


@pytest.fixture
def officer(persona):
    return persona("ngo_officer")


def _change(officer, association, day: dt.date) -> None:
    association.refresh_from_db()
    current = association.current
    version = AssociationVersion(**{name: getattr(current, name) for name in register.COLUMNS})
    version.remarks = f"Zmiana {next(COUNTER)}"
    register.record_change(
        actor=officer, association=association, version=version, changed_on=day, reported_on=day, valid_from=day
    )


def _associations(officer):
    def make(count: int) -> None:
        for _ in range(count):
            n = next(COUNTER)
            if n % 3 == 0:
                factories.application(officer, name=f"Stowarzyszenie Wnioskowane {n}")
            else:
                association = factories.entered(
                    officer, name=f"Stowarzyszenie {n}", entered_on=TODAY - dt.timedelta(days=40)
                )
                _change(officer, association, TODAY - dt.timedelta(days=10))

    return make


@pytest.mark.parametrize(
    "path",
    [
        "",
        f"?as_of={(TODAY - dt.timedelta(days=20)).isoformat()}",
        "?q=Stowarzyszenie&status=entered",
        "?entry_due=on",
    ],
)
def test_the_register(officer, path):
    assert_constant_queries(
        client_for(officer), reverse("associations:association_list") + path, _associations(officer)
    )


@pytest.mark.parametrize(
    "path",
    [
        reverse("associations:public_list"),
        reverse("associations:public_list") + f"?as_of={(TODAY - dt.timedelta(days=20)).isoformat()}",
        reverse("associations:public_download", args=["csv"]),
        reverse("associations:public_download", args=["json"]),
        reverse("associations:public_download", args=["xlsx"]),
    ],
)
def test_the_public_register(officer, path):
    assert_constant_queries(client_for(None), path, _associations(officer))


def test_a_record_with_many_changes_and_founders(officer):
    association = factories.entered(officer, entered_on=TODAY - dt.timedelta(days=200))
    url = reverse("associations:association_detail", args=[association.pk])
    days = itertools.count(1)

    def make(count: int) -> None:
        for _ in range(count):
            _change(officer, association, association.entered_on + dt.timedelta(days=next(days)))

    assert_constant_queries(client_for(officer), url, make)
    public_url = reverse("associations:public_detail", args=[association.number])
    assert_constant_queries(client_for(None), public_url, make)


def _organisations(officer):
    def make(count: int) -> None:
        for _ in range(count):
            n = next(COUNTER)
            organisation = factories.organisation(officer, krs_number=f"{n + 1:010d}", name=f"Fundacja {n}")
            krs.open_case(
                actor=officer, organisation=organisation, kind="inspection", subject=f"Kontrola {n}", due_on=TODAY
            )
            krs.save_opinion(
                actor=officer,
                opinion=CourtOpinion(
                    organisation=organisation, court_case=f"KRS/{n}", subject="Statut", requested_on=TODAY, due_on=TODAY
                ),
            )

    return make


@pytest.mark.parametrize("name", ["krs_list", "case_list", "opinion_list", "foundation_reports"])
def test_the_lists_of_organisations(officer, name):
    assert_constant_queries(client_for(officer), reverse(f"associations:{name}"), _organisations(officer))


def test_an_organisation_with_many_cases(officer):
    organisation = factories.organisation(officer, krs_number="0000999999")

    def make(count: int) -> None:
        for _ in range(count):
            krs.open_case(actor=officer, organisation=organisation, kind="documents", subject="Sprawa", due_on=TODAY)

    assert_constant_queries(client_for(officer), reverse("associations:krs_detail", args=[organisation.pk]), make)


def test_the_memberships(officer):
    def make(count: int) -> None:
        for _ in range(count):
            factories.membership(officer, organisation=f"Związek {next(COUNTER)}")

    assert_constant_queries(client_for(officer), reverse("associations:membership_list"), make)
