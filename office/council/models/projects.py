"""Projects and tasks commissioned by the mayor (CH-6.1, CH-6.2, SW-2, SW-4): the owner, the units
taking part, milestones, tasks handed to units as office Assignments, status and progress; and the
register of opinions and studies the office ordered."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    SUSPENDED = "suspended", _("suspended")
    DONE = "done", _("completed")


class Project(models.Model):
    title = models.CharField(_("title"), max_length=300)
    goal = models.TextField(_("goal"), blank=True)
    commissioned_by = models.ForeignKey(
        "office.OfficeHolder", verbose_name=_("commissioned by"), on_delete=models.PROTECT, related_name="+"
    )
    owner = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("leading unit"), on_delete=models.PROTECT, related_name="+"
    )
    units = models.ManyToManyField("office.OrgUnit", verbose_name=_("units taking part"), blank=True, related_name="+")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("to be completed by"))
    status = models.CharField(_("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("commissioned project")
        verbose_name_plural = _("commissioned projects")
        ordering = ["ends_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="council_project_dates")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def overdue(self) -> bool:
        return self.status != ProjectStatus.DONE and self.ends_on < timezone.localdate()


class Milestone(models.Model):
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=300)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def overdue(self) -> bool:
        return self.done_on is None and self.due_on < timezone.localdate()


class StudyKind(models.TextChoices):
    OPINION = "opinion", _("opinion")
    STUDY = "study", _("study")
    EXPERTISE = "expertise", _("expert report")
    LEGAL = "legal", _("legal opinion")


class Study(models.Model):
    """An opinion, study or expert report ordered by the office."""

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=StudyKind.choices)
    author = models.CharField(_("author"), max_length=255)
    unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("ordering unit"), on_delete=models.PROTECT, related_name="+"
    )
    project = models.ForeignKey(
        Project, verbose_name=_("project"), null=True, blank=True, on_delete=models.SET_NULL, related_name="studies"
    )
    ordered_on = models.DateField(_("ordered on"))
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    cost = models.DecimalField(
        _("cost (PLN)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    summary = models.TextField(_("conclusions"), blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("opinion or study")
        verbose_name_plural = _("opinions and studies")
        ordering = ["-ordered_on", "-id"]

    def __str__(self) -> str:
        return self.title
