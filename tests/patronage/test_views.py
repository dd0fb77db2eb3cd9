"""The pages of honorary patronage (patronage/views/applications.py): the list and its filters,
registering and correcting an application, its page with the warnings and the forms of its steps
per persona, each step sent the way a browser sends it (the form read from the page, CSRF
enforced), bad input shown again with what was typed, and what the office core shows of
patronage: the search, the two dashboard widgets and the organiser's contact page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from correspondence.models import Letter
from office.models import Assignment
from patronage import services
from patronage.models import Application, ApplicationStatus
from tests.factories import ContactFactory
from tests.patronage.factories import decision_template, granted_application, mayor, new_application, office_unit
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db

S = ApplicationStatus
ACTIONS = ["opinion", "decide", "letter", "report", "withdraw", "attach"]


def days(count: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=count)


@pytest.fixture
def staff(persona: Callable[[str], Any]) -> Any:
    return persona("office_staff")


def detail_url(application: Application) -> str:
    return reverse("patronage:application_detail", args=[application.pk])


def action_url(name: str, application: Application) -> str:
    return reverse(f"patronage:application_{name}", args=[application.pk])


def fresh(application: Application) -> Application:
    return Application.objects.get(pk=application.pk)


def polish(message: str) -> str:
    with override("pl"):
        return gettext(message)


# --- Forms as a browser reads them -------------------------------------------------------------------


class _Forms(HTMLParser):
    """The forms of a page: their action and the values a browser would send (checked boxes and
    radios, the selected option or the first one, text areas), by field name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: dict[str, dict[str, Any]] = {}
        self._form: dict[str, Any] | None = None
        self._select: str | None = None
        self._first_option: str | None = None
        self._selected = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = {}
            self.forms[a.get("action", "")] = self._form
        elif self._form is None or (not a.get("name") and tag != "option"):
            return
        elif tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "search"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form[a["name"]] = a.get("value", "on")
                return
            self._form[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select, self._first_option, self._selected = a["name"], None, False
        elif tag == "option" and self._select is not None:
            if self._first_option is None:
                self._first_option = a.get("value", "")
            if "selected" in a:
                self._form[self._select], self._selected = a.get("value", ""), True
        elif tag == "textarea":
            self._textarea = a["name"]
            self._form[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            if not self._selected:
                self._form[self._select] = self._first_option or ""
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None and self._form is not None:
            self._form[self._textarea] += data.removeprefix("\n")


def forms_of(response: Any) -> dict[str, dict[str, Any]]:
    parser = _Forms()
    parser.feed(response.content.decode())
    return parser.forms


def browser(user: Any) -> Client:
    """A client that, like a browser, must send the CSRF token of the page it read."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def submit(client: Client, page: str, action: str, **typed: Any) -> Any:
    """Read ``page``, fill in the form posting to ``action`` with ``typed`` and send it."""
    response = fetch(client, "get", page)
    assert response.status_code == 200
    forms = forms_of(response)
    assert action in forms, f"{page} offers no form posting to {action}: {sorted(forms)}"
    data = {**forms[action], **{key: str(value) for key, value in typed.items()}}
    unknown = set(typed) - set(forms[action]) - {"decide-grant"}
    assert not unknown, f"the form has no fields {unknown}"
    return fetch(client, "post", action, data)


# --- The list --------------------------------------------------------------------------------------------


@pytest.fixture
def register_of(staff: Any, wok: Any) -> dict[str, Application]:
    """Six applications, one per what the filters tell apart."""
    last_year = dt.date(timezone.localdate().year - 1, 11, 20)
    received = new_application(
        staff, ContactFactory(name="Stowarzyszenie Biegaczy Sprint"), event_name="Bieg Uliczny", place="Park Miejski"
    )
    opinion = new_application(
        staff,
        ContactFactory(name="Fundacja Pamiec"),
        event_name="Festiwal Kultury",
        place="Rynek",
        reach="regional",
    )
    services.request_opinion(actor=staff, application=opinion, unit=wok)
    overdue = granted_application(
        staff,
        ContactFactory(name="Klub Szachowy Hetman"),
        event_name="Turniej Szachowy",
        place="Hala Sportowa",
        reach="national",
        starts_on=days(-45),
    )
    granted = granted_application(
        staff,
        ContactFactory(name="Orkiestra Kameralna"),
        event_name="Koncert Charytatywny",
        place="Filharmonia",
        reach="international",
    )
    older = new_application(
        staff,
        ContactFactory(name="Hufiec Harcerzy"),
        event_name="Zlot Harcerzy",
        place="Stadion",
        received_on=last_year,
        starts_on=last_year + dt.timedelta(days=40),
        ends_on=last_year + dt.timedelta(days=42),
    )
    refused = new_application(staff, ContactFactory(name="Sklep Sportowy"), event_name="Wyprzedaz", place="Galeria")
    services.decide(actor=staff, application=refused, grant=False, decided_by=mayor(), reasons="Komercyjne.")
    return {
        "received": received,
        "opinion": opinion,
        "overdue": overdue,
        "granted": granted,
        "older": older,
        "refused": refused,
    }


def listed(user: Any, **params: Any) -> set[str]:
    response = fetch(client_for(user), "get", reverse("patronage:application_list"), params)
    assert response.status_code == 200
    rows = {row.event_name for row in response.context["page_obj"].object_list}
    text = page_text(response)
    assert all(name in text for name in rows)
    return rows


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"received", "opinion", "overdue", "granted", "older", "refused"}),
        ({"status": "granted"}, {"overdue", "granted"}),
        ({"status": "in_opinion"}, {"opinion"}),
        ({"status": "refused"}, {"refused"}),
        ({"reach": "regional"}, {"opinion"}),
        ({"reach": "local"}, {"received", "older", "refused"}),
        ({"year": "last"}, "received last year"),
        ({"year": "this"}, "received this year"),
        ({"undecided": "on"}, {"received", "opinion", "older"}),
        ({"report_overdue": "on"}, {"overdue"}),
        ({"q": "szachowy"}, {"overdue"}),
        ({"q": "Filharmonia"}, {"granted"}),
        ({"q": "hetman"}, {"overdue"}),
        ({"q": "  Harcerzy  "}, {"older"}),
        ({"q": "nic takiego"}, set()),
        ({"status": "granted", "reach": "international"}, {"granted"}),
        ({"undecided": "on", "q": "Rynek"}, {"opinion"}),
    ],
)
def test_the_filters_narrow_the_list(persona, register_of, params, expected):
    year = timezone.localdate().year
    params = {k: {"last": year - 1, "this": year}.get(v, v) for k, v in params.items()}
    names = {key: application.event_name for key, application in register_of.items()}
    if isinstance(expected, str):  # an event received 60 days ago may be of the last year in January
        wanted = params["year"]
        expected = {key for key, application in register_of.items() if application.year == wanted}
        assert ("older" in expected) is (wanted == year - 1) and len(expected) >= 1
    for key in ("office_staff", "secretariat", "management", "auditor"):
        assert listed(persona(key), **params) == {names[k] for k in expected}, key


@pytest.mark.parametrize("params", [{"status": "nonsense"}, {"year": "abc"}, {"year": "1999"}, {"reach": "x" * 300}])
def test_a_wrong_filter_shows_the_whole_list(staff, register_of, params):
    assert len(listed(staff, **params)) == len(register_of)


def test_the_list_marks_late_excluded_and_overdue_rows(staff):
    new_application(staff, event_name="Spóźniony Piknik", starts_on=days(5), ends_on=days(5))
    new_application(staff, event_name="Kiermasz", collects_money=True)
    granted_application(staff, event_name="Turniej", starts_on=days(-45))
    text = page_text(fetch(client_for(staff), "get", reverse("patronage:application_list")))
    for message in ("late", "excluded by the rules", "report overdue"):
        assert polish(message) in text, message
    assert 'class="is-overdue"' in text


def test_the_list_is_closed_to_press_officers_and_liaisons(persona, register_of):
    for key in ("press_officer", "unit_liaison"):
        assert fetch(client_for(persona(key)), "get", reverse("patronage:application_list")).status_code == 403
    assert fetch(client_for(None), "get", reverse("patronage:application_list")).status_code == 302


# --- Registering and correcting ------------------------------------------------------------------------


def _form(contact: Any, /, **changes: Any) -> dict[str, Any]:
    data = {
        "organiser": contact.pk,
        "event_name": "Dni Miasta z Orkiestrą",
        "description": "Koncerty i festyn rodzinny na Rynku Głównym.",
        "starts_on": days(45).isoformat(),
        "ends_on": days(46).isoformat(),
        "place": "Rynek Główny",
        "reach": "regional",
        "collects_money": "on",
        "permits": "Zgoda na imprezę masową.",
        "mayor_invited": "on",
        "channel": "email",
        "received_on": days(0).isoformat(),
        **changes,
    }
    return {key: value for key, value in data.items() if value is not None}


def test_create_registers_and_goes_to_the_application(staff):
    organiser = ContactFactory(name="Fundacja Rozwoju Miasta")
    response = fetch(client_for(staff), "post", reverse("patronage:application_create"), _form(organiser))
    created = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(created)
    assert messages_of(response)
    assert (created.organiser, created.event_name, created.reach, created.channel) == (
        organiser,
        "Dni Miasta z Orkiestrą",
        "regional",
        "email",
    )
    assert created.collects_money and created.mayor_invited and not created.is_commercial
    assert (created.number, created.year, created.created_by, created.status) == (1, days(0).year, staff, "received")
    assert not created.is_late


def test_create_flags_a_late_application(staff):
    data = _form(ContactFactory(), starts_on=days(29).isoformat(), ends_on=days(29).isoformat())
    assert fetch(client_for(staff), "post", reverse("patronage:application_create"), data).status_code == 302
    assert Application.objects.get().is_late


def test_the_create_page_offers_today_as_the_date_of_receipt(staff):
    response = fetch(client_for(staff), "get", reverse("patronage:application_create"))
    assert response.status_code == 200
    [fields] = [fields for fields in forms_of(response).values() if "event_name" in fields]
    assert fields["received_on"] == days(0).isoformat() and fields["event_name"] == ""


BAD_INPUT = [
    ({"event_name": ""}, "event_name"),
    ({"event_name": "   "}, "event_name"),
    ({"place": None}, "place"),
    ({"starts_on": "2199-13-01"}, "starts_on"),
    ({"starts_on": "31.02.2026"}, "starts_on"),
    ({"ends_on": "2300-01-01"}, "ends_on"),
    ({"received_on": "tomorrow"}, "received_on"),
    ({"organiser": "999999"}, "organiser"),
    ({"reach": "galactic"}, "reach"),
    pytest.param(
        {"ends_on": "before"},
        "ends_on",
    ),
]


def _bad(changes: dict[str, Any]) -> dict[str, Any]:
    named = {"tomorrow": days(1).isoformat(), "before": days(44).isoformat()}
    return {key: named.get(value, value) if isinstance(value, str) else value for key, value in changes.items()}


@pytest.mark.parametrize(("changes", "field"), BAD_INPUT)
def test_create_with_bad_input_shows_the_error_on_the_field_and_keeps_the_input(staff, changes, field):
    organiser = ContactFactory(name="Towarzystwo Przyjaciół Miasta")
    data = _form(organiser, **_bad(changes))
    response = fetch(client_for(staff), "post", reverse("patronage:application_create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    text = page_text(response)
    assert 'id="error-summary"' in text and all(message in text for message in form.errors[field])
    assert not Application.objects.exists()
    kept = forms_of(response)
    [values] = [fields for fields in kept.values() if "event_name" in fields]
    for name, value in data.items():
        if name == field and name in ("organiser", "reach"):
            continue  # a choice the field does not offer cannot be shown chosen
        assert values.get(name, "") == str(value), name


def test_create_with_the_end_before_the_start_saves_nothing_and_keeps_the_input(staff):
    data = _form(ContactFactory(name="Klub Seniora"), ends_on=days(44).isoformat())
    response = fetch(client_for(staff), "post", reverse("patronage:application_create"), data)
    assert response.status_code == 200 and response.context["form"].errors
    text = page_text(response)
    assert 'id="error-summary"' in text and "Dni Miasta z Orkiestrą" in text and days(44).isoformat() in text
    assert not Application.objects.exists()


def test_create_is_for_office_staff(persona):
    for key in ("secretariat", "management", "auditor", "press_officer", "unit_liaison"):
        client = client_for(persona(key))
        assert fetch(client, "get", reverse("patronage:application_create")).status_code == 403, key
        assert (
            fetch(client, "post", reverse("patronage:application_create"), _form(ContactFactory())).status_code == 403
        )
    assert not Application.objects.exists()


def test_edit_corrects_an_undecided_application_and_checks_the_lead_time(staff, wok):
    application = new_application(staff, ContactFactory(name="Fundacja Edytowana"), event_name="Stara nazwa")
    url = reverse("patronage:application_edit", args=[application.pk])
    assert fetch(client_for(staff), "get", url).status_code == 200
    data = _form(application.organiser, event_name="Nowa nazwa", starts_on=days(10).isoformat())
    data["ends_on"] = days(10).isoformat()
    response = fetch(client_for(staff), "post", url, data)
    assert response.status_code == 302 and response["Location"] == detail_url(application)
    saved = fresh(application)
    assert (saved.event_name, saved.is_late, saved.number) == ("Nowa nazwa", True, application.number)

    services.request_opinion(actor=staff, application=saved, unit=wok)
    assert fetch(client_for(staff), "get", url).status_code == 200  # still undecided


@pytest.mark.parametrize("state", ["granted", "refused", "withdrawn", "reported"])
def test_editing_is_refused_once_decided(staff, state):
    application = granted_application(staff, event_name="Zdecydowane")
    if state == "refused":
        application = new_application(staff, event_name="Zdecydowane")
        services.decide(actor=staff, application=application, grant=False, decided_by=mayor(), reasons="Nie.")
    elif state == "withdrawn":
        application = services.withdraw(actor=staff, application=new_application(staff, event_name="Zdecydowane"))
    elif state == "reported":
        services.file_report(actor=staff, application=application, text="Było.")
    url = reverse("patronage:application_edit", args=[application.pk])
    client = client_for(staff)
    assert fetch(client, "get", url).status_code == 403
    response = fetch(client, "post", url, _form(application.organiser, event_name="Zmienione po decyzji"))
    assert response.status_code == 403
    assert fresh(application).event_name == "Zdecydowane"
    page = fetch(client, "get", detail_url(application))
    assert page.status_code == 200 and url not in page_text(page) and not page.context["can_change"]


def test_editing_is_for_office_staff(persona, staff):
    application = new_application(staff)
    url = reverse("patronage:application_edit", args=[application.pk])
    assert fetch(client_for(staff), "get", url).status_code == 200
    for key in ("secretariat", "management", "auditor", "press_officer", "unit_liaison"):
        assert fetch(client_for(persona(key)), "get", url).status_code == 403, key
    assert fetch(client_for(staff), "get", reverse("patronage:application_edit", args=[987654])).status_code == 404


# --- The application's page ----------------------------------------------------------------------------


def _warnings(response: Any) -> str:
    text = page_text(response)
    start = text.find('class="alert alert-warning"')
    return "" if start < 0 else text[start : text.find("</div>", start)]


def test_the_page_warns_of_a_late_application(staff):
    late = new_application(staff, starts_on=days(12), ends_on=days(12))
    warnings = _warnings(fetch(client_for(staff), "get", detail_url(late)))
    assert late.lead_time_rule and late.lead_time_rule in warnings
    assert polish("The city's rules exclude commercial events and events that collect money.") not in warnings


@pytest.mark.parametrize("flag", ["is_commercial", "collects_money"])
def test_the_page_warns_of_an_excluded_event(staff, flag):
    excluded = new_application(staff, **{flag: True})
    warnings = _warnings(fetch(client_for(staff), "get", detail_url(excluded)))
    assert polish("The city's rules exclude commercial events and events that collect money.") in warnings
    assert excluded.lead_time_rule not in warnings


def test_the_page_names_the_organisers_unreported_patronage_with_a_link(staff):
    organiser = ContactFactory(name="Klub Biegacza Maraton")
    earlier = granted_application(
        staff, organiser, event_name="Półmaraton Jesienny", starts_on=days(-50), received_on=days(-90)
    )
    reported = granted_application(
        staff, organiser, event_name="Bieg Zimowy", starts_on=days(-70), received_on=days(-100)
    )
    services.file_report(actor=staff, application=reported, text="Było.")
    application = new_application(staff, organiser, event_name="Półmaraton Wiosenny")

    response = fetch(client_for(staff), "get", detail_url(application))
    assert response.context["unreported"] == [earlier]
    warnings = _warnings(response)
    assert f'<a href="{detail_url(earlier)}">{earlier.reference} Półmaraton Jesienny</a>' in warnings
    assert "Bieg Zimowy" not in warnings
    # the earlier one's own page does not name itself; another organiser's page names nothing
    assert _warnings(fetch(client_for(staff), "get", detail_url(earlier))) == ""
    other = new_application(staff, ContactFactory(name="Inny Klub"))
    assert _warnings(fetch(client_for(staff), "get", detail_url(other))) == ""


def test_a_plain_application_has_no_warnings(staff):
    response = fetch(client_for(staff), "get", detail_url(new_application(staff)))
    assert response.status_code == 200 and _warnings(response) == ""


def test_the_page_is_for_the_register_readers(persona, staff):
    application = new_application(staff)
    for key in ("office_staff", "secretariat", "management", "auditor"):
        assert fetch(client_for(persona(key)), "get", detail_url(application)).status_code == 200, key
    for key in ("press_officer", "unit_liaison"):
        assert fetch(client_for(persona(key)), "get", detail_url(application)).status_code == 403, key
    missing = reverse("patronage:application_detail", args=[987654])
    assert fetch(client_for(staff), "get", missing).status_code == 404


# --- Which steps each persona is offered ---------------------------------------------------------------


def _offered(user: Any, application: Application) -> set[str]:
    response = fetch(client_for(user), "get", detail_url(application))
    assert response.status_code == 200
    may = {name for name, allowed in response.context["may"].items() if allowed}
    forms = forms_of(response)
    assert {name for name in ACTIONS if action_url(name, application) in forms} == may
    return may


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("office_staff", {"opinion", "decide", "withdraw", "attach"}),
        ("management", {"decide"}),
        ("secretariat", set()),
        ("auditor", set()),
    ],
)
def test_the_steps_offered_on_a_received_application(persona, staff, key, expected):
    assert _offered(persona(key), new_application(staff)) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("office_staff", {"decide", "withdraw", "attach"}),
        ("management", {"decide"}),
        ("secretariat", set()),
        ("auditor", set()),
    ],
)
def test_the_steps_offered_while_the_unit_gives_its_opinion(persona, staff, wok, key, expected):
    application = new_application(staff)
    services.request_opinion(actor=staff, application=application, unit=wok)
    assert _offered(persona(key), application) == expected


def test_the_steps_offered_after_the_decision(persona, staff):
    granted = granted_application(staff)  # the event started ten days ago
    assert _offered(staff, granted) == {"letter", "report", "attach"}
    assert _offered(persona("management"), granted) == set()
    assert _offered(persona("secretariat"), granted) == set()

    services.write_decision_letter(actor=staff, application=granted, template=decision_template(staff))
    assert _offered(staff, granted) == {"report", "attach"}
    services.file_report(actor=staff, application=granted, text="Było.")
    assert _offered(staff, granted) == {"attach"}

    refused = new_application(staff)
    services.decide(actor=staff, application=refused, grant=False, decided_by=mayor(), reasons="Nie.")
    assert _offered(staff, refused) == {"letter", "attach"}
    withdrawn = services.withdraw(actor=staff, application=new_application(staff))
    assert _offered(staff, withdrawn) == {"attach"}


def test_the_actions_refuse_those_not_offered_them(persona, staff, wok):
    application = new_application(staff)
    data = {
        "opinion": {"opinion-unit": wok.pk},
        "decide": {"decide-grant": "yes", "decide-decided_by": mayor().pk},
        "withdraw": {"withdraw-text": ""},
    }
    for key in ("secretariat", "auditor", "management"):
        for name, fields in data.items():
            if key == "management" and name == "decide":
                continue
            response = fetch(client_for(persona(key)), "post", action_url(name, application), fields)
            assert response.status_code == 403, (key, name)
    for key in ("press_officer", "unit_liaison"):
        response = fetch(client_for(persona(key)), "post", action_url("decide", application), data["decide"])
        assert response.status_code == 403, key
    assert fetch(client_for(staff), "get", action_url("decide", application)).status_code == 405
    assert fresh(application).status == S.RECEIVED and not Assignment.objects.exists()


# --- The steps through the pages -------------------------------------------------------------------------


def test_opinion_decision_letter_and_report_through_the_pages(persona, staff, wok):
    office_unit()
    decision_template(staff)
    organiser = ContactFactory(name="Stowarzyszenie Kolarzy Szprycha")
    application = new_application(
        staff, organiser, event_name="Rajd Rowerowy", starts_on=days(-3), ends_on=days(-2), received_on=days(-40)
    )
    page = detail_url(application)
    office, boss = browser(staff), browser(persona("management"))

    response = submit(
        office, page, action_url("opinion", application), **{"opinion-unit": wok.pk, "opinion-instruction": "Trasa?"}
    )
    assert response.status_code == 302 and response["Location"] == page and messages_of(response)
    assignment = Assignment.objects.get()
    assert (fresh(application).status, fresh(application).opinion, assignment.unit) == (S.IN_OPINION, assignment, wok)

    response = submit(
        boss,
        page,
        action_url("decide", application),
        **{"decide-grant": "yes", "decide-decided_by": mayor().pk, "decide-reasons": ""},
    )
    assert response.status_code == 302 and response["Location"] == page
    decided = fresh(application)
    assert (decided.status, decided.decided_by, decided.report_due_on) == (S.GRANTED, mayor(), days(28))

    template = services.decision_templates().get()
    response = submit(office, page, action_url("letter", application), **{"letter-template": template.pk})
    letter = fresh(application).decision_letter
    assert letter is not None and letter.jrwa_class.symbol == "0160" and letter.unit.symbol == "KP"
    assert response.status_code == 302
    assert response["Location"] == reverse("correspondence:letter_detail", args=[letter.pk])
    assert any(letter.sign in message for message in messages_of(response))
    letter_page = fetch(office, "get", response["Location"])
    assert letter_page.status_code == 200 and letter.sign in page_text(letter_page)
    assert "obejmuje Honorowym Patronatem" in letter.body and "Rajd Rowerowy" in letter.body

    response = submit(
        office,
        page,
        action_url("report", application),
        **{"report-text": "Rajd odbył się; 300 uczestników.", "report-audience": "300"},
    )
    assert response.status_code == 302 and response["Location"] == page
    reported = fresh(application)
    assert (reported.status, reported.report_audience, reported.reported_on) == (S.REPORTED, 300, days(0))

    text = page_text(fetch(office, "get", page))
    assert "Rajd odbył się; 300 uczestników." in text and letter.sign in text
    assert reverse("correspondence:letter_detail", args=[letter.pk]) in text


def test_refusal_and_withdrawal_through_the_pages(persona, staff):
    refused = new_application(staff, event_name="Targi Handlowe", is_commercial=True)
    response = submit(
        browser(persona("management")),
        detail_url(refused),
        action_url("decide", refused),
        **{"decide-grant": "no", "decide-decided_by": mayor().pk, "decide-reasons": "Wydarzenie komercyjne."},
    )
    assert response.status_code == 302
    assert (fresh(refused).status, fresh(refused).reasons) == (S.REFUSED, "Wydarzenie komercyjne.")
    assert "Wydarzenie komercyjne." in page_text(fetch(client_for(staff), "get", detail_url(refused)))

    withdrawn = new_application(staff)
    response = submit(
        browser(staff), detail_url(withdrawn), action_url("withdraw", withdrawn), **{"withdraw-text": "Odwołane."}
    )
    assert response.status_code == 302 and fresh(withdrawn).status == S.WITHDRAWN


def test_attach_a_photo_of_the_event_through_the_page(staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = granted_application(staff)
    upload = SimpleUploadedFile("relacja.txt", b"Relacja z wydarzenia.", "text/plain")
    response = fetch(
        client_for(staff),
        "post",
        action_url("attach", application),
        {"attach-file": upload, "attach-description": "relacja"},
    )
    assert response.status_code == 302 and response["Location"] == detail_url(application)
    assert "relacja.txt" in page_text(fetch(client_for(staff), "get", detail_url(application)))


def _other_template(staff: Any) -> int:
    from tests.correspondence.factories import LetterTemplateFactory

    return LetterTemplateFactory(name="Gratulacje", signatory=mayor()).pk


BAD_ACTIONS = [
    # (the application, the action, what is typed, the field with the error, the fields whose input is kept)
    ("received", "decide", {"decide-grant": "no", "decide-reasons": "  "}, "reasons",
     ["decide-grant", "decide-decided_by"]),
    ("excluded", "decide", {"decide-grant": "yes", "decide-reasons": ""}, "reasons",
     ["decide-grant", "decide-decided_by"]),
    ("received", "decide", {"decide-grant": "maybe", "decide-reasons": "Zobaczymy."}, "grant", ["decide-reasons"]),
    ("received", "opinion", {"opinion-unit": "abc", "opinion-instruction": "Pilne – trasa biegu"}, "unit",
     ["opinion-instruction"]),
    ("received", "withdraw", {"withdraw-text": "x" * 501}, "text", ["withdraw-text"]),
    ("granted", "report", {"report-text": "Relacja z biegu.", "report-audience": "12", "report-filed_on": "before"},
     "filed_on", ["report-text", "report-audience", "report-filed_on"]),
    ("granted", "report", {"report-text": "Relacja z biegu.", "report-audience": "", "report-filed_on": "tomorrow"},
     "filed_on", ["report-text", "report-filed_on"]),
    ("granted", "report", {"report-text": "Relacja.", "report-audience": "", "report-filed_on": "2199-13-01"},
     "filed_on", ["report-text", "report-filed_on"]),
    ("granted", "report", {"report-text": "   ", "report-audience": "40", "report-filed_on": "today"}, "text",
     ["report-audience", "report-filed_on"]),
    ("granted", "report", {"report-text": "Relacja.", "report-audience": "-5", "report-filed_on": "today"},
     "audience", ["report-text", "report-audience"]),
    ("granted", "letter", {"letter-template": "other"}, "template", []),
]  # fmt: skip


@pytest.mark.parametrize(("state", "name", "typed", "field", "kept"), BAD_ACTIONS)
def test_a_step_with_bad_input_shows_the_error_and_keeps_the_input(persona, staff, state, name, typed, field, kept):
    if state == "granted":
        application = granted_application(staff)
    else:
        application = new_application(staff, collects_money=state == "excluded")
    before = fresh(application)
    named = {"before": days(-11).isoformat(), "tomorrow": days(1).isoformat(), "today": days(0).isoformat()}
    typed = {key: named.get(value, value) for key, value in typed.items()}
    if typed.get("letter-template") == "other":
        typed["letter-template"] = str(_other_template(staff))
    if name == "decide":
        typed["decide-decided_by"] = str(mayor().pk)
    user = persona("management") if name == "decide" else staff

    response = fetch(client_for(user), "post", action_url(name, application), typed)
    assert response.status_code == 200
    form = response.context["failed_form"]
    assert field in form.errors, form.errors
    text = page_text(response)
    assert 'id="error-summary"' in text and all(message in text for message in form.errors[field])
    shown = forms_of(response)[action_url(name, application)]
    for key in kept:
        assert shown.get(key) == typed[key], key
    after = fresh(application)
    assert (after.status, after.updated_at, after.decision_letter) == (before.status, before.updated_at, None)
    assert not Assignment.objects.exists() and not Letter.objects.exists()


def test_a_stale_page_gets_a_refusal_of_a_second_decision(persona, staff):
    application = new_application(staff)
    stale = fetch(browser(persona("management")), "get", detail_url(application))
    services.decide(actor=staff, application=application, grant=True, decided_by=mayor())
    client = client_for(persona("management"))
    response = fetch(
        client, "post", action_url("decide", application), {"decide-grant": "no", "decide-decided_by": mayor().pk,
                                                              "decide-reasons": "Jednak nie."}
    )  # fmt: skip
    assert stale.status_code == 200 and response.status_code == 200
    assert response.context["failed_form"].errors and response.context["may"]["decide"]
    assert "Jednak nie." in page_text(response)
    assert fresh(application).status == S.GRANTED


def test_the_letter_written_from_an_english_page_is_dated_in_polish(staff):
    from correspondence.services.letters import long_date

    application = new_application(staff, starts_on=dt.date(2199, 11, 10), ends_on=dt.date(2199, 11, 10))
    services.decide(actor=staff, application=application, grant=True, decided_by=mayor())
    office_unit()
    template = decision_template(staff)
    client = client_for(staff)
    client.cookies["django_language"] = "en"
    response = fetch(client, "post", action_url("letter", application), {"letter-template": template.pk})
    assert response.status_code == 302
    body = fresh(application).decision_letter.body.replace("\xa0", " ")  # Polish typography: no-break spaces
    assert long_date(dt.date(2199, 11, 10), "pl") in body  # "10 listopada 2199 r."


def test_the_letter_form_sent_twice_writes_one_letter(staff):
    granted = granted_application(staff)
    template = services.decision_templates().get()
    client = client_for(staff)
    for _ in range(2):
        fetch(client, "post", action_url("letter", granted), {"letter-template": template.pk})
    assert Letter.objects.count() == 1


# --- Search, widgets, the contact's page ---------------------------------------------------------------


def test_search_finds_an_application_for_those_who_read_the_register(persona, staff):
    application = new_application(
        staff, ContactFactory(name="Akademia Tańca Kwadrat"), event_name="Gala Tańca Nowoczesnego", place="Teatr"
    )
    for query in ("Nowoczesnego", "Kwadrat", "gala tańca"):
        response = fetch(client_for(staff), "get", reverse("office:search"), {"q": query})
        assert response.status_code == 200
        text = page_text(response)
        assert detail_url(application) in text and f"{application.reference} Gala Tańca Nowoczesnego" in text, query
    for key in ("press_officer", "unit_liaison"):
        response = fetch(client_for(persona(key)), "get", reverse("office:search"), {"q": "Nowoczesnego"})
        assert response.status_code == 200 and detail_url(application) not in page_text(response), key
        assert "patronage" not in {group.key for group in response.context["groups"]}


def _widgets(user: Any) -> dict[str, Any]:
    response = fetch(client_for(user), "get", reverse("office:dashboard"))
    assert response.status_code == 200
    outcomes = {outcome.key: outcome for outcome in response.context["widgets"]}
    assert not any(outcome.failed for outcome in outcomes.values())
    return {key: outcome.data for key, outcome in outcomes.items()}


def test_the_widget_of_decisions_due_for_management(persona, staff, wok):
    received = new_application(staff, event_name="Piknik Sąsiedzki", starts_on=days(50), ends_on=days(50))
    in_opinion = new_application(staff, event_name="Wystawa Fotografii", starts_on=days(40), ends_on=days(40))
    services.request_opinion(actor=staff, application=in_opinion, unit=wok)
    granted_application(staff, event_name="Przyznany Koncert")
    late = new_application(staff, event_name="Spóźniony Festyn", starts_on=days(8), ends_on=days(8))

    widgets = _widgets(persona("management"))
    assert "patronage_reports_overdue" not in widgets
    widget = widgets["patronage_to_decide"]
    assert widget.total == 3
    assert [item.label for item in widget.items] == [
        f"{late.reference} Spóźniony Festyn",
        f"{in_opinion.reference} Wystawa Fotografii",
        f"{received.reference} Piknik Sąsiedzki",
    ]  # the soonest event first
    assert [item.is_warning for item in widget.items] == [True, False, False]
    assert widget.items[0].url == detail_url(late)
    assert widget.more_url == reverse("patronage:application_list") + "?undecided=on"
    text = page_text(fetch(client_for(persona("management")), "get", reverse("office:dashboard")))
    assert "Piknik Sąsiedzki" in text and "Przyznany Koncert" not in text
    for key in ("secretariat", "auditor", "press_officer"):
        assert "patronage_to_decide" not in _widgets(persona(key)), key


def test_the_widget_of_reports_overdue_for_office_staff(persona, staff):
    overdue = granted_application(staff, event_name="Turniej Zaległy", starts_on=days(-45))
    granted_application(staff, event_name="Turniej Niedawny")  # the report due in 20 days
    reported = granted_application(staff, event_name="Turniej Rozliczony", starts_on=days(-60))
    services.file_report(actor=staff, application=reported, text="Było.")

    widgets = _widgets(staff)
    assert "patronage_to_decide" in widgets
    widget = widgets["patronage_reports_overdue"]
    assert (widget.total, [item.label for item in widget.items]) == (1, [f"{overdue.reference} Turniej Zaległy"])
    assert widget.items[0].is_warning and widget.items[0].url == detail_url(overdue)
    assert widget.more_url == reverse("patronage:application_list") + "?report_overdue=on"
    text = page_text(fetch(client_for(staff), "get", reverse("office:dashboard")))
    assert "Turniej Zaległy" in text and "Turniej Niedawny" not in text and "Turniej Rozliczony" not in text
    for key in ("management", "secretariat", "auditor"):
        assert "patronage_reports_overdue" not in _widgets(persona(key)), key


def test_the_organisers_contact_page_lists_the_application(persona, staff):
    organiser = ContactFactory(name="Uniwersytet Trzeciego Wieku")
    application = new_application(staff, organiser, event_name="Senioriada")
    earlier = granted_application(staff, organiser, event_name="Dzień Seniora", starts_on=days(-45))
    other = new_application(staff, ContactFactory(name="Ktoś Inny"), event_name="Cudze Wydarzenie")
    url = reverse("office:contact_detail", args=[organiser.pk])
    for key in ("office_staff", "secretariat", "auditor", "management"):
        response = fetch(client_for(persona(key)), "get", url)
        assert response.status_code == 200, key
        text = page_text(response)
        for listed_application in (application, earlier):
            assert f"{listed_application.reference} {listed_application.event_name}" in text, key
            assert detail_url(listed_application) in text, key
        assert "Cudze Wydarzenie" not in text and detail_url(other) not in text
    response = fetch(client_for(persona("press_officer")), "get", url)
    if response.status_code == 200:
        assert detail_url(application) not in page_text(response)

    # "show all" leads to the register narrowed to the organiser
    listing = fetch(client_for(staff), "get", _followed(_show_all(staff, organiser)))
    assert {row.pk for row in listing.context["page_obj"].object_list} == {application.pk, earlier.pk}


def _show_all(user: Any, contact: Any) -> str:
    response = fetch(client_for(user), "get", reverse("office:contact_detail", args=[contact.pk]))
    [widget] = [outcome.data for outcome in response.context["history"] if outcome.key == "patronage"]
    assert f'href="{widget.more_url}"' in page_text(response)
    return widget.more_url


def _followed(href: str) -> str:
    """The URL a browser requests for a link: what a URL may not hold percent-encoded, "+" kept."""
    return quote(href, safe="/?=&+%")


def test_show_all_on_the_contact_page_with_a_plus_in_the_name(staff):
    organiser = ContactFactory(name="Fundacja Sport+Kultura")
    application = new_application(staff, organiser, event_name="Festyn Sportowy")
    listing = fetch(client_for(staff), "get", _followed(_show_all(staff, organiser)))
    assert [row.pk for row in listing.context["page_obj"].object_list] == [application.pk]
