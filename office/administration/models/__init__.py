"""The office's own administration, by noun: the budget lines with their plan changes,
commitments and execution (``budget``); small procurements, the euro rate of the regulation,
paid announcements and promotion undertakings (``spending``); the social fund's applications
(``social``); press materials requested from units (``materials``)."""

from office.administration.models.budget import (
    BudgetLine,
    Commitment,
    CommitmentKind,
    Execution,
    PlanChange,
)
from office.administration.models.materials import MaterialPurpose, MaterialRequest
from office.administration.models.social import SocialFundApplication, SocialFundKind, SocialFundStatus
from office.administration.models.spending import (
    Announcement,
    EuroRate,
    Procurement,
    Promotion,
    PromotionDecision,
    PromotionKind,
    SupplyType,
)

__all__ = [
    "Announcement",
    "BudgetLine",
    "Commitment",
    "CommitmentKind",
    "EuroRate",
    "Execution",
    "MaterialPurpose",
    "MaterialRequest",
    "PlanChange",
    "Procurement",
    "Promotion",
    "PromotionDecision",
    "PromotionKind",
    "SocialFundApplication",
    "SocialFundKind",
    "SocialFundStatus",
    "SupplyType",
]
