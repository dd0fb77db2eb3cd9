"""The resolutions register (NM-6) and what the mayor brings to a session (SW-25): his draft
resolutions with the filing deadline before the session, and requests for an extraordinary session."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class ResolutionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("being carried out")
    CARRIED_OUT = "carried_out", _("carried out")
    REPEALED = "repealed", _("repealed")


class Resolution(models.Model):
    """A resolution of the council: number, date, title, the unit responsible for carrying it out,
    its own deadline, and reports on its implementation."""

    number = models.CharField(_("number"), max_length=40, unique=True, help_text=_("e.g. XII/145/2026"))
    adopted_on = models.DateField(_("adopted on"))
    title = models.CharField(_("title"), max_length=500)
    session = models.ForeignKey(
        "council.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
    )
    unit = models.ForeignKey(
        "office.OrgUnit",
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("to be carried out by"), null=True, blank=True)
    tasks_mayor = models.BooleanField(_("tasks the mayor"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ResolutionStatus.choices, default=ResolutionStatus.IN_PROGRESS
    )
    #: the Assignment a resolution tasking the mayor became (source: this resolution)
    assignment = models.ForeignKey(
        "office.Assignment",
        verbose_name=_("assignment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    carried_out_on = models.DateField(_("carried out on"), null=True, blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["-adopted_on", "-id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.number}: {self.title}"[:250]

    @property
    def is_open(self) -> bool:
        return self.status == ResolutionStatus.IN_PROGRESS

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()


class ImplementationReport(models.Model):
    """A report on carrying out a resolution (sprawozdanie z wykonania uchwały)."""

    resolution = models.ForeignKey(
        Resolution, verbose_name=_("resolution"), on_delete=models.CASCADE, related_name="reports"
    )
    reported_on = models.DateField(_("reported on"))
    text = models.TextField(_("report"))
    final = models.BooleanField(_("the resolution is carried out"), default=False)
    created_by = user_link(_("reported by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("implementation report")
        verbose_name_plural = _("implementation reports")
        ordering = ["resolution", "reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.resolution.number} · {self.reported_on:%d.%m.%Y}"


class RequestStatus(models.TextChoices):
    PREPARED = "prepared", _("prepared")
    SENT = "sent", _("sent to the council's chair")
    CONVENED = "convened", _("session convened")


class ExtraordinaryRequest(models.Model):
    """The mayor's request to convene an extraordinary session (u.s.g. art. 20 ust. 3): the agenda
    and the draft resolutions, the letter to the chair, the date by which the session must be held,
    tracked to the session convened."""

    subject = models.CharField(_("subject"), max_length=300)
    agenda = models.TextField(_("proposed agenda"), help_text=_("One point a line."))
    justification = models.TextField(_("justification"), blank=True)
    addressee = models.ForeignKey(
        "office.Contact",
        verbose_name=_("the council's chair"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PREPARED)
    filed_on = models.DateField(_("filed on"), null=True, blank=True, editable=False)
    hold_by = models.DateField(_("the session must be held by"), null=True, blank=True, editable=False)
    hold_rule = models.CharField(_("deadline rule"), max_length=255, blank=True, editable=False)
    letter = models.ForeignKey(
        "correspondence.Letter",
        verbose_name=_("request letter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    session = models.ForeignKey(
        "council.Session",
        verbose_name=_("session convened"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
        editable=False,
    )
    created_by = user_link(_("prepared by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("request for an extraordinary session")
        verbose_name_plural = _("requests for an extraordinary session")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject

    @property
    def held_in_time(self) -> bool | None:
        if self.session_id is None or self.hold_by is None:
            return None
        return timezone.localtime(self.session.starts_at).date() <= self.hold_by

    @property
    def overdue(self) -> bool:
        return self.status == RequestStatus.SENT and self.hold_by is not None and self.hold_by < timezone.localdate()


class DraftResolution(models.Model):
    """The mayor's draft resolution for a session (or attached to an extraordinary-session request):
    filed at least 7 days before the session (u.s.g. art. 20 ust. 7); a draft filed later is flagged."""

    title = models.CharField(_("title"), max_length=500)
    unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("prepared by the unit"), on_delete=models.PROTECT, related_name="+"
    )
    session = models.ForeignKey(
        "council.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="drafts",
    )
    request = models.ForeignKey(
        ExtraordinaryRequest,
        verbose_name=_("extraordinary-session request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="drafts",
    )
    justification = models.TextField(_("justification"), blank=True)
    filed_on = models.DateField(_("filed with the council on"), null=True, blank=True, editable=False)
    latest_on = models.DateField(_("to be filed by"), null=True, blank=True, editable=False)
    is_late = models.BooleanField(_("filed late"), default=False, editable=False)
    filing_rule = models.CharField(_("deadline rule"), max_length=255, blank=True, editable=False)
    created_by = user_link(_("prepared by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("draft resolution")
        verbose_name_plural = _("draft resolutions")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title[:250]

    @property
    def is_filed(self) -> bool:
        return self.filed_on is not None

    @property
    def overdue(self) -> bool:
        return self.filed_on is None and self.latest_on is not None and self.latest_on < timezone.localdate()
