"""The correspondence register of the office: letters in and out, their sign numbers
(znak pisma), the handing of an incoming letter to units (dekretacja) and the reply."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class Direction(models.TextChoices):
    INCOMING = "in", _("incoming")
    OUTGOING = "out", _("outgoing")


class Channel(models.TextChoices):
    POST = "post", _("post")
    EMAIL = "email", _("e-mail")
    EPUAP = "epuap", _("ePUAP")
    IN_PERSON = "in_person", _("in person")
    COURIER = "courier", _("courier")


class LetterKind(models.TextChoices):
    """What the letter is in law: it decides the deadline (see ``correspondence.deadlines``)."""

    ORDINARY = "ordinary", _("letter (KPA art. 35)")
    COMPLAINT = "complaint", _("complaint (KPA art. 237)")
    MOTION = "motion", _("motion (KPA art. 241)")
    PETITION = "petition", _("petition")
    PUBLIC_INFORMATION = "public_information", _("request for public information")
    INTERVENTION = "intervention", _("resident's intervention")
    OCCASIONAL = "occasional", _("occasional letter (greetings, thanks, invitation)")
    OTHER = "other", _("for information (no answer due)")


class LetterStatus(models.TextChoices):
    # incoming
    REGISTERED = "registered", _("awaiting decree")
    DECREED = "decreed", _("handed to units")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("filed without reply")
    # outgoing
    PREPARED = "prepared", _("prepared")
    SENT = "sent", _("sent")


#: What a letter says (and who wrote it): kept out of lists and the trail of a confidential letter.
CONTENT_FIELDS = (
    "subject",
    "summary",
    "salutation",
    "body",
    "correspondent",
    "contact",
    "closing_note",
    "extension_reason",
)

#: Incoming letters that still wait for something (a decree, a reply).
OPEN_LETTER_STATUSES = (LetterStatus.REGISTERED, LetterStatus.DECREED)


class SignCounter(models.Model):
    """The last sequence number given in one unit's file of one JRWA class in one year.

    Registration locks the row (``SELECT … FOR UPDATE``) and takes the next number in the same
    transaction as the letter: numbers are unique and without gaps even when several people
    register at the same moment, and a registration that fails gives its number back.
    """

    unit = models.ForeignKey("office.OrgUnit", on_delete=models.PROTECT, related_name="+")
    jrwa_class = models.ForeignKey("correspondence.JrwaClass", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sign counter")
        verbose_name_plural = _("sign counters")
        constraints = [models.UniqueConstraint(fields=["unit", "jrwa_class", "year"], name="corr_one_counter_per_file")]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.jrwa_class_id}/{self.year}: {self.last_number}"


class LetterQuerySet(models.QuerySet):
    def incoming(self) -> LetterQuerySet:
        return self.filter(direction=Direction.INCOMING)

    def outgoing(self) -> LetterQuerySet:
        return self.filter(direction=Direction.OUTGOING)

    def open(self) -> LetterQuerySet:
        return self.filter(direction=Direction.INCOMING, status__in=OPEN_LETTER_STATUSES)

    def overdue(self, today: dt.date | None = None) -> LetterQuerySet:
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def for_list(self) -> LetterQuerySet:
        return self.select_related("unit", "jrwa_class", "principal")


class Letter(models.Model):
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    # the sign (znak): unit symbol, JRWA symbol, sequence in the file, year — KP.0511.15.2026
    unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("registering unit"), on_delete=models.PROTECT, related_name="+"
    )
    jrwa_class = models.ForeignKey(
        "correspondence.JrwaClass", verbose_name=_("JRWA class"), on_delete=models.PROTECT, related_name="letters"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number in the file"))
    sign = models.CharField(_("sign"), max_length=40, unique=True, editable=False)
    #: the file's part of the sign (``KP.0511``), kept apart so the register sorts by sign from an index
    file_mark = models.CharField(_("file"), max_length=30, editable=False, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind.choices, default=LetterKind.ORDINARY)
    is_complex = models.BooleanField(
        _("complex matter"), default=False, help_text=_("KPA art. 35 § 3: two months instead of one.")
    )
    status = models.CharField(_("status"), max_length=12, choices=LetterStatus.choices, db_index=True)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices, default=Channel.POST)
    # received (incoming) or sent (outgoing); the date written on the letter and its sender's sign
    received_on = models.DateField(_("received on"), null=True, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    dated_on = models.DateField(_("dated"), null=True, blank=True)
    their_reference = models.CharField(_("sender's reference"), max_length=100, blank=True)
    contact = models.ForeignKey(
        "office.Contact",
        verbose_name=_("sender or recipient"),
        on_delete=models.PROTECT,
        related_name="letters",
    )
    #: the name as registered (the contact may be renamed or merged later)
    correspondent = models.CharField(_("correspondent"), max_length=255)
    subject = models.CharField(_("subject"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    principal = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("addressed to / signed by"),
        on_delete=models.PROTECT,
        related_name="letters",
    )
    ezd_reference = models.CharField(
        _("EZD case reference"),
        max_length=60,
        blank=True,
        help_text=_("The case sign in the document system, if known."),
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Seen only by the principal, their secretariat and the units the letter is handed to."),
    )
    # the deadline of an incoming letter, from its kind's rule
    due_on = models.DateField(_("reply due"), null=True, blank=True, db_index=True)
    deadline_rule = models.CharField(_("deadline rule"), max_length=60, blank=True)
    deadline_basis = models.CharField(_("deadline basis"), max_length=255, blank=True)
    extension_reason = models.TextField(_("reason for the longer deadline"), blank=True)
    # the reply (an outgoing letter) and its delivery
    in_reply_to = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replies",
    )
    delivery_confirmed_on = models.DateField(_("delivery confirmed on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.CharField(_("closing note"), max_length=500, blank=True)
    salutation = models.CharField(_("salutation"), max_length=200, blank=True)
    body = models.TextField(_("text of the letter"), blank=True)
    closing = models.CharField(_("closing"), max_length=200, blank=True)
    template = models.ForeignKey(
        "correspondence.LetterTemplate",
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    batch = models.ForeignKey(
        "correspondence.LetterBatch",
        verbose_name=_("batch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True, editable=False)
    created_by = user_link(_("registered by"), editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-year", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "jrwa_class", "year", "sequence"], name="corr_sign_unique_in_file"),
            models.CheckConstraint(
                condition=models.Q(direction="out") | models.Q(received_on__isnull=False),
                name="corr_incoming_has_receipt_date",
            ),
        ]
        indexes = [
            models.Index(fields=["direction", "status", "due_on"]),
            models.Index(fields=["principal", "status"]),
            models.Index(fields=["-created_at", "-id"], name="corr_letter_recent"),
            models.Index(fields=["year", "file_mark", "sequence"], name="corr_letter_by_sign"),
            models.Index(fields=["contact", "received_on"]),
        ]
        permissions = [
            ("decree_letter", _("Can decree letters of every principal")),
        ]

    def __str__(self) -> str:
        # the name the audit trail, assignments and messages carry: a confidential letter's
        # subject never leaves its page
        return f"{self.sign} ({_('confidential')})" if self.confidential else f"{self.sign} {self.subject}"

    @property
    def audit_hidden_fields(self) -> tuple[str, ...]:
        """What the audit trail keeps out of a confidential letter's entries."""
        return CONTENT_FIELDS if self.confidential else ()

    @property
    def is_incoming(self) -> bool:
        return self.direction == Direction.INCOMING

    @property
    def is_outgoing(self) -> bool:
        return self.direction == Direction.OUTGOING

    @property
    def awaits_decree(self) -> bool:
        return self.status == LetterStatus.REGISTERED

    @property
    def is_open(self) -> bool:
        return self.is_incoming and self.status in OPEN_LETTER_STATUSES

    @property
    def is_answered(self) -> bool:
        return self.status == LetterStatus.ANSWERED

    @property
    def is_prepared(self) -> bool:
        return self.status == LetterStatus.PREPARED

    @property
    def is_sent(self) -> bool:
        return self.status == LetterStatus.SENT

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()

    @property
    def date(self) -> dt.date | None:
        """The date of the register line: received (in) or sent (out)."""
        return self.received_on if self.is_incoming else (self.sent_on or self.dated_on)


class Decree(models.Model):
    """One line of a decree (dekretacja): the letter handed to a unit with an instruction, or
    passed to a deputy (``to_holder``), who then decrees it themselves."""

    letter = models.ForeignKey(Letter, verbose_name=_("letter"), on_delete=models.CASCADE, related_name="decrees")
    unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_holder = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("passed to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_lead = models.BooleanField(_("lead unit"), default=False)
    instruction = models.TextField(_("instruction"), blank=True)
    assignment = models.OneToOneField(
        "office.Assignment", null=True, blank=True, on_delete=models.SET_NULL, related_name="letter_decree"
    )
    decreed_by = user_link(_("decreed by"), editable=False)
    on_behalf_of = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decreed_at = models.DateTimeField(_("decreed"), default=timezone.now)

    class Meta:
        verbose_name = _("decree")
        verbose_name_plural = _("decrees")
        ordering = ["decreed_at", "-is_lead", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=False) | models.Q(to_holder__isnull=False),
                name="corr_decree_has_a_recipient",
            )
        ]

    def __str__(self) -> str:
        return f"{self.letter_id} → {self.unit_id or self.to_holder_id}"
