from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def staff(persona: Callable[[str], Any]) -> Any:
    return persona("office_staff")
