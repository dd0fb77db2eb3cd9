"""Media monitoring: publications and the responses they open."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media_relations.models.directory import Outlet, Reach
from office.db import user_link


class Tone(models.TextChoices):
    POSITIVE = "positive", _("positive")
    NEUTRAL = "neutral", _("neutral")
    NEGATIVE = "negative", _("negative")


class Importance(models.TextChoices):
    LOW = "low", _("low")
    NORMAL = "normal", _("normal")
    HIGH = "high", _("high")


class Publication(models.Model):
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="publications")
    published_on = models.DateField(_("published"))
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    topics = models.ManyToManyField("office.Tag", verbose_name=_("topics"), blank=True, related_name="publications")
    tone = models.CharField(_("tone"), max_length=10, choices=Tone.choices, default=Tone.NEUTRAL)
    reach = models.CharField(_("reach"), max_length=20, choices=Reach.choices, default=Reach.LOCAL)
    importance = models.CharField(_("importance"), max_length=10, choices=Importance.choices, default="normal")
    unit = models.ForeignKey(
        "office.OrgUnit", verbose_name=_("concerns unit"), null=True, blank=True, on_delete=models.SET_NULL
    )
    office_holder = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("concerns office holder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_by = user_link(editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["-published_on", "-id"], name="media_pub_date"),
            models.Index(fields=["tone", "published_on"], name="media_pub_tone_date"),
            models.Index(fields=["importance", "published_on"], name="media_pub_importance_date"),
            models.Index(fields=["outlet", "published_on"], name="media_pub_outlet_date"),
        ]

    def __str__(self) -> str:
        return self.title


class ResponseKind(models.TextChoices):
    STATEMENT = "statement", _("statement")
    REPLY = "reply", _("reply")
    CORRECTION = "correction", _("correction (sprostowanie)")


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("in preparation")
    SENT = "sent", _("sent to the outlet")
    PUBLISHED = "published", _("published by the outlet")
    REFUSED = "refused", _("refused by the outlet")
    COURT = "court", _("taken to court")
    CLOSED = "closed", _("closed")


#: The rule a correction's publication date follows when no table rule fits the outlet (kept on the
#: case in Polish, like the copies of table rules; shown in the reader's language).
NEXT_ISSUE_RULE = (
    "Publikacja sprostowania — najbliższy lub następny numer / analogiczny program (Prawo prasowe art. 32)"
)
NEXT_ISSUE_RULE_LABEL = _(
    "Publication of the correction — the nearest or next issue / the same programme (Press Law art. 32)"
)


class ResponseCase(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="responses")
    kind = models.CharField(_("kind"), max_length=20, choices=ResponseKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=ResponseStatus.choices, default="draft")
    contested_fragment = models.TextField(_("contested fragment"), blank=True)
    text = models.TextField(_("text of the response"), blank=True)
    send_due = models.DateField(_("send by"), null=True, blank=True)
    send_rule = models.CharField(_("rule"), max_length=255, blank=True)
    sent_on = models.DateField(_("sent"), null=True, blank=True)
    publish_due = models.DateField(_("outlet must publish by"), null=True, blank=True)
    publish_rule = models.CharField(_("publication rule"), max_length=255, blank=True)
    refusal_due = models.DateField(_("outlet's refusal due by"), null=True, blank=True)
    court_due = models.DateField(_("court action by"), null=True, blank=True)
    published_on = models.DateField(_("published by the outlet"), null=True, blank=True)
    refused_on = models.DateField(_("refused by the outlet"), null=True, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = user_link(editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("response to a publication")
        verbose_name_plural = _("responses to publications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status"], name="media_resp_status")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.publication}"

    @property
    def next_issue_rule_label(self) -> str:
        """The next-issue rule's name in the reader's language when the case follows it, else ""."""
        return str(NEXT_ISSUE_RULE_LABEL) if self.publish_rule == NEXT_ISSUE_RULE else ""

    @property
    def is_draft(self) -> bool:
        return self.status == ResponseStatus.DRAFT

    @property
    def send_overdue(self) -> bool:
        """Still a draft after its send-by date (the correction's 21 days)."""
        return self.is_draft and self.send_due is not None and self.send_due < timezone.localdate()

    @property
    def is_open(self) -> bool:
        return self.status != ResponseStatus.CLOSED
