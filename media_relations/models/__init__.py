"""Models of the press office, by noun: directory, inquiries, monitoring, releases, conferences, planning.

Statuses are plain fields; the allowed transitions of each record live in ``workflows.py`` and
every service checks them. No domain logic in ``save()``.
"""

from media_relations.models.conferences import (
    Conference,
    Invitation,
)
from media_relations.models.directory import (
    Channel,
    DistributionList,
    Journalist,
    JournalistOutlet,
    Outlet,
    OutletKind,
    Reach,
)
from media_relations.models.inquiries import (
    OPEN_INQUIRY_STATUSES,
    Inquiry,
    InquiryEvent,
    InquiryStatus,
    LegalBasis,
    QuoteAuthorisation,
)
from media_relations.models.monitoring import (
    Importance,
    Publication,
    ResponseCase,
    ResponseKind,
    ResponseStatus,
    Tone,
)
from media_relations.models.planning import (
    BulletinArticle,
    BulletinIssue,
    PlannedPost,
)
from media_relations.models.releases import (
    Delivery,
    Release,
    ReleaseStatus,
)

__all__ = [
    "OPEN_INQUIRY_STATUSES",
    "BulletinArticle",
    "BulletinIssue",
    "Channel",
    "Conference",
    "Delivery",
    "DistributionList",
    "Importance",
    "Inquiry",
    "InquiryEvent",
    "InquiryStatus",
    "Invitation",
    "Journalist",
    "JournalistOutlet",
    "LegalBasis",
    "Outlet",
    "OutletKind",
    "PlannedPost",
    "Publication",
    "QuoteAuthorisation",
    "Reach",
    "Release",
    "ReleaseStatus",
    "ResponseCase",
    "ResponseKind",
    "ResponseStatus",
    "Tone",
]
