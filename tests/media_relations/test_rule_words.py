"""Deadline rules in the reader's language on the press office's pages: the inquiry's statutory
deadline and its quote authorisations (looked up by the rule's code), a correction's deadline
(kept as "name (basis)"); the record's Polish copy when the rule is gone."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.urls import reverse

from media_relations.deadlines import PressRules
from office.deadline_rules import CoreRules
from office.models import DeadlineRule
from tests.media_relations.factories import ResponseCaseFactory
from tests.utils import client_for

pytestmark = pytest.mark.django_db


def page(user: Any, url: str, language: str) -> str:
    client = client_for(user)
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def english(code: str) -> DeadlineRule:
    """The installed rule, with an English name and basis of the test's own."""
    rule = DeadlineRule.objects.get(code=code)
    rule.name_en, rule.basis_en = f"English name of {code}", f"English basis of {code}"
    rule.save(update_fields=["name_en", "basis_en"])
    return rule


def test_inquiry_shows_the_rule_in_the_readers_language(officer: Any, make_inquiry: Any) -> None:
    inquiry = make_inquiry()
    rule = english(inquiry.deadline_rule)
    url = reverse("media_relations:inquiry_detail", args=[inquiry.pk])

    polish, in_english = page(officer, url, "pl"), page(officer, url, "en")

    assert f"{rule.name} ({rule.basis})" in polish and rule.name_en not in polish
    assert f"{rule.name_en} ({rule.basis_en})" in in_english and f"{rule.name} ({rule.basis})" not in in_english


def test_a_rule_that_is_gone_shows_the_records_copy(officer: Any, make_inquiry: Any) -> None:
    inquiry = make_inquiry()
    name, basis = inquiry.deadline_name, inquiry.deadline_basis
    DeadlineRule.objects.filter(code=inquiry.deadline_rule).delete()

    in_english = page(officer, reverse("media_relations:inquiry_detail", args=[inquiry.pk]), "en")

    assert f"{name} ({basis})" in in_english


def test_a_correction_shows_its_rule_in_the_readers_language(officer: Any) -> None:
    case = ResponseCaseFactory(correction=True, actor=officer)
    rule = english(PressRules.CORRECTION_SEND.code)
    assert case.send_rule == f"{rule.name} ({rule.basis})"
    url = reverse("media_relations:publication_detail", args=[case.publication_id])

    polish, in_english = page(officer, url, "pl"), page(officer, url, "en")

    assert case.send_rule in polish and rule.name_en not in polish
    assert f"{rule.name_en} ({rule.basis_en})" in in_english and f"{rule.name} ({rule.basis})" not in in_english


def test_the_rule_choice_of_an_assignment_is_in_the_readers_language() -> None:
    from django.utils import translation

    rule = english(CoreRules.UDIP_ANSWER.code)
    with translation.override("en"):
        assert str(rule) == f"{rule.name_en} ({rule.basis_en})"
    with translation.override("pl"):
        assert str(rule) == f"{rule.name} ({rule.basis})"


def test_the_next_issue_rule_of_a_correction_is_in_the_readers_language(officer: Any) -> None:
    """The rule outside the table (a periodical publishes in its next issue) is kept in Polish on
    the case and shown in the reader's language."""
    import datetime as dt

    from django.utils import timezone

    from media_relations.models.monitoring import NEXT_ISSUE_RULE

    case = ResponseCaseFactory(correction=True, actor=officer)
    case.publish_due, case.publish_rule = timezone.localdate() + dt.timedelta(days=9), NEXT_ISSUE_RULE
    case.save(update_fields=["publish_due", "publish_rule"])
    url = reverse("media_relations:publication_detail", args=[case.publication_id])

    polish, in_english = page(officer, url, "pl"), page(officer, url, "en")

    assert NEXT_ISSUE_RULE in polish
    assert "the nearest or next issue / the same programme (Press Law art. 32)" in in_english
    assert NEXT_ISSUE_RULE not in in_english
