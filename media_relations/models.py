"""Models of the press office: media directory, inquiries, monitoring, releases, conferences, plans.

Statuses are plain fields; the allowed transitions of each record live in ``workflows.py`` and
every service checks them. No domain logic in ``save()``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# --- Media directory -------------------------------------------------------------------------


class OutletKind(models.TextChoices):
    DAILY = "daily", _("daily newspaper")
    PERIODICAL = "periodical", _("periodical")
    ONLINE = "online", _("online outlet")
    RADIO = "radio", _("radio")
    TV = "tv", _("television")
    AGENCY = "agency", _("news agency")


class Reach(models.TextChoices):
    LOCAL = "local", _("local")
    REGIONAL = "regional", _("regional")
    NATIONAL = "national", _("national")


class Outlet(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OutletKind.choices)
    reach = models.CharField(_("reach"), max_length=20, choices=Reach.choices, default=Reach.LOCAL)
    region = models.CharField(_("region"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail of the newsroom"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    tags = models.ManyToManyField("office.Tag", verbose_name=_("tags"), blank=True, related_name="outlets")
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("media outlet")
        verbose_name_plural = _("media outlets")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    IN_PERSON = "in_person", _("in person")
    SOCIAL = "social", _("social media")
    LETTER = "letter", _("letter")


class Journalist(models.Model):
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    beat = models.CharField(_("beat"), max_length=200, blank=True, help_text=_("Topics the journalist covers."))
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=20, choices=Channel.choices, default=Channel.EMAIL
    )
    notes = models.TextField(_("notes"), blank=True)
    outlets = models.ManyToManyField(Outlet, through="JournalistOutlet", related_name="journalists", blank=True)
    tags = models.ManyToManyField("office.Tag", verbose_name=_("tags"), blank=True, related_name="journalists")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")
        ordering = ["name"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return self.name


class JournalistOutlet(models.Model):
    """A period of a journalist's work for an outlet; the open row (no end) is the current one."""

    journalist = models.ForeignKey(Journalist, on_delete=models.CASCADE, related_name="employments")
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="employments")
    position = models.CharField(_("position"), max_length=120, blank=True)
    started_on = models.DateField(_("from"), default=dt.date.today)
    ended_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("employment")
        verbose_name_plural = _("employment history")
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["journalist"], condition=Q(ended_on__isnull=True), name="media_one_current_outlet"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="media_employment_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.journalist} – {self.outlet}"


class DistributionList(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    journalists = models.ManyToManyField(
        Journalist, verbose_name=_("journalists"), blank=True, related_name="distribution_lists"
    )

    class Meta:
        verbose_name = _("distribution list")
        verbose_name_plural = _("distribution lists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# --- Press inquiries -----------------------------------------------------------------------


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
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("press officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_inquiries",
    )
    # the draft, protected against lost updates by ``version``
    draft_text = models.TextField(_("draft answer"), blank=True)
    version = models.PositiveIntegerField(_("version of the draft"), default=0)
    approved_version = models.PositiveIntegerField(_("approved version"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, blank=True, on_delete=models.SET_NULL
    )
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
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

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.due_on < (today or timezone.localdate())

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
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
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

    def effective_status(self, now: dt.datetime | None = None) -> str:
        """ "silence" once the time has passed without an answer: the quote counts as authorised."""
        if self.status == self.Status.PENDING and (now or timezone.now()) >= self.due_at:
            return "silence"
        return self.status

    def effective_status_label(self) -> str:
        if self.effective_status() == "silence":
            return str(_("authorised by silence"))
        return self.get_status_display()


# --- Monitoring ------------------------------------------------------------------------------


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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("response to a publication")
        verbose_name_plural = _("responses to publications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status"], name="media_resp_status")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.publication}"

    @property
    def is_open(self) -> bool:
        return self.status != ResponseStatus.CLOSED


# --- Releases --------------------------------------------------------------------------------


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    APPROVAL = "approval", _("awaiting approval")
    PUBLISHED = "published", _("published")


class Release(models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("address"), max_length=120, unique=True, allow_unicode=False)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=20, choices=ReleaseStatus.choices, default="draft")
    embargo_until = models.DateTimeField(
        _("embargo until"), null=True, blank=True, help_text=_("Not shown in the newsroom before this moment.")
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"], name="media_rel_status_pub")]

    def __str__(self) -> str:
        return self.title

    def visible_in_newsroom(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        return (
            self.status == ReleaseStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )


class Delivery(models.Model):
    """One e-mail of a release to one recipient; the unique constraint makes a second send impossible."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="deliveries")
    journalist = models.ForeignKey(Journalist, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    email = models.EmailField(_("e-mail"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["release", "email"], name="media_one_delivery_per_recipient")]
        indexes = [models.Index(fields=["release", "status"], name="media_delivery_status")]

    def __str__(self) -> str:
        return f"{self.release_id} → {self.email}"


# --- Conferences -----------------------------------------------------------------------------


class Conference(models.Model):
    topic = models.CharField(_("topic"), max_length=255)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    office_holder = models.ForeignKey(
        "office.OfficeHolder",
        verbose_name=_("on the calendar of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    speakers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("speakers (staff)"), blank=True, related_name="+"
    )
    guest_speakers = models.ManyToManyField(
        "office.Contact", verbose_name=_("speakers (contacts)"), blank=True, related_name="+"
    )
    # the calendar entry by id: calendar_app may be absent (see services.create_conference)
    calendar_entry_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("press conference")
        verbose_name_plural = _("press conferences")
        ordering = ["-starts_at"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="media_conf_ends")]

    def __str__(self) -> str:
        return self.topic


class Invitation(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="invitations")
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="invitations")
    journalist = models.ForeignKey(Journalist, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attended = models.BooleanField(_("came"), default=False)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["conference", "outlet"], name="media_one_invitation")]

    def __str__(self) -> str:
        return f"{self.conference} – {self.outlet}"


# --- Publishing plan and bulletin --------------------------------------------------------------


class PlannedPost(models.Model):
    class Channel(models.TextChoices):
        WEBSITE = "website", _("city website")
        BIP = "bip", _("BIP")
        FACEBOOK = "facebook", _("Facebook")
        INSTAGRAM = "instagram", _("Instagram")
        X = "x", _("X")
        YOUTUBE = "youtube", _("YouTube")
        NEWSLETTER = "newsletter", _("newsletter")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        READY = "ready", _("ready")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=255)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    planned_at = models.DateTimeField(_("planned for"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    link = models.URLField(_("link"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("planned post")
        verbose_name_plural = _("publishing plan")
        ordering = ["planned_at", "id"]

    def __str__(self) -> str:
        return self.title


class BulletinIssue(models.Model):
    class Status(models.TextChoices):
        PLANNING = "planning", _("planning")
        APPROVED = "approved", _("approved")
        PUBLISHED = "published", _("published")

    number = models.CharField(_("number"), max_length=30, unique=True, help_text=_("e.g. 3/2025"))
    title = models.CharField(_("title"), max_length=255)
    planned_on = models.DateField(_("planned publication"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNING)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bulletin issue")
        verbose_name_plural = _("bulletin issues")
        ordering = ["-planned_on"]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}"


class BulletinArticle(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        SUBMITTED = "submitted", _("submitted")
        APPROVED = "approved", _("approved")

    issue = models.ForeignKey(BulletinIssue, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(_("title"), max_length=255)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL
    )
    deadline = models.DateField(_("deadline"))
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        verbose_name = _("bulletin article")
        verbose_name_plural = _("bulletin articles")
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.title
