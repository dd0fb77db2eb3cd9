"""The register of ordinary associations (ewidencja stowarzyszeń zwykłych, Associations Act
art. 40a and the 2016 regulation's template).

An ``OrdinaryAssociation`` is the application and, once entered, its place in the register (its
serial number). What the register says of it — every column of the template — lives in dated
``AssociationVersion`` rows: the first is the application's data (no date until it is entered),
each change the association reports adds one, so the register can be shown as it stood on any
day. The founders (``Founder``) are the application's private data: never published.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.db import user_link

#: The statutory conditions checked on an application (key, what is checked). The number of
#: founders is counted from the founders typed in, not ticked.
CHECKLIST: tuple[tuple[str, object], ...] = (
    ("natural_persons", _("The founders and members are natural persons only (no legal persons)")),
    ("no_branches", _("The association has no branches")),
    ("no_business", _("The association runs no business activity")),
    ("statute_name", _("The rules give the name")),
    ("statute_goals", _("The rules give the goals, the territory and the means of action")),
    ("statute_seat", _("The rules give the seat")),
    ("statute_representation", _("The rules name the representative or the board, and how they are chosen")),
    ("statute_amendment", _("The rules say how they are changed")),
    ("statute_membership", _("The rules say how membership is gained and lost")),
    ("statute_dissolution", _("The rules say how the association is dissolved")),
    ("documents_founders", _("The list of founders with their signatures is attached")),
    ("documents_rules", _("The rules (regulamin) adopted by the founders are attached")),
    ("documents_representation", _("The election of the representative or the board is attached")),
)

#: An ordinary association is founded by at least this many persons (art. 40 ust. 1a).
MIN_FOUNDERS = 3


class AssociationStatus(models.TextChoices):
    APPLIED = "applied", _("application received")
    ENTERED = "entered", _("entered in the register")
    REFUSED = "refused", _("entry refused")


class Representation(models.TextChoices):
    REPRESENTATIVE = "representative", _("a representative")
    BOARD = "board", _("a board")


class VersionKind(models.TextChoices):
    ENTRY = "entry", pgettext_lazy("register", "entry")
    CHANGE = "change", pgettext_lazy("register", "change")


class OrdinaryAssociation(models.Model):
    number = models.PositiveIntegerField(
        _("number in the register"), null=True, blank=True, unique=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AssociationStatus.choices, default=AssociationStatus.APPLIED, editable=False
    )
    contact = models.ForeignKey(
        "office.Contact",
        verbose_name=_("address for letters"),
        on_delete=models.PROTECT,
        related_name="ordinary_associations",
        help_text=_("The representative's or the board's address for correspondence (not published)."),
    )
    received_on = models.DateField(_("application received on"), default=timezone.localdate)
    entry_due_on = models.DateField(_("entry due on"), null=True, blank=True, editable=False)
    entry_rule = models.CharField(_("deadline rule"), max_length=255, blank=True, editable=False)
    checklist = models.JSONField(_("statutory conditions checked"), default=dict, blank=True, editable=False)
    checked_on = models.DateField(_("conditions checked on"), null=True, blank=True, editable=False)
    entered_on = models.DateField(_("entered on"), null=True, blank=True, editable=False)
    refused_on = models.DateField(_("refused on"), null=True, blank=True, editable=False)
    refusal_reasons = models.TextField(_("reasons of the refusal"), blank=True, editable=False)
    certificate = models.ForeignKey(
        "correspondence.Letter",
        verbose_name=_("entry certificate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    refusal_letter = models.ForeignKey(
        "correspondence.Letter",
        verbose_name=_("refusal letter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    #: the version the register shows today (the application's data before the entry)
    current = models.OneToOneField(
        "associations.AssociationVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="current_of",
        editable=False,
    )
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("ordinary association")
        verbose_name_plural = _("ordinary associations")
        ordering = ["number", "id"]
        indexes = [models.Index(fields=["status", "entry_due_on"])]

    def __str__(self) -> str:
        name = self.current.name if self.current_id and self.current else _("ordinary association")
        return f"{self.reference} {name}"

    @property
    def reference(self) -> str:
        """``SZ/12``: the number in the register, or the application's id before the entry."""
        return f"SZ/{self.number}" if self.number else f"W/{self.pk}"

    @property
    def is_applied(self) -> bool:
        return self.status == AssociationStatus.APPLIED

    @property
    def is_entered(self) -> bool:
        return self.status == AssociationStatus.ENTERED

    @property
    def is_refused(self) -> bool:
        return self.status == AssociationStatus.REFUSED

    @property
    def entry_overdue(self) -> bool:
        return self.is_applied and self.entry_due_on is not None and self.entry_due_on < timezone.localdate()


