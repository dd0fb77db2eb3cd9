"""The ``report_section`` kind of the registry, as the mayor's reports use it: every app's section
in its order, a failing provider shown as unavailable (the rest of the report intact), an app with
nothing to say or without a section breaking nothing, the chosen sections only, and the period
checked before any app is asked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from office.contributions import KINDS, Figure, ReportSection, registry
from office.reporting import services
from tests.reporting.factories import period, report

pytestmark = pytest.mark.django_db

APPS = ["calendar", "media_relations", "patronage", "events", "correspondence"]


@pytest.fixture
def planted() -> Iterator[list[str]]:
    """Three planted sections: a good one, one that raises, one with nothing to say."""

    @registry.register("report_section", "zz_good", order=900, label="Planted")
    def good(user: Any, *, start: Any, end: Any, units: Any = None) -> ReportSection:
        return ReportSection("Planted section", ["A paragraph."], ["An item"], [Figure("Things", 7)])

    @registry.register("report_section", "zz_broken", order=901, label="Broken section")
    def broken(user: Any, **kwargs: Any) -> ReportSection:
        raise RuntimeError("the app is down")

    @registry.register("report_section", "zz_silent", order=902)
    def silent(user: Any, **kwargs: Any) -> None:
        return None

    yield ["zz_good", "zz_broken", "zz_silent"]
    for key in ("zz_good", "zz_broken", "zz_silent"):
        registry.unregister("report_section", key)


def test_the_kind_is_declared_and_every_app_contributes_in_order() -> None:
    assert "report_section" in KINDS
    chosen = [key for key, _label in services.section_choices()]
    assert chosen == ["calendar", "travel", "media_relations", "council", "patronage", "events", "correspondence"]
    assert set(APPS) < set(chosen)
    assert all(label for _key, label in services.section_choices())


def test_an_unknown_kind_or_a_second_section_under_one_key_stops_the_start() -> None:
    with pytest.raises(ImproperlyConfigured):
        registry.register("report_sections", "x")
    with pytest.raises(ImproperlyConfigured):
        registry.register("report_section", "calendar")(lambda user, **kw: None)


def test_a_failing_provider_is_unavailable_and_the_others_are_there(secretariat, planted) -> None:
    start, end = period()
    parts = {part.key: part for part in services.assemble(user=secretariat, start=start, end=end)}
    assert set(APPS) <= set(parts)
    assert parts["zz_good"].section.figures == [Figure("Things", 7)]
    assert parts["zz_broken"].failed and parts["zz_broken"].title == "Broken section"
    assert "zz_silent" not in parts  # nothing to say: left out
    rep = report(secretariat)
    broken = rep.sections.get(source="zz_broken")
    assert broken.unavailable and broken.title == "Broken section" and not broken.figures
    assert rep.sections.get(source="zz_good").item_lines == ["An item"]


def test_an_app_without_a_section_breaks_nothing(secretariat, monkeypatch) -> None:
    """The report of an office whose apps contribute only some sections (or none)."""
    kept = {key: registry._items["report_section"][key] for key in ("patronage",)}
    monkeypatch.setitem(registry._items, "report_section", kept)
    rep = report(secretariat)
    assert [s.source for s in rep.sections.all()] == ["patronage"]
    monkeypatch.setitem(registry._items, "report_section", {})
    assert report(secretariat).sections.count() == 0


def test_only_the_chosen_sections_are_assembled(secretariat, planted) -> None:
    start, end = period()
    parts = services.assemble(user=secretariat, start=start, end=end, keys=["events", "zz_good"])
    assert [part.key for part in parts] == ["events", "zz_good"]


def test_a_period_that_ends_before_it_starts_asks_no_app(secretariat, planted) -> None:
    start, end = period()
    with pytest.raises(ValidationError) as error:
        services.assemble(user=secretariat, start=end, end=start)
    assert "end" in error.value.message_dict
