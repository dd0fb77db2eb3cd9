from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaRelationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "media_relations"
    verbose_name = _("Media relations")
    url_prefix = "press"
