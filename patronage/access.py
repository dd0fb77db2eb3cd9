"""Who sees and changes patronage applications.

The register (``patronage.view_application``): office staff, the secretariat, management and
auditors read it; office staff register and handle applications (``change_application``);
the decision needs ``decide_application`` (management, and the staff who record it on the
principal's behalf). A unit sees an application only through the opinion assignment in its inbox.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from office.access import require
from patronage.models import Application

VIEW = "patronage.view_application"
CHANGE = "patronage.change_application"
DECIDE = "patronage.decide_application"


def get_application_for_user(user: Any, pk: Any) -> Application:
    """The application, 404 when it does not exist, 403 without the right to read the register."""
    require(user.has_perm(VIEW))
    try:
        return Application.objects.select_related(
            "organiser", "opinion__unit", "decided_by", "decision_letter", "created_by"
        ).get(pk=pk)
    except (Application.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
