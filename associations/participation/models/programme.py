"""The annual programme of cooperation with non-governmental organisations (PT-16) and the grants
given under it (a simple register: organisation, task, amount, dates)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class Programme(models.Model):
    """Program współpracy z organizacjami pozarządowymi for one year: adopted by the council by 30
    November of the year before, reported on by 31 May of the year after (u.d.p.p. art. 5a)."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2198)]
    )
    title = models.CharField(_("title"), max_length=255)
    priorities = models.TextField(_("priority tasks"))
    forms_of_cooperation = models.TextField(_("forms of cooperation"))
    planned_funds = models.DecimalField(
        _("planned funds (PLN)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    resolution = models.CharField(_("council resolution"), max_length=100, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    # the statutory dates, computed from the rules (AssociationRules) and kept with their names
    adoption_due = models.DateField(_("to be adopted by"), editable=False)
    adoption_rule = models.CharField(_("adoption rule"), max_length=255, editable=False)
    report_due = models.DateField(_("report due"), editable=False)
    report_rule = models.CharField(_("report rule"), max_length=255, editable=False)
    report_text = models.TextField(_("report"), blank=True, editable=False)
    report_drafted_at = models.DateTimeField(_("report assembled"), null=True, blank=True, editable=False)
    report_submitted_on = models.DateField(_("report submitted on"), null=True, blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("cooperation programme")
        verbose_name_plural = _("cooperation programmes")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title

    @property
    def adoption_overdue(self) -> bool:
        return self.adopted_on is None and self.adoption_due < timezone.localdate()

    @property
    def report_overdue(self) -> bool:
        return self.report_submitted_on is None and self.report_due < timezone.localdate()


class GrantMode(models.TextChoices):
    COMPETITION = "competition", _("open competition of offers")
    SMALL = "small", _("small grant outside a competition (art. 19a)")
    OTHER = "other", _("other mode")


class Grant(models.Model):
    """A grant for a public task given to an organisation under the programme (dotacja)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="grants"
    )
    organisation = models.ForeignKey(
        "office.Contact", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="ngo_grants"
    )
    task = models.CharField(_("public task"), max_length=255)
    area = models.CharField(_("area of public benefit"), max_length=120, blank=True)
    mode = models.CharField(_("mode"), max_length=12, choices=GrantMode.choices, default=GrantMode.COMPETITION)
    amount = models.DecimalField(
        _("amount (PLN)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0.01)]
    )
    awarded_on = models.DateField(_("awarded on"), default=timezone.localdate)
    starts_on = models.DateField(_("task starts on"))
    ends_on = models.DateField(_("task ends on"))
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-awarded_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="participation_grant_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} ({self.organisation})"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The task cannot end before it starts.")})
