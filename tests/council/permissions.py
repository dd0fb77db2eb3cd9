"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for council relations.

The council officer keeps every register; management, the secretariat and auditors read them;
management (the mayor and the deputies) approves the answers to interpellations; press officers,
office staff, unit liaisons and the other apps' officers have no access (403: there is no record
scope, only the permission). The BIP pages are public.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import Row, World, table
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

ADMINS = frozenset({"administrator", "superuser"})
EDITORS = ADMINS | {"council_officer"}
APPROVERS = ADMINS | {"management"}
READERS = EDITORS | {"secretariat", "management", "auditor"}


def build(world: World) -> None:
    from tests.council import factories

    officer = world.people["council_officer"]
    world.extra["councillor"] = factories.councillor(officer)
    world.extra["committee"] = factories.committee(officer, members=[world.extra["councillor"]])
    world.extra["session"] = factories.session(officer)
    world.extra["meeting"] = factories.meeting(officer, committee=world.extra["committee"])
    world.extra["interpellation"] = factories.interpellation(officer, councillor=world.extra["councillor"])
    world.extra["for_approval"] = factories.for_approval(officer, councillor=world.extra["councillor"])
    world.extra["approved"] = factories.approved(officer, councillor=world.extra["councillor"])
    world.extra["answered"] = factories.answered(officer, councillor=world.extra["councillor"])
    factories.mayor()
    world.extra["resolution"] = factories.resolution(officer, tasks_mayor=True)
    world.extra["draft"] = factories.draft(officer, session=world.extra["session"])
    world.extra["request"] = factories.extraordinary_request(officer)
    world.extra["sent_request"] = factories.extraordinary_request(officer)
    factories.request_template(officer)
    from office.council.services import resolutions

    resolutions.send_request(
        actor=officer,
        request=world.extra["sent_request"],
        template=factories.request_template(officer),
        filed_on=timezone.localdate(),
        signatory=factories.mayor(),
    )
    world.extra["extraordinary"] = factories.session(officer, days=3, kind="extraordinary")
    world.extra["company"] = factories.company(officer)
    world.extra["shareholder_meeting"] = factories.shareholder_meeting(officer, company=world.extra["company"])
    world.extra["lay_election"] = factories.lay_election(officer, elected_on=timezone.localdate())
    world.extra["lay_candidate"] = factories.lay_candidate(officer, election=world.extra["lay_election"])
    world.extra["neighbourhood"] = factories.neighbourhood(officer)
    from office.council.services import elections

    world.extra["neighbourhood_candidate"] = elections.add_candidate(
        actor=officer, election=world.extra["neighbourhood"], name="Jan Osiedlowy"
    )
    elections.record_votes(
        actor=officer,
        election=world.extra["neighbourhood"],
        candidate=world.extra["neighbourhood_candidate"],
        votes=10,
    )
    world.extra["council_project"] = factories.project(officer)
    from office.council.services import projects

    projects.add_milestone(
        actor=officer, project=world.extra["council_project"], title="Etap", due_on=timezone.localdate()
    )
    world.extra["council_study"] = factories.study(officer)
    world.extra["past_meeting"] = factories.shareholder_meeting(officer, days=-3, company=world.extra["company"])


def _upload(w: World) -> dict[str, Any]:
    return {
        "attach-file": SimpleUploadedFile("notatka.txt", b"Notatka.", "text/plain"),
        "attach-description": "notatka",
    }


def _holder(w: World) -> int:
    from office.models import OfficeHolder

    return OfficeHolder.objects.filter(role="mayor").order_by("pk").first().pk


def _send(w: World) -> dict[str, Any]:
    from tests.council import factories

    return {
        "send-template": factories.request_template().pk,
        "send-filed_on": timezone.localdate().isoformat(),
        "send-signatory": _holder(w),
    }


def _row(target: str, data: Any, allowed: frozenset[str] = EDITORS) -> Any:
    return action(target, data, allowed=allowed, viewers=READERS, default=403)


def _attend(prefix: str) -> Any:
    def data(w: World) -> dict[str, Any]:
        target = w.extra[prefix]
        start = timezone.localtime(target.starts_at)
        return {
            "attend-holder": _holder(w),
            "attend-start": start.strftime("%Y-%m-%dT%H:%M"),
            "attend-end": (start.replace(hour=start.hour + 2)).strftime("%Y-%m-%dT%H:%M"),
            "attend-keep_conflict_reason": "sesja",
        }

    return data


