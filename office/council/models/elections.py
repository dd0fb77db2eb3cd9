"""Elections the office prepares for the council (NM-8, NM-9): lay judges (candidates nominated by
court presidents, associations or 50 citizens, the police information, the council's vote; 30–70
years old on the day of the election) and neighbourhood councils (districts, candidates, results)."""

from __future__ import annotations

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link

#: The ages a lay judge may have on the day of the election (u.s.p. art. 158 § 1 pkt 3).
LAY_JUDGE_AGES = (30, 70)


class LayJudgeElection(models.Model):
    """The council's election of lay judges for a court term (every four years)."""

    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. Ławnicy na kadencję 2028–2031"))
    year = models.PositiveSmallIntegerField(_("year of the election"))
    nominations_due = models.DateField(_("nominations due"), editable=False)
    election_due = models.DateField(_("election due"), editable=False)
    elected_on = models.DateField(_("elected on"), null=True, blank=True, help_text=_("The day of the council's vote."))
    seats = models.PositiveSmallIntegerField(_("lay judges to elect"), validators=[MinValueValidator(1)])
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("election of lay judges")
        verbose_name_plural = _("elections of lay judges")
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def vote_day(self) -> dt.date:
        """The day ages are counted on: the vote, or the latest day for it while it is not set."""
        return self.elected_on or self.election_due


class NominatedBy(models.TextChoices):
    COURT = "court", _("the president of the court")
    ASSOCIATION = "association", _("an association or other organisation")
    CITIZENS = "citizens", _("at least 50 citizens")


class CandidateStatus(models.TextChoices):
    NOMINATED = "nominated", _("nominated")
    ELECTED = "elected", _("elected")
    NOT_ELECTED = "not_elected", _("not elected")
    WITHDRAWN = "withdrawn", _("withdrawn")


class LayJudgeCandidate(models.Model):
    """A candidate for a lay judge: personal data kept for the procedure only (never published)."""

    election = models.ForeignKey(
        LayJudgeElection, verbose_name=_("election"), on_delete=models.CASCADE, related_name="candidates"
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(_("date of birth"))
    court = models.CharField(_("court"), max_length=200)
    nominated_by = models.CharField(_("nominated by"), max_length=12, choices=NominatedBy.choices)
    nominator = models.CharField(_("name of the nominating body"), max_length=255)
    nominated_on = models.DateField(_("nominated on"))
    documents_complete = models.BooleanField(_("documents complete"), default=False)
    police_asked_on = models.DateField(_("police information asked on"), null=True, blank=True)
    police_received_on = models.DateField(_("police information received on"), null=True, blank=True)
    police_note = models.TextField(_("police information"), blank=True)
    is_councillor = models.BooleanField(_("is a councillor"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=CandidateStatus.choices, default=CandidateStatus.NOMINATED
    )
    votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True, validators=[MaxValueValidator(1000)])
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("lay-judge candidate")
        verbose_name_plural = _("lay-judge candidates")
        ordering = ["last_name", "first_name", "id"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: dt.date) -> int:
        return day.year - self.birth_date.year - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))

    @property
    def age_at_election(self) -> int:
        return self.age_on(self.election.vote_day)

    @property
    def age_warning(self) -> bool:
        low, high = LAY_JUDGE_AGES
        return not low <= self.age_at_election <= high

    @property
    def late(self) -> bool:
        return self.nominated_on > self.election.nominations_due


class District(models.Model):
    """A neighbourhood (osiedle) with its council."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    seats = models.PositiveSmallIntegerField(
        _("seats in its council"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NeighbourhoodElection(models.Model):
    """An election to a neighbourhood council: the district, the day, the candidates, the results."""

    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="elections"
    )
    held_on = models.DateField(_("held on"))
    voters = models.PositiveIntegerField(_("voters entitled"), null=True, blank=True)
    votes_cast = models.PositiveIntegerField(_("votes cast"), null=True, blank=True)
    closed = models.BooleanField(_("results announced"), default=False, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("neighbourhood-council election")
        verbose_name_plural = _("neighbourhood-council elections")
        ordering = ["-held_on", "district__name"]

    def __str__(self) -> str:
        return f"{self.district.name} – {self.held_on:%d.%m.%Y}"

    @property
    def turnout(self) -> float | None:
        if not self.voters or self.votes_cast is None:
            return None
        return round(100 * self.votes_cast / self.voters, 1)

    @property
    def is_past(self) -> bool:
        return self.held_on <= timezone.localdate()


class NeighbourhoodCandidate(models.Model):
    election = models.ForeignKey(
        NeighbourhoodElection, verbose_name=_("election"), on_delete=models.CASCADE, related_name="candidates"
    )
    name = models.CharField(_("name"), max_length=200)
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True)
    elected = models.BooleanField(_("elected"), default=False, editable=False)

    class Meta:
        verbose_name = _("neighbourhood-council candidate")
        verbose_name_plural = _("neighbourhood-council candidates")
        ordering = ["election", "name", "id"]

    def __str__(self) -> str:
        return self.name
