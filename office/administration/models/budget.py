"""Budget lines of the office's tasks (PT-26): the yearly plan of each line under the budget
classification (dział, rozdział, paragraf), the changes to the plan, the commitments other
records make against it (a trip, an event, an order, a procurement, an announcement, a
promotion) and the execution booked by the finance system."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from office.db import user_link

#: A line at or above this share of its plan is marked on the plan-versus-execution page.
WARNING_SHARE = Decimal("0.90")
MONEY = {"max_digits": 14, "decimal_places": 2}
ZERO = Decimal("0.00")

_division = RegexValidator(r"^\d{3}$", _("A division (dział) has three digits, e.g. 750."))
_chapter = RegexValidator(r"^\d{5}$", _("A chapter (rozdział) has five digits, e.g. 75023."))
_paragraph = RegexValidator(r"^\d{4}$", _("A paragraph (paragraf) has four digits, e.g. 4300."))


def _sum_of(model: type[models.Model], field: str, **filters: object) -> models.Subquery:
    """The sum of ``field`` of ``model``'s rows of the outer line, as one subquery (0 when none)."""
    rows = (
        model.objects.filter(line=models.OuterRef("pk"), **filters)
        .order_by()
        .values("line")
        .annotate(total=Sum(field))
        .values("total")
    )
    return Coalesce(models.Subquery(rows, output_field=models.DecimalField(**MONEY)), ZERO)


class BudgetLineQuerySet(models.QuerySet):
    def with_figures(self) -> BudgetLineQuerySet:
        """Each line with its plan after changes, commitments, execution, what remains and the
        share used — three subqueries in the one query of the lines, whatever their number."""
        return self.annotate(
            changes_total=_sum_of(PlanChange, "amount"),
            committed_total=_sum_of(Commitment, "amount", cancelled_at__isnull=True),
            executed_total=_sum_of(Execution, "amount"),
        )

    def totals(self) -> dict[str, Decimal]:
        """The plan, commitments, execution and what remains of the lines (of ``with_figures()``)
        together, in one query: for the caption of the plan-versus-execution page."""
        figures = self.order_by().aggregate(
            plan=Coalesce(Sum(F("planned") + F("changes_total")), ZERO),
            committed=Coalesce(Sum("committed_total"), ZERO),
            executed=Coalesce(Sum("executed_total"), ZERO),
            used=Coalesce(Sum(Greatest(F("committed_total"), F("executed_total"))), ZERO),
        )
        figures["remaining"] = figures["plan"] - figures.pop("used")
        return figures

    def nearly_used(self) -> BudgetLineQuerySet:
        """The lines (of ``with_figures()``) the page marks: 90 % of the plan or more used, or
        anything used of a zero plan (``BudgetLine.is_nearly_used``), in the database."""
        qs = self.alias(
            _used=Greatest(F("committed_total"), F("executed_total")), _plan=F("planned") + F("changes_total")
        )
        return qs.filter(Q(_plan__gt=0, _used__gte=F("_plan") * WARNING_SHARE) | Q(_plan__lte=0, _used__gt=0))


