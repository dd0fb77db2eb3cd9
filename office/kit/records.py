"""A record's page: its attachments, its audit trail and the assignments made from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from office import access
from office.contributions import registry
from office.forms import AttachmentForm
from office.kit.actions import Action
from office.models import Assignment
from office.services import audit, reads
from office.services.attachments import attach, attachments_of


def assignments_of(user: Any, record: models.Model) -> list[Assignment]:
    """Assignments whose source is ``record`` that ``user`` may see, oldest first."""
    return list(
        access.assignments_visible_to(user)
        .filter(source_type=ContentType.objects.get_for_model(record), source_id=record.pk)
        .with_related()
        .order_by("created_at", "id")
    )


def record_links(user: Any, record: models.Model) -> list[Any]:
    """What other apps keep about ``record`` (its photo galleries, say), as ``ListItem``s: every
    ``record_links`` contribution is called with the record and returns a list (empty when it has
    nothing for this kind of record)."""
    return [
        item
        for outcome in registry.collect("record_links", user, record=record)
        if not outcome.failed
        for item in outcome.data
    ]


def record_context(
    request: HttpRequest,
    record: models.Model,
    *,
    attach_url: str = "",
    can_attach: bool = False,
    attachment_form: AttachmentForm | None = None,
    with_assignments: bool = False,
) -> dict[str, Any]:
    """What the shared partials of a record page need: ``attachments`` (with the upload form
    when ``can_attach``), ``trail`` (the audit trail) and, when asked, ``record_assignments``."""
    context = {
        "attachments": list(attachments_of(record)),
        "can_attach": can_attach and request.user.has_perm("office.add_attachment"),
        "attach_url": attach_url,
        # prefixed like the form the attach action validates (``attach-file``), so the page's upload posts
        # what the action reads
        "attachment_form": attachment_form or AttachmentForm(prefix="attach"),
        "trail": audit.trail_for(record),
        "record_links": record_links(request.user, record),
    }
    if with_assignments:
        context["record_assignments"] = assignments_of(request.user, record)
    reads.note_read(request, record)
    return context


def attach_action(*, allowed: Callable[[Any, Any], bool]) -> Action:
    """Uploading a file to a record, as one more action of its ActionSet (URL ``<name>_attach``).

    The action's permission is ``office.add_attachment``, not the set's, so ``allowed(user,
    record)`` must say who may add files to this kind of record (usually those who may change it).

    The upload is checked by ``office.services.attachments`` (type sniffed from the content,
    size); a refused file is shown on the record page's upload form with the reason."""
    return Action(
        "attach",
        run=lambda request, record, data: attach(
            actor=request.user, record=record, upload=data["file"], description=data["description"]
        ),
        form=AttachmentForm,
        permission="office.add_attachment",
        allowed=allowed,
        success=_("The file was attached."),
        form_key="attachment_form",
    )
