"""The social fund's applications (zakładowy fundusz świadczeń socjalnych, NM-3): a register
only the person in charge sees (``administration.handle_social_fund``, granted to no role: an
administrator gives it to that person). Nobody else learns that an application exists."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from office.administration.models.budget import MONEY
from office.db import user_link

HANDLE = "administration.handle_social_fund"


class SocialFundKind(models.TextChoices):
    HOLIDAY = "holiday", _("holiday subsidy")
    HARDSHIP = "hardship", _("hardship grant")
    HOUSING = "housing", _("housing loan")
    SEASONAL = "seasonal", _("holiday-season benefit")
    CULTURE = "culture", _("culture and sport")


class SocialFundStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")
    PAID = "paid", _("paid")


class SocialFundApplication(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("number"), editable=False)
    applicant = models.CharField(_("applicant"), max_length=255)
    kind = models.CharField(_("benefit"), max_length=10, choices=SocialFundKind.choices)
    received_on = models.DateField(_("received on"))
    requested = models.DecimalField(
        _("amount requested (PLN)"), **MONEY, null=True, blank=True, validators=[MinValueValidator(Decimal("0.01"))]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SocialFundStatus.choices, default=SocialFundStatus.RECEIVED
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    granted = models.DecimalField(
        _("amount granted (PLN)"), **MONEY, null=True, blank=True, validators=[MinValueValidator(Decimal("0.01"))]
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("social fund application")
        verbose_name_plural = _("social fund applications")
        ordering = ["-year", "-number"]
        # no add/change/delete/view: no role may be given the register by a blanket grant
        default_permissions = ()
        permissions = [("handle_social_fund", _("Can keep the social fund's applications"))]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="social_fund_number_unique"),
            models.CheckConstraint(
                condition=Q(requested__isnull=True) | Q(requested__gt=0), name="social_fund_requested_positive"
            ),
            models.CheckConstraint(
                condition=Q(granted__isnull=True) | Q(granted__gt=0), name="social_fund_granted_positive"
            ),
        ]

    def __str__(self) -> str:
        """The number alone: the trail and the log of reads name the record without the applicant."""
        return f"ZFŚS.{self.number}.{self.year}"

    @property
    def reference(self) -> str:
        return str(self)

    @property
    def is_decided(self) -> bool:
        return self.status != SocialFundStatus.RECEIVED
