"""What civic participation declares to the office registry: permissions, navigation, widgets
(consultations open, comments to moderate, verification deadlines, the programme's statutory
dates, bookings to approve), search, the digest, the contact's history, jobs and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import associations.participation.reports  # noqa: F401  (declares the job kinds)
from associations.contributions import NGO_OFFICER
from associations.participation.models import (
    Booking,
    BookingStatus,
    CivicProject,
    Consultation,
    Edition,
    Grant,
    Programme,
    Project,
    ProjectStatus,
    Submission,
    SubmissionStatus,
)
from office.contributions import (
    DigestSection,
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

_MODELS = ("programme", "grant", "consultation", "submission", "edition", "district", "project")
_MODELS += ("civicproject", "room", "booking")
_VIEW = [f"participation.view_{model}" for model in _MODELS]
registry.grant(
    NGO_OFFICER.key, [f"participation.{action}_{model}" for model in _MODELS for action in ("view", "add", "change")]
)
registry.grant("management", _VIEW)
registry.grant("auditor", _VIEW)

for _model, _name in (
    (Programme, "programme"),
    (Grant, "grant"),
    (Consultation, "consultation"),
    (Submission, "submission"),
    (Edition, "edition"),
    (Project, "project"),
    (CivicProject, "civicproject"),
    (Booking, "booking"),
):
    registry.add_view_check(_model, lambda user, record, _name=_name: user.has_perm(f"participation.view_{_name}"))
registry.add_personal_data(Submission, detail="participation:submission_detail")
registry.add_personal_data(Project, detail="participation:project_detail")

navigation(
    "participation",
    gettext_lazy("Participation"),
    "participation:consultation_list",
    order=82,
    visible=has_perm("participation.view_consultation"),
    active_prefix="/participation/",
)


def _day(value: dt.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def _moment(value: dt.datetime) -> str:
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _consultation_item(consultation: Consultation) -> ListItem:
    return ListItem(
        label=consultation.title,
        url=reverse("participation:consultation_detail", args=[consultation.pk]),
        meta=_("until %(day)s · %(count)d waiting for moderation")
        % {"day": _day(consultation.ends_on), "count": consultation.pending_count},
        badge=consultation.stage_label(),
        is_warning=consultation.pending_count > 0,
    )


@register("widget", "participation_consultations", order=80, visible=has_perm("participation.view_consultation"))
def consultations_open(user: Any) -> Widget:
    from associations.participation.services.consultations import with_counts

    today = timezone.localdate()
    return list_widget(
        with_counts(Consultation.objects.filter(starts_on__lte=today, ends_on__gte=today)).order_by("ends_on", "id"),
        _consultation_item,
        title=_("Consultations open"),
        more_url=reverse("participation:consultation_list") + "?stage=open",
        empty_text=_("No consultation is open."),
    )


def _submission_item(submission: Submission) -> ListItem:
    return ListItem(
        label=submission.text[:80],
        url=reverse("participation:submission_detail", args=[submission.pk]),
        meta=f"{submission.consultation.title} · {_day(timezone.localtime(submission.received_at).date())}",
        badge=submission.get_status_display(),
    )


def _pending() -> Any:
    return (
        Submission.objects.filter(status=SubmissionStatus.PENDING)
        .select_related("consultation")
        .order_by("received_at", "id")
    )


@register("widget", "participation_moderation", order=81, visible=has_perm("participation.change_submission"))
def comments_to_moderate(user: Any) -> Widget:
    return list_widget(
        _pending(),
        _submission_item,
        title=_("Consultation comments to moderate"),
        more_url=reverse("participation:submission_list") + "?status=pending",
        empty_text=_("No comment waits for moderation."),
    )


def _project_item(project: Project) -> ListItem:
    due = min(
        filter(
            None,
            [
                project.formal_check and project.formal_check.due_date,
                project.merit_check and project.merit_check.due_date,
            ],
        ),
        default=None,
    )
    return ListItem(
        label=str(project),
        url=reverse("participation:project_detail", args=[project.pk]),
        meta=_("verification due %(day)s") % {"day": _day(due)} if due else project.district.name,
        badge=project.get_status_display(),
        is_warning=bool(due and due < timezone.localdate()),
    )


def _in_verification() -> Any:
    return (
        Project.objects.filter(status=ProjectStatus.VERIFICATION)
        .select_related("edition", "district", "formal_check", "merit_check")
        .order_by("formal_check__due_date", "number")
    )


@register("widget", "participation_verification", order=82, visible=has_perm("participation.view_project"))
def verification_deadlines(user: Any) -> Widget:
    return list_widget(
        _in_verification(),
        _project_item,
        title=_("Citizen budget: verification deadlines"),
        more_url=reverse("participation:project_list") + "?status=verification",
        empty_text=_("No project is in verification."),
    )


def _programme_item(programme: Programme) -> ListItem:
    if programme.adopted_on is None:
        what, due, late = _("adopt by %(day)s"), programme.adoption_due, programme.adoption_overdue
    else:
        what, due, late = _("report due %(day)s"), programme.report_due, programme.report_overdue
    return ListItem(
        label=programme.title,
        url=reverse("participation:programme_detail", args=[programme.pk]),
        meta=what % {"day": _day(due)},
        badge=_("overdue") if late else "",
        is_warning=late,
    )


def _programme_dates() -> Any:
    return Programme.objects.filter(report_submitted_on__isnull=True).order_by("year")


@register("widget", "participation_programme", order=83, visible=has_perm("participation.view_programme"))
def programme_dates(user: Any) -> Widget:
    return list_widget(
        _programme_dates(),
        _programme_item,
        title=_("Cooperation programme: statutory dates"),
        more_url=reverse("participation:programme_list"),
        empty_text=_("Every programme is adopted and reported on."),
    )


def _booking_item(booking: Booking) -> ListItem:
    return ListItem(
        label=f"{booking.room.name}: {booking.purpose}",
        url=reverse("participation:booking_detail", args=[booking.pk]),
        meta=f"{booking.organisation.name} · {_moment(booking.starts_at)}",
        badge=booking.get_status_display(),
    )


@register("widget", "participation_bookings", order=84, visible=has_perm("participation.change_booking"))
def bookings_to_approve(user: Any) -> Widget:
    return list_widget(
        Booking.objects.filter(status=BookingStatus.REQUESTED)
        .select_related("room", "organisation")
        .order_by("starts_at"),
        _booking_item,
        title=_("Room bookings to approve"),
        more_url=reverse("participation:booking_list") + "?status=requested",
        empty_text=_("No booking waits for approval."),
    )


@register("digest", "participation_moderation", order=80, visible=has_perm("participation.change_submission"))
def digest_moderation(user: Any) -> DigestSection:
    return DigestSection(_("Consultation comments to moderate"), [_submission_item(s) for s in _pending()[:50]])


@register("digest", "participation_verification", order=81, visible=has_perm("participation.view_project"))
def digest_verification(user: Any) -> DigestSection:
    overdue = _in_verification().filter(formal_check__due_date__lt=timezone.localdate())
    return DigestSection(_("Citizen budget: verification overdue"), [_project_item(p) for p in overdue[:50]])


@register("digest", "participation_programme", order=82, visible=has_perm("participation.view_programme"))
def digest_programme(user: Any) -> DigestSection:
    """The programme's statutory dates in the next 30 days (or already missed)."""
    soon = timezone.localdate() + dt.timedelta(days=30)
    rows = [
        p
        for p in _programme_dates()
        if (p.adopted_on is None and p.adoption_due <= soon) or (p.adopted_on and p.report_due <= soon)
    ]
    return DigestSection(_("Cooperation programme: statutory dates"), [_programme_item(p) for p in rows])


