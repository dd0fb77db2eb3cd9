"""The status graphs of the correspondence app, each in one place (services check them)."""

from correspondence.models import LetterStatus, MatterStatus, TranslationStatus
from office.workflow import Workflow

#: An incoming letter: decreed to units (or filed at once), answered by a reply, or filed
#: without one; a decree may be withdrawn (back to the principal), a filed letter reopened.
INCOMING_WORKFLOW = Workflow(
    "incoming letter",
    {
        LetterStatus.REGISTERED: {LetterStatus.DECREED, LetterStatus.ANSWERED, LetterStatus.CLOSED},
        LetterStatus.DECREED: {LetterStatus.REGISTERED, LetterStatus.ANSWERED, LetterStatus.CLOSED},
        LetterStatus.CLOSED: {LetterStatus.DECREED},
    },
)

#: An outgoing letter: prepared (numbered, not yet posted), then sent.
OUTGOING_WORKFLOW = Workflow("outgoing letter", {LetterStatus.PREPARED: {LetterStatus.SENT}})

MATTER_WORKFLOW = Workflow(
    "resident's matter",
    {
        MatterStatus.NEW: {MatterStatus.FORWARDED, MatterStatus.ANSWERED, MatterStatus.CLOSED},
        MatterStatus.FORWARDED: {MatterStatus.ANSWERED, MatterStatus.CLOSED},
        MatterStatus.ANSWERED: {MatterStatus.CLOSED},
    },
)

TRANSLATION_WORKFLOW = Workflow(
    "translation order",
    {
        TranslationStatus.ORDERED: {
            TranslationStatus.IN_PROGRESS,
            TranslationStatus.DELIVERED,
            TranslationStatus.CANCELLED,
        },
        TranslationStatus.IN_PROGRESS: {TranslationStatus.DELIVERED, TranslationStatus.CANCELLED},
    },
)
