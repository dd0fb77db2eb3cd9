from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrationConfig(AppConfig):
    """The office's own administration (budget lines, small procurements, the social fund,
    paid announcements, promotion, press materials from units): a feature app inside the office
    package."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "office.administration"
    label = "administration"
    verbose_name = _("Office administration")
    url_prefix = "administration"
