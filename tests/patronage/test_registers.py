"""The registers of honorary patronage: honorary titles, medals and awards; events the city
co-organises and competitions it funds prizes for."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from office.models import AuditEntry
from patronage import services
from patronage.models import Cooperation, HonoraryTitle
from tests.factories import ContactFactory
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _title(**fields: Any) -> HonoraryTitle:
    values: dict[str, Any] = {
        "kind": "citizen",
        "nominee": ContactFactory(name="Prof. Helena Wiśniewska"),
        "proposed_by": "Klub Radnych",
        "proposed_on": TODAY() - dt.timedelta(days=100),
    }
    values.update(fields)
    return HonoraryTitle(**values)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"status": "awarded"}, "awarded_on"),
        ({"status": "awarded", "awarded_on": TODAY() - dt.timedelta(days=200)}, "awarded_on"),
        ({"status": "awarded", "awarded_on": TODAY() + dt.timedelta(days=1)}, "awarded_on"),
        ({"resolution_on": TODAY() + dt.timedelta(days=3)}, "resolution_on"),
    ],
)
def test_a_title_with_impossible_dates_is_refused(persona: Any, fields: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.save_title(actor=persona("office_staff"), title=_title(**fields))
    assert field in caught.value.message_dict and not HonoraryTitle.objects.exists()


def test_a_title_is_registered_then_awarded_on_the_trail(persona: Any) -> None:
    staff = persona("office_staff")
    title = services.save_title(actor=staff, title=_title())
    title.status, title.awarded_on, title.resolution = "awarded", TODAY(), "XLII/512/2026"
    services.save_title(actor=staff, title=title)
    actions = list(AuditEntry.objects.of(title).order_by("id").values_list("action", flat=True))
    assert actions == ["create", "update"] and title.created_by == staff


def test_a_competition_with_its_jury(persona: Any) -> None:
    staff = persona("office_staff")
    jurors = [ContactFactory(name="Anna Jurorka"), ContactFactory(name="Bogdan Juror")]
    competition = services.save_cooperation(
        actor=staff,
        cooperation=Cooperation(
            kind="competition",
            name="Konkurs plastyczny",
            partner=ContactFactory(name="Szkoła Podstawowa nr 5"),
            starts_on=TODAY() - dt.timedelta(days=30),
            ends_on=TODAY() - dt.timedelta(days=20),
            results="I miejsce: Zuzanna K.",
        ),
        jury=jurors,
    )
    assert set(competition.jury.all()) == set(jurors)
    entry = AuditEntry.objects.of(competition).get()
    assert entry.action == "create"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"ends_on": TODAY() + dt.timedelta(days=9)}, "ends_on"),
        ({"results": "Wygrał Jan."}, "results"),
        ({"prize_value": "-5"}, "prize_value"),
    ],
)
def test_a_cooperation_with_bad_values_is_refused(persona: Any, fields: dict[str, Any], field: str) -> None:
    cooperation = Cooperation(
        kind="event",
        name="Dni Miasta",
        partner=ContactFactory(),
        starts_on=TODAY() + dt.timedelta(days=10),
        ends_on=TODAY() + dt.timedelta(days=12),
    )
    for name, value in fields.items():
        setattr(cooperation, name, value)
    with pytest.raises(ValidationError) as caught:
        services.save_cooperation(actor=persona("office_staff"), cooperation=cooperation)
    assert field in caught.value.message_dict


def test_the_title_form_keeps_what_was_typed(persona: Any) -> None:
    nominee = ContactFactory(name="Dr Tadeusz Górski")
    response = fetch(
        client_for(persona("office_staff")),
        "post",
        reverse("patronage:title_create"),
        {
            "kind": "medal",
            "nominee": nominee.pk,
            "proposed_by": "Towarzystwo Przyjaciół Miasta",
            "proposed_on": TODAY().isoformat(),
            "status": "awarded",
            "citation": "Za całokształt pracy społecznej",
        },
    )
    assert response.status_code == 200 and "awarded_on" in response.context["form"].errors
    assert "Za całokształt pracy społecznej" in response.content.decode()
    assert not HonoraryTitle.objects.exists()


def test_the_registers_list_filter_and_show(persona: Any) -> None:
    staff = persona("office_staff")
    medal = services.save_title(actor=staff, title=_title(kind="medal", nominee=ContactFactory(name="Jan Medalista")))
    services.save_title(actor=staff, title=_title(kind="award", nominee=ContactFactory(name="Ewa Nagrodzona")))
    client = client_for(persona("auditor"))
    text = page_text(fetch(client, "get", reverse("patronage:title_list"), {"kind": "medal"}))
    assert "Jan Medalista" in text and "Ewa Nagrodzona" not in text
    assert "Jan Medalista" in page_text(fetch(client, "get", reverse("patronage:title_detail", args=[medal.pk])))
    hits = page_text(fetch(client_for(staff), "get", reverse("office:search"), {"q": "Medalista"}))
    assert "Medal Miasta" in hits
    assert fetch(client_for(persona("press_officer")), "get", reverse("patronage:title_list")).status_code == 403


def test_a_granted_patronage_the_mayor_attends_goes_on_the_calendar(persona: Any) -> None:
    from calendar_app.models import Entry
    from tests.patronage.factories import granted_application, mayor

    staff = persona("office_staff")
    application = granted_application(staff, starts_on=TODAY() + dt.timedelta(days=20), received_on=TODAY())
    start = timezone.make_aware(dt.datetime.combine(application.starts_on, dt.time(11)))
    application = services.attend(
        actor=staff, application=application, holder=mayor(), start=start, end=start + dt.timedelta(hours=2)
    )
    entry = Entry.objects.get(pk=application.calendar_entry_id)
    assert (
        entry.calendar.office_holder == mayor() and entry.kind == "ceremony" and application.event_name in entry.title
    )
    with pytest.raises(ValidationError):
        services.attend(actor=staff, application=application, holder=mayor(), start=start, end=start)
    page = fetch(client_for(staff), "get", reverse("patronage:application_detail", args=[application.pk]))
    assert reverse("calendar_app:entry_detail", args=[entry.pk]) in page.content.decode()


def test_an_undecided_application_does_not_go_on_the_calendar(persona: Any) -> None:
    from tests.patronage.factories import mayor, new_application

    staff = persona("office_staff")
    start = timezone.now() + dt.timedelta(days=60)
    with pytest.raises(ValidationError):
        services.attend(
            actor=staff,
            application=new_application(staff),
            holder=mayor(),
            start=start,
            end=start + dt.timedelta(hours=1),
        )


def test_the_daily_digest_lists_what_waits_for_the_decision_and_the_overdue_reports(persona: Any) -> None:
    from office.services.mail import digest_sections
    from patronage.models import Application
    from tests.patronage.factories import granted_application, new_application

    staff = persona("office_staff")
    soon = new_application(staff, event_name="Festyn za tydzień", starts_on=TODAY() + dt.timedelta(days=7))
    new_application(staff, event_name="Bieg za dwa miesiące")
    late = granted_application(staff, event_name="Koncert bez sprawozdania")
    Application.objects.filter(pk=late.pk).update(report_due_on=TODAY() - dt.timedelta(days=2))
    sections = {section.title: [item.label for item in section.items] for section in digest_sections(staff)}
    assert sections["Wnioski o patronat do decyzji przed wydarzeniem"] == [f"{soon.reference} {soon.event_name}"]
    assert sections["Zaległe sprawozdania z patronatów"] == [f"{late.reference} Koncert bez sprawozdania"]
    assert "Wnioski o patronat do decyzji przed wydarzeniem" not in {
        s.title for s in digest_sections(persona("auditor"))
    }
