"""The office's URLs plus the reference page and the logged-in shell without content."""

from django.urls import path

from bench.pages.views import reference, shell
from office.urls import handler403, handler404, handler500  # noqa: F401
from office.urls import urlpatterns as office_urlpatterns

urlpatterns = [
    path("bench/reference/", reference, name="bench_reference"),
    path("bench/shell/", shell, name="bench_shell"),
    *office_urlpatterns,
]
