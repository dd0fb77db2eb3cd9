"""The register of gifts given and received by the mayor and the deputies: the list (also as a
page to print), a gift's page with its photos, the form."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from events import access, services
from events.filters import GiftFilter
from events.forms import GiftForm
from events.models import Gift
from office.kit import ActionSet, Editor, PageLink, attach_action, list_page, record_context

VIEW = "events.view_gift"
CHANGE = "events.change_gift"
#: The printed register lists at most this many gifts (a year of them, in practice).
PRINT_ROWS = 2000


def _gifts() -> Any:
    return Gift.objects.select_related("holder", "counterpart", "event").order_by("-on", "-id")


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def gift_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=_gifts(),
        filterset_class=GiftFilter,
        fragment="events/gifts/_table.html",
        title=_("Register of gifts"),
        links=[
            PageLink(_("Register a gift"), reverse("events:gift_create"), "events.add_gift"),
            PageLink(_("Print"), reverse("events:gift_print") + ("?" + request.GET.urlencode() if request.GET else "")),
        ],
    )


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def gift_print(request: HttpRequest) -> HttpResponse:
    """The filtered register as a page to print (the browser's print to paper or PDF)."""
    filterset = GiftFilter(request.GET or None, queryset=_gifts())
    rows = filterset.qs if filterset.is_valid() else _gifts()
    return render(request, "events/gifts/print.html", {"rows": rows[:PRINT_ROWS], "filter": filterset})


EDITOR = Editor(
    form=GiftForm,
    save=lambda request, form: services.save_gift(actor=request.user, gift=form.save(commit=False)),
    success=gettext_lazy("The gift was saved."),
    detail="events:gift_detail",
    listing=("events:gift_list", gettext_lazy("Register of gifts")),
    titles=(gettext_lazy("Register a gift"), gettext_lazy("Change the gift")),
)
gift_create = EDITOR.create_view(permission="events.add_gift", new=lambda request: Gift())


def _load(request: HttpRequest, pk: Any) -> Gift:
    access.require(request.user.has_perm(VIEW))
    try:
        return _gifts().get(pk=pk)
    except (Gift.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _editable(request: HttpRequest, pk: Any) -> Gift:
    gift = _load(request, pk)
    access.require(request.user.has_perm(CHANGE))
    return gift


gift_edit = EDITOR.edit_view(load=_editable)


def _page(request: HttpRequest, gift: Gift, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "gift": gift,
        "can_change": request.user.has_perm(CHANGE),
        **ACTIONS.context(request, gift, bound),
        **record_context(
            request,
            gift,
            attach_url=reverse("events:gift_attach", args=[gift.pk]),
            can_attach=request.user.has_perm(CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "events/gifts/detail.html", context)


@require_GET
@login_required
def gift_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _load(request, pk))


ACTIONS = ActionSet(
    "gift",
    load=_load,
    done_url=lambda gift: reverse("events:gift_detail", args=[gift.pk]),
    redisplay=_page,
    permission=CHANGE,
    record_arg="gift",
    actions=[attach_action(allowed=lambda user, gift: user.has_perm(CHANGE))],
)
