"""The register of the office's contracts and agreements, and the register of the city's
cultural institutions (rejestr instytucji kultury)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class AgreementKind(models.TextChoices):
    CONTRACT = "contract", _("contract")
    AGREEMENT = "agreement", _("agreement (porozumienie)")
    LETTER_OF_INTENT = "letter_of_intent", _("letter of intent")
    PARTNERSHIP = "partnership", _("partnership or cooperation agreement")
    GRANT = "grant", _("grant agreement")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("being negotiated")
    IN_FORCE = "in_force", _("in force")
    ENDED = "ended", _("ended")
    TERMINATED = "terminated", _("terminated")


class Agreement(models.Model):
    number = models.CharField(_("number"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices, default=AgreementKind.CONTRACT)
    subject = models.CharField(_("subject"), max_length=500)
    parties = models.ManyToManyField("office.Contact", verbose_name=_("other parties"), related_name="agreements")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="PLN")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    starts_on = models.DateField(_("in force from"))
    ends_on = models.DateField(_("in force until"), null=True, blank=True, db_index=True)
    unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("unit in charge"), on_delete=models.PROTECT, related_name="agreements"
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind before the end (days)"),
        default=30,
        help_text=_("The unit is reminded this many days before the end."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.IN_FORCE
    )
    reminded_on = models.DateField(_("reminder sent"), null=True, blank=True, editable=False)
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contract or agreement")
        verbose_name_plural = _("contracts and agreements")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="registers_agreement_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="registers_agreement_value_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    @property
    def is_in_force(self) -> bool:
        return self.status == AgreementStatus.IN_FORCE

    def remind_on(self) -> dt.date | None:
        return self.ends_on - dt.timedelta(days=self.remind_days_before) if self.ends_on else None

    @property
    def ending_soon(self) -> bool:
        """In force, and its end within the reminder period (or past)."""
        remind = self.remind_on()
        return self.is_in_force and remind is not None and remind <= timezone.localdate()


class InstitutionKind(models.TextChoices):
    THEATRE = "theatre", _("theatre")
    MUSEUM = "museum", _("museum")
    LIBRARY = "library", _("library")
    CULTURAL_CENTRE = "cultural_centre", _("cultural centre")
    GALLERY = "gallery", _("gallery")
    PHILHARMONIC = "philharmonic", _("philharmonic or orchestra")
    CINEMA = "cinema", _("cinema")
    OTHER = "other", _("other")


class CulturalInstitution(models.Model):
    """An entry of the register of cultural institutions the city organises (ustawa o
    organizowaniu i prowadzeniu działalności kulturalnej, art. 14)."""

    register_number = models.CharField(_("number in the register"), max_length=20, unique=True)
    entered_on = models.DateField(_("entered on"))
    name = models.CharField(_("full name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=InstitutionKind.choices)
    address = models.CharField(_("seat and address"), max_length=255)
    director = models.CharField(_("director"), max_length=200, blank=True)
    founding_act = models.CharField(_("founding act"), max_length=255, blank=True)
    statute = models.CharField(_("statute"), max_length=255, blank=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True)
    supervising_unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("supervising unit"), on_delete=models.PROTECT, related_name="+"
    )
    contact = models.ForeignKey(
        "office.Contact",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cultural_institutions",
    )
    is_active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("cultural institution")
        verbose_name_plural = _("cultural institutions")
        ordering = ["register_number"]

    def __str__(self) -> str:
        return self.short_name or self.name
