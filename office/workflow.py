"""Explicit status workflows: the allowed transitions of a record kept in one place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Workflow:
    """A status graph. ``transitions`` maps each status to the statuses it may move to."""

    name: str
    transitions: Mapping[str, Iterable[str]]

    def allowed(self, current: str) -> frozenset[str]:
        return frozenset(self.transitions.get(current, ()))

    def can(self, current: str, target: str) -> bool:
        return target in self.allowed(current)

    def check(self, current: str, target: str) -> None:
        """Raise ValidationError when ``current`` may not move to ``target``."""
        if not self.can(current, target):
            raise ValidationError(
                _("%(name)s: the status cannot change from “%(current)s” to “%(target)s”.")
                % {"name": self.name, "current": current, "target": target},
                code="forbidden_transition",
            )
