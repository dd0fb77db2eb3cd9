"""Models of business trips and foreign relations, by noun."""

from .rates import ApproverRule, Country, DomesticRate, ForeignRate, KmRate, TravellerKind, Vehicle
from .relations import Agreement, Delegation, DelegationStatus, Gift, PartnerCity, ProgrammeItem
from .trips import Leg, Settlement, Transport, Traveller, Trip, TripStatus

__all__ = [
    "Agreement",
    "ApproverRule",
    "Country",
    "Delegation",
    "DelegationStatus",
    "DomesticRate",
    "ForeignRate",
    "Gift",
    "KmRate",
    "Leg",
    "PartnerCity",
    "ProgrammeItem",
    "Settlement",
    "Transport",
    "Traveller",
    "TravellerKind",
    "Trip",
    "TripStatus",
    "Vehicle",
]
