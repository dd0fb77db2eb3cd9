"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for civic participation.

The NGO officer keeps everything (view, add, change); management and auditors read (and may make
the PDF reports); other roles get 403 (no record scope beside the permission); unit liaisons see a
project only through their verification assignment, in the core's inbox. The public pages answer
everybody, signed in or not.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.matrix import Row, World, table
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

ADMINS = frozenset({"administrator", "superuser"})
EDITORS = ADMINS | {"ngo_officer"}
READERS = EDITORS | {"management", "auditor"}
PUBLIC = table(200, anonymous=200)


def build(world: World) -> None:
    from associations.participation.models import Project
    from associations.participation.services import programme
    from office.services.attachments import attach
    from tests.participation import factories as f

    actor = world.people["ngo_officer"]
    prog = f.a_programme(actor, year=2031)
    world.extra["programme"] = programme.draft_report(actor=actor, programme=prog)
    world.extra["grant"] = f.a_grant(actor, prog, world.contact)
    consultation = f.a_consultation(actor)
    world.extra["consultation"] = consultation
    world.extra["consultation_document"] = attach(
        actor=actor, record=consultation, upload=SimpleUploadedFile("projekt.txt", b"Projekt.", "text/plain")
    )
    world.extra["submission"] = f.a_comment(consultation)
    edition = f.an_edition(actor, year=2031)
    world.extra["edition"] = edition
    world.extra["closed_edition"] = f.an_edition(actor, year=2030, voting=(-20, -5))
    world.extra["project"] = f.a_project(actor, edition)
    world.extra["verified"] = f.in_verification(actor, f.a_project(actor, edition))
    world.extra["rejected"] = f.rejected_project(actor, edition)
    world.extra["admitted"] = f.admitted_project(actor, edition)
    Project.objects.filter(pk=world.extra["admitted"].pk).update(is_funded=True)
    appealed = f.rejected_project(actor, edition)
    from associations.participation.services import budget

    world.extra["appealed"] = budget.file_appeal(
        actor=actor, project=appealed, text="Odwołanie.", received_on=edition.appeals_to
    )
    world.extra["civic"] = f.a_civic_project(actor)
    world.extra["room"] = f.a_room(actor)
    world.extra["booking"] = f.a_booking(actor, world.extra["room"], world.contact)


def _upload(prefix: str = "attach") -> Any:
    return lambda w: {
        f"{prefix}-file": SimpleUploadedFile("notatka.txt", b"Notatka.", "text/plain"),
        f"{prefix}-description": "notatka",
    }


def _do(target: str, data: Any = None, allowed: frozenset[str] = EDITORS) -> Row:
    return action(target, data or (lambda w: {}), allowed=allowed, viewers=READERS, default=403)


def _year(name: str = "edition") -> Any:
    return lambda w: {"year": w.extra[name].year}


def _public(kwargs: Any = None, wrong: str = "post") -> Row:
    return Row("get", PUBLIC, kwargs or (lambda w: {}), wrong=wrong)


def _pk(name: str) -> Any:
    return lambda w: {"pk": w.extra[name].pk}


def _paper_vote(w: World) -> dict[str, Any]:
    from tests.participation.factories import pesel

    return {"paper-vote-pesel": pesel(7), "paper-vote-projects": [w.extra["admitted"].pk]}


