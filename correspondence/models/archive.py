"""The archive: the JRWA class list (jednolity rzeczowy wykaz akt) with archival categories,
and the yearly transfers of a unit's closed files to the office archive."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from office.db import user_link

#: A (kept for ever, handed to the state archive), B<n> (destroyed n full years after the case
#: closed), BE<n> (assessed by the state archive after n years), Bc (kept until no longer useful).
CATEGORY = re.compile(r"^(A|Bc|BE?[1-9][0-9]?)$")


class JrwaClass(models.Model):
    """A class of the uniform subject list of files: its symbol names the file (teczka)."""

    symbol = models.CharField(_("JRWA symbol"), max_length=10, unique=True)
    title = models.CharField(_("class title"), max_length=255)
    category = models.CharField(
        _("archival category"), max_length=5, help_text=_("A, B5, B10, BE10, Bc… (retention from the category).")
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("JRWA class")
        verbose_name_plural = _("JRWA classes")
        ordering = ["symbol"]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"

    def clean(self) -> None:
        if not re.fullmatch(r"[0-9]{1,4}", self.symbol or ""):
            raise ValidationError({"symbol": _("A JRWA symbol is one to four digits, e.g. 0511.")})
        if not CATEGORY.match(self.category or ""):
            raise ValidationError({"category": _("Use A, Bc, B<years> or BE<years>, e.g. B10 or BE5.")})

    @property
    def is_permanent(self) -> bool:
        return self.category == "A"

    @property
    def retention_years(self) -> int | None:
        """Full years after the closing year a file of this class is kept (None: for ever / until assessed)."""
        match = re.fullmatch(r"BE?([0-9]+)", self.category)
        return int(match.group(1)) if match else None


class ArchiveTransfer(models.Model):
    """A unit's closed files of one year handed to the office archive (spis zdawczo-odbiorczy)."""

    unit = models.ForeignKey("office.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year the files were closed"))
    number = models.PositiveIntegerField(_("number of the list"))
    handed_on = models.DateField(_("handed over on"))
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(_("prepared by"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("archive transfer")
        verbose_name_plural = _("archive transfers")
        ordering = ["-year", "unit__symbol"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="corr_one_transfer_per_unit_year")]

    def __str__(self) -> str:
        return f"{self.unit.symbol} {self.year} ({self.number})"
