"""What council relations declare to the office registry."""

from django.utils.translation import gettext_lazy

import office.council.deadlines  # noqa: F401  (declares the deadline rules)
from office.contributions import Role, registry
from office.roles import STAFF_CORE

COUNCIL_OFFICER = registry.add_role(
    Role(
        "council_officer",
        "Współpraca z Radą",
        gettext_lazy("Council relations officer"),
        gettext_lazy("Keeps the council's sessions, interpellations, resolutions, elections and companies."),
        order=70,
    )
)
registry.grant(COUNCIL_OFFICER.key, STAFF_CORE)