class VersionQuerySet(models.QuerySet):
    def entered(self) -> VersionQuerySet:
        """Versions of the register (an entry or a change), not an application's draft."""
        return self.filter(valid_from__isnull=False, association__status=AssociationStatus.ENTERED)

    def as_of(self, day: object) -> VersionQuerySet:
        """The version of each entered association that the register showed on ``day``: the last
        one in force then (one query, however many associations)."""
        later = AssociationVersion.objects.filter(association=OuterRef("association"), valid_from__lte=day).filter(
            Q(valid_from__gt=OuterRef("valid_from")) | Q(valid_from=OuterRef("valid_from"), pk__gt=OuterRef("pk"))
        )
        return self.entered().filter(valid_from__lte=day).exclude(Exists(later))


class AssociationVersion(models.Model):
    """The columns of the register's template as they stood from ``valid_from``."""

    association = models.ForeignKey(
        OrdinaryAssociation, verbose_name=_("association"), on_delete=models.CASCADE, related_name="versions"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=VersionKind.choices, default=VersionKind.ENTRY)
    valid_from = models.DateField(_("in the register from"), null=True, blank=True, editable=False)
    # columns of the template
    name = models.CharField(_("name"), max_length=300)
    goals = models.TextField(_("goals"))
    territory = models.CharField(_("territory of action"), max_length=300)
    means_of_action = models.TextField(_("means of action"))
    seat_address = models.CharField(_("address of the seat"), max_length=300)
    representation = models.CharField(
        _("represented by"), max_length=16, choices=Representation.choices, default=Representation.REPRESENTATIVE
    )
    representatives = models.TextField(
        _("representative or board members"), help_text=_("Names and functions, one per line.")
    )
    audit_body = models.TextField(_("internal audit body"), blank=True, help_text=_("If the rules provide one."))
    public_benefit = models.BooleanField(_("public-benefit status"), default=False)
    transformation = models.TextField(_("transformation or dissolution"), blank=True)
    liquidator = models.CharField(_("liquidator"), max_length=300, blank=True)
    supervisory_measures = models.TextField(_("supervisory measures applied"), blank=True)
    remarks = models.TextField(_("remarks"), blank=True)
    # a change reported by the association (art. 40a: within 7 days)
    changed_on = models.DateField(_("changed on"), null=True, blank=True, editable=False)
    reported_on = models.DateField(_("reported on"), null=True, blank=True, editable=False)
    report_due_on = models.DateField(_("report due on"), null=True, blank=True, editable=False)
    report_rule = models.CharField(_("deadline rule"), max_length=255, blank=True, editable=False)
    description = models.TextField(_("what changed"), blank=True, editable=False)
    created_by = user_link(_("recorded by"), editable=False)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("version of the register")
        verbose_name_plural = _("versions of the register")
        ordering = ["association", "valid_from", "id"]
        indexes = [models.Index(fields=["association", "valid_from"])]

    def __str__(self) -> str:
        return self.name

    @property
    def reported_late(self) -> bool:
        return bool(self.reported_on and self.report_due_on and self.reported_on > self.report_due_on)

    @property
    def is_dissolved(self) -> bool:
        return bool(self.transformation.strip())

    def representative_lines(self) -> list[str]:
        return [line.strip() for line in self.representatives.splitlines() if line.strip()]


class Founder(models.Model):
    """A founder on the list attached to the application: private data, never published."""

    association = models.ForeignKey(
        OrdinaryAssociation, verbose_name=_("association"), on_delete=models.CASCADE, related_name="founders"
    )
    name = models.CharField(_("first name and surname"), max_length=200)
    residence = models.CharField(_("place of residence"), max_length=300)
    pesel = models.CharField(_("PESEL"), max_length=11, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("founder")
        verbose_name_plural = _("founders")
        ordering = ["association", "id"]

    def __str__(self) -> str:
        return self.name
