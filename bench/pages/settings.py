"""The production settings plus the bench's two extra pages (the reference and the empty shell).

Only bench/pages.py uses this module: production never mounts the bench's URLs.
"""

from office.settings import *  # noqa: F403

ROOT_URLCONF = "bench.pages.urls"

TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "pages" / "templates"]  # noqa: F405
