"""The allowed status transitions of the press office's records, in one place (services check them)."""

from __future__ import annotations

from media_relations.models import InquiryStatus, ReleaseStatus, ResponseStatus
from office.workflow import Workflow

#: new → gathering input → draft → approval → answered; from draft/approval also extended or
#: refused; extended → draft/approval/answered. A new inquiry that needs no input from units
#: goes to the draft at once; approval can send the draft back for changes.
INQUIRY_WORKFLOW = Workflow(
    "press inquiry",
    {
        InquiryStatus.NEW: {InquiryStatus.GATHERING_INPUT, InquiryStatus.DRAFT},
        InquiryStatus.GATHERING_INPUT: {InquiryStatus.DRAFT},
        InquiryStatus.DRAFT: {InquiryStatus.APPROVAL, InquiryStatus.EXTENDED, InquiryStatus.REFUSED},
        InquiryStatus.APPROVAL: {
            InquiryStatus.ANSWERED,
            InquiryStatus.DRAFT,
            InquiryStatus.EXTENDED,
            InquiryStatus.REFUSED,
        },
        InquiryStatus.EXTENDED: {InquiryStatus.DRAFT, InquiryStatus.APPROVAL, InquiryStatus.ANSWERED},
        InquiryStatus.ANSWERED: set(),
        InquiryStatus.REFUSED: set(),
    },
)

#: Statuses in which the draft answer may be edited.
DRAFT_EDITABLE = {
    InquiryStatus.NEW,
    InquiryStatus.GATHERING_INPUT,
    InquiryStatus.DRAFT,
    InquiryStatus.APPROVAL,
    InquiryStatus.EXTENDED,
}

#: A response to a publication (statement, reply, correction) until it is closed.
RESPONSE_WORKFLOW = Workflow(
    "response to a publication",
    {
        ResponseStatus.DRAFT: {ResponseStatus.SENT, ResponseStatus.CLOSED},
        ResponseStatus.SENT: {ResponseStatus.PUBLISHED, ResponseStatus.REFUSED, ResponseStatus.CLOSED},
        ResponseStatus.PUBLISHED: {ResponseStatus.CLOSED},
        ResponseStatus.REFUSED: {ResponseStatus.COURT, ResponseStatus.CLOSED},
        ResponseStatus.COURT: {ResponseStatus.CLOSED},
        ResponseStatus.CLOSED: set(),
    },
)

RELEASE_WORKFLOW = Workflow(
    "press release",
    {
        ReleaseStatus.DRAFT: {ReleaseStatus.APPROVAL},
        ReleaseStatus.APPROVAL: {ReleaseStatus.DRAFT, ReleaseStatus.PUBLISHED},
        ReleaseStatus.PUBLISHED: set(),
    },
)
