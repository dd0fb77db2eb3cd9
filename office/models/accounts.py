"""Signed-in sessions of a user, so the user (and the administrator) can see them and end them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserSession(models.Model):
    """One signed-in browser: made at login, moved on activity (at most once a minute), gone at
    logout, at "sign out everywhere" and when the account is deactivated. The session itself
    lives in the session store; this row only points at it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("signed in"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last active"), auto_now_add=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")
        ordering = ["-last_seen"]
        indexes = [models.Index(fields=["user", "-last_seen"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.created_at:%Y-%m-%d %H:%M}"
