"""Deadline rules of council relations (municipal self-government act, courts act)."""

from office.deadlines import Unit, declare_rule

INTERPELLATION_ANSWER = declare_rule(
    code="interpellation_answer",
    name="Odpowiedź na interpelację lub zapytanie radnego",
    basis="u.s.g. art. 24 ust. 6",
    amount=14,
    unit=Unit.CALENDAR_DAYS,
    moves_to_working_day=True,
)
EXTRAORDINARY_SESSION = declare_rule(
    code="extraordinary_session",
    name="Zwołanie sesji nadzwyczajnej",
    basis="u.s.g. art. 20 ust. 3",
    amount=7,
    unit=Unit.CALENDAR_DAYS,
)
DRAFT_RESOLUTION_FILING = declare_rule(
    code="draft_resolution_filing",
    name="Złożenie projektu uchwały przed sesją (dni przed sesją)",
    basis="u.s.g. art. 20 ust. 7",
    amount=7,
    unit=Unit.CALENDAR_DAYS,
)
STATE_OF_MUNICIPALITY_REPORT = declare_rule(
    code="state_of_municipality_report",
    name="Raport o stanie gminy",
    basis="u.s.g. art. 28aa ust. 1",
    amount=0,
    unit=Unit.ANNUAL_DATE,
    annual_month=5,
    annual_day=31,
)
LAY_JUDGES_NOMINATIONS = declare_rule(
    code="lay_judges_nominations",
    name="Zgłaszanie kandydatów na ławników",
    basis="u.s.p. art. 162",
    amount=0,
    unit=Unit.ANNUAL_DATE,
    annual_month=6,
    annual_day=30,
)
LAY_JUDGES_ELECTION = declare_rule(
    code="lay_judges_election",
    name="Wybór ławników przez radę",
    basis="u.s.p. art. 160",
    amount=0,
    unit=Unit.ANNUAL_DATE,
    annual_month=10,
    annual_day=31,
)
