"""What associations and civic participation declare to the office registry."""

from django.utils.translation import gettext_lazy

import associations.deadlines  # noqa: F401  (declares the deadline rules)
from office.contributions import Role, registry
from office.roles import STAFF_CORE

NGO_OFFICER = registry.add_role(
    Role(
        "ngo_officer",
        "Organizacje pozarządowe",
        gettext_lazy("NGO officer"),
        gettext_lazy("Keeps the registers of associations, supervision, cooperation and civic participation."),
        order=80,
    )
)
registry.grant(NGO_OFFICER.key, STAFF_CORE)
