"""The office's form renderer writes the plain widgets in Python: the same markup as Django's templates."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from office.kit.renderer import OfficeFormRenderer


class Everything(forms.Form):
    text = forms.CharField(max_length=20, help_text="x", widget=forms.TextInput(attrs={"placeholder": 'a "b" <c>'}))
    number = forms.IntegerField(min_value=0)
    decimal = forms.DecimalField(max_digits=6, decimal_places=2, required=False)
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False, assume_scheme="https")
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    moment = forms.DateTimeField(required=False)
    agree = forms.BooleanField(required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(choices=[("", "---"), ("a", "A & <b>"), ("b", "B")])
    grouped = forms.ChoiceField(choices=[("Group <1>", [("x", "X"), ("y", "Y")]), ("z", "Z")])
    many = forms.MultipleChoiceField(choices=[("1", "one"), ("2", "two")], required=False)
    upload = forms.FileField(required=False)


VALUES = [
    {},
    {
        "text": '<script>"x"</script>',
        "number": "7",
        "decimal": "1.5",
        "email": "a@b.pl",
        "url": "https://x.pl/?a=1&b=2",
        "secret": "p<>",
        "hidden": "h&",
        "day": "2026-11-30",
        "moment": "2026-11-30 10:00",
        "agree": "on",
        "body": "line one\n<b>two</b>",
        "kind": "a",
        "grouped": "y",
        "many": ["1", "2"],
    },
]


@pytest.mark.parametrize("data", VALUES)
def test_every_plain_widget_renders_as_django_templates_do(data: dict) -> None:
    fast, slow = (
        Everything(data or None, renderer=OfficeFormRenderer()),
        Everything(data or None, renderer=DjangoTemplates()),
    )
    fast.initial = slow.initial = {"day": dt.date(2026, 1, 2)} if not data else {}
    for name in Everything.base_fields:
        assert _tight(fast[name].as_widget()) == _tight(slow[name].as_widget()), name


def _tight(html: str) -> str:
    """The markup without the white space the templates leave between tags."""
    return re.sub(r">\s+<", "><", str(html)).strip()
