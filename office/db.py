"""Database helpers: Polish ordering of names on PostgreSQL and SQLite alike."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Collate

#: The collation name used by ``polish``; PostgreSQL gets it from a migration (ICU pl-PL),
#: SQLite from ``install_sqlite_collation`` when a connection opens.
COLLATION = "polish"

_ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}


def polish_sort_key(text: str) -> tuple:
    """Sort key of the Polish alphabet: a < ą < b < c < ć …, case-insensitive first."""
    primary = []
    for char in text.lower():
        if char in _RANK:
            primary.append((1, _RANK[char]))
        else:
            base = unicodedata.normalize("NFKD", char)[:1] or char
            primary.append((1, _RANK[base]) if base in _RANK else (0 if not char.isalnum() else 2, ord(char)))
    return (tuple(primary), text)


def _sqlite_collate(left: str, right: str) -> int:
    a, b = polish_sort_key(left), polish_sort_key(right)
    return (a > b) - (a < b)


def install_sqlite_collation(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, _sqlite_collate)


def polish(field: str) -> Collate:
    """An ordering expression that sorts ``field`` by the Polish alphabet."""
    return Collate(F(field), COLLATION)


def user_link(verbose_name: Any = None, *, related_name: str | None = "+", editable: bool = True) -> models.ForeignKey:
    """A user who did something to a record (handed it over, approved it, uploaded the file):
    the record stays when the account is deleted (``SET_NULL``). ``related_name=None`` keeps
    Django's default reverse name.

    Always blank: a link the deletion of an account empties must stay valid, or a record whose
    author left could no longer be changed (``full_clean`` would ask for the missing user). A
    form that needs a person asks for one itself."""
    options: dict[str, Any] = {"null": True, "blank": True, "on_delete": models.SET_NULL}
    if verbose_name is not None:
        options["verbose_name"] = verbose_name
    if related_name is not None:
        options["related_name"] = related_name
    if not editable:
        options["editable"] = False
    return models.ForeignKey(settings.AUTH_USER_MODEL, **options)
