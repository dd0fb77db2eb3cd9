"""What the office's own administration declares to the office registry: the finance reader's
role, the permissions of every role, navigation, widgets, search, the digest, the importer of
execution, the record checks of attachments and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from office.administration.access import social_fund_visible
from office.administration.models import (
    Announcement,
    BudgetLine,
    MaterialRequest,
    Procurement,
    Promotion,
    SocialFundApplication,
)
from office.administration.views.budget import EXECUTION_IMPORT
from office.contributions import (
    DigestSection,
    ListItem,
    NavLink,
    Role,
    SearchHit,
    Widget,
    has_perm,
    list_widget,
    register,
    registry,
    search_hits,
)

FINANCE_READER = registry.add_role(
    Role(
        "finance_reader",
        "Finanse – odczyt",
        gettext_lazy("Finance reader"),
        gettext_lazy("Reads the office's budget lines, commitments and procurements."),
        order=100,
    )
)
registry.grant(
    FINANCE_READER.key,
    ["office.view_contact", "office.view_orgunit", "office.view_officeholder", "office.view_assignment"],
)


def _perms(models: tuple[str, ...], actions: tuple[str, ...]) -> list[str]:
    return [f"administration.{action}_{model}" for model in models for action in actions]


_BUDGET = ("budgetline", "planchange", "commitment", "execution")
_SPENDING = ("announcement", "promotion", "materialrequest")
_ALL = (*_BUDGET, "procurement", *_SPENDING)
_EDIT = ("view", "add", "change")

# office staff keep everything; the secretariat registers the procurements (the office's orders)
# and, with the press officers, announcements, promotion and press materials; readers read
registry.grant("office_staff", _perms(_ALL, _EDIT))
registry.grant("secretariat", [*_perms(_BUDGET, ("view",)), *_perms(("procurement", *_SPENDING), _EDIT)])
registry.grant("press_officer", _perms(_SPENDING, _EDIT))
registry.grant("finance_reader", _perms((*_BUDGET, "procurement"), ("view",)))
registry.grant("auditor", _perms((*_BUDGET, "procurement"), ("view",)))
registry.grant("management", _perms(_ALL, ("view",)))
registry.add_importer(EXECUTION_IMPORT)
registry.add_personal_data(SocialFundApplication, detail="administration:social_detail")

for _model in (BudgetLine, Procurement, Announcement, Promotion, MaterialRequest):
    _name = _model._meta.model_name
    registry.add_view_check(_model, lambda user, record, _name=_name: user.has_perm(f"administration.view_{_name}"))
registry.add_view_check(SocialFundApplication, lambda user, application: social_fund_visible(user))

#: The first page of the app a user may open, in this order.
_PAGES = (
    ("administration.view_budgetline", "administration:budget"),
    ("administration.view_procurement", "administration:procurement_list"),
    ("administration.view_announcement", "administration:announcement_list"),
    ("administration.view_promotion", "administration:promotion_list"),
    ("administration.view_materialrequest", "administration:material_list"),
)
_READERS = has_perm(*(perm for perm, _url in _PAGES))


@register("navigation", "administration", order=80, visible=_READERS)
def administration_link(user: Any) -> NavLink:
    url = next(reverse(name) for perm, name in _PAGES if user.has_perm(perm))
    return NavLink(str(gettext_lazy("Administration")), url, active_prefix="/administration/")


@register("navigation", "social_fund", order=81, visible=social_fund_visible)
def social_fund_link(user: Any) -> NavLink:
    return NavLink(
        str(gettext_lazy("Social fund")),
        reverse("administration:social_list"),
        active_prefix="/administration/social-fund/",
    )


# --- Widgets and the digest ------------------------------------------------------------------


def _line_item(line: BudgetLine) -> ListItem:
    return ListItem(
        label=f"{line.classification} {line.name}",
        url=reverse("administration:line_detail", args=[line.pk]),
        meta=_("%(percent)s %% used, %(remaining)s PLN left") % {"percent": line.percent, "remaining": line.remaining},
        badge=line.mark,
        is_warning=True,
    )


def _lines_nearly_used() -> Any:
    year = timezone.localdate().year
    return (
        BudgetLine.objects.filter(year=year)
        .with_figures()
        .nearly_used()
        .order_by("division", "chapter", "paragraph", "name")
    )


@register("widget", "budget_lines_nearly_used", order=80, visible=has_perm("administration.view_budgetline"))
def budget_lines_widget(user: Any) -> Widget:
    return list_widget(
        _lines_nearly_used(),
        _line_item,
        # xgettext:no-python-format
        title=_("Budget lines with 90 % or more used"),
        more_url=reverse("administration:budget") + "?nearly_used=on&year=" + str(timezone.localdate().year),
        empty_text=_("Every line of this year has more than a tenth of its plan left."),
    )


def _material_item(request: MaterialRequest) -> ListItem:
    return ListItem(
        label=request.title,
        url=reverse("administration:material_detail", args=[request.pk]),
        meta=_("due %(date)s") % {"date": date_format(request.due_date, "SHORT_DATE_FORMAT")},
        badge=_("overdue") if request.overdue else "",
        is_warning=request.overdue,
    )


def _requests_due() -> Any:
    return MaterialRequest.objects.filter(closed_at__isnull=True).order_by("due_date", "id")


@register("widget", "press_materials_due", order=81, visible=has_perm("administration.view_materialrequest"))
def materials_widget(user: Any) -> Widget:
    return list_widget(
        _requests_due(),
        _material_item,
        title=_("Press-material requests due"),
        more_url=reverse("administration:material_list") + "?open=on",
        empty_text=_("No request for press materials is open."),
    )


@register("digest", "budget_lines_nearly_used", order=80, visible=has_perm("administration.change_budgetline"))
def digest_budget(user: Any) -> DigestSection:
    return DigestSection(
        # xgettext:no-python-format
        _("Budget lines with 90 % or more used"),
        [_line_item(line) for line in _lines_nearly_used()[:50]],
    )


@register("digest", "press_materials_due", order=81, visible=has_perm("administration.change_materialrequest"))
def digest_materials(user: Any) -> DigestSection:
    soon = timezone.localdate() + dt.timedelta(days=3)
    return DigestSection(
        _("Press materials due from units"),
        [_material_item(r) for r in _requests_due().filter(due_date__lte=soon)[:50]],
    )


# --- Search ---------------------------------------------------------------------------------------


@register("search", "budget_lines", order=80, visible=has_perm("administration.view_budgetline"))
def search_lines(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        BudgetLine.objects.order_by("-year", "division", "chapter", "paragraph"),
        query,
        ("name", "chapter", "paragraph"),
        title=_("Budget lines"),
        hit=lambda line: (
            f"{line.classification} {line.name}",
            reverse("administration:line_detail", args=[line.pk]),
            str(line.year),
        ),
    )


@register("search", "small_procurements", order=81, visible=has_perm("administration.view_procurement"))
def search_procurements(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Procurement.objects.order_by("-year", "-number"),
        query,
        ("subject", "contractor", "invoice", "order_number"),
        title=_("Small procurements"),
        hit=lambda p: (str(p), reverse("administration:procurement_detail", args=[p.pk]), p.contractor),
    )


@register("search", "paid_announcements", order=82, visible=has_perm("administration.view_announcement"))
def search_announcements(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Announcement.objects.order_by("-published_from"),
        query,
        ("title", "outlet", "text"),
        title=_("Paid announcements"),
        hit=lambda a: (a.title, reverse("administration:announcement_detail", args=[a.pk]), a.outlet),
    )


@register("search", "promotion_undertakings", order=83, visible=has_perm("administration.view_promotion"))
def search_promotions(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Promotion.objects.order_by("-starts_on"),
        query,
        ("title", "partner"),
        title=_("Promotion undertakings"),
        hit=lambda p: (p.title, reverse("administration:promotion_detail", args=[p.pk]), p.get_decision_display()),
    )


@register("search", "press_materials", order=84, visible=has_perm("administration.view_materialrequest"))
def search_materials(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        MaterialRequest.objects.order_by("-due_date"),
        query,
        ("title", "instructions"),
        title=_("Press materials from units"),
        hit=lambda r: (r.title, reverse("administration:material_detail", args=[r.pk]), r.get_purpose_display()),
    )


@register("search", "social_fund", order=85, visible=social_fund_visible)
def search_social_fund(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        SocialFundApplication.objects.order_by("-year", "-number"),
        query,
        ("applicant",),
        title=_("Social fund applications"),
        hit=lambda a: (
            f"{a.reference} {a.applicant}",
            reverse("administration:social_detail", args=[a.pk]),
            a.get_status_display(),
        ),
    )


# --- A record's commitments on its own page --------------------------------------------------------


@register("record_links", "budget_commitments", order=80, visible=has_perm("administration.view_commitment"))
def record_commitments(user: Any, *, record: Any) -> list[ListItem]:
    """What a record of any app (a trip, an event, a procurement) committed on the budget lines."""
    if getattr(record, "pk", None) is None or isinstance(record, BudgetLine):
        return []
    from office.administration.services import commitments_of

    return [
        ListItem(
            label=_("Committed on %(line)s") % {"line": f"{c.line.classification} {c.line.name} ({c.line.year})"},
            url=reverse("administration:line_detail", args=[c.line_id]),
            meta=_("%(amount)s PLN, %(date)s")
            % {"amount": number_format(c.amount, 2), "date": date_format(c.committed_on, "SHORT_DATE_FORMAT")},
            badge="" if c.is_active else _("cancelled"),
        )
        for c in commitments_of(record).order_by("-committed_on", "-id")[:20]
    ]


@register("demo", "administration", order=80)
def demo(admin: Any) -> None:
    from office.administration.demo import seed

    seed(admin)
