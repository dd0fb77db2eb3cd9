"""What honorary patronage declares to the office registry: permissions, the decision letter's
merge fields, navigation, widgets, search, the contact's history and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import patronage.deadlines  # (declares the deadline rules)
import patronage.report_sections  # noqa: F401  (the section of the mayor's reports)
from office.contributions import (
    Approval,
    Approvals,
    DigestSection,
    LetterSource,
    ListItem,
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
from office.models import OfficeHolder
from patronage.models import UNDECIDED, Application, ApplicationStatus, Cooperation, HonoraryTitle
from patronage.services import DECISION_SOURCE

_MODEL = "patronage.{}_application"
_MODELS = ("application", "honorarytitle", "cooperation")
_VIEW = [f"patronage.view_{model}" for model in _MODELS]
registry.grant(
    "office_staff",
    [f"patronage.{action}_{model}" for model in _MODELS for action in ("view", "add", "change")]
    + ["patronage.decide_application"],
)
registry.grant("secretariat", _VIEW)
registry.grant("management", [*_VIEW, "patronage.decide_application"])
registry.grant("auditor", _VIEW)

registry.add_letter_source(
    LetterSource(
        DECISION_SOURCE,
        gettext_lazy("a patronage application (the decision)"),
        {
            "wydarzenie": (gettext_lazy("the event"), "XX Bieg Niepodległości"),
            "termin": (gettext_lazy("the dates of the event"), "11 listopada 2026 r."),
            "miejsce": (gettext_lazy("the place"), "Park Miejski"),
            "numer_wniosku": (gettext_lazy("the application's number"), "PH.12.2026"),
            "data_wniosku": (gettext_lazy("date of receipt"), "2 października 2026 r."),
            "decyzja": (gettext_lazy("the decision, in words"), "obejmuje Honorowym Patronatem"),
            "przyznany": (gettext_lazy("“tak” when granted, empty when refused (for {% if %})"), "tak"),
            "uzasadnienie": (gettext_lazy("the reasons"), ""),
        },
    )
)
registry.add_schedule(
    Schedule(
        "Przypomnienia o sprawozdaniach z patronatów",
        "patronage.tasks.remind_reports",
        minute="15",
        hour="8",
    )
)
registry.add_view_check(Application, lambda user, application: user.has_perm(_MODEL.format("view")))
registry.add_view_check(HonoraryTitle, lambda user, title: user.has_perm("patronage.view_honorarytitle"))
registry.add_view_check(Cooperation, lambda user, cooperation: user.has_perm("patronage.view_cooperation"))

navigation(
    "patronage",
    gettext_lazy("Patronage"),
    "patronage:application_list",
    order=35,
    visible=has_perm(_MODEL.format("view")),
    active_prefix="/patronage/",
)


def _item(application: Application) -> ListItem:
    return ListItem(
        label=f"{application.reference} {application.event_name}",
        url=reverse("patronage:application_detail", args=[application.pk]),
        meta=f"{application.organiser.name} · {date_format(application.starts_on, 'SHORT_DATE_FORMAT')}",
        badge=application.get_status_display(),
        is_warning=application.is_late or application.report_overdue,
    )


@register("widget", "patronage_to_decide", order=40, visible=has_perm("patronage.decide_application"))
def patronage_to_decide(user: Any) -> Widget:
    return list_widget(
        Application.objects.filter(status__in=UNDECIDED).select_related("organiser").order_by("starts_on", "id"),
        _item,
        title=_("Patronage applications to decide"),
        more_url=reverse("patronage:application_list") + "?undecided=on",
        empty_text=_("No application waits for a decision."),
    )


@register("widget", "patronage_reports_overdue", order=41, visible=has_perm(_MODEL.format("change")))
def patronage_reports_overdue(user: Any) -> Widget:
    return list_widget(
        Application.objects.filter(status=ApplicationStatus.GRANTED, report_due_on__lt=timezone.localdate())
        .select_related("organiser")
        .order_by("report_due_on", "id"),
        _item,
        title=_("Patronage reports overdue"),
        more_url=reverse("patronage:application_list") + "?report_overdue=on",
        empty_text=_("No report is overdue."),
    )


def _is_the_mayor(user: Any) -> bool:
    """The user decides patronage: holds the permission and is the mayor (the patronage is the
    mayor's; staff who record a decision on the mayor's behalf hold the permission too, but the
    decision is not theirs). The office holder is read once per user object."""
    if not has_perm("patronage.decide_application")(user):
        return False
    try:
        holder = user.office_holder
    except ObjectDoesNotExist:
        return False
    return holder.is_active and holder.role == OfficeHolder.Role.MAYOR


@register("approval", "patronage", order=40, visible=_is_the_mayor)
def patronage_awaiting_the_mayor(user: Any, *, limit: int | None) -> Approvals:
    """Undecided applications, the event nearest first."""
    qs = (
        Application.objects.filter(status__in=UNDECIDED)
        .only("pk", "year", "number", "event_name", "received_on", "starts_on")
        .order_by("starts_on", "id")
    )
    return approvals(
        qs,
        lambda application: Approval(
            title=f"{application.reference} {application.event_name}",
            url=reverse("patronage:application_detail", args=[application.pk]),
            app=_("Honorary patronage"),
            what=_("patronage application"),
            since=application.received_on,
            due=application.starts_on,
        ),
        limit=limit,
    )


@register("digest", "patronage_to_decide", order=40, visible=has_perm("patronage.decide_application"))
def digest_to_decide(user: Any) -> DigestSection:
    """Applications for events in the next three weeks still waiting for the decision."""
    soon = timezone.localdate() + dt.timedelta(days=21)
    qs = Application.objects.filter(status__in=UNDECIDED, starts_on__lte=soon).select_related("organiser")
    return DigestSection(
        _("Patronage applications to decide before the event"), [_item(a) for a in qs.order_by("starts_on")[:50]]
    )


@register("digest", "patronage_reports_overdue", order=41, visible=has_perm(_MODEL.format("change")))
def digest_reports_overdue(user: Any) -> DigestSection:
    qs = Application.objects.filter(
        status=ApplicationStatus.GRANTED, report_due_on__lt=timezone.localdate()
    ).select_related("organiser")
    return DigestSection(_("Patronage reports overdue"), [_item(a) for a in qs.order_by("report_due_on")[:50]])


@register("search", "patronage", order=35, visible=has_perm(_MODEL.format("view")))
def search_applications(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Application.objects.select_related("organiser").order_by("-year", "-number"),
        query,
        ("event_name", "place", "organiser__name"),
        title=_("Honorary patronage"),
        hit=lambda a: (
            f"{a.reference} {a.event_name}",
            reverse("patronage:application_detail", args=[a.pk]),
            f"{a.organiser.name} · {a.get_status_display()}",
        ),
    )


@register("search", "honorary_titles", order=36, visible=has_perm("patronage.view_honorarytitle"))
def search_titles(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        HonoraryTitle.objects.select_related("nominee").order_by("-proposed_on"),
        query,
        ("nominee__name", "proposed_by", "citation"),
        title=_("Honorary titles"),
        hit=lambda t: (str(t), reverse("patronage:title_detail", args=[t.pk]), t.get_status_display()),
    )


@register("search", "cooperations", order=37, visible=has_perm("patronage.view_cooperation"))
def search_cooperations(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Cooperation.objects.select_related("partner").order_by("-starts_on"),
        query,
        ("name", "partner__name", "place"),
        title=_("Co-organised events and competitions"),
        hit=lambda c: (
            c.name,
            reverse("patronage:cooperation_detail", args=[c.pk]),
            f"{c.partner.name} · {date_format(c.starts_on, 'SHORT_DATE_FORMAT')}",
        ),
    )


@register("contact_history", "patronage", order=40, visible=has_perm(_MODEL.format("view")))
def contact_applications(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        Application.objects.filter(organiser=contact).select_related("organiser").order_by("-starts_on", "-id"),
        _item,
        title=_("Honorary patronage"),
        more_url=reverse("patronage:application_list") + "?" + urlencode({"q": contact.name}),
        empty_text=_("No patronage applications."),
    )


@register("demo", "patronage", order=45)
def demo(admin: Any) -> None:
    from patronage.demo import seed

    seed(admin)
