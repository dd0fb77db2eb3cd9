"""Two-factor sign-in with django-otp: a TOTP authenticator app and one-time recovery codes.

After the password, a user with a confirmed authenticator must give a code before anything else
(``office.middleware.TwoFactorMiddleware``); a user whose role ``REQUIRE_2FA_ROLES`` names must
set one up first. What the middleware needs is decided once, at login, and kept in the session
(``PENDING_KEY``), so pages cost no query for it. Wrong codes are throttled by django-otp (each
failure doubles the wait) and, after ``MAX_FAILURES`` in one session, the session ends: the
password must be given again, where the login lock-out counts.
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_noop
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from office.services import audit

PENDING_KEY = "two_factor_pending"
FAILURES_KEY = "two_factor_failures"
VERIFY = "verify"
ENROL = "enrol"
RECOVERY_CODES = 10
MAX_FAILURES = 5
DEVICE_NAME = "authenticator"


def required_for(user: Any) -> bool:
    """Whether the user's roles oblige them to use a second factor (``REQUIRE_2FA_ROLES``)."""
    required = set(settings.REQUIRE_2FA_ROLES)
    if not required:
        return False
    if user.is_superuser and ({"superuser", "administrator"} & required):
        return True
    from office.contributions import registry

    groups = {role.group for role in registry.roles() if role.key in required}
    return user.groups.filter(name__in=groups).exists()


def authenticator(user: Any, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def is_enrolled(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def state_after_login(user: Any) -> str | None:
    """What the user must do after the password: ``VERIFY``, ``ENROL`` or nothing."""
    if is_enrolled(user):
        return VERIFY
    if required_for(user):
        return ENROL
    return None


def start_enrolment(user: Any) -> TOTPDevice:
    """The unconfirmed authenticator being set up (one per user, kept until confirmed)."""
    device = authenticator(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The device's ``otpauth://`` address as an inline SVG QR code, drawn on the server."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]


def secret_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _clean(token: str) -> str:
    return "".join(str(token).split()).replace("-", "")[:64]


@transaction.atomic
def new_recovery_codes(user: Any) -> list[str]:
    """Replace the user's recovery codes with fresh ones (each valid once); shown once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def confirm_enrolment(request: HttpRequest, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the authenticator with a code from it; its recovery codes, or None for a wrong
    code. The session counts as verified from now on."""
    if not device.verify_token(_clean(token)):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(device.user)
    _verified(request, device)
    audit.record(actor=device.user, instance=device.user, action="action", message=audit.note(_ENROLLED))
    return codes


def verify(request: HttpRequest, token: str) -> bool:
    """Check a code from the authenticator or a recovery code; a right one verifies the session."""
    token = _clean(token)
    user = request.user
    candidates: list[Any] = [d for d in [authenticator(user)] if d is not None]
    candidates += list(StaticDevice.objects.filter(user=user, confirmed=True))
    with transaction.atomic():
        for device in candidates:
            device = type(device).objects.select_for_update(of=("self",)).get(pk=device.pk)
            allowed, _details = device.verify_is_allowed()
            if allowed and device.verify_token(token):
                _verified(request, device)
                return True
    request.session[FAILURES_KEY] = request.session.get(FAILURES_KEY, 0) + 1
    return False


def too_many_failures(request: HttpRequest) -> bool:
    return request.session.get(FAILURES_KEY, 0) >= MAX_FAILURES


def _verified(request: HttpRequest, device: Any) -> None:
    otp_login(request, device)
    request.session.pop(PENDING_KEY, None)
    request.session.pop(FAILURES_KEY, None)


def is_verified(request: HttpRequest) -> bool:
    return bool(request.session.get(DEVICE_ID_SESSION_KEY))


@transaction.atomic
def turn_off(user: Any, *, actor: Any) -> None:
    """Remove the authenticator and the recovery codes (the user, or an administrator for a user
    who lost the phone)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.record(actor=actor, instance=user, action="action", message=audit.note(_TURNED_OFF))


_ENROLLED = gettext_noop("Two-factor sign-in set up")
_TURNED_OFF = gettext_noop("Two-factor sign-in turned off")
