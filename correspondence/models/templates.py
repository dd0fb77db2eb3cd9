"""Letters from templates: the templates staff edit and the batches (mail merge) made from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class TemplateKind(models.TextChoices):
    CONGRATULATIONS = "congratulations", _("congratulations")
    THANKS = "thanks", _("thanks")
    CONDOLENCES = "condolences", _("condolences")
    INVITATION = "invitation", _("invitation")
    DIPLOMA = "diploma", _("diploma")
    REPLY = "reply", _("reply")
    DECISION = "decision", _("decision letter")
    OTHER = "other", _("other")


class Layout(models.TextChoices):
    LETTER = "letter", _("letter (A4 portrait, letterhead)")
    DIPLOMA = "diploma", _("diploma (A4 landscape)")


class LetterTemplate(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=TemplateKind.choices, default=TemplateKind.OTHER)
    layout = models.CharField(_("layout"), max_length=10, choices=Layout.choices, default=Layout.LETTER)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="pl")
    source_kind = models.CharField(
        _("written from"),
        max_length=40,
        blank=True,
        help_text=_("The kind of record whose fields the letter may use besides the recipient's."),
    )
    subject = models.CharField(_("subject"), max_length=300)
    salutation = models.CharField(_("salutation"), max_length=200, blank=True)
    body = models.TextField(
        _("text"),
        help_text=_("Merge fields in double braces, e.g. {{ adresat.nazwa }}; an empty line starts a paragraph."),
    )
    closing = models.CharField(_("closing"), max_length=200, blank=True, default="Z wyrazami szacunku")
    signatory = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    jrwa_class = models.ForeignKey(
        "correspondence.JrwaClass",
        verbose_name=_("JRWA class of the letters"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField(_("in use"), default=True)
    updated_by = user_link(_("changed by"), editable=False)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class LetterBatch(models.Model):
    """Letters from one template for a list of contacts: one PDF and a ZIP of single PDFs,
    each letter numbered in the outgoing register. Made by a background job."""

    template = models.ForeignKey(
        LetterTemplate, verbose_name=_("template"), on_delete=models.PROTECT, related_name="batches"
    )
    title = models.CharField(_("title"), max_length=255)
    signatory = models.ForeignKey(
        "office.OfficeHolder", verbose_name=_("signed by"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("registering unit"), on_delete=models.PROTECT, related_name="+"
    )
    dated_on = models.DateField(_("date of the letters"))
    contact_ids = models.JSONField(_("recipients"), default=list)
    job = models.OneToOneField(
        "office.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="letter_batch"
    )
    status = models.CharField(_("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    done_count = models.PositiveIntegerField(_("letters made"), default=0)
    pdf = models.FileField(_("all letters (PDF)"), upload_to="letters/%Y/%m/", blank=True, max_length=255)
    archive = models.FileField(_("single letters (ZIP)"), upload_to="letters/%Y/%m/", blank=True, max_length=255)
    created_by = user_link(_("started by"), editable=False)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)

    class Meta:
        verbose_name = _("batch of letters")
        verbose_name_plural = _("batches of letters")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def total(self) -> int:
        return len(self.contact_ids)

    @property
    def is_done(self) -> bool:
        return self.status == BatchStatus.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == BatchStatus.FAILED
