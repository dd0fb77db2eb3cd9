"""The media directory: outlets, journalists and their employment, distribution lists."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutletKind(models.TextChoices):
    DAILY = "daily", _("daily newspaper")
    PERIODICAL = "periodical", _("periodical")
    ONLINE = "online", _("online outlet")
    RADIO = "radio", _("radio")
    TV = "tv", _("television")
    AGENCY = "agency", _("news agency")


class Reach(models.TextChoices):
    LOCAL = "local", _("local")
    REGIONAL = "regional", _("regional")
    NATIONAL = "national", _("national")


class Outlet(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OutletKind.choices)
    reach = models.CharField(_("reach"), max_length=20, choices=Reach.choices, default=Reach.LOCAL)
    region = models.CharField(_("region"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail of the newsroom"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    tags = models.ManyToManyField("office.Tag", verbose_name=_("tags"), blank=True, related_name="outlets")
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("media outlet")
        verbose_name_plural = _("media outlets")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    IN_PERSON = "in_person", _("in person")
    SOCIAL = "social", _("social media")
    LETTER = "letter", _("letter")


class Journalist(models.Model):
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    beat = models.CharField(_("beat"), max_length=200, blank=True, help_text=_("Topics the journalist covers."))
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=20, choices=Channel.choices, default=Channel.EMAIL
    )
    notes = models.TextField(_("notes"), blank=True)
    outlets = models.ManyToManyField(Outlet, through="JournalistOutlet", related_name="journalists", blank=True)
    tags = models.ManyToManyField("office.Tag", verbose_name=_("tags"), blank=True, related_name="journalists")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")
        ordering = ["name"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return self.name


class JournalistOutlet(models.Model):
    """A period of a journalist's work for an outlet; the open row (no end) is the current one."""

    journalist = models.ForeignKey(Journalist, on_delete=models.CASCADE, related_name="employments")
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="employments")
    position = models.CharField(_("position"), max_length=120, blank=True)
    started_on = models.DateField(_("from"), default=dt.date.today)
    ended_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("employment")
        verbose_name_plural = _("employment history")
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["journalist"], condition=Q(ended_on__isnull=True), name="media_one_current_outlet"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="media_employment_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.journalist} – {self.outlet}"


class DistributionList(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    journalists = models.ManyToManyField(
        Journalist, verbose_name=_("journalists"), blank=True, related_name="distribution_lists"
    )

    class Meta:
        verbose_name = _("distribution list")
        verbose_name_plural = _("distribution lists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
