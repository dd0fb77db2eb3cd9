"""Services of the calendar app, by noun: ``entries`` (the public ones other apps call),
``requests`` (meeting requests), ``meetings`` (notes, decisions, briefings).

Other apps import only what is re-exported here (the import contract allows
``calendar_app.services``): an office holder's calendar, put an entry on it (of a kind, with a
visibility), change it, cancel it.
"""

from calendar_app.models import EntryKind, EntryStatus, Visibility
from calendar_app.services.entries import (
    ENTRY_FIELDS,
    ConflictError,
    calendar_of,
    cancel_entry,
    ensure_calendars,
    entry_by_id,
    schedule_entry,
    update_entry,
)

__all__ = [
    "ENTRY_FIELDS",
    "ConflictError",
    "EntryKind",
    "EntryStatus",
    "Visibility",
    "calendar_of",
    "cancel_entry",
    "ensure_calendars",
    "entry_by_id",
    "schedule_entry",
    "update_entry",
]
