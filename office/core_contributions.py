"""The core's own contributions: navigation, dashboard widgets, search and digest sections."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

import office.reports  # noqa: F401  (registers the PDF job kinds)
from office import access
from office.contributions import (
    WIDGET_ROWS,
    Approval,
    DigestSection,
    ListItem,
    NavLink,
    SearchHit,
    Widget,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)
from office.models import Assignment, AssignmentStatus, Contact, OutgoingMail
from office.services import approvals
from office.views.contacts import CONTACT_IMPORT

registry.add_view_check(Assignment, lambda user, obj: access.assignments_visible_to(user).filter(pk=obj.pk).exists())
registry.add_importer(CONTACT_IMPORT)


def _due_meta(assignment: Assignment, today: Any) -> str:
    due = date_format(assignment.due_date, "SHORT_DATE_FORMAT")
    if assignment.is_overdue(today):
        days = assignment.days_late(today)
        return ngettext("due %(due)s, %(days)d day late", "due %(due)s, %(days)d days late", days) % {
            "due": due,
            "days": days,
        }
    return _("due %(due)s") % {"due": due}


def _item(assignment: Assignment, today: Any) -> ListItem:
    return ListItem(
        label=assignment.title,
        url=reverse("office:assignment_detail", args=[assignment.pk]),
        meta=f"{assignment.unit.symbol} · {_due_meta(assignment, today)}",
        badge=assignment.get_status_display(),
        is_warning=assignment.is_overdue(today),
    )


# --- Navigation -------------------------------------------------------------------------


navigation("dashboard", gettext_lazy("Dashboard"), "office:dashboard", order=0, active_prefix="/$")


def _serves_holders(user: Any) -> bool:
    from office.views.workspace import served_holders

    return user.is_authenticated and bool(served_holders(user))


@register("navigation", "awaiting_decision", order=1, visible=approvals.decides_anything)
def nav_awaiting_decision(user: Any) -> NavLink:
    count = approvals.awaiting_count(user)
    return NavLink(
        _("Awaiting my decision"),
        reverse("office:awaiting_decision"),
        active_prefix="/awaiting-decision/",
        count=count,
        count_label=ngettext("%(count)d awaiting your decision", "%(count)d awaiting your decision", count)
        % {"count": count},
    )


navigation(
    "workspace",
    gettext_lazy("Workspace"),
    "office:workspace",
    order=5,
    visible=_serves_holders,
    active_prefix="/workspace/",
)


navigation(
    "assignments",
    gettext_lazy("Assignments"),
    "office:assignment_list",
    order=10,
    visible=has_perm("office.view_assignment"),
    active_prefix="/assignments/",
)


@register(
    "navigation",
    "inbox",
    order=11,
    visible=lambda u: u.is_authenticated and u.unit_id is not None and u.has_perm("office.answer_assignment"),
)
def nav_inbox(user: Any) -> NavLink:
    return NavLink(_("Unit inbox"), reverse("office:unit_inbox"), active_prefix="/inbox/")


navigation(
    "overdue",
    gettext_lazy("Overdue board"),
    "office:overdue_board",
    order=12,
    visible=has_perm("office.view_all_assignments"),
    active_prefix="/overdue/",
)


navigation(
    "contacts",
    gettext_lazy("Contacts"),
    "office:contact_list",
    order=20,
    visible=has_perm("office.view_contact"),
    active_prefix="/contacts/",
)


navigation(
    "units",
    gettext_lazy("Units and office holders"),
    "office:unit_list",
    order=30,
    visible=has_perm("office.view_orgunit"),
    active_prefix="/units/",
)


navigation(
    "read_log",
    gettext_lazy("Reads of personal data"),
    "office:read_log",
    order=890,
    visible=has_perm("office.view_personaldataread"),
    active_prefix="/audit/",
)


navigation(
    "admin",
    gettext_lazy("Administration"),
    "admin:index",
    order=900,
    visible=lambda u: u.is_authenticated and u.is_staff,
)


# --- Dashboard widgets ------------------------------------------------------------------


def approval_item(approval: Approval, today: Any) -> ListItem:
    """A record waiting for the user's decision, as a line of the widget and the digest."""
    parts = [approval.what] if approval.what else []
    if approval.due:
        parts.append(_("decide by %(day)s") % {"day": date_format(approval.due, "SHORT_DATE_FORMAT")})
    if approval.since:
        parts.append(_("waiting since %(day)s") % {"day": date_format(approval.since, "SHORT_DATE_FORMAT")})
    return ListItem(
        label=approval.title,
        url=approval.url,
        meta=" · ".join(parts),
        badge=approval.app,
        is_warning=approval.due is not None and approval.due < today,
    )


@register("widget", "awaiting_decision", order=1, visible=approvals.decides_anything)
def awaiting_decision(user: Any) -> Widget:
    today = timezone.localdate()
    waiting = approvals.awaiting(user, limit=WIDGET_ROWS)
    return Widget(
        _("Awaiting my decision"),
        [approval_item(approval, today) for approval in waiting.items],
        total=waiting.total,
        more_url=reverse("office:awaiting_decision"),
        empty_text=_("Nothing waits for your decision."),
    )


@register("widget", "my_assignments", order=10, visible=has_perm("office.view_assignment"))
def my_assignments(user: Any) -> Widget:
    today = timezone.localdate()
    mine = Q(assignee=user) | Q(created_by=user, status=AssignmentStatus.ANSWERED)
    if user.unit_id and user.has_perm("office.answer_assignment"):
        mine |= Q(unit_id=user.unit_id)
    qs = access.assignments_visible_to(user).filter(mine).exclude(status=AssignmentStatus.CLOSED).with_related()
    return list_widget(
        qs.order_by("due_date", "id"),
        lambda a: _item(a, today),
        title=_("My assignments"),
        more_url=reverse("office:assignment_list") + "?mine=1",
        empty_text=_("Nothing waits for you."),
    )


