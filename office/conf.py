"""Reading settings from the environment, with validation.

Every value is checked when the settings module is imported, so a bad value stops the
process at start with a message naming the variable, instead of failing later.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


class Env:
    """Typed access to a mapping of environment variables."""

    def __init__(self, source: Mapping[str, str] | None = None) -> None:
        self.source = os.environ if source is None else source

    def _raw(self, name: str) -> str | None:
        value = self.source.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def str(self, name: str, default: str | None = None, *, choices: tuple[str, ...] = ()) -> str:
        value = self._raw(name)
        if value is None:
            if default is None:
                raise ImproperlyConfigured(f"Environment variable {name} is required.")
            value = default
        if choices and value not in choices:
            raise ImproperlyConfigured(
                f"Environment variable {name}={value!r} is invalid; use one of: {', '.join(choices)}."
            )
        return value

    def optional(self, name: str) -> str | None:
        return self._raw(name)

    def bool(self, name: str, default: bool) -> bool:
        value = self._raw(name)
        if value is None:
            return default
        lowered = value.lower()
        if lowered in TRUE_WORDS:
            return True
        if lowered in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(f"Environment variable {name}={value!r} is not a yes/no value; use true or false.")

    def int(self, name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
        value = self._raw(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise ImproperlyConfigured(f"Environment variable {name}={value!r} is not a whole number.") from None
        if minimum is not None and number < minimum:
            raise ImproperlyConfigured(f"Environment variable {name} must be at least {minimum}.")
        if maximum is not None and number > maximum:
            raise ImproperlyConfigured(f"Environment variable {name} must be at most {maximum}.")
        return number

    def list(self, name: str, default: list[str] | None = None) -> list[str]:
        value = self._raw(name)
        if value is None:
            return list(default or [])
        return [item.strip() for item in value.split(",") if item.strip()]
