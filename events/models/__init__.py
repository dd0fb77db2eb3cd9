"""The events app's models, by noun."""

from events.models.events import (
    COMING,
    ChecklistItem,
    Event,
    EventKind,
    EventStatus,
    Observance,
    ObservanceKind,
)
from events.models.galleries import PUBLISHABLE, Consent, Gallery, Licence, Photo, PhotoStatus, Video
from events.models.gifts import Gift, GiftDirection, ValueBand
from events.models.guests import MAX_COMPANIONS, Answer, Guest, Precedence

__all__ = [
    "COMING",
    "MAX_COMPANIONS",
    "PUBLISHABLE",
    "Answer",
    "ChecklistItem",
    "Consent",
    "Event",
    "EventKind",
    "EventStatus",
    "Gallery",
    "Gift",
    "GiftDirection",
    "Guest",
    "Licence",
    "Observance",
    "ObservanceKind",
    "Photo",
    "PhotoStatus",
    "Precedence",
    "ValueBand",
    "Video",
]