@register(
    "widget",
    "overdue_in_my_unit",
    order=20,
    visible=lambda u: u.is_authenticated and u.unit_id is not None and u.has_perm("office.view_assignment"),
)
def overdue_in_my_unit(user: Any) -> Widget:
    today = timezone.localdate()
    qs = access.assignments_visible_to(user).overdue(today).filter(unit_id=user.unit_id).with_related()
    return list_widget(
        qs.order_by("due_date", "id"),
        lambda a: _item(a, today),
        title=_("Overdue in my unit"),
        more_url=reverse("office:unit_inbox") if user.has_perm("office.answer_assignment") else "",
        empty_text=_("Nothing overdue in your unit."),
    )


@register("widget", "overdue_office", order=30, visible=has_perm("office.view_all_assignments"))
def overdue_office(user: Any) -> Widget:
    today = timezone.localdate()
    return list_widget(
        Assignment.objects.overdue(today).with_related().order_by("due_date", "id"),
        lambda a: _item(a, today),
        title=_("Overdue in the whole office"),
        more_url=reverse("office:overdue_board"),
        empty_text=_("No overdue assignments."),
    )


# --- The workspace of an office holder ------------------------------------------------------


@register("workspace", "handed_out", order=60, visible=has_perm("office.view_assignment"))
def workspace_handed_out(user: Any, *, holder: Any) -> Widget:
    """What the office holder handed to units themselves (with their own account) and is open."""
    today = timezone.localdate()
    qs = Assignment.objects.open().filter(created_by_id=holder.user_id).with_related() if holder.user_id else None
    return list_widget(
        qs.order_by("due_date", "id") if qs is not None else Assignment.objects.none(),
        lambda a: _item(a, today),
        title=_("Matters handed out, open or late"),
        more_url=reverse("office:assignment_list"),
        empty_text=_("No open matters handed out."),
    )


# --- Search -----------------------------------------------------------------------------


@register("search", "contacts", order=20, visible=has_perm("office.view_contact"))
def search_contacts(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Contact.objects.active().order_by("name"),
        query,
        ("name", "email", "phone", "city"),
        title=_("Contacts"),
        hit=lambda c: (
            c.name,
            reverse("office:contact_detail", args=[c.pk]),
            " · ".join(p for p in (c.get_kind_display(), c.email, c.city) if p),
        ),
    )


@register("search", "assignments", order=10, visible=has_perm("office.view_assignment"))
def search_assignments(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        access.assignments_visible_to(user).with_related().order_by("-created_at"),
        query,
        ("title", "description", "source_label"),
        title=_("Assignments"),
        hit=lambda a: (
            a.title,
            reverse("office:assignment_detail", args=[a.pk]),
            f"{a.unit.symbol} · {a.get_status_display()} · {date_format(a.due_date, 'SHORT_DATE_FORMAT')}",
        ),
    )


# --- Digest -----------------------------------------------------------------------------


@register("digest", "awaiting_decision", order=1, visible=approvals.decides_anything)
def digest_awaiting_decision(user: Any) -> DigestSection:
    today = timezone.localdate()
    waiting = approvals.awaiting(user, limit=50)
    return DigestSection(_("Awaiting your decision"), [approval_item(approval, today) for approval in waiting.items])


@register("digest", "assignments", order=10, visible=has_perm("office.view_assignment"))
def digest_assignments(user: Any) -> DigestSection:
    today = timezone.localdate()
    mine = Q(assignee=user)
    if user.unit_id and user.has_perm("office.answer_assignment"):
        mine |= Q(unit_id=user.unit_id)
    qs = access.assignments_visible_to(user).open().filter(mine).with_related().order_by("due_date", "id")
    return DigestSection(_("Open and overdue assignments"), [_item(a, today) for a in qs[:50]])


@register("digest", "answered_for_me", order=20, visible=has_perm("office.manage_assignment"))
def digest_answered(user: Any) -> DigestSection:
    today = timezone.localdate()
    qs = (
        Assignment.objects.filter(created_by=user, status=AssignmentStatus.ANSWERED).with_related().order_by("due_date")
    )
    return DigestSection(_("Replies waiting for your acceptance"), [_item(a, today) for a in qs[:50]])


# --- Record pages -----------------------------------------------------------------------


def _mail_item(mail: OutgoingMail) -> ListItem:
    if mail.is_sent:
        meta = _("sent %(when)s") % {"when": date_format(timezone.localtime(mail.sent_at), "SHORT_DATETIME_FORMAT")}
    elif mail.is_failed:
        meta = _("not delivered: %(error)s") % {"error": mail.error}
    else:
        meta = ngettext(
            "waiting to be sent, %(count)d attempt", "waiting to be sent, %(count)d attempts", mail.attempts
        )
        meta %= {"count": mail.attempts}
    return ListItem(
        label=_("E-mail to %(recipients)s: %(subject)s") % {"recipients": mail.recipients, "subject": mail.subject},
        meta=meta,
        badge=mail.get_status_display(),
        is_warning=mail.is_failed,
    )


@register("record_links", "outgoing_mail", order=90)
def record_mails(user: Any, *, record: Any) -> list[ListItem]:
    """The e-mails sent about the record, with whether each went out: a failure shows where the
    user sent it from."""
    from office.services.mail import mails_of

    return [_mail_item(mail) for mail in mails_of(record)[:20]]
