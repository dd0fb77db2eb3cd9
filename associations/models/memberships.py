"""The city's memberships of unions and associations (NM-10)."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class MembershipKind(models.TextChoices):
    UNION = "union", _("union of municipalities")
    ASSOCIATION = "association", _("association of local governments")
    OTHER = "other", _("other association or organisation")


class Membership(models.Model):
    organisation = models.CharField(_("organisation"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=MembershipKind.choices)
    member_since = models.DateField(_("member since"))
    resolution_number = models.CharField(_("council resolution"), max_length=100, help_text=_("e.g. XII/123/2019"))
    resolution_on = models.DateField(_("resolution of"))
    resolution_text = models.TextField(_("text of the resolution"))
    yearly_fee = models.DecimalField(
        _("yearly fee (PLN)"), max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    representatives = models.TextField(
        _("the city's representatives"), help_text=_("Names and functions, one per line.")
    )
    ended_on = models.DateField(_("membership ended on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("membership of the city")
        verbose_name_plural = _("memberships of the city")
        ordering = ["organisation", "id"]

    def __str__(self) -> str:
        return self.organisation

    @property
    def is_active(self) -> bool:
        return self.ended_on is None or self.ended_on > timezone.localdate()

    def representative_lines(self) -> list[str]:
        return [line.strip() for line in self.representatives.splitlines() if line.strip()]
