"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for the press office.

Roles: press officers (and administrators) change everything; secretariat, management and
auditors read everything, management also approves; office staff read the media directory;
unit liaisons see nothing of the press office (a record: 404; a list or a create page: 403).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import Row, World, pk_of, table

EDITORS = frozenset({"administrator", "superuser", "press_officer"})
VIEWERS = EDITORS | {"secretariat", "management", "auditor"}
READERS = VIEWERS - EDITORS
DIRECTORY_VIEWERS = VIEWERS | {"office_staff"}
APPROVERS = frozenset({"administrator", "superuser", "management"})


def _upload(w: World) -> dict[str, Any]:
    return {
        "attach-file": SimpleUploadedFile("notatka.txt", b"Notatka.", "text/plain"),
        "attach-description": "notatka",
    }


def _list(viewers: frozenset[str] = VIEWERS) -> Row:
    return Row("get", table(403, (viewers, 200)), wrong="post")


def _create() -> Row:
    return Row("get", table(403, (EDITORS, 200)), wrong="put")


def _detail(name: str, viewers: frozenset[str] = VIEWERS) -> Row:
    return Row("get", table(404, (viewers, 200)), pk_of(name), wrong="post")


def _edit(name: str, viewers: frozenset[str] = VIEWERS) -> Row:
    return Row("get", table(404, (viewers - EDITORS, 403), (EDITORS, 200)), pk_of(name), wrong="put")


def _action(
    name: str,
    data: Any = None,
    *,
    done: int = 302,
    allowed: frozenset[str] = EDITORS,
    viewers: frozenset[str] = VIEWERS,
) -> Row:
    """A kit action on the world's ``name``: ``allowed`` get ``done`` (302 after the action, or
    200 when the record page comes back with the form's errors), other viewers 403, the rest 404."""
    return Row(
        "post",
        table(404, (viewers, 403), (allowed, done)),
        pk_of(name),
        data=data or (lambda w: {}),
        wrong="get",
    )


def _today(w: World) -> str:
    return timezone.localdate().isoformat()


EXPECTED: dict[str, Row] = {
    "media_relations:outlet_list": _list(DIRECTORY_VIEWERS),
    "media_relations:outlet_create": _create(),
    "media_relations:outlet_detail": _detail("outlet", DIRECTORY_VIEWERS),
    "media_relations:outlet_edit": _edit("outlet", DIRECTORY_VIEWERS),
    "media_relations:journalist_list": _list(DIRECTORY_VIEWERS),
    "media_relations:journalist_create": _create(),
    "media_relations:journalist_detail": _detail("journalist", DIRECTORY_VIEWERS),
    "media_relations:journalist_edit": _edit("journalist", DIRECTORY_VIEWERS),
    # importing journalists from a spreadsheet: as adding one (the file's preview is the core's)
    "media_relations:journalist_import": _create(),
    "media_relations:journalist_import_template": Row("get", table(403, (EDITORS, 200)), wrong="post"),
    "media_relations:distribution_lists": _list(DIRECTORY_VIEWERS),
    "media_relations:distribution_list_create": _create(),
    "media_relations:distribution_list_edit": _edit("distribution_list", DIRECTORY_VIEWERS),
    "media_relations:inquiry_list": _list(),
    "media_relations:inquiry_create": _create(),
    "media_relations:inquiry_detail": _detail("inquiry"),
    "media_relations:inquiry_edit": _edit("inquiry"),
    "media_relations:inquiry_draft": _edit("inquiry"),
    "media_relations:inquiry_gather": _action("inquiry"),
    "media_relations:inquiry_start_draft": _action("inquiry"),
    "media_relations:inquiry_send_back": _action("inquiry"),
    # a new inquiry cannot go to approval: the refusal comes back as a message
    "media_relations:inquiry_submit": _action("inquiry"),
    # nothing awaits approval: the page comes back with the reason on the form
    "media_relations:inquiry_approve": _action(
        "inquiry", lambda w: {"approve-version": 0}, done=200, allowed=APPROVERS
    ),
    "media_relations:inquiry_input": _action(
        "inquiry",
        lambda w: {"input-unit": w.units["WOK"].pk, "input-due_date": _today(w), "input-question": "Dane?"},
    ),
    "media_relations:inquiry_send": _action("inquiry", lambda w: {"send-channel": "email"}, done=200),
    "media_relations:inquiry_extend": _action("inquiry", lambda w: {"extend-reason": "Zbieramy dane."}, done=200),
    "media_relations:inquiry_refuse": _action("inquiry", lambda w: {"refuse-refusal_by": "Rzecznik"}, done=200),
    "media_relations:inquiry_written_refusal": _action("inquiry", done=200),
    "media_relations:inquiry_quote": _action(
        "inquiry", lambda w: {"quote-text": "Cytat", "quote-sent_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")}
    ),
    "media_relations:inquiry_link": _action("inquiry"),
    "media_relations:inquiry_attach": _action("inquiry", _upload),
    "media_relations:quote_answer": _action("quote", lambda w: {f"answer-{w.extra['quote'].pk}-status": "authorised"}),
    "media_relations:publication_list": _list(),
    "media_relations:publication_options": _list(),
    "media_relations:publication_create": _create(),
    "media_relations:publication_detail": _detail("publication"),
    "media_relations:publication_edit": _edit("publication"),
    "media_relations:publication_attach": _action("publication", _upload),
    "media_relations:publication_respond": _action(
        "publication", lambda w: {"respond-kind": "statement", "respond-text": "Stanowisko"}
    ),
    "media_relations:response_list": _list(),
    "media_relations:response_text": _action(
        "response", lambda w: {f"text-{w.extra['response'].pk}-text": "Nowe stanowisko"}
    ),
    "media_relations:response_sent": _action(
        "response", lambda w: {f"sent-{w.extra['response'].pk}-sent_on": _today(w)}
    ),
    "media_relations:response_outcome": _action(
        "response",
        lambda w: {
            f"outcome-{w.extra['response'].pk}-target": "closed",
            f"outcome-{w.extra['response'].pk}-on": _today(w),
        },
    ),
    "media_relations:release_list": _list(),
    "media_relations:release_create": _create(),
    "media_relations:release_detail": _detail("draft_release"),
    "media_relations:release_edit": _edit("draft_release"),
    "media_relations:release_progress": _detail("release"),
    "media_relations:release_distribute": _action(
        "release", lambda w: {"distribute-lists": [w.extra["distribution_list"].pk]}
    ),
    "media_relations:release_attach": _action("release", _upload),
    "media_relations:release_submit": _action("draft_release"),
    # a draft cannot be sent back or published before it is submitted: a message, no change
    "media_relations:release_send_back": _action("draft_release"),
    "media_relations:release_publish": _action("draft_release", allowed=APPROVERS),
    # a message left uncertain by a dead worker: decided by those who send the release
    "media_relations:delivery_send_again": _action("uncertain_delivery"),
    "media_relations:delivery_mark_sent": _action("uncertain_delivery"),
    "media_relations:newsroom": Row("get", table(200, anonymous=200), wrong="post"),
    "media_relations:newsroom_detail": Row(
        "get", table(200, anonymous=200), lambda w: {"slug": w.extra["release"].slug}, wrong="post"
    ),
    "media_relations:newsroom_file": Row(
        "get",
        table(200, anonymous=200),
        lambda w: {"slug": w.extra["release"].slug, "file_id": w.extra["release_photo"].pk},
        wrong="post",
    ),
    "media_relations:conference_edit": _edit("conference"),
    "media_relations:conference_list": _list(),
    "media_relations:conference_create": _create(),
    "media_relations:conference_detail": _detail("conference"),
    "media_relations:conference_attendance": _action(
        "conference", lambda w: {"attendance-attended": [w.extra["outlet"].pk]}
    ),
    "media_relations:conference_attach": _action("conference", _upload),
    "media_relations:plan": _list(),
    "media_relations:post_create": _create(),
    "media_relations:post_edit": _edit("post"),
    "media_relations:bulletin_list": _list(),
    "media_relations:bulletin_create": _create(),
    "media_relations:bulletin_detail": _detail("issue"),
    "media_relations:article_create": _edit("issue"),
    "media_relations:article_edit": _edit("article"),
    "media_relations:bulletin_approve": _action("issue", allowed=APPROVERS),
    "media_relations:bulletin_pdf": _action("issue", allowed=VIEWERS),
    "media_relations:statistics": _list(),
}


