from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Civic participation (the NGO cooperation programme, public consultations, the citizen
    budget, civic projects and the rooms of the local-activity centre): an app of its own inside
    associations, beside the registers of associations."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "associations.participation"
    label = "participation"
    verbose_name = _("Civic participation")
    url_prefix = "participation"
