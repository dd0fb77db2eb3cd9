"""The kit's SearchSelect: a choice among thousands of records without rendering thousands."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from office.forms import ContactChoiceField, ContactsChoiceField
from office.kit import bounds
from office.models import Contact
from tests.factories import ContactFactory, UserFactory
from tests.utils import client_for

pytestmark = pytest.mark.django_db


class PickForm(forms.Form):
    contact = ContactChoiceField(label="Adresat")
    others = ContactsChoiceField(label="Inni", required=False)


def _many(count: int) -> list[Contact]:
    return Contact.objects.bulk_create(Contact(name=f"Osoba {n:04d}", city="Łódź") for n in range(count))


def test_the_select_lists_the_chosen_contact_and_a_bounded_number_of_others() -> None:
    contacts = _many(80)
    last = contacts[-1]
    html = str(PickForm(initial={"contact": last.pk})["contact"])
    assert html.count("<option") == 1 + 30 + 1  # the empty choice, 30 others, the chosen one
    assert f'<option value="{last.pk}" selected>Osoba 0079 (Łódź)</option>' in html
    assert 'data-hx-get="/contacts/options/?field=contact"' in html


def test_any_contact_of_the_directory_validates_even_if_not_rendered() -> None:
    contacts = _many(60)
    form = PickForm({"contact": contacts[55].pk, "others": [contacts[58].pk, contacts[59].pk]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["contact"] == contacts[55]
    assert PickForm({"contact": "²"}).is_valid() is False
    assert PickForm({"contact": contacts[0].pk, "others": ["x"]}).is_valid() is False


def test_rendering_costs_the_same_queries_for_ten_or_a_thousand_contacts() -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            str(PickForm(initial={"contact": Contact.objects.first().pk}))
        return len(queries)

    _many(10)
    few = count()
    _many(990)
    assert count() == few


def test_the_options_view_searches_and_keeps_the_chosen_one(persona) -> None:
    chosen = ContactFactory(name="Zofia Źdźbło", city="Kraków")
    ContactFactory(name="Muzeum Miejskie", city="Łódź")
    ContactFactory(name="Teatr Nowy", city="Łódź")
    client = client_for(persona("secretariat"))
    response = client.get(reverse("office:contact_options"), {"q": "muzeum", "field": "contact", "contact": chosen.pk})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{chosen.pk}" selected>Zofia Źdźbło (Kraków)</option>' in body
    assert "Muzeum Miejskie" in body and "Teatr Nowy" not in body
    nothing = client.get(reverse("office:contact_options"), {"q": "xyzzy", "field": "contact"}).content.decode()
    assert "xyzzy" in nothing and "Muzeum" not in nothing


def test_the_options_view_needs_the_permission() -> None:
    ContactFactory(name="Muzeum Miejskie")
    no_role = UserFactory(username="bez-roli")
    assert client_for(no_role).get(reverse("office:contact_options"), {"q": "m"}).status_code == 403
    assert client_for(None).get(reverse("office:contact_options"), {"q": "m"}).status_code == 302


@pytest.mark.parametrize("typed", ["0001-01-01", "9999-12-31", "1799-12-31", "2200-01-01"])
def test_every_form_date_outside_the_office_range_is_refused(typed) -> None:
    class AnyForm(forms.Form):
        day = forms.DateField()
        moment = forms.DateTimeField()

    form = AnyForm({"day": typed, "moment": f"{typed}T10:00"})
    assert not form.is_valid()
    assert form.errors["day"][0].startswith("Podaj datę od 01.01.1800 do 31.12.2199")
    assert bounds.clamp(dt.date(9999, 1, 1)) == bounds.LATEST


def test_dates_at_the_edges_of_the_range_are_accepted() -> None:
    class AnyForm(forms.Form):
        day = forms.DateField()

    assert AnyForm({"day": "1800-01-01"}).is_valid() and AnyForm({"day": "2199-12-31"}).is_valid()


@pytest.mark.parametrize(
    ("widget", "value", "shown_type"),
    [
        ("date", "2026-11-29", "date"),
        ("date", "2199-13-01", "text"),
        ("date", "2026-02-30", "text"),
        ("date", "jutro", "text"),
        ("date", "", "date"),
        ("datetime", "2026-11-29T10:30", "datetime-local"),
        ("datetime", "2026-11-29T25:00", "text"),
        ("datetime", "2026-11-29", "text"),
    ],
)
def test_a_picker_shows_back_what_it_cannot_hold_as_text(widget: str, value: str, shown_type: str) -> None:
    """A date that is no date comes back in a text field: the page stays valid HTML and keeps it."""
    from office.kit.widgets import DateInput, DateTimeInput

    html = (DateInput() if widget == "date" else DateTimeInput()).render("day", value)
    assert f'type="{shown_type}"' in html
    if value:
        assert f'value="{value}"' in html
