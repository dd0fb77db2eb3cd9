"""Users, organisational units, office holders and their secretariats."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from office.db import user_link


class OrgUnit(models.Model):
    """A department of the city office (wydział, biuro) or a municipal unit (jednostka miejska)."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department of the city office")
        OFFICE = "office", _("Office (biuro)")
        MUNICIPAL_UNIT = "municipal_unit", _("Municipal unit")
        COMPANY = "company", _("Municipal company")

    name = models.CharField(_("name"), max_length=200, unique=True)
    symbol = models.CharField(_("symbol"), max_length=20, unique=True, help_text=_("e.g. WOK, BP"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    head = user_link(_("head"), related_name="headed_units")
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")
        ordering = ["name"]
        permissions = [("view_all_units", _("Can see every unit's inbox and reports"))]

    def __str__(self) -> str:
        return f"{self.symbol} – {self.name}"


class User(AbstractUser):
    """A member of staff. ``unit`` decides what a unit liaison sees in the unit inbox."""

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(_("language of e-mails"), max_length=5, choices=settings.LANGUAGES, default="pl")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class OfficeHolder(models.Model):
    """The mayor, a deputy, a plenipotentiary, the city secretary or the treasurer."""

    class Role(models.TextChoices):
        MAYOR = "mayor", _("Mayor")
        DEPUTY = "deputy", _("Deputy mayor")
        PLENIPOTENTIARY = "plenipotentiary", _("Plenipotentiary")
        SECRETARY = "secretary", _("City secretary")
        TREASURER = "treasurer", _("City treasurer")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("As used in letters, e.g. 'Zastępca Prezydenta Miasta ds. Rozwoju'"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="office_holder",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    supervised_units = models.ManyToManyField(
        OrgUnit, verbose_name=_("supervised units"), blank=True, related_name="supervisors"
    )
    secretaries = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("secretariat"),
        blank=True,
        through="SecretariatMembership",
        related_name="served_office_holders",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=10)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("office holder")
        verbose_name_plural = _("office holders")
        ordering = ["order", "last_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.title})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class SecretariatMembership(models.Model):
    """A member of staff who runs an office holder's secretariat (one may serve several)."""

    office_holder = models.ForeignKey(
        OfficeHolder, verbose_name=_("office holder"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("secretary"),
        on_delete=models.CASCADE,
        related_name="secretariat_memberships",
    )
    can_see_private = models.BooleanField(
        _("sees private entries"),
        default=False,
        help_text=_("A delegate who may see the details of private calendar entries."),
    )

    class Meta:
        verbose_name = _("secretariat membership")
        verbose_name_plural = _("secretariat memberships")
        constraints = [models.UniqueConstraint(fields=["office_holder", "user"], name="uniq_secretariat_membership")]

    def __str__(self) -> str:
        return f"{self.user} → {self.office_holder}"
