"""The inter-session report's draft: created for a period (one that ends before it starts is
refused with a clear message), edited section by section — a section of free text added,
reworded, moved, removed, assembled again —, made final (then nothing changes) and a draft
again; every change in the report's audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from office.models import AuditEntry
from office.reporting import services
from office.reporting.models import Report
from tests.reporting.factories import free_section, period, report

pytestmark = pytest.mark.django_db


def trail(rep: Report) -> list[str]:
    with override("en"):
        return [entry.text for entry in AuditEntry.objects.filter(object_id=str(rep.pk), content_type__model="report")]


def test_a_new_report_is_a_draft_of_every_section_with_its_units(secretariat, wok) -> None:
    rep = report(secretariat, units=[wok])
    assert rep.is_draft and rep.created_by == secretariat
    assert [s.source for s in rep.sections.all()] == [key for key, _label in services.section_choices()]
    assert list(rep.units.all()) == [wok]
    assert AuditEntry.objects.filter(object_id=str(rep.pk), action="create").exists()


@pytest.mark.parametrize("days", [1, 30])
def test_a_period_that_ends_before_it_starts_is_refused(secretariat, days) -> None:
    _start, end = period()
    with override("en"), pytest.raises(ValidationError) as error:
        report(secretariat, start=end, end=end - dt.timedelta(days=days))
    assert "ends before it starts" in error.value.message_dict["end"][0]
    assert not Report.objects.exists()


def test_a_period_of_more_than_three_years_is_refused(secretariat) -> None:
    start, _end = period()
    with pytest.raises(ValidationError):
        report(secretariat, start=start.replace(year=start.year - 4))


def test_sections_are_added_reworded_moved_and_removed(secretariat) -> None:
    rep = report(secretariat)
    added = free_section(secretariat, rep, title="Sprawy różne", text="Pierwszy.\n\nDrugi.")
    assert list(rep.sections.all())[-1] == added and added.paragraphs == ["Pierwszy.", "Drugi."]
    services.reword_section(actor=secretariat, section=added, title="Inne sprawy", text="Jeden akapit.", points="a\nb")
    added.refresh_from_db()
    assert (added.title, added.item_lines) == ("Inne sprawy", ["a", "b"])
    services.move_up(actor=secretariat, section=added)
    order = list(rep.sections.values_list("pk", flat=True))
    assert order[-2] == added.pk
    first = rep.sections.first()
    with pytest.raises(ValidationError):
        services.move_up(actor=secretariat, section=first)
    services.move_down(actor=secretariat, section=first)
    assert list(rep.sections.values_list("pk", flat=True))[1] == first.pk
    services.remove_section(actor=secretariat, section=added)
    assert not rep.sections.filter(pk=added.pk).exists()
    messages = trail(rep)
    for expected in ("added", "reworded", "moved to place", "removed"):
        assert any(expected in message for message in messages), (expected, messages)


def test_a_section_is_assembled_again_and_free_text_is_not(secretariat) -> None:
    rep = report(secretariat)
    section = rep.sections.get(source="patronage")
    services.reword_section(actor=secretariat, section=section, title="Zmieniony", text="x")
    services.reassemble_section(actor=secretariat, section=section)
    section.refresh_from_db()
    assert section.title != "Zmieniony" and section.figures
    free = free_section(secretariat, rep)
    with pytest.raises(ValidationError):
        services.reassemble_section(actor=secretariat, section=free)


def test_a_final_report_is_not_changed_until_it_is_a_draft_again(secretariat) -> None:
    rep = report(secretariat)
    services.finalise(actor=secretariat, report=rep)
    rep.refresh_from_db()
    assert rep.is_final and rep.finalised_by == secretariat and rep.finalised_at
    section = rep.sections.first()
    for change in (
        lambda: services.add_section(actor=secretariat, report=rep, title="x", text="y"),
        lambda: services.reword_section(actor=secretariat, section=section, title="x", text="y"),
        lambda: services.remove_section(actor=secretariat, section=section),
        lambda: services.move_down(actor=secretariat, section=section),
        lambda: services.finalise(actor=secretariat, report=rep),
    ):
        with pytest.raises(ValidationError):
            change()
    services.reopen(actor=secretariat, report=rep, reason="Korekta na prośbę Biura Rady")
    rep.refresh_from_db()
    assert rep.is_draft and "Korekta na prośbę Biura Rady" in trail(rep)
    with pytest.raises(ValidationError):
        services.reopen(actor=secretariat, report=rep, reason="x")


def test_a_report_without_sections_cannot_be_final(secretariat) -> None:
    rep = report(secretariat)
    rep.sections.all().delete()
    with pytest.raises(ValidationError):
        services.finalise(actor=secretariat, report=rep)


def test_the_report_is_assembled_in_the_offices_language_whatever_the_preparers(secretariat) -> None:
    start, end = period()
    with override("pl"):
        polish = [part.title for part in services.assemble(user=secretariat, start=start, end=end)]
    with override("en"):
        rep = report(secretariat)
    assert [section.title for section in rep.sections.all()] == polish
