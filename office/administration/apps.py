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

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from office.administration.services.spending import ensure_default_euro_rate

        post_migrate.connect(ensure_default_euro_rate, sender=self, dispatch_uid="administration.euro_rate")