def _public(kwargs: Any = None) -> Row:
    return Row("get", table(200, anonymous=200), kwargs or (lambda w: {}), wrong="post")


EXPECTED = {
    "council:session_list": page(READERS),
    "council:session_create": form(EDITORS),
    "council:session_detail": record("session", READERS, default=403),
    "council:session_edit": form(EDITORS, lambda w: {"pk": w.extra["session"].pk}),
    "council:session_attend": _row("session", _attend("session")),
    "council:session_close": _row("session", lambda w: {"close-held": "no", "close-note": "brak kworum"}),
    "council:session_recording": _row("session", lambda w: {"recording-broadcast": "announced"}),
    "council:session_attach": _row("session", _upload),
    "council:councillor_list": page(READERS),
    "council:councillor_create": form(EDITORS),
    "council:councillor_detail": record("councillor", READERS, default=403),
    "council:councillor_edit": form(EDITORS, lambda w: {"pk": w.extra["councillor"].pk}),
    "council:committee_list": page(READERS),
    "council:committee_create": form(EDITORS),
    "council:committee_detail": record("committee", READERS, default=403),
    "council:committee_edit": form(EDITORS, lambda w: {"pk": w.extra["committee"].pk}),
    "council:meeting_list": page(READERS),
    "council:meeting_create": form(EDITORS),
    "council:meeting_detail": record("meeting", READERS, default=403),
    "council:meeting_edit": form(EDITORS, lambda w: {"pk": w.extra["meeting"].pk}),
    "council:meeting_attend": _row("meeting", _attend("meeting")),
    "council:interpellation_list": page(READERS),
    "council:interpellation_statistics": page(READERS),
    "council:interpellation_create": form(EDITORS),
    "council:interpellation_detail": record("interpellation", READERS, default=403),
    "council:interpellation_edit": form(EDITORS, lambda w: {"pk": w.extra["interpellation"].pk}),
    "council:interpellation_forward": _row(
        "interpellation", lambda w: {"forward-units": [w.units["WOK"].pk], "forward-instruction": "Prosimy."}
    ),
    "council:interpellation_draft": _row("interpellation", lambda w: {"draft-text": "Projekt odpowiedzi."}),
    "council:interpellation_approve": _row("for_approval", lambda w: {"approve-approved_by": _holder(w)}, APPROVERS),
    "council:interpellation_send_back": _row(
        "for_approval", lambda w: {"send-back-text": "Uzupełnić dane."}, EDITORS | APPROVERS
    ),
    "council:interpellation_answer": _row(
        "approved", lambda w: {"answer-answered_on": timezone.localdate().isoformat()}
    ),
    "council:interpellation_withdraw": _row("interpellation", lambda w: {"withdraw-text": ""}),
    "council:interpellation_attach": _row("interpellation", _upload),
    "council:resolution_list": page(READERS),
    "council:resolution_create": form(EDITORS),
    "council:resolution_detail": record("resolution", READERS, default=403),
    "council:resolution_edit": form(EDITORS, lambda w: {"pk": w.extra["resolution"].pk}),
    "council:resolution_report": _row(
        "resolution",
        lambda w: {
            "report-reported_on": timezone.localdate().isoformat(),
            "report-text": "Wykonano.",
            "report-final": "on",
        },
    ),
    "council:resolution_repeal": _row("resolution", lambda w: {"repeal-text": "Uchwała XXI/1/2026"}),
    "council:resolution_attach": _row("resolution", _upload),
    "council:draft_list": page(READERS),
    "council:draft_create": form(EDITORS),
    "council:draft_detail": record("draft", READERS, default=403),
    "council:draft_edit": form(EDITORS, lambda w: {"pk": w.extra["draft"].pk}),
    "council:draft_file": _row("draft", lambda w: {"file-filed_on": timezone.localdate().isoformat()}),
    "council:draft_attach": _row("draft", _upload),
    "council:request_list": page(READERS),
    "council:request_create": form(EDITORS),
    "council:request_detail": record("request", READERS, default=403),
    "council:request_edit": form(EDITORS, lambda w: {"pk": w.extra["request"].pk}),
    "council:request_send": _row("request", _send),
    "council:request_link": _row("sent_request", lambda w: {"link-session": w.extra["extraordinary"].pk}),
    "council:company_list": page(READERS),
    "council:company_create": form(EDITORS),
    "council:company_detail": record("company", READERS, default=403),
    "council:company_edit": form(EDITORS, lambda w: {"pk": w.extra["company"].pk}),
    "council:company_attach": _row("company", _upload),
    "council:shareholder_meeting_list": page(READERS),
    "council:shareholder_meeting_create": form(EDITORS),
    "council:shareholder_meeting_detail": record("shareholder_meeting", READERS, default=403),
    "council:shareholder_meeting_edit": form(EDITORS, lambda w: {"pk": w.extra["shareholder_meeting"].pk}),
    "council:shareholder_meeting_opinion": _row(
        "shareholder_meeting", lambda w: {"opinion-unit": w.units["WOK"].pk, "opinion-instruction": "Opinia."}
    ),
    "council:shareholder_meeting_instruct": _row(
        "shareholder_meeting", lambda w: {"instruct-text": "Głosować za.", "instruct-instructed_by": _holder(w)}
    ),
    "council:shareholder_meeting_outcome": _row("past_meeting", lambda w: {"outcome-text": "Przyjęto."}),
    "council:shareholder_meeting_attach": _row("shareholder_meeting", _upload),
    "council:lay_election_list": page(READERS),
    "council:lay_election_create": form(EDITORS),
    "council:lay_election_detail": record("lay_election", READERS, default=403),
    "council:lay_election_edit": form(EDITORS, lambda w: {"pk": w.extra["lay_election"].pk}),
    "council:lay_candidate_create": form(EDITORS),
    "council:lay_candidate_detail": record("lay_candidate", READERS, default=403),
    "council:lay_candidate_edit": form(EDITORS, lambda w: {"pk": w.extra["lay_candidate"].pk}),
    "council:lay_candidate_vote": _row("lay_candidate", lambda w: {"vote-elected": "yes", "vote-votes_for": "15"}),
    "council:lay_candidate_attach": _row("lay_candidate", _upload),
    "council:neighbourhood_list": page(READERS),
    "council:neighbourhood_create": form(EDITORS),
    "council:neighbourhood_detail": record("neighbourhood", READERS, default=403),
    "council:neighbourhood_edit": form(EDITORS, lambda w: {"pk": w.extra["neighbourhood"].pk}),
    "council:neighbourhood_candidate": _row("neighbourhood", lambda w: {"candidate-name": "Anna Nowa"}),
    "council:neighbourhood_votes": _row(
        "neighbourhood",
        lambda w: {"votes-candidate": w.extra["neighbourhood_candidate"].pk, "votes-votes": "12"},
    ),
    "council:neighbourhood_results": _row("neighbourhood", lambda w: {}),
    "council:project_list": page(READERS),
    "council:project_create": form(EDITORS),
    "council:project_detail": record("council_project", READERS, default=403),
    "council:project_edit": form(EDITORS, lambda w: {"pk": w.extra["council_project"].pk}),
    "council:project_milestone": _row(
        "council_project", lambda w: {"milestone-title": "Odbiór", "milestone-due_on": timezone.localdate().isoformat()}
    ),
    "council:project_reach": _row(
        "council_project",
        lambda w: {
            "reach-milestone": w.extra["council_project"].milestones.first().pk,
            "reach-done_on": timezone.localdate().isoformat(),
        },
    ),
    "council:project_task": _row(
        "council_project",
        lambda w: {
            "task-title": "Harmonogram",
            "task-unit": w.units["WOK"].pk,
            "task-due_date": timezone.localdate().isoformat(),
        },
    ),
    "council:project_progress": _row(
        "council_project", lambda w: {"progress-status": "running", "progress-progress": "50"}
    ),
    "council:project_attach": _row("council_project", _upload),
    "council:study_list": page(READERS),
    "council:study_create": form(EDITORS),
    "council:study_detail": record("council_study", READERS, default=403),
    "council:study_edit": form(EDITORS, lambda w: {"pk": w.extra["council_study"].pk}),
    "council:study_attach": _row("council_study", _upload),
    # the BIP: everybody, signed in or not
    "council:public_interpellations": _public(),
    "council:public_interpellation": _public(lambda w: {"pk": w.extra["answered"].pk}),
    "council:public_sessions": _public(),
}
