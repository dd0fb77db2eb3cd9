"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for the office's own
administration.

Budget lines: office staff keep them; the secretariat, management, auditors and finance readers
read them. Small procurements: office staff and the secretariat register them; management,
auditors and finance readers read them. Announcements, promotion and press-material requests:
office staff, the secretariat and press officers keep them; management reads them. Without the
register's permission a page is 403 (no record scope, only the permission). The social fund:
nobody of the personas — not the administrator, not a superuser — has it assigned: 404 for all.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import Row, World, table
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

ADMINS = frozenset({"administrator", "superuser"})
BUDGET_EDITORS = ADMINS | {"office_staff"}
BUDGET_READERS = BUDGET_EDITORS | {"secretariat", "management", "auditor", "finance_reader"}
PROCUREMENT_EDITORS = BUDGET_EDITORS | {"secretariat"}
PROCUREMENT_READERS = PROCUREMENT_EDITORS | {"management", "auditor", "finance_reader"}
PRESS_EDITORS = PROCUREMENT_EDITORS | {"press_officer"}
PRESS_READERS = PRESS_EDITORS | {"management"}
NOBODY: frozenset[str] = frozenset()


def build(world: World) -> None:
    from office.administration import services as budget
    from office.administration.models import (
        Announcement,
        MaterialRequest,
        Procurement,
        Promotion,
        SocialFundApplication,
    )
    from office.administration.services import materials, social, spending
    from tests.administration.factories import budget_line, euro_rate

    actor = world.people["office_staff"]
    euro_rate()
    today = timezone.localdate()
    line = budget_line(actor)
    world.extra["line"] = line
    budget.commit(actor=actor, budget_line=line, amount="500", date=today, source_label="Zlecenie 1")
    world.extra["procurement"] = spending.save_procurement(
        actor=actor,
        procurement=Procurement(
            subject="Papier", supply_type="supplies", estimated_value=Decimal("4000"), estimated_on=today, line=line
        ),
    )
    world.extra["paid_announcement"] = spending.save_announcement(
        actor=actor,
        announcement=Announcement(
            outlet="Gazeta Lubuska",
            title="Obwieszczenie",
            text="Treść.",
            ordered_on=today,
            published_from=today,
            published_until=today,
            cost=Decimal("800"),
        ),
    )
    world.extra["promotion"] = spending.save_promotion(
        actor=actor, promotion=Promotion(kind="offer", title="Baner", starts_on=today, cost=Decimal("1000"), line=line)
    )
    world.extra["material"] = materials.request_materials(
        actor=actor,
        request=MaterialRequest(
            title="Biuletyn", purpose="bulletin", instructions="Teksty.", due_date=today + dt.timedelta(days=3)
        ),
        units=[world.units["WOK"]],
    )
    world.extra["social"] = social.save_application(
        actor=actor,
        application=SocialFundApplication(applicant="Jan Nowak", kind="holiday", received_on=today),
    )


def _upload(w: World) -> dict[str, Any]:
    return {
        "attach-file": SimpleUploadedFile("faktura.txt", b"Faktura.", "text/plain"),
        "attach-description": "faktura",
    }


def _today() -> str:
    return timezone.localdate().isoformat()


def _cancel(w: World) -> dict[str, Any]:
    return {
        "cancel-commitment": w.extra["line"].commitments.get(source_label="Zlecenie 1").pk,
        "cancel-reason": "odwołane",
    }


def _pk(name: str) -> Any:
    return lambda w: {"pk": w.extra[name].pk}


# the social fund's pages: 404 for every persona, the login page for the anonymous
HIDDEN_PAGE = Row("get", table(404), wrong="post")
HIDDEN_RECORD = Row("get", table(404), _pk("social"), wrong="post")

