from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TravelConfig(AppConfig):
    """Business trips and foreign relations: an app of its own inside calendar_app, since a trip
    is first of all time on the travellers' calendars (see docs/architecture.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "calendar_app.travel"
    label = "travel"
    verbose_name = _("Business trips and foreign relations")
    url_prefix = "travel"
