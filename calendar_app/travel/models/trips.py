"""A business trip: its travellers, itinerary legs, the travel orders, the settlement, the report."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link

from .rates import Country, Vehicle


class TripStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    AWAITING = "awaiting", _("awaiting approval")
    APPROVED = "approved", _("approved")
    REFUSED = "refused", _("refused")
    CANCELLED = "cancelled", _("cancelled")


class Transport(models.TextChoices):
    OFFICIAL_CAR = "official_car", _("official car")
    PRIVATE_CAR = "private_car", _("private car")
    TRAIN = "train", _("train")
    BUS = "bus", _("bus or coach")
    PLANE = "plane", _("plane")
    FERRY = "ferry", _("ferry")
    OTHER = "other", _("other")


class Trip(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("number"), editable=False)
    purpose = models.CharField(_("purpose"), max_length=300)
    destination = models.CharField(_("destination"), max_length=200, help_text=_("the city or place"))
    country = models.ForeignKey(
        Country,
        verbose_name=_("country (foreign trip)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trips",
        help_text=_("Empty for a domestic trip."),
    )
    partner = models.ForeignKey(
        "travel.PartnerCity",
        verbose_name=_("partner city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trips",
    )
    departs_at = models.DateTimeField(_("departure"))
    returns_at = models.DateTimeField(_("return"))
    accommodation = models.CharField(_("accommodation"), max_length=300, blank=True)
    interpreter = models.CharField(_("interpreter"), max_length=200, blank=True)
    delegation_members = models.TextField(
        _("other members of the delegation"), blank=True, help_text=_("councillors, guests: one a line")
    )
    budget_line = models.CharField(
        _("budget classification"),
        max_length=100,
        blank=True,
        help_text=_("e.g. 750-75023-4410, when no line is chosen"),
    )
    line = models.ForeignKey(
        "administration.BudgetLine",
        verbose_name=_("budget line"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The settled costs are committed on it."),
    )
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=TripStatus.choices, default=TripStatus.PLANNED)
    approver = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("to be approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = user_link(_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    settlement_due_on = models.DateField(_("settlement due"), null=True, blank=True)
    settlement_rule = models.CharField(_("deadline rule"), max_length=300, blank=True)
    report_agreed = models.TextField(_("what was agreed"), blank=True)
    report_contacts = models.TextField(_("contacts made"), blank=True)
    reported_on = models.DateField(_("reported"), null=True, blank=True)
    created_by = user_link(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("business trip")
        verbose_name_plural = _("business trips")
        ordering = ["-departs_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="travel_trip_number"),
            models.CheckConstraint(
                condition=Q(returns_at__gt=models.F("departs_at")),
                name="travel_trip_dates",
                violation_error_message=_("The return must be after the departure."),
            ),
        ]
        indexes = [models.Index(fields=["status", "departs_at"])]
        permissions = [("approve_trip", _("Can approve business trips (travel orders)"))]

    def __str__(self) -> str:
        return f"{self.reference} {self.purpose}"

    @property
    def reference(self) -> str:
        return f"PS.{self.number}.{self.year}"

    @property
    def is_foreign(self) -> bool:
        return self.country_id is not None

    @property
    def is_open(self) -> bool:
        return self.status in (TripStatus.PLANNED, TripStatus.AWAITING, TripStatus.APPROVED)

    @property
    def is_planned(self) -> bool:
        return self.status == TripStatus.PLANNED

    @property
    def is_awaiting(self) -> bool:
        return self.status == TripStatus.AWAITING

    @property
    def is_approved(self) -> bool:
        return self.status == TripStatus.APPROVED

    @property
    def has_returned(self) -> bool:
        return self.is_approved and self.returns_at <= timezone.now()


class Traveller(models.Model):
    """An office holder or a staff member on the trip, with their travel order and calendar entry."""

    trip = models.ForeignKey(Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="travellers")
    holder = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("office holder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    order_letter = models.ForeignKey(
        "correspondence.Letter",
        verbose_name=_("travel order"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    calendar_entry_id = models.PositiveIntegerField(_("calendar entry"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("traveller")
        verbose_name_plural = _("travellers")
        ordering = ["trip", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(holder__isnull=True, user__isnull=False) | Q(holder__isnull=False, user__isnull=True),
                name="travel_traveller_one",
                violation_error_message=_("A traveller is an office holder or a staff member."),
            ),
            models.UniqueConstraint(fields=["trip", "holder"], name="travel_traveller_holder"),
            models.UniqueConstraint(fields=["trip", "user"], name="travel_traveller_user"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.holder_id:
            return f"{self.holder.first_name} {self.holder.last_name}"
        return self.user.get_full_name() or self.user.get_username()


class Leg(models.Model):
    trip = models.ForeignKey(Trip, verbose_name=_("trip"), on_delete=models.CASCADE, related_name="legs")
    from_place = models.CharField(_("from"), max_length=200)
    to_place = models.CharField(_("to"), max_length=200)
    departs_at = models.DateTimeField(_("departure"))
    arrives_at = models.DateTimeField(_("arrival"))
    transport = models.CharField(_("means of transport"), max_length=20, choices=Transport.choices)
    crosses_border = models.BooleanField(_("crosses the border"), default=False)
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("leg")
        verbose_name_plural = _("legs")
        ordering = ["trip", "departs_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(arrives_at__gt=models.F("departs_at")),
                name="travel_leg_times",
                violation_error_message=_("The arrival must be after the departure."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_place} → {self.to_place}"


class Settlement(models.Model):
    """A traveller's claim and the rates it was computed with (kept, so a later change of the
    tables never changes a settled trip); the lines are computed again from these fields."""

    traveller = models.OneToOneField(
        Traveller, verbose_name=_("traveller"), on_delete=models.CASCADE, related_name="settlement"
    )
    started_at = models.DateTimeField(_("left home or the office"))
    ended_at = models.DateTimeField(_("came back"))
    abroad_from = models.DateTimeField(_("crossed the border (out)"), null=True, blank=True)
    abroad_until = models.DateTimeField(_("crossed the border (back)"), null=True, blank=True)
    home_breakfasts = models.PositiveSmallIntegerField(_("breakfasts provided in Poland"), default=0)
    home_lunches = models.PositiveSmallIntegerField(_("lunches provided in Poland"), default=0)
    home_suppers = models.PositiveSmallIntegerField(_("suppers provided in Poland"), default=0)
    abroad_breakfasts = models.PositiveSmallIntegerField(_("breakfasts provided abroad"), default=0)
    abroad_lunches = models.PositiveSmallIntegerField(_("lunches provided abroad"), default=0)
    abroad_suppers = models.PositiveSmallIntegerField(_("suppers provided abroad"), default=0)
    hotel_invoices = models.CharField(_("invoiced nights"), max_length=500, blank=True)
    lump_nights = models.PositiveSmallIntegerField(_("nights without an invoice"), default=0)
    local_transport = models.BooleanField(_("local transport lump sum"), default=False)
    vehicle = models.CharField(_("private vehicle"), max_length=20, choices=Vehicle.choices, blank=True)
    km = models.DecimalField(_("kilometres"), max_digits=8, decimal_places=1, default=0)
    tickets = models.DecimalField(_("tickets (PLN)"), max_digits=10, decimal_places=2, default=0)
    other_costs = models.DecimalField(_("other documented costs (PLN)"), max_digits=10, decimal_places=2, default=0)
    other_costs_note = models.CharField(_("what the other costs are"), max_length=300, blank=True)
    exchange_rate = models.DecimalField(
        _("exchange rate (PLN)"), max_digits=10, decimal_places=4, null=True, blank=True
    )
    exchange_rate_on = models.DateField(_("rate of the day"), null=True, blank=True)
    advance = models.DecimalField(_("advance paid (PLN)"), max_digits=10, decimal_places=2, default=0)
    domestic_per_diem = models.DecimalField(_("domestic per diem"), max_digits=8, decimal_places=2)
    foreign_per_diem = models.DecimalField(_("foreign per diem"), max_digits=8, decimal_places=2, null=True, blank=True)
    foreign_hotel_limit = models.DecimalField(_("hotel limit"), max_digits=8, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="PLN")
    km_rate = models.DecimalField(_("rate per km"), max_digits=6, decimal_places=4, default=0)
    total_pln = models.DecimalField(_("total (PLN)"), max_digits=12, decimal_places=2)
    to_pay = models.DecimalField(_("to pay (PLN)"), max_digits=12, decimal_places=2)
    commitment_id = models.PositiveIntegerField(_("budget commitment"), null=True, blank=True, editable=False)
    settled_by = user_link(_("settled by"))
    settled_at = models.DateTimeField(_("settled"), auto_now=True)

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        ordering = ["-settled_at"]

    def __str__(self) -> str:
        return f"{self.traveller.trip.reference} · {self.traveller}"
