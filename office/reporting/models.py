"""The mayor's reports: a report for a period (the inter-session report to the council) kept as
a draft of sections assembled from the apps' ``report_section`` contributions, reworded by staff,
then made final and printed as an archival PDF."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    FINAL = "final", _("final")


class Report(models.Model):
    title = models.CharField(_("title"), max_length=255)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    units = models.ManyToManyField(
        "office.OrgUnit",
        verbose_name=_("units"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to report on the whole office."),
    )
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    finalised_at = models.DateTimeField(_("made final"), null=True, blank=True, editable=False)
    finalised_by = user_link(_("made final by"), editable=False)
    #: the final version as printed (PDF/A), kept for the archive
    archived_pdf = models.FileField(_("archived PDF"), upload_to="reporting/%Y/", blank=True, max_length=255)
    created_by = user_link(_("prepared by"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("mayor's report")
        verbose_name_plural = _("mayor's reports")
        ordering = ["-end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="reporting_period_order",
                violation_error_message=_("The period ends before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT

    @property
    def is_final(self) -> bool:
        return self.status == ReportStatus.FINAL


class Section(models.Model):
    """One section of a report: a copy of what an app contributed (``source``: the contribution's
    key), or free text staff added (``source`` empty). Staff reword, reorder and remove them."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(_("position"), default=0)
    source = models.CharField(_("assembled from"), max_length=60, blank=True, editable=False)
    title = models.CharField(_("heading"), max_length=255)
    text = models.TextField(_("text"), blank=True, help_text=_("Paragraphs separated by a blank line."))
    points = models.TextField(_("list"), blank=True, help_text=_("One line per item."))
    #: the table of figures: ``[[label, value], ...]``
    figures = models.JSONField(_("figures"), default=list, blank=True, editable=False)
    unavailable = models.BooleanField(_("unavailable when assembled"), default=False, editable=False)

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.text.replace("\r\n", "\n").split("\n\n") if part.strip()]

    @property
    def item_lines(self) -> list[str]:
        return [line.strip() for line in self.points.splitlines() if line.strip()]

    @property
    def as_part(self) -> Any:
        """The section as the documents and the pages show it (``documents.Part``)."""
        from office.reporting.documents import Part

        return Part(self.title, self.paragraphs, self.item_lines, [tuple(f) for f in self.figures], self.unavailable)

    @property
    def is_free_text(self) -> bool:
        return not self.source
