"""The guests of an event (CH-2.4, OS-9): who is invited, in which order of official precedence,
the invitation letter, the answer given through the personal link, and the arrival on the day."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models.events import Event
from office.db import polish, user_link

#: The most accompanying persons one guest may bring (the event may allow fewer).
MAX_COMPANIONS = 5


class Precedence(models.Model):
    """A place in the order of official precedence (seating and speeches): the offices of state
    before the region, the region before the city, the city before its guests. Shipped with the
    app and kept in the administration panel."""

    order = models.PositiveSmallIntegerField(_("order"), unique=True, help_text=_("Lower comes first."))
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("place in the order of precedence")
        verbose_name_plural = _("order of precedence")
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class Answer(models.TextChoices):
    PENDING = "pending", _("no answer yet")
    ACCEPTED = "accepted", _("will come")
    DECLINED = "declined", _("will not come")


class GuestQuerySet(models.QuerySet):
    def in_precedence(self) -> GuestQuerySet:
        """In the order of precedence: the place on the list (unplaced guests last), the position
        within it, then the name as Polish sorts it."""
        return self.annotate(precedence_order=Coalesce("precedence__order", 32767)).order_by(
            "precedence_order", "position", polish("contact__name"), "id"
        )

    def with_related(self) -> GuestQuerySet:
        return self.select_related("contact", "contact__organisation", "precedence")


class Guest(models.Model):
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="guests")
    contact = models.ForeignKey(
        "office.Contact", verbose_name=_("guest"), on_delete=models.PROTECT, related_name="invitations"
    )
    capacity = models.CharField(
        _("invited as"), max_length=255, blank=True, help_text=_("The office or title said when the guest is greeted.")
    )
    precedence = models.ForeignKey(
        Precedence,
        verbose_name=_("order of precedence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(
        _("position within the place"), default=0, help_text=_("Lower comes first among guests of the same place.")
    )
    seat = models.CharField(_("seat"), max_length=50, blank=True, help_text=_("e.g. row 1, seat 4"))
    #: the secret of the personal answer link (never shown to anyone but the guest's own page)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True, editable=False)
    invited_by_email = models.BooleanField(_("invited by e-mail"), default=False, editable=False)
    #: the invitation letter in the outgoing register (correspondence's id)
    letter_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True, editable=False)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, default=Answer.PENDING)
    companions = models.PositiveSmallIntegerField(
        _("accompanying persons"), default=0, validators=[MaxValueValidator(MAX_COMPANIONS)]
    )
    needs = models.CharField(_("dietary or access needs"), max_length=500, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    arrived_at = models.DateTimeField(_("arrived"), null=True, blank=True, editable=False)
    arrived_noted_by = user_link(_("arrival noted by"), editable=False)
    added_by = user_link(_("added by"), editable=False)
    added_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)

    objects = GuestQuerySet.as_manager()

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ["event", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "contact"], name="guest_once_per_event"),
            models.CheckConstraint(condition=models.Q(companions__lte=MAX_COMPANIONS), name="guest_companions_limit"),
        ]
        indexes = [models.Index(fields=["event", "answer"])]

    def __str__(self) -> str:
        return self.contact.name

    @property
    def is_invited(self) -> bool:
        return self.invited_at is not None

    @property
    def has_accepted(self) -> bool:
        return self.answer == Answer.ACCEPTED

    @property
    def has_answered(self) -> bool:
        return self.answer != Answer.PENDING

    @property
    def has_arrived(self) -> bool:
        return self.arrived_at is not None

    @property
    def persons(self) -> int:
        """The seats an accepted guest takes (with their company)."""
        return 1 + self.companions if self.has_accepted else 0
