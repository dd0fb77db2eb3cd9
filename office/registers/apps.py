from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    """The office's registers of contracts and agreements and of the city's cultural
    institutions: a feature app inside the office package (see docs/architecture.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "office.registers"
    label = "registers"
    verbose_name = _("Registers")
    url_prefix = "registers"
