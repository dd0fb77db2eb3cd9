"""What waits for the user's own decision, from every app that asks for one: one list, most
pressing first (the apps' ``approval`` providers, merged by ``office.services.approvals``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from office.kit import paginate, render_page
from office.services import approvals

FRAGMENT = "office/approvals/_table.html"


@require_GET
@login_required
def awaiting_decision(request: HttpRequest) -> HttpResponse:
    if not approvals.decides_anything(request.user):
        raise PermissionDenied
    waiting = approvals.awaiting(request.user)
    context = {
        "title": _("Awaiting my decision"),
        "results": FRAGMENT,
        "page_obj": paginate(request, waiting.items),
        "unavailable": waiting.unavailable,
        "today": timezone.localdate(),
    }
    return render_page(request, "office/approvals/page.html", context, fragment=FRAGMENT)
