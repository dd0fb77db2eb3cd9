"""Rates of the regulation, date-versioned (valid_from, valid_to), and who approves whose trips."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True, help_text=_("ISO 3166 code, e.g. DE"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DomesticRate(models.Model):
    """The domestic per diem; the hotel limit and the lump sums follow from it."""

    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    per_diem = models.DecimalField(_("per diem (PLN)"), max_digits=8, decimal_places=2)
    basis = models.CharField(_("legal basis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("domestic rate")
        verbose_name_plural = _("domestic rates")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="travel_domestic_period",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(per_diem__gt=0),
                name="travel_domestic_positive",
                violation_error_message=_("The per diem must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.per_diem} PLN ({self.valid_from}–{self.valid_to or '…'})"


class ForeignRate(models.Model):
    """A country's per diem and hotel limit a night, in the currency of the annex."""

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="rates")
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, help_text=_("ISO 4217, e.g. EUR"))
    per_diem = models.DecimalField(_("per diem"), max_digits=8, decimal_places=2)
    hotel_limit = models.DecimalField(_("hotel limit a night"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("foreign rate")
        verbose_name_plural = _("foreign rates")
        ordering = ["country__name", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="travel_foreign_period",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(per_diem__gt=0, hotel_limit__gt=0),
                name="travel_foreign_positive",
                violation_error_message=_("The per diem and the hotel limit must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country}: {self.per_diem} {self.currency} ({self.valid_from}–{self.valid_to or '…'})"


class Vehicle(models.TextChoices):
    CAR_SMALL = "car_small", _("car up to 900 cm³")
    CAR_LARGE = "car_large", _("car over 900 cm³")
    MOTORCYCLE = "motorcycle", _("motorcycle")
    MOPED = "moped", _("moped")


class KmRate(models.Model):
    vehicle = models.CharField(_("vehicle"), max_length=20, choices=Vehicle.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    rate = models.DecimalField(_("PLN per km"), max_digits=6, decimal_places=4)

    class Meta:
        verbose_name = _("rate per kilometre")
        verbose_name_plural = _("rates per kilometre")
        ordering = ["vehicle", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="travel_km_period",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(rate__gt=0),
                name="travel_km_positive",
                violation_error_message=_("The rate must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_vehicle_display()}: {self.rate} ({self.valid_from}–{self.valid_to or '…'})"


class TravellerKind(models.TextChoices):
    MAYOR = "mayor", _("Mayor")
    DEPUTY = "deputy", _("Deputy mayor")
    PLENIPOTENTIARY = "plenipotentiary", _("Plenipotentiary")
    SECRETARY = "secretary", _("City secretary")
    TREASURER = "treasurer", _("City treasurer")
    STAFF = "staff", _("staff member")


class ApproverRule(models.Model):
    """Who orders (approves) the trips of a kind of traveller. Without a row: the mayor for the
    office holders, the city secretary for staff."""

    traveller_kind = models.CharField(_("traveller"), max_length=20, choices=TravellerKind.choices, unique=True)
    approver = models.ForeignKey(
        "office.OfficeHolder", verbose_name=_("approved by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("who approves trips")
        verbose_name_plural = _("who approves trips")
        ordering = ["traveller_kind"]

    def __str__(self) -> str:
        return f"{self.get_traveller_kind_display()} → {self.approver}"
