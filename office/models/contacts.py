"""The shared contact directory: institutions, companies, persons, NGOs, media."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContactQuerySet(models.QuerySet):
    def active(self) -> ContactQuerySet:
        return self.filter(merged_into__isnull=True)


class Contact(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        INSTITUTION = "institution", _("Public institution")
        COMPANY = "company", _("Company")
        NGO = "ngo", _("NGO")
        MEDIA = "media", _("Media")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("Full name of the person or of the organisation."),
    )
    organisation = models.ForeignKey(
        "self",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        limit_choices_to={"merged_into__isnull": True},
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="contacts")
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="merged_duplicates",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]
        indexes = [models.Index(fields=["email"]), models.Index(fields=["name"])]
        permissions = [("merge_contact", _("Can merge duplicate contacts"))]

    def __str__(self) -> str:
        return self.name

    @property
    def choice_label(self) -> str:
        """How the contact reads in a list of choices: the name, and where it is (names repeat).
        Lists that show it join ``organisation``."""
        place = self.city or (self.organisation.name if self.organisation_id else "")
        return f"{self.name} ({place})" if place else self.name

    @property
    def address(self) -> str:
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street, town) if part)