class BudgetLine(models.Model):
    """One line of the office's financial plan for a year: a task under a classification."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], db_index=True
    )
    division = models.CharField(_("division (dział)"), max_length=3, validators=[_division])
    chapter = models.CharField(_("chapter (rozdział)"), max_length=5, validators=[_chapter])
    paragraph = models.CharField(_("paragraph (paragraf)"), max_length=4, validators=[_paragraph])
    name = models.CharField(_("task"), max_length=255)
    planned = models.DecimalField(_("plan adopted"), **MONEY, validators=[MinValueValidator(0)])
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("entered by"), editable=False)
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = BudgetLineQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["-year", "division", "chapter", "paragraph", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "division", "chapter", "paragraph", "name"], name="budget_line_unique_in_year"
            ),
            models.CheckConstraint(condition=Q(planned__gte=0), name="budget_line_plan_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.classification} {self.name} ({self.year})"

    @property
    def classification(self) -> str:
        return f"{self.division}-{self.chapter}-§{self.paragraph}"

    # the figures: from ``with_figures()`` when the queryset annotated them, else computed here
    def _figure(self, name: str, compute: object) -> Decimal:
        if name not in self.__dict__:
            self.__dict__[name] = compute()  # type: ignore[operator]
        return self.__dict__[name]

    @property
    def plan(self) -> Decimal:
        changes = self._figure(
            "changes_total", lambda: self.plan_changes.aggregate(t=Coalesce(Sum("amount"), ZERO))["t"]
        )
        return self.planned + changes

    @property
    def committed(self) -> Decimal:
        return self._figure(
            "committed_total",
            lambda: self.commitments.filter(cancelled_at__isnull=True).aggregate(t=Coalesce(Sum("amount"), ZERO))["t"],
        )

    @property
    def executed(self) -> Decimal:
        return self._figure("executed_total", lambda: self.executions.aggregate(t=Coalesce(Sum("amount"), ZERO))["t"])

    @property
    def used(self) -> Decimal:
        """What the line has used: its commitments, or what was paid when the finance system booked
        more than was committed (a payment without a commitment recorded here still counts)."""
        return max(self.committed, self.executed)

    @property
    def remaining(self) -> Decimal:
        return self.plan - self.used

    @property
    def share(self) -> Decimal | None:
        """The share of the plan used (0.93 = 93 %), None when the plan is zero."""
        return (self.used / self.plan) if self.plan > 0 else None

    @property
    def percent(self) -> Decimal | None:
        share = self.share
        return None if share is None else (share * 100).quantize(Decimal("0.1"))

    @property
    def is_nearly_used(self) -> bool:
        """90 % of the plan or more is used (or anything is used of a zero plan)."""
        share = self.share
        return (self.used > 0) if share is None else share >= WARNING_SHARE

    @property
    def is_overrun(self) -> bool:
        return self.used > self.plan

    @property
    def mark(self) -> str:
        """The words that mark a line nearly or over used (the page does not rely on colour)."""
        if self.is_overrun:
            return str(_("over the plan"))
        # xgettext:no-python-format
        return str(_("90 % or more used")) if self.is_nearly_used else ""


class PlanChange(models.Model):
    """A change to a line's plan (a mayor's order or a council resolution): plus or minus."""

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), on_delete=models.CASCADE, related_name="plan_changes"
    )
    changed_on = models.DateField(_("date"))
    amount = models.DecimalField(_("change (PLN)"), **MONEY, help_text=_("Negative when the plan is reduced."))
    basis = models.CharField(_("basis"), max_length=255, help_text=_("e.g. Zarządzenie nr 245/2026 Prezydenta Miasta"))
    created_by = user_link(_("entered by"), editable=False)
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        verbose_name = _("change to the plan")
        verbose_name_plural = _("changes to the plan")
        ordering = ["changed_on", "id"]
        constraints = [models.CheckConstraint(condition=~Q(amount=0), name="plan_change_not_zero")]

    def __str__(self) -> str:
        return f"{self.changed_on:%d.%m.%Y} {self.amount:+} ({self.basis})"


class CommitmentKind(models.TextChoices):
    TRIP = "trip", _("business trip")
    EVENT = "event", _("event")
    ORDER = "order", _("order")
    PROCUREMENT = "procurement", _("small procurement")
    ANNOUNCEMENT = "announcement", _("paid announcement")
    PROMOTION = "promotion", _("promotion")
    OTHER = "other", _("other")


class Commitment(models.Model):
    """An amount a record of any app commits on a line (zaangażowanie): a generic link to its
    source plus a cached label and URL, as an Assignment keeps them, so lists never load sources."""

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), on_delete=models.PROTECT, related_name="commitments"
    )
    kind = models.CharField(_("from"), max_length=12, choices=CommitmentKind.choices, default=CommitmentKind.OTHER)
    amount = models.DecimalField(_("amount (PLN)"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    committed_on = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=255, blank=True)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.CharField(_("link to the source"), max_length=500, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=255, blank=True)
    created_by = user_link(_("entered by"), editable=False)
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["-committed_on", "-id"]
        indexes = [
            models.Index(fields=["source_type", "source_id"]),
            # the sums of the plan-versus-execution page read the amounts from the index alone
            models.Index(
                fields=["line"],
                include=["amount"],
                condition=Q(cancelled_at__isnull=True),
                name="commitment_active_sums",
            ),
        ]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="commitment_amount_positive")]

    def __str__(self) -> str:
        return f"{self.amount} PLN · {self.source_label or self.description or self.get_kind_display()}"

    @property
    def is_active(self) -> bool:
        return self.cancelled_at is None


class Execution(models.Model):
    """An amount the finance system booked as spent on a line (wykonanie), typed or imported."""

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), on_delete=models.PROTECT, related_name="executions"
    )
    booked_on = models.DateField(_("booked on"))
    amount = models.DecimalField(_("amount (PLN)"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    document = models.CharField(_("document"), max_length=100, blank=True, help_text=_("The finance system's number."))
    description = models.CharField(_("description"), max_length=255, blank=True)
    created_by = user_link(_("entered by"), editable=False)
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        verbose_name = _("execution")
        verbose_name_plural = _("execution")
        ordering = ["-booked_on", "-id"]
        indexes = [models.Index(fields=["line"], include=["amount"], name="execution_sums")]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="execution_amount_positive")]

    def __str__(self) -> str:
        return f"{self.booked_on:%d.%m.%Y} {self.amount} PLN {self.document}".strip()
