from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    """Council relations and the mayor's reports: an app of its own inside the office package,
    so the core stays small (it is a feature app that lives under office/)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "office.council"
    label = "council"
    verbose_name = _("Council relations")
    url_prefix = "council"
