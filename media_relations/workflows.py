"""The allowed status transitions of the press office's records, in one place (services check them)."""

from __future__ import annotations

from media_relations.models import InquiryStatus as I
from media_relations.models import ReleaseStatus as R
from media_relations.models import ResponseStatus as C
from office.workflow import Workflow

#: new → gathering input → draft → approval → answered; from draft/approval also extended or
#: refused; extended → draft/approval/answered. A new inquiry that needs no input from units
#: goes to the draft at once; approval can send the draft back for changes.
INQUIRY_WORKFLOW = Workflow(
    "press inquiry",
    {
        I.NEW: {I.GATHERING_INPUT, I.DRAFT},
        I.GATHERING_INPUT: {I.DRAFT},
        I.DRAFT: {I.APPROVAL, I.EXTENDED, I.REFUSED},
        I.APPROVAL: {I.ANSWERED, I.DRAFT, I.EXTENDED, I.REFUSED},
        I.EXTENDED: {I.DRAFT, I.APPROVAL, I.ANSWERED},
        I.ANSWERED: set(),
        I.REFUSED: set(),
    },
)

#: Statuses in which the draft answer may be edited.
DRAFT_EDITABLE = {I.NEW, I.GATHERING_INPUT, I.DRAFT, I.APPROVAL, I.EXTENDED}

#: A response to a publication (statement, reply, correction) until it is closed.
RESPONSE_WORKFLOW = Workflow(
    "response to a publication",
    {
        C.DRAFT: {C.SENT, C.CLOSED},
        C.SENT: {C.PUBLISHED, C.REFUSED, C.CLOSED},
        C.PUBLISHED: {C.CLOSED},
        C.REFUSED: {C.COURT, C.CLOSED},
        C.COURT: {C.CLOSED},
        C.CLOSED: set(),
    },
)

RELEASE_WORKFLOW = Workflow(
    "press release",
    {
        R.DRAFT: {R.APPROVAL},
        R.APPROVAL: {R.DRAFT, R.PUBLISHED},
        R.PUBLISHED: set(),
    },
)
