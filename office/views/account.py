"""The account area: sign-in security (two-factor, sessions) and the login form's messages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from office.forms import CodeForm, OfficeAuthenticationForm
from office.kit.pages import safe_next_url
from office.services import accounts, two_factor


class OfficeLoginView(LoginView):
    authentication_form = OfficeAuthenticationForm
    redirect_authenticated_user = True


def _next(request: HttpRequest) -> str:
    """A path of this site to go on to (``/`` when ``next`` is missing, foreign or not a path)."""
    return safe_next_url(request, request.POST.get("next") or request.GET.get("next"), "/")


@require_GET
@login_required
def security(request: HttpRequest) -> HttpResponse:
    """The user's second factor and signed-in sessions."""
    context = {
        "enrolled": two_factor.is_enrolled(request.user),
        "required": two_factor.required_for(request.user),
        "codes_left": two_factor.recovery_codes_left(request.user),
        "sessions": accounts.active_sessions(request.user),
        "current_key": request.session.session_key,
    }
    return render(request, "registration/security.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: a QR code drawn here, then a code from the app confirms it."""
    if two_factor.is_enrolled(request.user) and not two_factor.is_verified(request):
        return redirect("two_factor_verify")
    device = two_factor.start_enrolment(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        codes = two_factor.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes is not None:
            messages.success(request, _("Two-factor sign-in is on."))
            return render(request, "registration/recovery_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", _("This code is not right. Type the code your app shows now."))
    context = {"form": form, "qr": two_factor.qr_svg(device), "key": two_factor.secret_key(device)}
    context |= {"required": two_factor.required_for(request.user), "next": _next(request)}
    return render(request, "registration/two_factor_setup.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: a code from the app or a recovery code."""
    if not two_factor.is_enrolled(request.user) or two_factor.is_verified(request):
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.verify(request, form.cleaned_data["code"]):
            return redirect(_next(request))
        if two_factor.too_many_failures(request):
            logout(request)
            messages.error(request, _("Too many wrong codes. Log in again."))
            return redirect("login")
        form.add_error("code", _("This code is not right, or it was already used. Wait for a new code and try again."))
    return render(request, "registration/two_factor_verify.html", {"form": form, "next": _next(request)})


@require_POST
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones stop working); needs a verified session."""
    if not two_factor.is_enrolled(request.user) or not two_factor.is_verified(request):
        return redirect("two_factor_verify")
    codes = two_factor.new_recovery_codes(request.user)
    return render(request, "registration/recovery_codes.html", {"codes": codes, "next": ""})


@require_POST
@login_required
def two_factor_off(request: HttpRequest) -> HttpResponse:
    if two_factor.required_for(request.user):
        messages.error(request, _("Your role requires two-factor sign-in: it cannot be turned off."))
    elif two_factor.is_enrolled(request.user) and not two_factor.is_verified(request):
        return redirect("two_factor_verify")
    else:
        two_factor.turn_off(request.user, actor=request.user)
        messages.success(request, _("Two-factor sign-in is off."))
    return redirect("account_security")


@require_POST
@login_required
def session_end(request: HttpRequest, pk: int) -> HttpResponse:
    if accounts.end_session(request.user, pk):
        messages.success(request, _("That session is signed out."))
    return redirect("account_security")


@require_POST
@login_required
def sessions_end_all(request: HttpRequest) -> HttpResponse:
    """Sign out every browser, this one too."""
    accounts.end_all_sessions(request.user, keep=request.session.session_key)
    logout(request)
    messages.success(request, _("You are signed out everywhere."))
    return redirect("login")
