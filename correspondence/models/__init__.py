"""Models of the correspondence app, by noun."""

from correspondence.models.archive import ArchiveTransfer, JrwaClass
from correspondence.models.matters import (
    ANONYMISED,
    OPEN_MATTER_STATUSES,
    MatterChannel,
    MatterKind,
    MatterStatus,
    ReplyChannel,
    ResidentMatter,
)
from correspondence.models.register import (
    OPEN_LETTER_STATUSES,
    Channel,
    Decree,
    Direction,
    Letter,
    LetterKind,
    LetterStatus,
    SignCounter,
)
from correspondence.models.templates import BatchStatus, Layout, LetterBatch, LetterTemplate, TemplateKind
from correspondence.models.translations import OPEN_TRANSLATION_STATUSES, TranslationOrder, TranslationStatus
from correspondence.models.visitors import Handover, PaperDocument, Visit

__all__ = [
    "ANONYMISED",
    "OPEN_LETTER_STATUSES",
    "OPEN_MATTER_STATUSES",
    "OPEN_TRANSLATION_STATUSES",
    "ArchiveTransfer",
    "BatchStatus",
    "Channel",
    "Decree",
    "Direction",
    "Handover",
    "JrwaClass",
    "Layout",
    "Letter",
    "LetterBatch",
    "LetterKind",
    "LetterStatus",
    "LetterTemplate",
    "MatterChannel",
    "MatterKind",
    "MatterStatus",
    "PaperDocument",
    "ReplyChannel",
    "ResidentMatter",
    "SignCounter",
    "TemplateKind",
    "TranslationOrder",
    "TranslationStatus",
    "Visit",
]
