"""Municipal companies (SW-18): the city's shares, the shareholder or general meetings with their
documents, the office's opinion due before the meeting (an Assignment) and the mayor's instruction
to the city's representative."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class LegalForm(models.TextChoices):
    LLC = "llc", _("limited liability company (sp. z o.o.)")
    JOINT_STOCK = "jsc", _("joint-stock company (S.A.)")


class Company(models.Model):
    """A company in which the city holds shares."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    legal_form = models.CharField(_("legal form"), max_length=3, choices=LegalForm.choices, default=LegalForm.LLC)
    krs = models.CharField(_("KRS number"), max_length=10, blank=True)
    share_capital = models.DecimalField(
        _("share capital (PLN)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    city_share = models.DecimalField(
        _("the city's share (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )
    representative = models.CharField(
        _("the city's representative at meetings"), max_length=200, help_text=_("Name and position.")
    )
    unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("supervising unit"), on_delete=models.PROTECT, related_name="+"
    )
    business = models.TextField(_("business"), blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("municipal company")
        verbose_name_plural = _("municipal companies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def meeting_name(self) -> str:
        return _("general meeting") if self.legal_form == LegalForm.JOINT_STOCK else _("shareholders' meeting")


class MeetingKind(models.TextChoices):
    ANNUAL = "annual", _("annual")
    EXTRAORDINARY = "extraordinary", _("extraordinary")


class ShareholderMeeting(models.Model):
    """A shareholders' or general meeting of a company: its documents are attachments; the office's
    opinion on them is an Assignment due before the meeting; the mayor instructs the representative."""

    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=14, choices=MeetingKind.choices, default=MeetingKind.ANNUAL)
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=255)
    agenda = models.TextField(_("agenda"))
    opinion = models.ForeignKey(
        "office.Assignment",
        verbose_name=_("the office's opinion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    instruction = models.TextField(_("the mayor's instruction to the representative"), blank=True, editable=False)
    instructed_by = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("instructed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    instructed_on = models.DateField(_("instructed on"), null=True, blank=True, editable=False)
    outcome = models.TextField(_("resolutions adopted"), blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("shareholders' meeting")
        verbose_name_plural = _("shareholders' meetings")
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return f"{self.company.name} – {timezone.localtime(self.starts_at):%d.%m.%Y}"

    @property
    def day(self) -> dt.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def is_past(self) -> bool:
        return self.starts_at <= timezone.now()
