"""What honorary patronage declares to the office registry.

So far its deadline rules; navigation, widgets, search, digest and demo data arrive with the
app's features.
"""

import patronage.deadlines  # noqa: F401  (declares the deadline rules)
