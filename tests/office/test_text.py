"""One-line fields fold line breaks and control characters, in every form (office.kit.text)."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget, AdminTextInputWidget

from office.forms import ContactForm
from office.kit.text import one_line

HOSTILE = "Spotkanie\r\nBcc: ktos@example.com\x00\tz\u2028prezydentem\x85 \r\n"


class Sample(forms.Form):
    title = forms.CharField(max_length=200)
    email = forms.EmailField(required=False)
    site = forms.URLField(required=False, assume_scheme="https")
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    notes = forms.CharField(required=False, widget=forms.Textarea)
    admin_title = forms.CharField(required=False, widget=AdminTextInputWidget)
    admin_notes = forms.CharField(required=False, widget=AdminTextareaWidget)
    password = forms.CharField(required=False, strip=False, widget=forms.PasswordInput)


def test_one_line_folds_every_run_of_control_characters() -> None:
    assert one_line("a\r\nb\x00c\x1bd\u2029e") == "a b c d e"
    assert one_line("zwykły tekst — bez zmian") == "zwykły tekst — bez zmian"


def test_a_one_line_field_folds_and_a_textarea_keeps_its_lines() -> None:
    form = Sample(
        {
            "title": HOSTILE,
            "email": "\r\nsekretariat@um.example.gov.pl\r\n",
            "site": "https://um.example.gov.pl/\r\n",
            "hidden": "a\nb",
            "notes": "pierwsza\r\ndruga",
            "admin_title": HOSTILE,
            "admin_notes": "pierwsza\r\ndruga",
            "password": "x\ty",
        }
    )
    assert form.is_valid(), form.errors  # a NUL folded is no longer an error
    data = form.cleaned_data
    assert data["title"] == data["admin_title"] == "Spotkanie Bcc: ktos@example.com z prezydentem"
    assert data["email"] == "sekretariat@um.example.gov.pl"
    assert data["site"] == "https://um.example.gov.pl/"
    assert data["hidden"] == "a b"
    assert data["notes"] == data["admin_notes"] == "pierwsza\r\ndruga"  # a text area keeps its lines
    assert data["password"] == "x\ty"


def test_a_line_break_alone_is_an_empty_value() -> None:
    form = Sample({"title": "\r\n\x00"})
    assert not form.is_valid()
    assert form.errors.as_data()["title"][0].code == "required"


@pytest.mark.django_db
def test_a_model_form_of_an_app(persona: Any) -> None:
    form = ContactForm({"kind": "person", "name": "Jan\r\nKowalski", "notes": "linia 1\nlinia 2"})
    form.is_valid()
    assert form.cleaned_data["name"] == "Jan Kowalski"
    assert form.cleaned_data["notes"] == "linia 1\nlinia 2"


@pytest.mark.django_db
def test_the_admin_folds_too(admin_client: Any) -> None:
    from django.urls import reverse

    url = reverse("admin:office_orgunit_add")
    form_class = admin_client.get(url).context["adminform"].form.__class__
    form = form_class({"symbol": "WOK\r\n", "name": "Wydział\r\nObsługi"})
    form.is_valid()
    assert form.cleaned_data["name"] == "Wydział Obsługi"
    assert form.cleaned_data["symbol"] == "WOK"
