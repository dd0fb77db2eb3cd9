"""Services of the calendar app, by noun: ``entries`` (the public ones other apps call),
``requests`` (meeting requests), ``meetings`` (notes, decisions, briefings).

Other apps import only what is re-exported here (the import contract allows
``calendar_app.services``): put an entry on a calendar, change it, cancel it.
"""

from calendar_app.services.entries import (
    ENTRY_FIELDS,
    ConflictError,
    cancel_entry,
    ensure_calendars,
    schedule_entry,
    update_entry,
)

__all__ = ["ENTRY_FIELDS", "ConflictError", "cancel_entry", "ensure_calendars", "schedule_entry", "update_entry"]
