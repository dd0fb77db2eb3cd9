"""Associations and foundations of the court register (KRS) under the mayor's supervision
(PT-11, PT-12, PT-15): their data, the supervision cases, the opinions given to the registry court
and the foundations' annual reports."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link

KRS_DIGITS = 10


def validate_krs_number(value: str) -> None:
    """A KRS number is ten digits, leading zeros included (``0000123456``)."""
    if not value.isdigit():
        raise ValidationError(_("A KRS number has digits only, e.g. 0000123456."), code="krs_digits")
    if len(value) != KRS_DIGITS:
        raise ValidationError(
            _("A KRS number has 10 digits (leading zeros included); this one has %(count)s."),
            code="krs_length",
            params={"count": len(value)},
        )


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("foundation")
    UNION = "union", _("union of associations")
    SPORTS_CLUB = "sports_club", _("sports club (association)")


class KrsOrganisation(models.Model):
    krs_number = models.CharField(
        _("KRS number"), max_length=10, unique=True, validators=[validate_krs_number], help_text=_("10 digits.")
    )
    legal_form = models.CharField(_("legal form"), max_length=12, choices=LegalForm.choices)
    name = models.CharField(_("name"), max_length=300)
    seat_address = models.CharField(_("address of the seat"), max_length=300)
    registered_on = models.DateField(_("registered in KRS on"), null=True, blank=True)
    nip = models.CharField(_("NIP"), max_length=13, blank=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True)
    representation = models.TextField(_("representation"), blank=True)
    purpose = models.TextField(_("goals"), blank=True)
    public_benefit = models.BooleanField(_("public-benefit organisation (OPP)"), default=False)
    supervised = models.BooleanField(_("under the mayor's supervision"), default=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("organisation of the court register")
        verbose_name_plural = _("organisations of the court register")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} (KRS {self.krs_number})"

    @property
    def is_foundation(self) -> bool:
        return self.legal_form == LegalForm.FOUNDATION


class SupervisionKind(models.TextChoices):
    DOCUMENTS = "documents", _("request for documents and explanations")
    INSPECTION = "inspection", _("inspection")
    MEASURES = "measures", _("supervisory measures")
    COURT = "court", _("application to the court")


class SupervisionCase(models.Model):
    organisation = models.ForeignKey(
        KrsOrganisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="supervision_cases"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SupervisionKind.choices)
    subject = models.CharField(_("subject"), max_length=300)
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    due_on = models.DateField(_("due on"), help_text=_("When the organisation or the office has to act."))
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    outcome = models.TextField(_("outcome"), blank=True, editable=False)
    created_by = user_link(_("opened by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("supervision case")
        verbose_name_plural = _("supervision cases")
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["closed_on", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()


class CourtOpinion(models.Model):
    """An opinion the mayor gives the registry court (e.g. on a foundation's or an association's
    application, art. 11 and 12 of the Associations Act)."""

    organisation = models.ForeignKey(
        KrsOrganisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="court_opinions"
    )
    court_case = models.CharField(_("court's file number"), max_length=100)
    subject = models.CharField(_("subject"), max_length=300)
    requested_on = models.DateField(_("requested on"), default=timezone.localdate)
    due_on = models.DateField(_("due on"))
    given_on = models.DateField(_("given on"), null=True, blank=True)
    opinion = models.TextField(_("opinion"), blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("opinion for the registry court")
        verbose_name_plural = _("opinions for the registry court")
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"{self.court_case}: {self.subject}"

    @property
    def overdue(self) -> bool:
        return self.given_on is None and self.due_on < timezone.localdate()


class FoundationReport(models.Model):
    """A foundation's annual report received by the supervising authority."""

    organisation = models.ForeignKey(
        KrsOrganisation, verbose_name=_("foundation"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("year reported on"))
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("foundation's annual report")
        verbose_name_plural = _("foundations' annual reports")
        ordering = ["-year", "organisation"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="foundation_report_once_a_year")]

    def __str__(self) -> str:
        return f"{self.organisation.name}: {self.year}"
