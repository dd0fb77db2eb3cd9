from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    """Internal announcements to staff and units, with read confirmations: a feature app inside
    the office package (see docs/architecture.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "office.announcements"
    label = "announcements"
    verbose_name = _("Internal announcements")
    url_prefix = "announcements"
