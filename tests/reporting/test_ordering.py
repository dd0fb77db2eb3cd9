"""Reordering a report's sections, as a property: whatever moves staff make (up, down, at either
end, a section removed, one added), the sections stay a permutation of the ones there, with
distinct positions, each move swapping exactly two neighbours and refused at the ends."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from office.reporting import services
from office.reporting.models import Report
from tests.reporting.factories import free_section, period

pytestmark = pytest.mark.django_db

MOVES = st.lists(st.tuples(st.sampled_from(["up", "down", "remove", "add"]), st.integers(0, 20)), max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=MOVES)
def test_moves_keep_the_sections_a_permutation(secretariat, moves) -> None:
    start, end = period()
    rep = Report.objects.create(title="Kolejność", start=start, end=end)
    for n in range(4):
        free_section(secretariat, rep, title=f"Sekcja {n}")
    expected = list(rep.sections.values_list("pk", flat=True))
    for move, pick in moves:
        if move == "add":
            expected.append(free_section(secretariat, rep, title=f"Dodana {pick}").pk)
            continue
        if not expected:
            continue
        index = pick % len(expected)
        section = rep.sections.get(pk=expected[index])
        if move == "remove":
            services.remove_section(actor=secretariat, section=section)
            expected.pop(index)
            continue
        other = index + (-1 if move == "up" else 1)
        if not 0 <= other < len(expected):
            with pytest.raises(ValidationError):
                services.move_section(actor=secretariat, section=section, step=other - index)
            continue
        services.move_section(actor=secretariat, section=section, step=other - index)
        expected[index], expected[other] = expected[other], expected[index]
    rows = list(rep.sections.values_list("pk", "position"))
    assert [pk for pk, _position in rows] == expected
    assert len({position for _pk, position in rows}) == len(rows)