EXPECTED = {
    # the cooperation programme and its grants
    "participation:programme_list": page(READERS),
    "participation:programme_create": form(EDITORS),
    "participation:programme_detail": record("programme", READERS, default=403),
    "participation:programme_edit": form(EDITORS, _pk("programme")),
    "participation:programme_adopt": _do(
        "programme", lambda w: {"adopt-adopted_on": "2025-11-20", "adopt-resolution": "LXV/900/2030"}
    ),
    "participation:programme_report_draft": _do("programme"),
    "participation:programme_report_text": _do("programme", lambda w: {"report-text-text": "Sprawozdanie."}),
    "participation:programme_report_submit": _do("programme", lambda w: {"report-submit-submitted_on": "2026-05-20"}),
    "participation:programme_report_pdf": _do("programme", allowed=READERS),
    "participation:programme_attach": _do("programme", _upload()),
    "participation:grant_list": page(READERS),
    "participation:grant_create": form(EDITORS),
    "participation:grant_detail": record("grant", READERS, default=403),
    "participation:grant_edit": form(EDITORS, _pk("grant")),
    "participation:grant_attach": _do("grant", _upload()),
    # consultations and comments
    "participation:consultation_list": page(READERS),
    "participation:consultation_create": form(EDITORS),
    "participation:consultation_detail": record("consultation", READERS, default=403),
    "participation:consultation_edit": form(EDITORS, _pk("consultation")),
    "participation:consultation_comment": _do(
        "consultation",
        lambda w: {"comment-author_name": "Jan", "comment-channel": "paper", "comment-text": "Uwaga z papieru."},
    ),
    "participation:consultation_summary": _do("consultation", lambda w: {"summary-summary": "Wnioski."}),
    "participation:consultation_report_pdf": _do("consultation", allowed=READERS),
    "participation:consultation_attach": _do("consultation", _upload()),
    "participation:submission_list": page(READERS),
    "participation:submission_detail": record("submission", READERS, default=403),
    "participation:submission_publish": _do("submission"),
    "participation:submission_reject": _do("submission", lambda w: {"reject-reason": "Nie na temat."}),
    "participation:submission_answer": _do("submission", lambda w: {"answer-answer": "Dziękujemy."}),
    "participation:submission_attach": _do("submission", _upload()),
    # the citizen budget
    "participation:edition_list": page(READERS),
    "participation:edition_create": form(EDITORS),
    "participation:edition_detail": record("edition", READERS, default=403),
    "participation:edition_edit": form(EDITORS, _pk("edition")),
    "participation:edition_results": record("edition", READERS, default=403),
    "participation:edition_district": _do(
        "edition", lambda w: {"district-name": "Zatorze", "district-pool": "150000", "district-order": "3"}
    ),
    "participation:edition_paper_vote": _do("edition", _paper_vote),
    "participation:edition_publish_results": _do("closed_edition"),
    "participation:edition_attach": _do("edition", _upload()),
    "participation:project_list": page(READERS),
    "participation:project_create": form(EDITORS),
    "participation:project_detail": record("project", READERS, default=403),
    "participation:project_edit": form(EDITORS, _pk("project")),
    "participation:project_verify": _do(
        "project",
        lambda w: {
            "verify-formal_unit": w.units["WOK"].pk,
            "verify-merit_unit": w.units["WIN"].pk,
            "verify-due_date": "2199-01-01",
        },
    ),
    "participation:project_outcome": _do("verified", lambda w: {"outcome-admitted": "yes", "outcome-notes": ""}),
    "participation:project_appeal": _do(
        "rejected", lambda w: {"appeal-text": "Odwołanie.", "appeal-received_on": w.extra["edition"].appeals_to}
    ),
    "participation:project_appeal_decide": _do(
        "appealed", lambda w: {"appeal-decide-upheld": "yes", "appeal-decide-reasons": "Zasadne."}
    ),
    "participation:project_withdraw": _do("project", lambda w: {"withdraw-note": ""}),
    "participation:project_realisation": _do(
        "admitted",
        lambda w: {"realisation-realisation": "works", "realisation-progress": "40", "realisation-note": ""},
    ),
    "participation:project_attach": _do("project", _upload()),
    # civic projects, rooms, bookings
    "participation:civic_list": page(READERS),
    "participation:civic_create": form(EDITORS),
    "participation:civic_detail": record("civic", READERS, default=403),
    "participation:civic_edit": form(EDITORS, _pk("civic")),
    "participation:civic_attach": _do("civic", _upload()),
    "participation:room_list": page(READERS),
    "participation:room_create": form(EDITORS),
    "participation:room_edit": form(EDITORS, _pk("room")),
    "participation:room_week": page(READERS),
    "participation:booking_list": page(READERS),
    "participation:booking_create": form(EDITORS),
    "participation:booking_detail": record("booking", READERS, default=403),
    "participation:booking_edit": form(EDITORS, _pk("booking")),
    "participation:booking_approve": _do("booking", lambda w: {"approve-note": ""}),
    "participation:booking_refuse": _do("booking", lambda w: {"refuse-note": "Remont."}),
    "participation:booking_cancel": _do("booking", lambda w: {"cancel-note": ""}),
    "participation:booking_attach": _do("booking", _upload()),
    # public pages, without login
    "participation:public_consultations": _public(),
    "participation:public_consultation": _public(_pk("consultation"), wrong="put"),
    "participation:public_comment_thanks": _public(_pk("consultation")),
    "participation:public_document": _public(_pk("consultation_document")),
    "participation:public_budget": _public(),
    "participation:public_edition": _public(_year()),
    "participation:public_projects": _public(_year()),
    "participation:public_project": _public(_pk("admitted")),
    "participation:public_submit": _public(_year(), wrong="put"),
    "participation:public_submitted": _public(_year()),
    "participation:public_vote": _public(_year(), wrong="put"),
    "participation:public_voted": _public(_year()),
    "participation:public_results": _public(_year()),
    "participation:public_realisation": _public(_year()),
    "participation:public_results_csv": _public(_year()),
}
