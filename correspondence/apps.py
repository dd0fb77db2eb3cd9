from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrespondenceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "correspondence"
    verbose_name = _("Correspondence")
    url_prefix = "correspondence"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from correspondence.services.archive import ensure_classes_after_migrate

        post_migrate.connect(ensure_classes_after_migrate, sender=self, dispatch_uid="correspondence.jrwa")
