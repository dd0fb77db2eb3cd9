"""Querysets for the correspondence pages: related rows joined, scoped to what the user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from correspondence import access
from correspondence.models import (
    Decree,
    Direction,
    Letter,
    LetterBatch,
    LetterStatus,
    PaperDocument,
    ResidentMatter,
    TranslationOrder,
    Visit,
)

#: What the register's rows never show: left out of its query (the sort by sign sorts every row).
LONG_TEXTS = ("summary", "salutation", "body", "closing", "closing_note", "extension_reason", "deadline_basis")


def letters(user: Any) -> QuerySet[Letter]:
    """The register as the user may see it, newest first, with what a row shows."""
    return (
        access.letters_visible_to(user)
        .select_related("unit", "jrwa_class", "principal")
        .defer(*LONG_TEXTS)
        .prefetch_related(Prefetch("decrees", Decree.objects.filter(unit__isnull=False).select_related("unit")))
        .order_by("-created_at", "-id")
    )


def letter_page(letter: Letter) -> dict[str, Any]:
    """What the letter's page shows besides the letter: its decrees, replies, the letter it answers."""
    return {
        "decrees": list(letter.decrees.select_related("unit", "to_holder", "on_behalf_of", "decreed_by", "assignment")),
        "replies": list(letter.replies.select_related("principal").order_by("created_at")),
        "matters": list(letter.resident_matters.only("pk", "subject", "status")),
    }


def matters() -> QuerySet[ResidentMatter]:
    return ResidentMatter.objects.select_related("unit", "principal").order_by("-received_on", "-id")


def visits() -> QuerySet[Visit]:
    return Visit.objects.select_related("host").order_by("expected_at", "id")


def visits_today() -> QuerySet[Visit]:
    return visits().filter(expected_at__date=timezone.localdate())


def documents() -> QuerySet[PaperDocument]:
    return PaperDocument.objects.select_related("holder", "holder_unit", "letter").order_by("-held_since", "-id")


def batches() -> QuerySet[LetterBatch]:
    return LetterBatch.objects.select_related("template", "signatory", "created_by").order_by("-created_at")


def translations() -> QuerySet[TranslationOrder]:
    return TranslationOrder.objects.select_related("translator", "letter").order_by("-ordered_on", "-id")


def letters_to_decree(holder_ids: list[int]) -> QuerySet[Letter]:
    return Letter.objects.filter(
        principal_id__in=holder_ids, status=LetterStatus.REGISTERED, direction=Direction.INCOMING
    ).order_by("received_on", "id")
