"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for the mayor's reports.

Those who prepare reports — the secretariat, management and the council officer — read, create
and edit them; the auditor reads them (and prints them: the PDF is a read); everybody else gets
403 (there is no record scope, only the permission); a report that does not exist is 404.
"""

from __future__ import annotations

from typing import Any

from tests.matrix import ADMIN_STAFF, Row, World, table
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

EDITORS = ADMIN_STAFF | {"secretariat", "management", "council_officer"}
READERS = EDITORS | {"auditor"}


def build(world: World) -> None:
    from office.reporting import services
    from tests.reporting.factories import free_section, report

    author = world.people["secretariat"]
    draft = report(author)
    world.extra["report"] = draft
    world.extra["section"] = free_section(author, draft)
    world.extra["middle"] = draft.sections.order_by("position")[1]
    final = report(author, title="Informacja – sesja poprzednia")
    services.finalise(actor=author, report=final)
    world.extra["final"] = final


def _activity(w: World) -> dict[str, Any]:
    return {"start": "2026-01-01", "end": "2026-02-15", "sections": ["patronage"]}


def _on(target: str, data: Any, allowed: frozenset[str] = EDITORS) -> Row:
    return action(target, data, allowed=allowed, viewers=READERS, default=403)


EXPECTED = {
    "reporting:report_list": page(READERS),
    "reporting:report_create": form(EDITORS),
    "reporting:report_detail": record("report", READERS, default=403),
    "reporting:report_docx": record("report", READERS, default=403),
    # the archived PDF/A exists only once the final version was printed: 404 before, for readers too
    "reporting:report_archived": Row(
        "get", table(403, (READERS, 404)), lambda w: {"pk": w.extra["final"].pk}, wrong="post"
    ),
    "reporting:report_add_section": _on(
        "report", lambda w: {"add-section-title": "Inne", "add-section-text": "Tekst."}
    ),
    "reporting:report_finalise": _on("report", lambda w: {}),
    "reporting:report_reopen": _on("final", lambda w: {"reopen-reason": "Korekta"}),
    "reporting:report_pdf": _on("final", lambda w: {}, READERS),
    "reporting:section_detail": record("section", READERS, default=403),
    "reporting:section_reword": _on(
        "section", lambda w: {"reword-title": "Inne", "reword-text": "Tekst.", "reword-points": ""}
    ),
    "reporting:section_up": _on("section", lambda w: {}),
    "reporting:section_down": _on("middle", lambda w: {}),
    "reporting:section_reassemble": _on("middle", lambda w: {}),
    "reporting:section_remove": _on("section", lambda w: {}),
    "reporting:activity": Row("get", table(403, (READERS, 200)), wrong="post"),
    "reporting:activity_pdf": Row("post", table(403, (READERS, 302)), data=_activity, wrong="get"),
    "reporting:activity_xlsx": Row("get", table(403, (READERS, 200)), data=_activity, wrong="post"),
}
