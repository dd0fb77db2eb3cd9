"""What the office spends outside its own staff: small procurements below the statutory
threshold (PT-27) with the euro rate of the regulation, paid announcements ordered in the
press (PT-4) and promotion undertakings (NM-19, PT-30). Each may name a budget line and then
makes a commitment on it."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from office.administration.models.budget import MONEY, BudgetLine, Commitment
from office.db import user_link

#: The statutory threshold (Prawo zamówień publicznych, art. 2 ust. 1 pkt 1): the act applies
#: to orders worth this much or more, net of VAT.
THRESHOLD_PLN = Decimal("130000.00")


class EuroRate(models.Model):
    """The average PLN/EUR rate of the regulation (rozporządzenie Prezesa Rady Ministrów w sprawie
    średniego kursu złotego w stosunku do euro) from a date: a dated setting edited in the admin.
    The rate in force on a procurement's date gives its value in euro."""

    valid_from = models.DateField(_("in force from"), unique=True)
    rate = models.DecimalField(
        _("PLN for 1 EUR"), max_digits=8, decimal_places=4, validators=[MinValueValidator(Decimal("0.0001"))]
    )
    basis = models.CharField(_("regulation"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("euro rate of the regulation")
        verbose_name_plural = _("euro rates of the regulation")
        ordering = ["-valid_from"]
        constraints = [models.CheckConstraint(condition=Q(rate__gt=0), name="euro_rate_positive")]

    def __str__(self) -> str:
        return f"{self.rate} PLN/EUR ({self.valid_from:%d.%m.%Y})"

    @classmethod
    def on(cls, day: dt.date) -> EuroRate | None:
        return cls.objects.filter(valid_from__lte=day).order_by("-valid_from").first()


class SupplyType(models.TextChoices):
    SUPPLIES = "supplies", _("supplies (dostawy)")
    SERVICES = "services", _("services (usługi)")
    WORKS = "works", _("construction works (roboty budowlane)")


class Procurement(models.Model):
    """A procurement below the statutory threshold (zamówienie poniżej 130 000 zł)."""

    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("number"), editable=False)
    subject = models.CharField(_("subject"), max_length=255)
    supply_type = models.CharField(_("type"), max_length=10, choices=SupplyType.choices)
    estimated_value = models.DecimalField(
        _("estimated value, net (PLN)"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))]
    )
    estimated_on = models.DateField(_("value estimated on"))
    euro_rate = models.DecimalField(_("PLN/EUR rate"), max_digits=8, decimal_places=4, editable=False)
    value_eur = models.DecimalField(_("value in euro"), **MONEY, editable=False)
    contractor = models.CharField(_("contractor"), max_length=255, blank=True)
    order_number = models.CharField(_("order or contract"), max_length=100, blank=True)
    ordered_on = models.DateField(_("ordered on"), null=True, blank=True)
    gross_amount = models.DecimalField(
        _("amount of the order, gross (PLN)"),
        **MONEY,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Committed on the budget line; the estimated value when empty."),
    )
    invoice = models.CharField(_("invoice"), max_length=100, blank=True)
    invoice_on = models.DateField(_("invoice date"), null=True, blank=True)
    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    commitment = models.OneToOneField(
        Commitment, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("small procurement")
        verbose_name_plural = _("small procurements")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="procurement_number_unique"),
            models.CheckConstraint(condition=Q(estimated_value__gt=0), name="procurement_value_positive"),
            models.CheckConstraint(condition=Q(estimated_value__lt=THRESHOLD_PLN), name="procurement_below_threshold"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        """The case sign under the JRWA class of public procurement (271)."""
        return f"271.{self.number}.{self.year}" if self.number else ""

    @property
    def amount_committed(self) -> Decimal:
        return self.gross_amount or self.estimated_value

    @staticmethod
    def in_euro(value: Decimal, rate: Decimal) -> Decimal:
        return (value / rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Announcement(models.Model):
    """A paid announcement ordered in the press (ogłoszenie płatne, PT-4)."""

    outlet = models.CharField(_("outlet"), max_length=255, help_text=_("The newspaper, portal or station."))
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"))
    ordered_on = models.DateField(_("ordered on"))
    published_from = models.DateField(_("published from"))
    published_until = models.DateField(_("published until"))
    cost = models.DecimalField(_("cost, gross (PLN)"), **MONEY, validators=[MinValueValidator(Decimal("0.00"))])
    invoice = models.CharField(_("invoice"), max_length=100, blank=True)
    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    commitment = models.OneToOneField(
        Commitment, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = user_link(_("ordered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("paid announcement")
        verbose_name_plural = _("paid announcements")
        ordering = ["-published_from", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(cost__gte=0), name="announcement_cost_not_negative"),
            models.CheckConstraint(
                condition=Q(published_until__gte=models.F("published_from")), name="announcement_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title}"


class PromotionKind(models.TextChoices):
    ACTION = "action", _("promotional action")
    OFFER = "offer", _("advertising offer")


class PromotionDecision(models.TextChoices):
    PENDING = "pending", _("to decide")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class Promotion(models.Model):
    """A promotion undertaking (NM-19, PT-30): the city's own promotional action, or an
    advertising offer it received, with its cost, the decision and the results."""

    kind = models.CharField(_("kind"), max_length=8, choices=PromotionKind.choices)
    title = models.CharField(_("title"), max_length=255)
    partner = models.CharField(_("offered by or carried out with"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    cost = models.DecimalField(_("cost, gross (PLN)"), **MONEY, validators=[MinValueValidator(Decimal("0.00"))])
    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(
        _("decision"), max_length=8, choices=PromotionDecision.choices, default=PromotionDecision.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_reason = models.CharField(_("reason"), max_length=255, blank=True)
    results = models.TextField(_("results"), blank=True, help_text=_("Reach, audience, publications, evaluation."))
    commitment = models.OneToOneField(
        Commitment, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("promotion undertaking")
        verbose_name_plural = _("promotion undertakings")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(cost__gte=0), name="promotion_cost_not_negative"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="promotion_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_pending(self) -> bool:
        return self.decision == PromotionDecision.PENDING

    @property
    def is_accepted(self) -> bool:
        return self.decision == PromotionDecision.ACCEPTED
