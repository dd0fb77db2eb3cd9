"""Press inquiries, their timeline and quote authorisations."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media_relations.models.directory import Channel, Journalist, Outlet
from office.db import user_link


class LegalBasis(models.TextChoices):
    PRESS_INFORMATION = "press_information", _("press information (press law art. 4)")
    PUBLIC_INFORMATION = "public_information", _("public information (press law art. 3a, UDIP)")


class InquiryStatus(models.TextChoices):
    NEW = "new", _("new")
    GATHERING_INPUT = "gathering_input", _("gathering input")
    DRAFT = "draft", _("draft answer")
    APPROVAL = "approval", _("awaiting approval")
    EXTENDED = "extended", _("deadline extended")
    ANSWERED = "answered", _("answered")
    REFUSED = "refused", _("refused")


OPEN_INQUIRY_STATUSES = (
    InquiryStatus.NEW,
    InquiryStatus.GATHERING_INPUT,
    InquiryStatus.DRAFT,
    InquiryStatus.APPROVAL,
    InquiryStatus.EXTENDED,
)


class Inquiry(models.Model):
    journalist = models.ForeignKey(
        Journalist, verbose_name=_("journalist"), on_delete=models.PROTECT, related_name="inquiries"
    )
    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), null=True, blank=True, on_delete=models.PROTECT, related_name="inquiries"
    )
    subject = models.CharField(_("subject"), max_length=255)
    topic = models.CharField(_("topic"), max_length=100, blank=True, help_text=_("For statistics, e.g. transport."))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.PHONE)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    questions = models.TextField(_("questions"))
    journalist_deadline = models.DateTimeField(_("journalist's deadline"), null=True, blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=30, choices=LegalBasis.choices, default=LegalBasis.PRESS_INFORMATION
    )
    statutory_due_on = models.DateField(_("statutory deadline"))
    due_on = models.DateField(_("answer due"), help_text=_("The statutory deadline, or the extended one."))
    deadline_rule = models.CharField(_("deadline rule"), max_length=60)
    deadline_name = models.CharField(_("deadline rule name"), max_length=255)
    deadline_basis = models.CharField(_("deadline basis"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=InquiryStatus.choices, default=InquiryStatus.NEW)
    officer = user_link(_("press officer"), related_name="press_inquiries")
    # the draft, protected against lost updates by ``version``
    draft_text = models.TextField(_("draft answer"), blank=True)
    version = models.PositiveIntegerField(_("version of the draft"), default=0)
    approved_version = models.PositiveIntegerField(_("approved version"), null=True, blank=True)
    approved_by = user_link(_("approved by"), related_name=None)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    # the answer
    answer_text = models.TextField(_("answer"), blank=True)
    answer_channel = models.CharField(_("answer sent by"), max_length=20, choices=Channel.choices, blank=True)
    answered_at = models.DateTimeField(_("answer sent"), null=True, blank=True)
    # extension (UDIP art. 13 ust. 2)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    extension_notified_at = models.DateTimeField(_("journalist notified of the extension"), null=True, blank=True)
    # refusal (press law art. 4 ust. 3)
    refusal_by = models.CharField(_("refusing body or person"), max_length=255, blank=True)
    refusal_on = models.DateField(_("date of the refusal"), null=True, blank=True)
    refusal_information = models.TextField(_("information concerned"), blank=True)
    refusal_reasons = models.TextField(_("reasons"), blank=True)
    written_refusal_demanded_at = models.DateTimeField(
        _("editor-in-chief demanded a written refusal"), null=True, blank=True
    )
    written_refusal_due = models.DateField(_("written refusal due"), null=True, blank=True)
    written_refusal_sent_at = models.DateTimeField(_("written refusal sent"), null=True, blank=True)
    publication = models.ForeignKey(
        "Publication",
        verbose_name=_("resulting publication"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    created_by = user_link(editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("press inquiry")
        verbose_name_plural = _("press inquiries")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["status", "due_on"], name="media_inq_status_due"),
            models.Index(fields=["-received_at", "-id"], name="media_inq_received"),
            models.Index(fields=["due_on", "id"], name="media_inq_due"),
            models.Index(fields=["legal_basis", "-received_at"], name="media_inq_basis_received"),
            models.Index(fields=["topic"], name="media_inq_topic"),
        ]
        permissions = [("approve_answer", _("Can approve answers to press inquiries"))]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_INQUIRY_STATUSES

    @property
    def is_answered(self) -> bool:
        return self.status == InquiryStatus.ANSWERED

    @property
    def is_refused(self) -> bool:
        return self.status == InquiryStatus.REFUSED

    @property
    def overdue(self) -> bool:
        """Open and past the answer's due date today (the one rule templates use)."""
        return self.is_overdue()

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.overdue_when(self.status, self.due_on, today)

    @staticmethod
    def overdue_when(status: str, due_on: dt.date, today: dt.date | None = None) -> bool:
        """The rule of ``overdue`` for the values alone (a list exported without its records)."""
        return status in OPEN_INQUIRY_STATUSES and due_on < (today or timezone.localdate())

    @property
    def is_approved(self) -> bool:
        return self.approved_version is not None and self.approved_version == self.version


class InquiryEvent(models.Model):
    """The inquiry's own timeline (status changes, drafts, input requested); replies come from assignments."""

    class Kind(models.TextChoices):
        CREATED = "created", _("registered")
        STATUS = "status", _("status changed")
        DRAFT = "draft", _("draft saved")
        INPUT_REQUESTED = "input_requested", _("input requested")
        APPROVED = "approved", _("answer approved")
        EXTENDED = "extended", _("deadline extended")
        REFUSED = "refused", _("refused")
        ANSWERED = "answered", _("answer sent")
        NOTE = "note", _("note")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = user_link(related_name=None)
    at = models.DateTimeField(_("when"), default=timezone.now)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.inquiry_id}: {self.kind}"


class QuoteAuthorisation(models.Model):
    """A quote sent for authorisation (press law art. 14a): 6 h for a daily, 24 h otherwise; silence = consent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        AUTHORISED = "authorised", _("authorised")
        CHANGES = "changes", _("changes requested")

    inquiry = models.ForeignKey(
        Inquiry, null=True, blank=True, on_delete=models.CASCADE, related_name="quote_authorisations"
    )
    journalist = models.ForeignKey(Journalist, verbose_name=_("journalist"), on_delete=models.PROTECT)
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), null=True, blank=True, on_delete=models.PROTECT)
    text = models.TextField(_("quote"))
    sent_at = models.DateTimeField(_("sent for authorisation"), default=timezone.now)
    due_at = models.DateTimeField(_("authorisation due"))
    rule_code = models.CharField(max_length=60)
    rule_name = models.CharField(max_length=255)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    answer = models.TextField(_("changes asked for"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    def effective_status(self, now: dt.datetime | None = None) -> str:
        """ "silence" once the time has passed without an answer: the quote counts as authorised."""
        if self.status == self.Status.PENDING and (now or timezone.now()) >= self.due_at:
            return "silence"
        return self.status

    def effective_status_label(self) -> str:
        if self.effective_status() == "silence":
            return str(_("authorised by silence"))
        return self.get_status_display()
