"""What the office's own administration declares to the office registry."""

from django.utils.translation import gettext_lazy

from office.contributions import Role, registry

FINANCE_READER = registry.add_role(
    Role(
        "finance_reader",
        "Finanse – odczyt",
        gettext_lazy("Finance reader"),
        gettext_lazy("Reads the office's budget lines, commitments and procurements."),
        order=100,
    )
)
registry.grant(
    FINANCE_READER.key,
    ["office.view_contact", "office.view_orgunit", "office.view_officeholder", "office.view_assignment"],
)
