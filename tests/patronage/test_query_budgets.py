"""Query budgets of honorary patronage: the register (with and without its filters), an
application's page with many attachments, trail entries and earlier unreported patronages of its
organiser, and the core pages that list applications (the dashboard's widgets, the search, the
organiser's contact page) make as many queries with 3 rows as with 20
(tests.utils.assert_constant_queries)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from office.services.attachments import attach
from patronage import services
from patronage.models import Application
from tests.factories import ContactFactory
from tests.patronage.factories import decision_template, mayor, new_application, office_unit
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db


def days(count: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=count)


def granted(actor: Any, organiser: Any, *, starts_on: dt.date | None = None, **fields: Any) -> Application:
    """Granted by the mayor (with the reasons an excluded event needs); the event ten days ago by default."""
    starts_on = starts_on or days(-10)
    application = new_application(
        actor,
        organiser,
        starts_on=starts_on,
        ends_on=starts_on,
        received_on=starts_on - dt.timedelta(days=40),
        **fields,
    )
    return services.decide(actor=actor, application=application, grant=True, decided_by=mayor(), reasons="Tak.")


class World:
    """Who registers and decides, the units asked for opinions, and a counter for names."""

    def __init__(self, persona: Callable[[str], Any], wok: Any, win: Any) -> None:
        self.staff = persona("office_staff")
        self.people = [self.staff, persona("management"), persona("secretariat")]
        self.units = [wok, win]
        self.counter = itertools.count()
        self.template = None

    def n(self) -> int:
        return next(self.counter)

    def letter_template(self) -> Any:
        if self.template is None:
            office_unit()
            self.template = decision_template(self.staff)
        return self.template

    def application(self, organiser: Any = None) -> Application:
        """One application in the next of the states the register shows differently."""
        n = self.n()
        organiser = organiser or ContactFactory(name=f"Organizator {n}")
        fields = {
            "event_name": f"Wydarzenie {n}",
            "place": f"Miejsce {n}",
            "reach": ["local", "regional", "national", "international"][n % 4],
            "is_commercial": n % 5 == 0,
            "collects_money": n % 7 == 0,
        }
        state = n % 6
        if state == 0:
            return new_application(self.staff, organiser, **fields)
        if state == 1:  # late, in the unit's opinion
            application = new_application(self.staff, organiser, starts_on=days(5), ends_on=days(6), **fields)
            return services.request_opinion(actor=self.staff, application=application, unit=self.units[n % 2])
        if state == 2:  # granted, the report overdue, with its letter
            application = granted(self.staff, organiser, starts_on=days(-45), **fields)
            services.write_decision_letter(actor=self.staff, application=application, template=self.letter_template())
            return application
        if state == 3:  # granted, the report not due yet
            return granted(self.staff, organiser, starts_on=days(20), **fields)
        if state == 4:
            application = new_application(self.staff, organiser, **fields)
            return services.decide(
                actor=self.staff, application=application, grant=False, decided_by=mayor(), reasons="Nie."
            )
        application = granted(self.staff, organiser, **fields)
        return services.file_report(actor=self.staff, application=application, text="Było.", audience=n)

    def upload(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(f"zdjecie-{self.n()}.txt", b"Relacja z wydarzenia.", "text/plain")


@pytest.fixture
def world(persona: Callable[[str], Any], wok: Any, win: Any) -> World:
    return World(persona, wok, win)


def rows(world: World) -> Callable[[int], None]:
    def make(count: int) -> None:
        for _ in range(count):
            world.application()

    return make


# --- The register -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?undecided=on",
        "?report_overdue=on",
        "?q=Wydarzenie",
        "?q=Organizator",
        "?status=granted&report_overdue=on",
        "?status=in_opinion&reach=regional",
        "?year=this",
        "?status=x&year=abc",
    ],
)
@pytest.mark.parametrize("key", ["office_staff", "auditor"])  # an editor and a reader
def test_the_register(world, persona, key, query):
    query = query.replace("this", str(timezone.localdate().year))
    url = reverse("patronage:application_list") + query
    queries = assert_constant_queries(client_for(persona(key)), url, rows(world), n=3, extra=17)
    assert queries <= 20


def test_the_register_lists_them_all(world):
    """The budget above is of a page listing every row (no second page hides the growth)."""
    rows(world)(20)
    response = client_for(world.staff).get(reverse("patronage:application_list"))
    assert len(response.context["page_obj"].object_list) == Application.objects.count() == 20


# --- An application's page --------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["received", "in_opinion", "granted", "reported"])
@pytest.mark.parametrize("key", ["office_staff", "secretariat"])  # every form offered, and none
def test_the_application_page_with_attachments_trail_and_earlier_patronages(world, persona, key, state):
    organiser = ContactFactory(name="Stowarzyszenie Stałego Organizatora")
    if state in ("granted", "reported"):
        application = granted(world.staff, organiser, event_name="Bieg Główny", is_commercial=True)
        services.write_decision_letter(actor=world.staff, application=application, template=world.letter_template())
        if state == "reported":
            services.file_report(actor=world.staff, application=application, text="Było.", audience=100)
    else:
        application = new_application(world.staff, organiser, event_name="Bieg Główny", starts_on=days(9),
                                      ends_on=days(9), collects_money=True)  # fmt: skip
        if state == "in_opinion":
            services.request_opinion(actor=world.staff, application=application, unit=world.units[0])

    def make(count: int) -> None:
        for _ in range(count):
            n = world.n()
            actor = world.people[n % len(world.people)]
            attach(actor=actor, record=application, upload=world.upload(), description=f"zdjęcie {n}")
            changed = Application.objects.get(pk=application.pk)
            changed.description = f"Opis poprawiony {n}"
            changed.permits = f"Zgoda nr {n}"
            services.update_application(actor=actor, application=changed)
            # an earlier patronage of the organiser whose report is overdue: named on the page with a link
            granted(world.staff, organiser, event_name=f"Wcześniejsze {n}", starts_on=days(-40 - n))

    url = reverse("patronage:application_detail", args=[application.pk])
    queries = assert_constant_queries(client_for(persona(key)), url, make, n=3, extra=17)
    assert queries <= 45
    page = client_for(persona(key)).get(url)  # what was measured: every row on the page
    assert (len(page.context["attachments"]), len(page.context["unreported"])) == (20, 20)
    assert len(page.context["trail"]) > 20


# --- The core pages that list applications ---------------------------------------------------------------


@pytest.mark.parametrize("key", ["office_staff", "management"])
def test_the_dashboard_widgets(world, persona, key):
    assert_constant_queries(client_for(persona(key)), reverse("office:dashboard"), rows(world), n=3, extra=17)


def test_the_search(world):
    url = reverse("office:search") + "?q=Wydarzenie"
    assert_constant_queries(client_for(world.staff), url, rows(world), n=3, extra=17)


def test_the_organisers_contact_page(world):
    organiser = ContactFactory(name="Fundacja Wielu Wydarzeń")

    def make(count: int) -> None:
        for _ in range(count):
            world.application(organiser)

    url = reverse("office:contact_detail", args=[organiser.pk])
    assert_constant_queries(client_for(world.staff), url, make, n=3, extra=17)
