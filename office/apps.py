from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "office"
    verbose_name = _("Office core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate
        from django.utils.module_loading import autodiscover_modules

        import office.core_contributions  # noqa: F401  (the core's own widgets, search, digest)
        from office import db, deadline_rules, roles, schedules
        from office.contributions import registry
        from office.kit import bounds

        autodiscover_modules("contributions")
        registry.check()
        bounds.install()
        connection_created.connect(db.install_sqlite_collation, dispatch_uid="office.sqlite_collation")
        post_migrate.connect(roles.ensure_roles_after_migrate, dispatch_uid="office.roles")
        post_migrate.connect(schedules.ensure_schedules_after_migrate, dispatch_uid="office.beat")
        post_migrate.connect(deadline_rules.ensure_rules_after_migrate, dispatch_uid="office.deadline_rules")
