"""The app kit: the pieces every feature app's views are built from.

- ``pages``: ``render_page`` (the fragment for htmx, the page otherwise), ``paginate`` (Django's
  elided page range), ``list_page`` (filterset → paginate → fragment), ``form_page`` and
  ``edit_record`` (the one create/edit page), ``apply_errors``, ``safe_next_url``.
- ``records``: ``record_context`` for a record's page (attachments, audit trail, assignments
  whose source is the record) and ``attach_action`` (the upload as an action).
- ``editors``: ``Editor``, the create and edit pages of one kind of record declared once.
- ``actions``: ``Action`` and ``ActionSet``: every action on a record has its own URL name,
  its own permission and its own view; there are no switchboard views.
- ``imports`` (reading files in ``spreadsheets``): ``Importer``, rows of a CSV or XLSX file added
  to a register after a preview of every row (new, duplicate, error) and a confirmation.

The templates the kit renders live in ``templates/kit/``. See docs/architecture.md ("A new
app, step by step") for how an app puts them together.
"""

from office.kit.actions import Action, ActionSet
from office.kit.editors import Editor
from office.kit.pages import (
    PageLink,
    apply_errors,
    edit_record,
    form_page,
    list_page,
    paginate,
    render_page,
    safe_next_url,
)
from office.kit.records import attach_action, record_context

__all__ = [
    "Action",
    "ActionSet",
    "Editor",
    "PageLink",
    "apply_errors",
    "attach_action",
    "edit_record",
    "form_page",
    "list_page",
    "paginate",
    "record_context",
    "render_page",
    "safe_next_url",
]
