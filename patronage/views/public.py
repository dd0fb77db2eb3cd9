"""The public pages of honorary patronage (no login): the application form, the status page an
organiser reaches from the confirmation e-mail, and the list of granted patronages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_GET, require_http_methods

from office.kit import apply_errors, paginate
from office.kit.public import over_limit, too_many
from patronage import services
from patronage.forms import PublicApplicationForm


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    form = PublicApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if over_limit(request, "patronage-application"):
            return too_many(request)
        if form.is_robot:
            return redirect("patronage:public_thanks")
        if form.is_valid():
            try:
                application = services.submit_public_application(
                    data=form.cleaned_data,
                    files=form.files_to_attach,
                    status_url=lambda token: request.build_absolute_uri(
                        reverse("patronage:public_status", args=[token])
                    ),
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Your application was registered as %(ref)s. We sent a confirmation with the link to this "
                        "page to %(email)s."
                    )
                    % {"ref": application.reference, "email": application.organiser.email},
                )
                return redirect("patronage:public_status", application.tracking_token)
    return render(request, "patronage/public/apply.html", {"form": form})


@require_GET
def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "patronage/public/thanks.html")


@require_GET
def status(request: HttpRequest, token: str) -> HttpResponse:
    application = services.by_token(token)
    if application is None:
        raise Http404
    response = render(request, "patronage/public/status.html", {"application": application})
    response["Referrer-Policy"] = "no-referrer"  # the token stays out of other sites' logs
    response["X-Robots-Tag"] = "noindex"
    return response


def _last_change(request: HttpRequest) -> object:
    return services.granted_publicly().aggregate(last=Max("updated_at"))["last"]


@require_GET
@condition(last_modified_func=_last_change)
def granted(request: HttpRequest) -> HttpResponse:
    qs = services.granted_publicly()
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:
        qs = qs.filter(starts_on__year=int(year))
    years = services.granted_publicly().dates("starts_on", "year", order="DESC")
    return render(
        request,
        "patronage/public/granted.html",
        {"page_obj": paginate(request, qs), "years": [d.year for d in years], "year": year},
    )