EXPECTED = {
    "administration:budget": page(BUDGET_READERS),
    "administration:line_create": form(BUDGET_EDITORS),
    "administration:line_detail": record("line", BUDGET_READERS, default=403),
    "administration:line_edit": form(BUDGET_EDITORS, _pk("line")),
    "administration:line_plan": action(
        "line",
        lambda w: {"plan-amount": "1000", "plan-changed_on": _today(), "plan-basis": "Zarządzenie 1"},
        allowed=BUDGET_EDITORS,
        viewers=BUDGET_READERS,
        default=403,
    ),
    "administration:line_execution": action(
        "line",
        lambda w: {"execution-amount": "250,50", "execution-booked_on": _today(), "execution-document": "WB/1"},
        allowed=BUDGET_EDITORS,
        viewers=BUDGET_READERS,
        default=403,
    ),
    "administration:line_commit": action(
        "line",
        lambda w: {
            "commit-kind": "order",
            "commit-amount": "100",
            "commit-date": _today(),
            "commit-source_label": "Zlecenie",
        },
        allowed=BUDGET_EDITORS,
        viewers=BUDGET_READERS,
        default=403,
    ),
    "administration:line_cancel": action("line", _cancel, allowed=BUDGET_EDITORS, viewers=BUDGET_READERS, default=403),
    "administration:commitment_list": page(BUDGET_READERS),
    "administration:execution_list": page(BUDGET_READERS),
    "administration:execution_import": form(BUDGET_EDITORS),
    "administration:execution_import_template": Row("get", table(403, (BUDGET_EDITORS, 200)), wrong="put"),
    "administration:procurement_list": page(PROCUREMENT_READERS),
    "administration:procurement_summary": page(PROCUREMENT_READERS),
    "administration:procurement_create": form(PROCUREMENT_EDITORS),
    "administration:procurement_detail": record("procurement", PROCUREMENT_READERS, default=403),
    "administration:procurement_edit": form(PROCUREMENT_EDITORS, _pk("procurement")),
    "administration:procurement_attach": action(
        "procurement", _upload, allowed=PROCUREMENT_EDITORS, viewers=PROCUREMENT_READERS, default=403
    ),
    "administration:announcement_list": page(PRESS_READERS),
    "administration:announcement_create": form(PRESS_EDITORS),
    "administration:announcement_detail": record("paid_announcement", PRESS_READERS, default=403),
    "administration:announcement_edit": form(PRESS_EDITORS, _pk("paid_announcement")),
    "administration:announcement_attach": action(
        "paid_announcement", _upload, allowed=PRESS_EDITORS, viewers=PRESS_READERS, default=403
    ),
    "administration:promotion_list": page(PRESS_READERS),
    "administration:promotion_create": form(PRESS_EDITORS),
    "administration:promotion_detail": record("promotion", PRESS_READERS, default=403),
    "administration:promotion_edit": form(PRESS_EDITORS, _pk("promotion")),
    "administration:promotion_accept": action(
        "promotion", lambda w: {}, allowed=PRESS_EDITORS, viewers=PRESS_READERS, default=403
    ),
    "administration:promotion_decline": action(
        "promotion",
        lambda w: {"decline-reason": "Za drogo."},
        allowed=PRESS_EDITORS,
        viewers=PRESS_READERS,
        default=403,
    ),
    "administration:promotion_attach": action(
        "promotion", _upload, allowed=PRESS_EDITORS, viewers=PRESS_READERS, default=403
    ),
    "administration:material_list": page(PRESS_READERS),
    "administration:material_create": form(PRESS_EDITORS),
    "administration:material_detail": record("material", PRESS_READERS, default=403),
    "administration:material_edit": form(PRESS_EDITORS, _pk("material")),
    "administration:material_close": action(
        "material", lambda w: {}, allowed=PRESS_EDITORS, viewers=PRESS_READERS, default=403
    ),
    "administration:material_reopen": action(
        "material", lambda w: {}, allowed=PRESS_EDITORS, viewers=PRESS_READERS, default=403
    ),
    "administration:social_list": HIDDEN_PAGE,
    "administration:social_create": Row("get", table(404), wrong="put"),
    "administration:social_detail": HIDDEN_RECORD,
    "administration:social_edit": Row("get", table(404), _pk("social"), wrong="put"),
    "administration:social_attach": Row("post", table(404), _pk("social"), data=_upload, wrong="get"),
}
