"""What honorary patronage declares to the office registry: permissions, the decision letter's
merge fields, navigation, widgets, search, the contact's history and demo data."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import patronage.deadlines  # noqa: F401  (declares the deadline rules)
from office.contributions import (
    LetterSource,
    ListItem,
    SearchHit,
    Widget,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)
from patronage.models import UNDECIDED, Application, ApplicationStatus
from patronage.services import DECISION_SOURCE

_MODEL = "patronage.{}_application"
registry.grant("office_staff", [_MODEL.format(a) for a in ("view", "add", "change")] + ["patronage.decide_application"])
registry.grant("secretariat", [_MODEL.format("view")])
registry.grant("management", [_MODEL.format("view"), "patronage.decide_application"])
registry.grant("auditor", [_MODEL.format("view")])

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
registry.add_view_check(Application, lambda user, application: user.has_perm(_MODEL.format("view")))

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


@register("contact_history", "patronage", order=40, visible=has_perm(_MODEL.format("view")))
def contact_applications(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        Application.objects.filter(organiser=contact).select_related("organiser").order_by("-starts_on", "-id"),
        _item,
        title=_("Honorary patronage"),
        more_url=reverse("patronage:application_list") + f"?q={contact.name}",
        empty_text=_("No patronage applications."),
    )


@register("demo", "patronage", order=45)
def demo(admin: Any) -> None:
    from patronage.demo import seed

    seed(admin)
