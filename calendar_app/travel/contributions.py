"""What business trips and foreign relations declare to the office registry."""

from django.utils.translation import gettext_lazy

from office.contributions import Role, registry
from office.roles import STAFF_CORE

TRAVEL_OFFICER = registry.add_role(
    Role(
        "travel_officer",
        "Podróże służbowe",
        gettext_lazy("Travel officer"),
        gettext_lazy("Plans business trips and foreign visits, writes travel orders and settles their costs."),
        order=90,
    )
)
registry.grant(TRAVEL_OFFICER.key, STAFF_CORE)
