"""What council relations declare to the office registry.

So far their deadline rules; the registers, pages and report sections arrive with the app's
features.
"""

import office.council.deadlines  # noqa: F401  (declares the deadline rules)
