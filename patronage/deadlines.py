"""Deadline rules of honorary patronage (the city's own rules: editable by administrators)."""

from office.deadlines import Unit, declare_rule

PATRONAGE_LEAD_TIME = declare_rule(
    code="patronage_lead_time",
    name="Złożenie wniosku o patronat honorowy (dni przed wydarzeniem)",
    basis="Zarządzenie Prezydenta (zasada lokalna)",
    amount=30,
    unit=Unit.CALENDAR_DAYS,
)
PATRONAGE_REPORT = declare_rule(
    code="patronage_report",
    name="Sprawozdanie po wydarzeniu objętym patronatem",
    basis="Zarządzenie Prezydenta (zasada lokalna)",
    amount=30,
    unit=Unit.CALENDAR_DAYS,
)