def build(world: World) -> None:
    from media_relations.models import (
        BulletinArticle,
        BulletinIssue,
        Conference,
        Delivery,
        DistributionList,
        Journalist,
        JournalistOutlet,
        Outlet,
        PlannedPost,
        Publication,
        Release,
    )
    from media_relations.services import inquiries, monitoring

    officer = world.people["press_officer"]
    outlet = Outlet.objects.create(name="Gazeta Przykładowska", kind="daily")
    journalist = Journalist.objects.create(name="Agnieszka Nowakowska", email="a.n@example.com")
    JournalistOutlet.objects.create(journalist=journalist, outlet=outlet, started_on=dt.date(2020, 1, 1))
    distribution_list = DistributionList.objects.create(name="Wszystkie redakcje")
    distribution_list.journalists.add(journalist)
    inquiry = inquiries.register_inquiry(
        actor=officer,
        journalist=journalist,
        subject="Remont wiaduktu",
        questions="Kiedy?",
        legal_basis="press_information",
    )
    quote = inquiries.send_quote_for_authorisation(actor=officer, journalist=journalist, inquiry=inquiry, text="Cytat")
    publication = Publication.objects.create(outlet=outlet, published_on=timezone.localdate(), title="Artykuł")
    response = monitoring.open_response(actor=officer, publication=publication, kind="statement", text="Stanowisko")
    release = Release.objects.create(
        title="Komunikat", slug="komunikat", body="Treść", status="published", published_at=timezone.now()
    )
    draft_release = Release.objects.create(title="Szkic", slug="szkic", body="Treść")
    uncertain_delivery = Delivery.objects.create(
        release=release, journalist=journalist, email=journalist.email, status=Delivery.Status.UNCERTAIN
    )
    from django.core.files.base import ContentFile

    from office.models import Attachment

    photo = Attachment(
        record=release, original_name="otwarcie.png", size=4, mime_type="image/png", description="Otwarcie mostu"
    )
    photo.file.save("otwarcie.png", ContentFile(b"\x89PNG"), save=False)
    photo.save()
    start = timezone.now() + dt.timedelta(days=2)
    conference = Conference.objects.create(
        topic="Budżet", starts_at=start, ends_at=start + dt.timedelta(hours=1), place="Sala Sesyjna"
    )
    post = PlannedPost.objects.create(title="Wpis", channel="website", planned_at=start)
    issue = BulletinIssue.objects.create(number="1/2030", title="Biuletyn", planned_on=dt.date(2030, 1, 1))
    article = BulletinArticle.objects.create(issue=issue, title="Artykuł", deadline=dt.date(2029, 12, 1))
    world.extra.update(
        outlet=outlet,
        journalist=journalist,
        distribution_list=distribution_list,
        inquiry=inquiry,
        quote=quote,
        publication=publication,
        response=response,
        release=release,
        draft_release=draft_release,
        uncertain_delivery=uncertain_delivery,
        release_photo=photo,
        conference=conference,
        post=post,
        issue=issue,
        article=article,
    )
