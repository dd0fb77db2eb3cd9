"""Models of the associations app, by noun: the register of ordinary associations (``register``),
associations and foundations of the court register under the mayor's supervision (``krs``), and the
city's memberships of unions and associations (``memberships``)."""

from associations.models.krs import (
    CourtOpinion,
    FoundationReport,
    KrsOrganisation,
    LegalForm,
    SupervisionCase,
    SupervisionKind,
    validate_krs_number,
)
from associations.models.memberships import Membership, MembershipKind
from associations.models.register import (
    CHECKLIST,
    AssociationStatus,
    AssociationVersion,
    Founder,
    OrdinaryAssociation,
    Representation,
    VersionKind,
)

__all__ = [
    "CHECKLIST",
    "AssociationStatus",
    "AssociationVersion",
    "CourtOpinion",
    "FoundationReport",
    "Founder",
    "KrsOrganisation",
    "LegalForm",
    "Membership",
    "MembershipKind",
    "OrdinaryAssociation",
    "Representation",
    "SupervisionCase",
    "SupervisionKind",
    "VersionKind",
    "validate_krs_number",
]