@register("search", "participation_consultations", order=80, visible=has_perm("participation.view_consultation"))
def search_consultations(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Consultation.objects.order_by("-starts_on"),
        query,
        ("title", "subject"),
        title=_("Public consultations"),
        hit=lambda c: (c.title, reverse("participation:consultation_detail", args=[c.pk]), c.stage_label()),
    )


@register("search", "participation_projects", order=81, visible=has_perm("participation.view_project"))
def search_projects(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Project.objects.select_related("edition", "district").order_by("-edition__year", "number"),
        query,
        ("title", "location", "description"),
        title=_("Citizen budget projects"),
        hit=lambda p: (str(p), reverse("participation:project_detail", args=[p.pk]), p.get_status_display()),
    )


@register("search", "participation_civic", order=82, visible=has_perm("participation.view_civicproject"))
def search_civic(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        CivicProject.objects.order_by("-starts_on"),
        query,
        ("name", "description", "coordinator"),
        title=_("Civic projects"),
        hit=lambda c: (c.name, reverse("participation:civic_detail", args=[c.pk]), c.get_kind_display()),
    )


@register("search", "participation_grants", order=83, visible=has_perm("participation.view_grant"))
def search_grants(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Grant.objects.select_related("organisation").order_by("-awarded_on"),
        query,
        ("task", "organisation__name"),
        title=_("Grants to NGOs"),
        hit=lambda g: (
            g.task,
            reverse("participation:grant_detail", args=[g.pk]),
            f"{g.organisation.name} · {g.amount} zł",
        ),
    )


@register("contact_history", "participation_grants", order=80, visible=has_perm("participation.view_grant"))
def contact_grants(user: Any, *, contact: Any) -> Widget:
    return list_widget(
        Grant.objects.filter(organisation=contact).select_related("organisation").order_by("-awarded_on", "-id"),
        lambda g: ListItem(
            g.task, reverse("participation:grant_detail", args=[g.pk]), f"{g.amount} zł · {_day(g.awarded_on)}"
        ),
        title=_("Grants to NGOs"),
        more_url=reverse("participation:grant_list") + "?" + urlencode({"q": contact.name}),
        empty_text=_("No grants."),
    )


@register("demo", "participation", order=85)
def demo(admin: Any) -> None:
    from associations.participation.demo import seed

    seed(admin)
