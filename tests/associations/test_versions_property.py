"""Property: whatever the order and dates in which changes are entered, the register as of any
day shows the last version in force that day — the service, the queryset behind every list, and
a plain model of the register agree."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from associations.models import AssociationVersion
from associations.services import register
from tests.associations import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
START = TODAY - dt.timedelta(days=60)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    changes=st.lists(st.tuples(st.integers(1, 59), st.integers(0, 1)), max_size=5),
    probes=st.lists(st.integers(-3, 60), min_size=1, max_size=6),
)
def test_as_of_matches_a_plain_model(persona, changes, probes):
    officer = persona("ngo_officer")
    association = factories.entered(officer, entered_on=START, founders=3)
    model = [(START, 0, association.current.remarks)]
    for n, (offset, delay) in enumerate(changes):
        association.refresh_from_db()
        changed = START + dt.timedelta(days=offset)
        valid = min(TODAY, changed + dt.timedelta(days=delay))
        version = AssociationVersion(**{name: getattr(association.current, name) for name in register.COLUMNS})
        version.remarks = f"zmiana {n}"
        saved = register.record_change(
            actor=officer,
            association=association,
            version=version,
            changed_on=changed,
            reported_on=valid,
            valid_from=valid,
        )
        model.append((valid, saved.pk, version.remarks))
    for probe in probes:
        day = START + dt.timedelta(days=probe)
        expected = max((row for row in model if row[0] <= day), key=lambda row: (row[0], row[1]), default=None)
        found = register.version_as_of(association, day)
        listed = list(AssociationVersion.objects.as_of(day).filter(association=association))
        if expected is None:
            assert found is None and listed == []
        else:
            assert found.remarks == expected[2] and [v.pk for v in listed] == [found.pk]
    association.refresh_from_db()
    latest = max(model, key=lambda row: (row[0], row[1]))
    assert association.current.remarks == latest[2]
