"""The citizen budget (Budżet Obywatelski, PT-10): an edition with its timetable and a pool per
district, the projects residents submit with their lists of supporters, their verification by the
units, appeals, the vote (online and on paper, one per resident) and the realisation of the winners."""

from __future__ import annotations

import datetime as dt
import itertools

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link

#: The timetable's dates in their order; each must be on or after the one before.
TIMETABLE = [
    "submissions_from",
    "submissions_to",
    "verification_to",
    "appeals_to",
    "voting_from",
    "voting_to",
    "results_on",
]


class Edition(models.Model):
    """One year's edition: the timetable, the rules of the vote and the districts with their pools."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2199)]
    )
    name = models.CharField(_("name"), max_length=255)
    submissions_from = models.DateField(_("submissions from"))
    submissions_to = models.DateField(_("submissions until"))
    verification_to = models.DateField(_("verification until"))
    appeals_to = models.DateField(_("appeals until"))
    voting_from = models.DateField(_("voting from"))
    voting_to = models.DateField(_("voting until"))
    results_on = models.DateField(_("results announced on"))
    min_supporters = models.PositiveSmallIntegerField(
        _("supporters a project needs"), default=15, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    choices_per_district = models.PositiveSmallIntegerField(
        _("projects a voter may choose in each district"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    rules = models.TextField(_("rules (regulamin)"), blank=True)
    is_published = models.BooleanField(_("published on the public page"), default=True)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("citizen budget edition")
        verbose_name_plural = _("citizen budget editions")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        for earlier, later in itertools.pairwise(TIMETABLE):
            first, then = getattr(self, earlier), getattr(self, later)
            if first and then and then < first:
                errors[later] = _("This date cannot come before “%(field)s”.") % {
                    "field": self._meta.get_field(earlier).verbose_name
                }
        if errors:
            raise ValidationError(errors)

    def _today(self, today: dt.date | None) -> dt.date:
        return today or timezone.localdate()

    def accepts_projects(self, today: dt.date | None = None) -> bool:
        return self.is_published and self.submissions_from <= self._today(today) <= self.submissions_to

    def is_voting(self, today: dt.date | None = None) -> bool:
        return self.is_published and self.voting_from <= self._today(today) <= self.voting_to

    @property
    def accepting(self) -> bool:
        return self.accepts_projects()

    @property
    def voting(self) -> bool:
        return self.is_voting()

    @property
    def has_results(self) -> bool:
        return self.results_published_at is not None

    def stage(self, today: dt.date | None = None) -> str:
        day = self._today(today)
        steps = [
            (self.submissions_from, _("preparation")),
            (self.submissions_to + dt.timedelta(days=1), _("submission of projects")),
            (self.verification_to + dt.timedelta(days=1), _("verification")),
            (self.appeals_to + dt.timedelta(days=1), _("appeals")),
            (self.voting_from, _("waiting for the vote")),
            (self.voting_to + dt.timedelta(days=1), _("vote")),
        ]
        for until, label in steps:
            if day < until:
                return str(label)
        return str(_("results")) if self.has_results else str(_("counting the votes"))


class District(models.Model):
    """An area of the edition with its own pool (a housing estate, or the whole city)."""

    edition = models.ForeignKey(Edition, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="districts")
    name = models.CharField(_("name"), max_length=120)
    pool = models.DecimalField(_("pool (PLN)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(1)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["edition", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="participation_district_unique")]

    def __str__(self) -> str:
        return self.name


class ProjectStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    VERIFICATION = "verification", _("in verification")
    ADMITTED = "admitted", _("admitted to the vote")
    REJECTED = "rejected", _("rejected")
    APPEALED = "appealed", _("appeal pending")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Realisation(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    DESIGN = "design", _("design and procurement")
    WORKS = "works", _("in realisation")
    DONE = "done", _("completed")
    ABANDONED = "abandoned", _("abandoned")


class Project(models.Model):
    """A project submitted to an edition, for one district."""

    edition = models.ForeignKey(Edition, verbose_name=_("edition"), on_delete=models.PROTECT, related_name="projects")
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="projects"
    )
    number = models.PositiveIntegerField(_("number"), editable=False)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"))
    location = models.CharField(_("location"), max_length=255)
    cost = models.DecimalField(
        _("estimated cost (PLN)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(1)]
    )
    author_name = models.CharField(_("author"), max_length=150)
    author_email = models.EmailField(_("author's e-mail"), blank=True)
    author_phone = models.CharField(_("author's phone"), max_length=40, blank=True)
    #: the names on the list of support (no PESEL: the rules ask for names only)
    supporters = models.JSONField(_("supporters"), default=list, blank=True, editable=False)
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.SUBMITTED
    )
    formal_check = models.ForeignKey(
        "office.Assignment",
        verbose_name=_("formal verification"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    merit_check = models.ForeignKey(
        "office.Assignment",
        verbose_name=_("merit verification"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    verified_cost = models.DecimalField(
        _("cost after verification (PLN)"), max_digits=12, decimal_places=2, null=True, blank=True, editable=False
    )
    verification_notes = models.TextField(_("result of the verification"), blank=True, editable=False)
    appeal_text = models.TextField(_("appeal"), blank=True, editable=False)
    appeal_on = models.DateField(_("appeal received on"), null=True, blank=True, editable=False)
    appeal_upheld = models.BooleanField(_("appeal upheld"), null=True, blank=True, editable=False)
    appeal_reasons = models.TextField(_("decision on the appeal"), blank=True, editable=False)
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True, editable=False)
    is_funded = models.BooleanField(_("chosen for realisation"), default=False, editable=False)
    realisation = models.CharField(
        _("realisation"), max_length=12, choices=Realisation.choices, default=Realisation.NOT_STARTED, editable=False
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)], editable=False
    )
    realisation_note = models.TextField(_("about the realisation"), blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("citizen budget project")
        verbose_name_plural = _("citizen budget projects")
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="participation_project_number"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="participation_progress_percent"),
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"BO{self.edition.year}/{self.number}"

    @property
    def supporter_count(self) -> int:
        return len(self.supporters or [])

    @property
    def is_admitted(self) -> bool:
        return self.status == ProjectStatus.ADMITTED

    @property
    def the_cost(self) -> object:
        """The cost the vote counts with: after verification, else the estimate."""
        return self.verified_cost if self.verified_cost is not None else self.cost

    @property
    def is_public(self) -> bool:
        return self.status != ProjectStatus.WITHDRAWN


class VoteChannel(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "paper", _("on a paper ballot")


class Vote(models.Model):
    """One resident's vote in an edition. The resident is known only by a keyed hash of the PESEL
    (HMAC-SHA256 with a key derived from SECRET_KEY and the edition), so a second vote with the same
    PESEL is refused by the unique constraint, and the PESEL itself is never stored."""

    edition = models.ForeignKey(Edition, verbose_name=_("edition"), on_delete=models.PROTECT, related_name="votes")
    voter_key = models.CharField(_("voter's key"), max_length=64, editable=False)
    channel = models.CharField(_("cast"), max_length=8, choices=VoteChannel.choices, default=VoteChannel.ONLINE)
    projects = models.ManyToManyField(Project, verbose_name=_("projects chosen"), related_name="ballots")
    cast_at = models.DateTimeField(_("cast"), default=timezone.now)
    entered_by = user_link(_("typed in by"), editable=False)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["edition", "voter_key"], name="participation_one_vote")]

    def __str__(self) -> str:
        return _("Vote no. %(number)s") % {"number": self.pk}
