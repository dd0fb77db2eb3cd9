"""What the press office contributes: navigation, dashboard widgets, search, role permissions,
the weekly digest schedule, attachment view checks, demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

import media_relations.deadlines
import media_relations.report_sections  # (the section of the mayor's reports)
import media_relations.reports  # noqa: F401  (declares the bulletin PDF job kind)
from media_relations import access
from media_relations.models import (
    OPEN_INQUIRY_STATUSES,
    BulletinArticle,
    BulletinIssue,
    Conference,
    Importance,
    Inquiry,
    InquiryEvent,
    InquiryStatus,
    Journalist,
    Outlet,
    Publication,
    Release,
    ReleaseStatus,
    Tone,
)
from media_relations.views.directory import JOURNALIST_IMPORT
from office.contributions import (
    Approval,
    Approvals,
    ListItem,
    NavLink,
    Role,
    Schedule,
    SearchHit,
    Widget,
    approvals,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)
from office.roles import STAFF_CORE

_PRESS_MODELS = [
    "outlet",
    "journalist",
    "journalistoutlet",
    "distributionlist",
    "inquiry",
    "inquiryevent",
    "quoteauthorisation",
    "publication",
    "responsecase",
    "release",
    "delivery",
    "conference",
    "invitation",
    "plannedpost",
    "bulletinissue",
    "bulletinarticle",
]
_DIRECTORY_MODELS = ["outlet", "journalist", "journalistoutlet", "distributionlist"]


def _perms(actions: tuple[str, ...], models: list[str]) -> list[str]:
    return [f"media_relations.{action}_{model}" for model in models for action in actions]


PRESS_OFFICER = registry.add_role(
    Role(
        "press_officer",
        "Biuro prasowe",
        gettext_lazy("Press officer"),
        gettext_lazy("Handles media inquiries, publications, releases and conferences."),
        order=20,
    )
)

registry.grant(PRESS_OFFICER.key, [*STAFF_CORE, *_perms(("view", "add", "change"), _PRESS_MODELS)])
for _role in ("secretariat", "auditor"):
    registry.grant(_role, _perms(("view",), _PRESS_MODELS))
registry.grant("management", [*_perms(("view",), _PRESS_MODELS), "media_relations.approve_answer"])
registry.grant("office_staff", _perms(("view",), _DIRECTORY_MODELS))

registry.add_schedule(
    Schedule(
        "Tygodniowy przegląd mediów (e-mail)",
        "media_relations.tasks.send_weekly_digests",
        minute="0",
        hour="7",
        day_of_week="1",
    )
)
registry.add_schedule(
    Schedule(
        "Komunikaty prasowe: wysyłki przerwane przez awarię workera",
        "media_relations.tasks.recover_deliveries",
        minute="*",
        hour="*",
    )
)

for _model in (Inquiry, Publication, Release, Conference):
    registry.add_view_check(_model, lambda user, obj: access.can_view(user, type(obj)))
registry.add_personal_data(Journalist, detail="media_relations:journalist_detail")


def _stuck_deliveries() -> int:
    from media_relations.services.releases import stuck_deliveries

    return stuck_deliveries().count()


registry.add_stuck_work("release_deliveries", _stuck_deliveries)
registry.add_importer(JOURNALIST_IMPORT)


# --- Navigation -----------------------------------------------------------------------------------


navigation(
    "press_inquiries",
    gettext_lazy("Press"),
    "media_relations:inquiry_list",
    order=20,
    visible=has_perm("media_relations.view_inquiry"),
    active_prefix="/press/",
)


@register(
    "navigation",
    "media_directory",
    order=21,
    visible=lambda user: (
        has_perm("media_relations.view_journalist")(user) and not user.has_perm("media_relations.view_inquiry")
    ),
)
def nav_directory(user: Any) -> NavLink:
    return NavLink(_("Media directory"), reverse("media_relations:journalist_list"), active_prefix="/press/")


# --- Dashboard widgets --------------------------------------------------------------------------


def _inquiry_item(inquiry: Inquiry, today: dt.date) -> ListItem:
    return ListItem(
        label=inquiry.subject,
        url=reverse("media_relations:inquiry_detail", args=[inquiry.pk]),
        meta=f"{inquiry.journalist.name} · " + _("due %(day)s") % {"day": inquiry.due_on.strftime("%d.%m.%Y")},
        badge=inquiry.get_status_display(),
        is_warning=inquiry.due_on < today,
    )


@register("widget", "press_inquiries_due", order=30, visible=has_perm("media_relations.view_inquiry"))
def inquiries_due(user: Any) -> Widget:
    today = timezone.localdate()
    qs = Inquiry.objects.filter(
        status__in=OPEN_INQUIRY_STATUSES, due_on__gte=today, due_on__lte=today + dt.timedelta(days=3)
    )
    return list_widget(
        qs.select_related("journalist").order_by("due_on", "id"),
        lambda inquiry: _inquiry_item(inquiry, today),
        title=_("Press inquiries due in 3 days"),
        more_url=reverse("media_relations:inquiry_list") + "?open=true&sort=due",
        empty_text=_("No press inquiry is due in the next three days."),
    )


@register("widget", "press_inquiries_overdue", order=31, visible=has_perm("media_relations.view_inquiry"))
def inquiries_overdue(user: Any) -> Widget:
    today = timezone.localdate()
    qs = Inquiry.objects.filter(status__in=OPEN_INQUIRY_STATUSES, due_on__lt=today)
    return list_widget(
        qs.select_related("journalist").order_by("due_on", "id"),
        lambda inquiry: _inquiry_item(inquiry, today),
        title=_("Overdue press inquiries"),
        more_url=reverse("media_relations:inquiry_list") + "?overdue=true&sort=due",
        empty_text=_("No press inquiry is overdue."),
    )


@register("widget", "negative_publications", order=32, visible=has_perm("media_relations.view_publication"))
def negative_publications(user: Any) -> Widget:
    today = timezone.localdate()
    week_start = today - dt.timedelta(days=today.weekday())
    qs = Publication.objects.filter(tone=Tone.NEGATIVE, published_on__gte=week_start)
    return list_widget(
        qs.select_related("outlet").order_by("-published_on", "-id"),
        lambda p: ListItem(
            label=p.title,
            url=reverse("media_relations:publication_detail", args=[p.pk]),
            meta=f"{p.outlet.name} · {p.published_on:%d.%m.%Y}",
            badge=p.get_importance_display(),
            is_warning=p.importance == Importance.HIGH,
        ),
        title=_("Negative publications this week"),
        more_url=reverse("media_relations:publication_list") + f"?tone=negative&since={week_start.isoformat()}",
        empty_text=_("No negative publications this week."),
    )


# --- Awaiting the approver's decision ---------------------------------------------------------

APPROVE = "media_relations.approve_answer"


def _approves(view: str) -> Any:
    """A visibility check: the user approves (``approve_answer``) and may open the records (``view``)."""
    return lambda user: has_perm(APPROVE)(user) and user.has_perm(view)


@register("approval", "press_answers", order=20, visible=_approves("media_relations.view_inquiry"))
def answers_to_approve(user: Any, *, limit: int | None) -> Approvals:
    """Draft answers submitted for approval and not approved in their current version."""
    submitted = InquiryEvent.objects.filter(inquiry=OuterRef("pk"), to_status=InquiryStatus.APPROVAL).order_by("-at")
    qs = (
        Inquiry.objects.filter(status=InquiryStatus.APPROVAL)
        .filter(Q(approved_version__isnull=True) | ~Q(approved_version=F("version")))
        .annotate(submitted_at=Subquery(submitted.values("at")[:1]))
        .only("pk", "subject", "due_on", "received_at")
        .order_by("due_on", "id")
    )
    return approvals(
        qs,
        lambda inquiry: Approval(
            title=inquiry.subject,
            url=reverse("media_relations:inquiry_detail", args=[inquiry.pk]),
            app=_("Press office"),
            what=_("answer to a press inquiry"),
            since=timezone.localdate(inquiry.submitted_at or inquiry.received_at),
            due=inquiry.due_on,
        ),
        limit=limit,
    )


@register("approval", "press_releases", order=21, visible=_approves("media_relations.view_release"))
def releases_to_approve(user: Any, *, limit: int | None) -> Approvals:
    qs = Release.objects.filter(status=ReleaseStatus.APPROVAL).only("pk", "title", "updated_at").order_by("updated_at")
    return approvals(
        qs.order_by("updated_at", "id"),
        lambda release: Approval(
            title=release.title,
            url=reverse("media_relations:release_detail", args=[release.pk]),
            app=_("Press office"),
            what=_("press release to publish"),
            since=timezone.localdate(release.updated_at),
        ),
        limit=limit,
    )


@register("approval", "bulletin_articles", order=22, visible=_approves("media_relations.view_bulletinissue"))
def bulletin_articles_to_approve(user: Any, *, limit: int | None) -> Approvals:
    """Issues of the bulletin being planned with articles submitted for approval (one line per issue)."""
    qs = (
        BulletinIssue.objects.filter(status=BulletinIssue.Status.PLANNING)
        .annotate(
            submitted=Count("articles", filter=Q(articles__status=BulletinArticle.Status.SUBMITTED)),
        )
        .filter(submitted__gt=0)
        .order_by("planned_on", "id")
    )
    return approvals(
        qs,
        lambda issue: Approval(
            title=str(issue),
            url=reverse("media_relations:bulletin_detail", args=[issue.pk]),
            app=_("Press office"),
            what=ngettext(
                "%(count)d bulletin article to approve", "%(count)d bulletin articles to approve", issue.submitted
            )
            % {"count": issue.submitted},
            due=issue.planned_on,
        ),
        limit=limit,
    )


# --- Search -------------------------------------------------------------------------------------


@register("search", "journalists", order=40, visible=has_perm("media_relations.view_journalist"))
def search_journalists(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Journalist.objects.order_by("name"),
        query,
        ("name", "email"),
        title=_("Journalists"),
        hit=lambda j: (j.name, reverse("media_relations:journalist_detail", args=[j.pk]), j.beat),
    )


@register("search", "outlets", order=41, visible=has_perm("media_relations.view_outlet"))
def search_outlets(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Outlet.objects.order_by("name"),
        query,
        ("name",),
        title=_("Media outlets"),
        hit=lambda o: (o.name, reverse("media_relations:outlet_detail", args=[o.pk]), o.get_kind_display()),
    )


@register("search", "press_inquiries", order=42, visible=has_perm("media_relations.view_inquiry"))
def search_inquiries(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Inquiry.objects.select_related("journalist").order_by("-received_at"),
        query,
        ("subject", "questions"),
        title=_("Press inquiries"),
        hit=lambda i: (
            i.subject,
            reverse("media_relations:inquiry_detail", args=[i.pk]),
            f"{i.journalist.name} · {timezone.localtime(i.received_at):%d.%m.%Y} · {i.get_status_display()}",
        ),
    )


@register("search", "press_releases", order=43, visible=has_perm("media_relations.view_release"))
def search_releases(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Release.objects.order_by("-created_at"),
        query,
        ("title", "lead"),
        title=_("Press releases"),
        hit=lambda r: (r.title, reverse("media_relations:release_detail", args=[r.pk]), r.get_status_display()),
    )


@register("demo", "media_relations", order=30)
def demo(admin: Any) -> None:
    from media_relations.demo import seed

    seed(admin)
