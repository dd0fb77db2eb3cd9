"""Deadline rules of associations and NGO cooperation (associations act, public benefit act)."""

from office.deadlines import Unit, declare_rule

ASSOCIATION_ENTRY = declare_rule(
    code="association_entry",
    name="Wpis stowarzyszenia zwykłego do ewidencji",
    basis="Prawo o stowarzyszeniach art. 40a",
    amount=7,
    unit=Unit.CALENDAR_DAYS,
    moves_to_working_day=True,
    to_verify=True,
)
ASSOCIATION_CHANGE = declare_rule(
    code="association_change",
    name="Zgłoszenie zmian przez stowarzyszenie zwykłe",
    basis="Prawo o stowarzyszeniach art. 40a",
    amount=7,
    unit=Unit.CALENDAR_DAYS,
    moves_to_working_day=True,
    to_verify=True,
)
COOPERATION_PROGRAMME = declare_rule(
    code="cooperation_programme",
    name="Uchwalenie programu współpracy z organizacjami pozarządowymi",
    basis="u.d.p.p. art. 5a ust. 1",
    amount=0,
    unit=Unit.ANNUAL_DATE,
    annual_month=11,
    annual_day=30,
)
COOPERATION_REPORT = declare_rule(
    code="cooperation_report",
    name="Sprawozdanie z realizacji programu współpracy",
    basis="u.d.p.p. art. 5a ust. 3",
    amount=0,
    unit=Unit.ANNUAL_DATE,
    annual_month=5,
    annual_day=31,
)
