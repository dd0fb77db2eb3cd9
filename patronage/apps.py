from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatronageConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "patronage"
    verbose_name = _("Honorary patronage")
    url_prefix = "patronage"
