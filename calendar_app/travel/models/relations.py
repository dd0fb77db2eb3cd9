"""Partner cities and foreign partners, their agreements, and foreign delegations received."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from office.db import user_link

from .rates import Country


class PartnerCity(models.Model):
    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="partners")
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=[("city", _("partner city")), ("region", _("partner region")), ("other", _("other foreign partner"))],
        default="city",
    )
    partner_since = models.DateField(_("partners since"), null=True, blank=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("of the correspondence and the visits")
    )
    contacts = models.ManyToManyField("office.Contact", verbose_name=_("contacts"), blank=True, related_name="+")
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"


class Agreement(models.Model):
    partner = models.ForeignKey(
        PartnerCity, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="agreements"
    )
    title = models.CharField(_("title"), max_length=300)
    signed_on = models.DateField(_("signed"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")
        ordering = ["partner", "-signed_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("signed_on")),
                name="travel_agreement_dates",
                violation_error_message=_("An agreement cannot end before it is signed."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class DelegationStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class Delegation(models.Model):
    """A foreign delegation the city receives."""

    name = models.CharField(_("delegation"), max_length=300)
    partner = models.ForeignKey(
        PartnerCity,
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegations",
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="delegations"
    )
    arrives_at = models.DateTimeField(_("arrival"))
    departs_at = models.DateTimeField(_("departure"))
    host = models.ForeignKey(
        "office.OfficeHolder", verbose_name=_("host"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    guests = models.TextField(_("guests"), blank=True, help_text=_("one a line: name, function"))
    interpreter = models.CharField(_("interpreter"), max_length=200, blank=True)
    accommodation = models.CharField(_("accommodation"), max_length=300, blank=True)
    protocol_notes = models.TextField(_("protocol notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DelegationStatus.choices, default=DelegationStatus.PLANNED
    )
    calendar_entry_id = models.PositiveIntegerField(_("calendar entry"), null=True, blank=True, editable=False)
    created_by = user_link(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("foreign delegation")
        verbose_name_plural = _("foreign delegations")
        ordering = ["-arrives_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(departs_at__gt=models.F("arrives_at")),
                name="travel_delegation_dates",
                violation_error_message=_("The departure must be after the arrival."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProgrammeItem(models.Model):
    delegation = models.ForeignKey(
        Delegation, verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="programme"
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    title = models.CharField(_("what"), max_length=300)
    place = models.CharField(_("place"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        ordering = ["delegation", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="travel_programme_times",
                violation_error_message=_("The item must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class Gift(models.Model):
    """A gift given to or received from the delegation (the events app's register has no public
    service another app may call, so the delegation keeps its own list)."""

    delegation = models.ForeignKey(
        Delegation, verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="gifts"
    )
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=[("given", _("given to the guests")), ("received", _("received from the guests"))],
    )
    description = models.CharField(_("gift"), max_length=300)
    person = models.CharField(_("from or to whom"), max_length=200)
    value = models.DecimalField(_("estimated value (PLN)"), max_digits=10, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["delegation", "id"]

    def __str__(self) -> str:
        return self.description
