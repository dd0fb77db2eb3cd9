"""What the correspondence app declares to the office registry: permissions of the roles, the
letter sources, navigation, dashboard widgets, the workspace sections, search, the digest,
a contact's history, record checks, scheduled work and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import correspondence.deadlines
import correspondence.report_sections  # (the section of the mayor's reports)
import correspondence.reports  # noqa: F401  (declares the job kinds)
from correspondence import access, selectors
from correspondence.models import Letter, LetterStatus, LetterTemplate, ResidentMatter, TranslationOrder
from correspondence.services.letters import REPLY_SOURCE
from office.contributions import (
    DigestSection,
    LetterSource,
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
from office.roles import STAFF_CORE

_WORK = ["letter", "residentmatter", "visit", "paperdocument", "handover", "translationorder", "letterbatch"]
_READ = [*_WORK, "decree", "lettertemplate", "jrwaclass", "archivetransfer"]


def _perms(actions: tuple[str, ...], models: list[str]) -> list[str]:
    return [f"correspondence.{action}_{model}" for model in models for action in actions]


registry.grant("secretariat", [*STAFF_CORE, *_perms(("view", "add", "change"), _WORK), *_perms(("view",), _READ)])
registry.grant(
    "office_staff",
    [
        *_perms(("view", "add", "change"), [*_WORK, "lettertemplate", "jrwaclass"]),
        *_perms(("view",), _READ),
        "correspondence.add_archivetransfer",
    ],
)
registry.grant("management", _perms(("view",), _READ))
registry.grant("auditor", _perms(("view",), _READ))

registry.add_letter_source(
    LetterSource(
        REPLY_SOURCE,
        gettext_lazy("an incoming letter (a reply)"),
        {
            "znak": (gettext_lazy("our sign of the letter answered"), "KP.0511.15.2026"),
            "ich_znak": (gettext_lazy("the sender's reference"), "ZS.152.3.2026"),
            "data_wplywu": (gettext_lazy("date received"), "3 listopada 2026 r."),
            "data_pisma": (gettext_lazy("date of the letter"), "28 października 2026 r."),
            "temat": (gettext_lazy("subject"), "remont chodnika przy ul. Lipowej"),
            "odpowiedz": (
                gettext_lazy("the lead unit's answer"),
                "Remont chodnika zaplanowano na drugi kwartał przyszłego roku.",
            ),
        },
    )
)

registry.add_schedule(
    Schedule(
        "Usuwanie danych osobowych po okresie przechowywania (korespondencja)",
        "correspondence.tasks.anonymise_expired",
        minute="30",
        hour="2",
    )
)
registry.add_view_check(Letter, lambda user, letter: access.may_view(user, letter))
registry.add_personal_data(ResidentMatter, detail="correspondence:matter_detail")
registry.add_view_check(
    ResidentMatter, lambda user, matter: access.matters_visible_to(user).filter(pk=matter.pk).exists()
)
registry.add_view_check(TranslationOrder, lambda user, order: user.has_perm("correspondence.view_translationorder"))


# --- Navigation --------------------------------------------------------------------------------


navigation(
    "correspondence",
    gettext_lazy("Correspondence"),
    "correspondence:letter_list",
    order=30,
    visible=has_perm("correspondence.view_letter"),
    active_prefix="/correspondence/",
)


# --- Dashboard widgets and the workspace -----------------------------------------------------------


def _letter_item(letter: Letter, today: dt.date) -> ListItem:
    label = letter.subject if not letter.confidential else _("Confidential letter")
    meta = letter.sign
    if letter.due_on:
        meta += " · " + _("reply due %(day)s") % {"day": date_format(letter.due_on, "SHORT_DATE_FORMAT")}
    return ListItem(
        label=label,
        url=reverse("correspondence:letter_detail", args=[letter.pk]),
        meta=meta,
        badge=letter.get_status_display(),
        is_warning=bool(letter.due_on and letter.due_on < today),
    )


def _serves(user: Any) -> bool:
    return user.is_authenticated and bool(access.holders_served(user))


def _to_decree(holder_ids: list[int], *, title: str) -> Widget:
    today = timezone.localdate()
    return list_widget(
        selectors.letters_to_decree(holder_ids),
        lambda letter: _letter_item(letter, today),
        title=title,
        more_url=reverse("correspondence:letter_list") + "?status=registered&direction=in",
        empty_text=_("No letter waits for a decree."),
    )


@register("widget", "letters_to_decree", order=25, visible=_serves)
def letters_to_decree(user: Any) -> Widget:
    return _to_decree(sorted(access.holders_served(user)), title=_("Letters waiting for a decree"))


def _due_this_week(user: Any) -> Any:
    today = timezone.localdate()
    return (
        access.letters_visible_to(user)
        .open()
        .filter(due_on__lte=today + dt.timedelta(days=7))
        .select_related("principal")
        .order_by("due_on", "id")
    )


@register("widget", "replies_due", order=26, visible=has_perm("correspondence.view_letter"))
def replies_due(user: Any) -> Widget:
    today = timezone.localdate()
    return list_widget(
        _due_this_week(user),
        lambda letter: _letter_item(letter, today),
        title=_("Replies due within a week"),
        more_url=reverse("correspondence:letter_list") + "?open=on&sort=due",
        empty_text=_("No reply is due within a week."),
    )


@register("widget", "visitors_today", order=27, visible=has_perm("correspondence.view_visit"))
def visitors_today(user: Any) -> Widget:
    return _visits_widget(selectors.visits_today())


def _visits_widget(visits: Any) -> Widget:
    return list_widget(
        visits,
        lambda visit: ListItem(
            label=visit.visitor_name,
            url=reverse("correspondence:visit_list"),
            meta=f"{timezone.localtime(visit.expected_at):%H:%M} · {visit.host.full_name} · {visit.purpose}",
            badge=_("inside") if visit.is_inside else (_("left") if visit.has_left else ""),
        ),
        title=_("Visitors expected today"),
        more_url=reverse("correspondence:visit_list"),
        empty_text=_("No visitors expected today."),
    )


@register("workspace", "letters_to_decree", order=20, visible=has_perm("correspondence.view_letter"))
def workspace_letters(user: Any, *, holder: Any) -> Widget:
    return _to_decree([holder.pk], title=_("Incoming letters awaiting the decree"))


@register("workspace", "visitors", order=40, visible=has_perm("correspondence.view_visit"))
def workspace_visitors(user: Any, *, holder: Any) -> Widget:
    return _visits_widget(selectors.visits_today().filter(host=holder))


@register("workspace", "matters", order=50, visible=has_perm("correspondence.view_residentmatter"))
def workspace_matters(user: Any, *, holder: Any) -> Widget:
    today = timezone.localdate()
    qs = ResidentMatter.objects.open().filter(principal=holder).select_related("unit").order_by("due_on", "id")
    return list_widget(
        qs,
        lambda matter: ListItem(
            label=matter.subject,
            url=reverse("correspondence:matter_detail", args=[matter.pk]),
            meta=(matter.unit.symbol + " · " if matter.unit_id else "")
            + _("answer due %(day)s") % {"day": date_format(matter.due_on, "SHORT_DATE_FORMAT")},
            badge=matter.get_status_display(),
            is_warning=matter.due_on < today,
        ),
        title=_("Residents' matters in progress"),
        more_url=reverse("correspondence:matter_list") + f"?principal={holder.pk}&open=on",
        empty_text=_("No residents' matters in progress."),
    )


# --- Search -------------------------------------------------------------------------------------


@register("search", "letters", order=30, visible=has_perm("correspondence.view_letter"))
def search_letters(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        access.letters_visible_to(user).order_by("-created_at", "-id"),
        query,
        ("sign", "subject", "correspondent"),
        title=_("Letters"),
        hit=lambda letter: (
            letter.sign if letter.confidential else f"{letter.sign} {letter.subject}",
            reverse("correspondence:letter_detail", args=[letter.pk]),
            (_("confidential") if letter.confidential else letter.correspondent) + f" · {letter.get_status_display()}",
        ),
    )


@register("search", "resident_matters", order=31, visible=has_perm("correspondence.view_residentmatter"))
def search_matters(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        ResidentMatter.objects.order_by("-received_on"),
        query,
        ("subject", "location"),
        title=_("Residents' matters"),
        hit=lambda matter: (
            matter.subject,
            reverse("correspondence:matter_detail", args=[matter.pk]),
            f"{date_format(matter.received_on, 'SHORT_DATE_FORMAT')} · {matter.get_status_display()}",
        ),
    )


@register("search", "letter_templates", order=32, visible=has_perm("correspondence.view_lettertemplate"))
def search_templates(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        LetterTemplate.objects.order_by("name"),
        query,
        ("name",),
        title=_("Letter templates"),
        hit=lambda t: (t.name, reverse("correspondence:template_detail", args=[t.pk]), t.get_kind_display()),
    )


# --- Digest -------------------------------------------------------------------------------------------


@register("digest", "letters_to_decree", order=30, visible=_serves)
def digest_to_decree(user: Any) -> DigestSection:
    today = timezone.localdate()
    qs = selectors.letters_to_decree(sorted(access.holders_served(user)))
    return DigestSection(_("Letters waiting for a decree"), [_letter_item(letter, today) for letter in qs[:50]])


@register("digest", "replies_due", order=31, visible=has_perm("correspondence.view_letter"))
def digest_replies_due(user: Any) -> DigestSection:
    today = timezone.localdate()
    qs = _due_this_week(user)
    return DigestSection(_("Replies due this week"), [_letter_item(letter, today) for letter in qs[:50]])


# --- A contact's history ------------------------------------------------------------------------------


@register("contact_history", "letters", order=30, visible=has_perm("correspondence.view_letter"))
def contact_letters(user: Any, *, contact: Any) -> Widget:
    today = timezone.localdate()
    return list_widget(
        access.letters_visible_to(user).filter(contact=contact).order_by("-created_at", "-id"),
        lambda letter: _letter_item(letter, today),
        title=_("Letters"),
        more_url=reverse("correspondence:letter_list") + "?" + urlencode({"q": contact.name}),
        empty_text=_("No letters."),
    )


@register("contact_history", "translations", order=35, visible=has_perm("correspondence.view_translationorder"))
def contact_translations(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        TranslationOrder.objects.filter(translator=contact).order_by("-ordered_on", "-id"),
        lambda order: ListItem(
            label=order.document,
            url=reverse("correspondence:translation_detail", args=[order.pk]),
            meta=f"{order.source_language} → {order.target_language} · "
            + date_format(order.due_on, "SHORT_DATE_FORMAT"),
            badge=order.get_status_display(),
        ),
        title=_("Translations"),
    )


@register("demo", "correspondence", order=40)
def demo(admin: Any) -> None:
    from correspondence.demo import seed

    seed(admin)


@register("workspace", "decreed_letters", order=55, visible=has_perm("correspondence.view_letter"))
def workspace_decreed(user: Any, *, holder: Any) -> Widget:
    """Letters the holder decreed to units that still wait for the reply (late first)."""
    from correspondence.models import Decree

    today = timezone.localdate()
    decreed = Decree.objects.filter(on_behalf_of=holder, unit__isnull=False).values("letter_id")
    qs = access.letters_visible_to(user).open().filter(pk__in=decreed, status=LetterStatus.DECREED)
    return list_widget(
        qs.order_by("due_on", "id"),
        lambda letter: _letter_item(letter, today),
        title=_("Letters decreed to units, waiting for the reply"),
        more_url=reverse("correspondence:letter_list") + f"?principal={holder.pk}&open=on&sort=due",
        empty_text=_("No decreed letter waits for a reply."),
    )
