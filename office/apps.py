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

        from office.kit import bounds

        # first: a form field copies its class's validators when it is made, so the range check
        # must be there before any app's forms module is imported (by a contributions module);
        # the forms imported already (office.kit imports the core's) get it here
        bounds.install()
        _check_dates_of_forms_made_before(bounds.validate_office_date)
        import office.core_contributions  # noqa: F401  (the core's own widgets, search, digest)
        from office import db, deadline_rules, roles, schedules
        from office.contributions import registry

        autodiscover_modules("contributions")
        registry.check()
        _check_role_settings(registry)
        connection_created.connect(db.install_sqlite_collation, dispatch_uid="office.sqlite_collation")
        from office.services import freshness

        freshness.connect()
        post_migrate.connect(roles.ensure_roles_after_migrate, dispatch_uid="office.roles")
        post_migrate.connect(schedules.ensure_schedules_after_migrate, dispatch_uid="office.beat")
        post_migrate.connect(deadline_rules.ensure_rules_after_migrate, dispatch_uid="office.deadline_rules")
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from office.services import accounts

        user_logged_in.connect(accounts.on_login, dispatch_uid="office.accounts.login")
        user_logged_out.connect(accounts.on_logout, dispatch_uid="office.accounts.logout")


def _check_dates_of_forms_made_before(validator) -> None:
    """Add the office's range of dates to the date fields of the form classes that exist already."""
    from django import forms

    pending, seen = [forms.BaseForm], set()
    while pending:
        form = pending.pop()
        for subclass in form.__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                pending.append(subclass)
        for field in getattr(form, "base_fields", {}).values():
            if isinstance(field, (forms.DateField, forms.DateTimeField)) and validator not in field.validators:
                field.validators.append(validator)


def _check_role_settings(registry) -> None:
    """REQUIRE_2FA_ROLES and LDAP_ROLE_GROUPS may name only declared roles."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    declared = {role.key for role in registry.roles()}
    for name, keys, extra in (
        ("REQUIRE_2FA_ROLES", settings.REQUIRE_2FA_ROLES, {"superuser"}),
        ("LDAP_ROLE_GROUPS", getattr(settings, "LDAP_ROLE_GROUPS", {}), set()),
    ):
        unknown = sorted(set(keys) - declared - extra)
        if unknown:
            known = ", ".join(sorted(declared))
            raise ImproperlyConfigured(f"{name} names undeclared roles: {', '.join(unknown)}; known: {known}")
