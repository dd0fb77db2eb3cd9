"""Deadline rules of the press office (press law), declared to the office rules table.

Services use these constants; the rows in ``office.DeadlineRule`` are installed from them
after ``migrate`` and may be edited by administrators.
"""

from office.deadlines import Unit, declare_rule

PRESS_INFO_ANSWER = declare_rule(
    code="press_info_answer",
    name="Odpowiedź na pytanie prasowe (informacja prasowa)",
    basis="Prawo prasowe art. 3a w zw. z UDIP art. 13",
    amount=14,
    unit=Unit.CALENDAR_DAYS,
    moves_to_working_day=True,
)
PRESS_REFUSAL_WRITTEN = declare_rule(
    code="press_refusal_written",
    name="Pisemna odmowa informacji prasowej na żądanie redaktora naczelnego",
    basis="Prawo prasowe art. 4 ust. 3",
    amount=3,
    unit=Unit.CALENDAR_DAYS,
)
QUOTE_AUTHORISATION_DAILY = declare_rule(
    code="quote_authorisation_daily",
    name="Autoryzacja wypowiedzi — dziennik",
    basis="Prawo prasowe art. 14a",
    amount=6,
    unit=Unit.HOURS,
    to_verify=True,
)
QUOTE_AUTHORISATION_PERIODICAL = declare_rule(
    code="quote_authorisation_periodical",
    name="Autoryzacja wypowiedzi — czasopismo",
    basis="Prawo prasowe art. 14a",
    amount=24,
    unit=Unit.HOURS,
    to_verify=True,
)
CORRECTION_SEND = declare_rule(
    code="correction_send",
    name="Wysłanie sprostowania do redakcji",
    basis="Prawo prasowe art. 31a ust. 1",
    amount=21,
    unit=Unit.CALENDAR_DAYS,
)
CORRECTION_PUBLISH_ONLINE = declare_rule(
    code="correction_publish_online",
    name="Publikacja sprostowania — serwis internetowy",
    basis="Prawo prasowe art. 32 ust. 1 pkt 4",
    amount=3,
    unit=Unit.WORKING_DAYS,
)
CORRECTION_PUBLISH_DAILY = declare_rule(
    code="correction_publish_daily",
    name="Publikacja sprostowania — dziennik (najpóźniej)",
    basis="Prawo prasowe art. 32 ust. 1 pkt 1",
    amount=7,
    unit=Unit.CALENDAR_DAYS,
)
CORRECTION_REFUSAL = declare_rule(
    code="correction_refusal",
    name="Odmowa publikacji sprostowania przez redakcję",
    basis="Prawo prasowe art. 33 ust. 3",
    amount=7,
    unit=Unit.CALENDAR_DAYS,
)
CORRECTION_COURT = declare_rule(
    code="correction_court",
    name="Powództwo o publikację sprostowania",
    basis="Prawo prasowe art. 39 ust. 3",
    amount=12,
    unit=Unit.MONTHS,
)
