from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Ceremonies and events")
    url_prefix = "events"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from events.services import ensure_observances_after_migrate

        post_migrate.connect(ensure_observances_after_migrate, sender=self, dispatch_uid="events.observances")
