"""Accounts: the signed-in sessions of a user, signing out everywhere, deactivation.

A row of ``UserSession`` is written at login and points at the session in the session store
(database or Redis-backed ``cached_db``); ending a session deletes it from the store, so the
browser holding it is signed out at its next request. Deactivating an account keeps the account
and everything it did (the audit trail, authorship of records) and ends all its sessions.
"""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_noop

from office.models import UserSession
from office.services import audit


def _store() -> Any:
    return import_module(settings.SESSION_ENGINE).SessionStore


def _address(request: HttpRequest) -> str | None:
    from office.kit.public import client_address

    address = client_address(request)
    return None if address == "unknown" else address


def record_login(request: HttpRequest, user: Any) -> UserSession | None:
    """Note the session ``login()`` just made (its key exists once the session is saved)."""
    session = request.session
    if session.session_key is None:
        session.save()
    agent = request.headers.get("user-agent", "").replace("\x00", "")[:300]
    purge_expired()
    row, _ = UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={"user": user, "address": _address(request), "user_agent": agent, "last_seen": timezone.now()},
    )
    return row


def touch(session_key: str | None) -> None:
    """The session was used just now (called at most once a minute per session)."""
    if session_key:
        UserSession.objects.filter(session_key=session_key).update(last_seen=timezone.now())


def forget(session_key: str | None) -> None:
    """The session ended by logging out."""
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def expiry_cutoff() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)


def active_sessions(user: Any) -> list[UserSession]:
    """The user's sessions still within the idle timeout, the most recently used first."""
    UserSession.objects.filter(user=user, last_seen__lt=expiry_cutoff()).delete()
    return list(UserSession.objects.filter(user=user).order_by("-last_seen"))


def end_session(user: Any, pk: int) -> bool:
    """Sign out one of the user's sessions; False when it is not theirs (or gone)."""
    row = UserSession.objects.filter(user=user, pk=pk).first()
    if row is None:
        return False
    _store()(session_key=row.session_key).delete()
    row.delete()
    return True


def end_all_sessions(user: Any, *, keep: str | None = None) -> int:
    """Sign out every session of the user (but ``keep``, when given); the number ended."""
    rows = list(UserSession.objects.filter(user=user).exclude(session_key=keep or ""))
    store = _store()
    for row in rows:
        store(session_key=row.session_key).delete()
    UserSession.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


def purge_expired() -> int:
    """Rows of sessions idle past the timeout (their sessions expired in the store)."""
    deleted, _ = UserSession.objects.filter(last_seen__lt=expiry_cutoff()).delete()
    return deleted


@transaction.atomic
def deactivate(user: Any, *, actor: Any) -> bool:
    """Switch the account off, keeping it and its history; its sessions end. False when it was
    already off."""
    if not user.is_active:
        end_all_sessions(user)
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    ended = end_all_sessions(user)
    audit.record(
        actor=actor,
        instance=user,
        action="update",
        changes={"is_active": [True, False]},
        message=audit.note(gettext_noop("Account deactivated; sessions signed out: %(count)s"), count=ended),
    )
    return True


def on_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Every login (the login page, the admin's, a test client's): note the session and what the
    second factor asks of it."""
    if request is None or not hasattr(request, "session"):
        return
    from office.services import two_factor

    state = two_factor.state_after_login(user)
    if state:
        request.session[two_factor.PENDING_KEY] = state
    record_login(request, user)


def on_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        forget(request.session.session_key)
