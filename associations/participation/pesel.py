"""The PESEL of a voter: checked (digits, birth date, check digit) and turned into a keyed hash.

The hash is HMAC-SHA256 under a key derived from ``SECRET_KEY`` (``salted_hmac`` with a salt of
its own) over the edition's id and the PESEL, so the same resident has the same key within one
edition (a second vote is refused) but unrelated keys in two editions, and nobody without the
secret can test a guessed PESEL against the table. The PESEL itself is never stored. Changing
``SECRET_KEY`` during a vote would let a resident vote again: rotate it between editions.
"""

from __future__ import annotations

import datetime as dt

from django.utils.crypto import salted_hmac

WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
#: The month is coded with the century: 1800s +80, 1900s +0, 2000s +20, 2100s +40, 2200s +60.
CENTURIES = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}
SALT = "associations.participation.vote"


def birth_date(pesel: str) -> dt.date | None:
    year, month, day = int(pesel[0:2]), int(pesel[2:4]), int(pesel[4:6])
    offset = (month - 1) // 20 * 20
    century = CENTURIES.get(offset)
    if century is None:
        return None
    try:
        return dt.date(century + year, month - offset, day)
    except ValueError:
        return None


def check_digit(first_ten: str) -> int:
    return (10 - sum(int(d) * w for d, w in zip(first_ten, WEIGHTS, strict=True)) % 10) % 10


def is_valid(pesel: str) -> bool:
    """Eleven digits, a real birth date and the right check digit."""
    if len(pesel) != 11 or not pesel.isascii() or not pesel.isdigit():
        return False
    return birth_date(pesel) is not None and check_digit(pesel[:10]) == int(pesel[10])


def voter_key(pesel: str, edition_id: int) -> str:
    """The voter's key in an edition: 64 hex digits, never the PESEL."""
    return salted_hmac(SALT, f"{edition_id}:{pesel}", algorithm="sha256").hexdigest()


def make(born: dt.date, serial: int) -> str:
    """A valid PESEL for a birth date and a four-digit serial (demo data and tests)."""
    offset = {1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60}[born.year // 100 * 100]
    head = f"{born.year % 100:02d}{born.month + offset:02d}{born.day:02d}{serial % 10000:04d}"
    return head + str(check_digit(head))
