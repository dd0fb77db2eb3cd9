"""The log of reads of personal data (office/services/reads.py): what is logged (pages, downloads,
exports of the records apps declare), that it cannot be changed, its retention, and the auditor's
page. (The permission matrix checks that every declared record page logs its reads.)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from office.contributions import registry
from office.models import PersonalDataRead, ReadKind
from office.services import reads
from tests.utils import client_for, fetch, page_text

pytestmark = pytest.mark.django_db


def test_apps_declare_their_records_with_personal_data_and_their_pages() -> None:
    from tests.office.test_permission_matrix import EXPECTED

    declared = {model._meta.label_lower: detail for model, detail in registry.personal_data().items()}
    assert {"calendar_app.meetingrequest", "media_relations.journalist", "correspondence.residentmatter"} <= set(
        declared
    )
    for detail in declared.values():
        reverse(detail, args=[1])
        assert detail in EXPECTED


def test_the_log_is_append_only(persona) -> None:
    entry = PersonalDataRead.objects.create(
        user=persona("secretariat"),
        content_type=ContentType.objects.get_for_model(PersonalDataRead),
        label="x",
        path="/x/",
    )
    entry.label = "changed"
    with pytest.raises(ValidationError):
        entry.save()
    perms = {p.codename for p in ContentType.objects.get_for_model(PersonalDataRead).permission_set.all()}
    assert perms == {"view_personaldataread"}  # nobody can be given the right to add, change or delete


def test_a_model_without_personal_data_is_not_logged(persona, rf) -> None:
    request = rf.get("/units/1/")
    request.user = persona("secretariat")
    assert reads.note_read(request, request.user.unit) is None
    assert not PersonalDataRead.objects.exists()


def test_old_entries_go_after_the_retention_period(persona, settings) -> None:
    settings.READ_LOG_RETENTION_DAYS = 30
    user = persona("auditor")
    kind = ContentType.objects.get_for_model(PersonalDataRead)
    old = PersonalDataRead.objects.create(user=user, content_type=kind, label="stary", path="/")
    PersonalDataRead.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=31))
    PersonalDataRead.objects.create(user=user, content_type=kind, label="nowy", path="/")
    assert reads.purge_old_reads() == 1
    assert list(PersonalDataRead.objects.values_list("label", flat=True)) == ["nowy"]


def test_the_auditor_finds_who_read_a_journalist_and_an_export_is_logged(persona) -> None:
    from media_relations.models import Journalist

    press = persona("press_officer")
    journalist = Journalist.objects.create(name="Ewa Reporterska")
    fetch(client_for(press), "get", reverse("media_relations:journalist_detail", args=[journalist.pk]))
    fetch(client_for(press), "get", reverse("media_relations:journalist_list") + "?export=csv")
    entries = PersonalDataRead.objects.filter(user=press)
    assert {e.kind for e in entries} == {ReadKind.PAGE, ReadKind.EXPORT}
    page = fetch(client_for(persona("auditor")), "get", reverse("office:read_log") + f"?user={press.pk}")
    assert "Reporterska" in page_text(page)
    assert fetch(client_for(press), "get", reverse("office:read_log")).status_code == 403
