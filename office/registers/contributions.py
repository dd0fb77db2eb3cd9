"""What the registers declare to the office registry: permissions, navigation, the dashboard's
agreements ending soon, the daily reminder, search, a contact's history and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from office.contributions import (
    ListItem,
    Schedule,
    SearchHit,
    Widget,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)
from office.registers.models import Agreement, AgreementStatus, CulturalInstitution

_MODELS = ["agreement", "culturalinstitution"]


def _perms(actions: tuple[str, ...]) -> list[str]:
    return [f"registers.{action}_{model}" for model in _MODELS for action in actions]


registry.grant("office_staff", _perms(("view", "add", "change")))
registry.grant("secretariat", _perms(("view", "add", "change")))
for _role in ("management", "auditor"):
    registry.grant(_role, _perms(("view",)))

registry.add_schedule(
    Schedule(
        "Przypomnienia o kończących się umowach",
        "office.registers.tasks.send_agreement_reminders",
        minute="15",
        hour="7",
    )
)


navigation(
    "registers",
    gettext_lazy("Registers"),
    "registers:agreement_list",
    order=45,
    visible=has_perm("registers.view_agreement"),
    active_prefix="/registers/",
)


def _agreement_item(agreement: Agreement) -> ListItem:
    return ListItem(
        label=f"{agreement.number}: {agreement.subject}",
        url=reverse("registers:agreement_detail", args=[agreement.pk]),
        meta=f"{agreement.unit.symbol} · "
        + _("ends %(day)s") % {"day": date_format(agreement.ends_on, "SHORT_DATE_FORMAT")},
        badge=agreement.get_status_display(),
        is_warning=agreement.ends_on < timezone.localdate(),
    )


@register("widget", "agreements_ending", order=60, visible=has_perm("registers.view_agreement"))
def agreements_ending(user: Any) -> Widget:
    today = timezone.localdate()
    qs = Agreement.objects.filter(
        status=AgreementStatus.IN_FORCE, ends_on__isnull=False, ends_on__lte=today + dt.timedelta(days=60)
    ).select_related("unit")
    return list_widget(
        qs.order_by("ends_on", "id"),
        _agreement_item,
        title=_("Agreements ending within 60 days"),
        more_url=reverse("registers:agreement_list") + "?ending=on",
        empty_text=_("No agreement ends within 60 days."),
    )


@register("search", "agreements", order=50, visible=has_perm("registers.view_agreement"))
def search_agreements(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Agreement.objects.order_by("-starts_on"),
        query,
        ("number", "subject"),
        title=_("Agreements"),
        hit=lambda a: (
            f"{a.number}: {a.subject}",
            reverse("registers:agreement_detail", args=[a.pk]),
            a.get_status_display(),
        ),
    )


@register("search", "cultural_institutions", order=51, visible=has_perm("registers.view_culturalinstitution"))
def search_institutions(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        CulturalInstitution.objects.order_by("name"),
        query,
        ("name", "short_name"),
        title=_("Cultural institutions"),
        hit=lambda i: (i.name, reverse("registers:institution_detail", args=[i.pk]), i.get_kind_display()),
    )


@register("contact_history", "agreements", order=60, visible=has_perm("registers.view_agreement"))
def contact_agreements(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        Agreement.objects.filter(parties=contact).select_related("unit").order_by("-starts_on", "-id"),
        lambda a: ListItem(
            label=f"{a.number}: {a.subject}",
            url=reverse("registers:agreement_detail", args=[a.pk]),
            meta=date_format(a.starts_on, "SHORT_DATE_FORMAT"),
            badge=a.get_status_display(),
        ),
        title=_("Agreements"),
    )


@register("demo", "registers", order=60)
def demo(admin: Any) -> None:
    from office.registers.demo import seed

    seed(admin)
