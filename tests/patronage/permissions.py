"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for honorary patronage.

Office staff register and handle applications; the decision is theirs to record and
management's; the secretariat, management and auditors read the register; press officers and
unit liaisons have no access (403: there is no record scope, only the permission).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import Row, World, table
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

ADMINS = frozenset({"administrator", "superuser"})
EDITORS = ADMINS | {"office_staff"}
DECIDERS = EDITORS | {"management"}
READERS = EDITORS | {"secretariat", "management", "auditor"}


def build(world: World) -> None:
    from patronage.models import Cooperation, HonoraryTitle
    from tests.patronage.factories import granted_application, new_application

    world.extra["application"] = new_application(
        world.people["office_staff"], world.contact, tracking_token="status-link-token-0123456789"
    )
    world.extra["granted"] = granted_application(world.people["office_staff"], world.contact)
    world.extra["title"] = HonoraryTitle.objects.create(kind="medal", nominee=world.contact, proposed_by="Klub Radnych")
    world.extra["cooperation"] = Cooperation.objects.create(
        kind="competition",
        name="Konkurs plastyczny",
        partner=world.contact,
        starts_on=dt.date(2026, 5, 1),
        ends_on=dt.date(2026, 5, 1),
    )


def _upload(w: World) -> dict[str, Any]:
    return {"attach-file": SimpleUploadedFile("foto.txt", b"Relacja.", "text/plain"), "attach-description": "relacja"}


def _holder(w: World) -> int:
    from office.models import OfficeHolder

    return OfficeHolder.objects.filter(role="mayor").order_by("pk").first().pk  # other apps may add holders


def _template(w: World) -> int:
    from patronage import services

    return services.decision_templates().get().pk


def _row(name: str, data: Any, allowed: frozenset[str], target: str = "application") -> Any:
    return action(target, data, allowed=allowed, viewers=READERS, default=403)


EXPECTED = {
    "patronage:application_list": page(READERS),
    "patronage:statistics": page(READERS),
    # the public pages: everybody, signed in or not
    "patronage:public_apply": Row("get", table(200, anonymous=200), wrong="put"),
    "patronage:public_thanks": Row("get", table(200, anonymous=200), wrong="post"),
    "patronage:public_status": Row(
        "get", table(200, anonymous=200), lambda w: {"token": w.extra["application"].tracking_token}, wrong="post"
    ),
    "patronage:public_granted": Row("get", table(200, anonymous=200), wrong="post"),
    "patronage:application_create": form(EDITORS),
    "patronage:application_detail": record("application", READERS, default=403),
    "patronage:application_edit": form(EDITORS, lambda w: {"pk": w.extra["application"].pk}),
    "patronage:application_opinion": _row(
        "opinion", lambda w: {"opinion-unit": w.units["WOK"].pk, "opinion-instruction": "Opinia."}, EDITORS
    ),
    "patronage:application_decide": _row(
        "decide", lambda w: {"decide-grant": "yes", "decide-decided_by": _holder(w), "decide-reasons": ""}, DECIDERS
    ),
    "patronage:application_letter": _row(
        "letter", lambda w: {"letter-template": _template(w)}, EDITORS, target="granted"
    ),
    "patronage:application_report": _row(
        "report",
        lambda w: {
            "report-text": "Odbyło się.",
            "report-audience": "120",
            "report-filed_on": timezone.localdate().isoformat(),
        },
        EDITORS,
        target="granted",
    ),
    "patronage:application_attend": _row(
        "attend",
        lambda w: {"attend-holder": _holder(w), "attend-start": "2026-06-01T10:00", "attend-end": "2026-06-01T12:00"},
        EDITORS,
        target="granted",
    ),
    "patronage:application_withdraw": _row("withdraw", lambda w: {"withdraw-text": ""}, EDITORS),
    "patronage:application_attach": _row("attach", _upload, EDITORS),
    "patronage:title_list": page(READERS),
    "patronage:title_create": form(EDITORS),
    "patronage:title_detail": record("title", READERS, default=403),
    "patronage:title_edit": form(EDITORS, lambda w: {"pk": w.extra["title"].pk}),
    "patronage:title_attach": _row("attach", _upload, EDITORS, target="title"),
    "patronage:cooperation_list": page(READERS),
    "patronage:cooperation_create": form(EDITORS),
    "patronage:cooperation_detail": record("cooperation", READERS, default=403),
    "patronage:cooperation_edit": form(EDITORS, lambda w: {"pk": w.extra["cooperation"].pk}),
    "patronage:cooperation_attach": _row("attach", _upload, EDITORS, target="cooperation"),
}
