from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """The mayor's reports (the inter-session report to the council, ad-hoc activity reports):
    a feature app inside the office package that assembles sections every app contributes
    through the registry, so it knows none of them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "office.reporting"
    label = "reporting"
    verbose_name = _("The mayor's reports")
    url_prefix = "mayor-reports"
