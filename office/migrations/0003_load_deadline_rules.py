"""Load the statutory and local deadline rules (editable afterwards in the admin)."""

from django.db import migrations

RULES = [
    # (code, name, basis, amount, unit, moves_to_working_day, to_verify, annual (month, day) or None)
    ("udip_answer", "Udostępnienie informacji publicznej", "UDIP art. 13 ust. 1", 14, "calendar_days", True, False, None),
    ("udip_extension_cap", "Przedłużenie terminu informacji publicznej (najpóźniej)", "UDIP art. 13 ust. 2", 2, "months", True, False, None),
    ("udip_appeal", "Rozpatrzenie odwołania od odmowy informacji publicznej", "UDIP art. 16 ust. 2", 14, "calendar_days", True, False, None),
    ("press_refusal_written", "Pisemna odmowa informacji prasowej na żądanie redaktora naczelnego", "Prawo prasowe art. 4 ust. 3", 3, "calendar_days", False, False, None),
    ("press_info_answer", "Odpowiedź na pytanie prasowe (informacja prasowa)", "Prawo prasowe art. 3a w zw. z UDIP art. 13", 14, "calendar_days", True, False, None),
    ("quote_authorisation_daily", "Autoryzacja wypowiedzi — dziennik", "Prawo prasowe art. 14a", 6, "hours", False, True, None),
    ("quote_authorisation_periodical", "Autoryzacja wypowiedzi — czasopismo", "Prawo prasowe art. 14a", 24, "hours", False, True, None),
    ("correction_send", "Wysłanie sprostowania do redakcji", "Prawo prasowe art. 31a ust. 1", 21, "calendar_days", False, False, None),
    ("correction_publish_online", "Publikacja sprostowania — serwis internetowy", "Prawo prasowe art. 32 ust. 1 pkt 4", 3, "working_days", False, False, None),
    ("correction_publish_daily", "Publikacja sprostowania — dziennik (najpóźniej)", "Prawo prasowe art. 32 ust. 1 pkt 1", 7, "calendar_days", False, False, None),
    ("correction_refusal", "Odmowa publikacji sprostowania przez redakcję", "Prawo prasowe art. 33 ust. 3", 7, "calendar_days", False, False, None),
    ("correction_court", "Powództwo o publikację sprostowania", "Prawo prasowe art. 39 ust. 3", 12, "months", False, False, None),
    ("interpellation_answer", "Odpowiedź na interpelację lub zapytanie radnego", "u.s.g. art. 24 ust. 6", 14, "calendar_days", True, False, None),
    ("extraordinary_session", "Zwołanie sesji nadzwyczajnej", "u.s.g. art. 20 ust. 3", 7, "calendar_days", False, False, None),
    ("draft_resolution_filing", "Złożenie projektu uchwały przed sesją (dni przed sesją)", "u.s.g. art. 20 ust. 7", 7, "calendar_days", False, False, None),
    ("state_of_municipality_report", "Raport o stanie gminy", "u.s.g. art. 28aa ust. 1", 0, "annual_date", False, False, (5, 31)),
    ("cooperation_programme", "Uchwalenie programu współpracy z organizacjami pozarządowymi", "u.d.p.p. art. 5a ust. 1", 0, "annual_date", False, False, (11, 30)),
    ("cooperation_report", "Sprawozdanie z realizacji programu współpracy", "u.d.p.p. art. 5a ust. 3", 0, "annual_date", False, False, (5, 31)),
    ("association_entry", "Wpis stowarzyszenia zwykłego do ewidencji", "Prawo o stowarzyszeniach art. 40a", 7, "calendar_days", True, True, None),
    ("association_change", "Zgłoszenie zmian przez stowarzyszenie zwykłe", "Prawo o stowarzyszeniach art. 40a", 7, "calendar_days", True, True, None),
    ("patronage_lead_time", "Złożenie wniosku o patronat honorowy (dni przed wydarzeniem)", "Zarządzenie Prezydenta (zasada lokalna)", 30, "calendar_days", False, False, None),
    ("patronage_report", "Sprawozdanie po wydarzeniu objętym patronatem", "Zarządzenie Prezydenta (zasada lokalna)", 30, "calendar_days", False, False, None),
    ("trip_settlement", "Rozliczenie podróży służbowej", "Rozporządzenie MRiPS z 29.01.2013 r. § 5", 14, "calendar_days", True, True, None),
    ("lay_judges_nominations", "Zgłaszanie kandydatów na ławników", "u.s.p. art. 162", 0, "annual_date", False, False, (6, 30)),
    ("lay_judges_election", "Wybór ławników przez radę", "u.s.p. art. 160", 0, "annual_date", False, False, (10, 31)),
    ("accessibility_statement", "Aktualizacja deklaracji dostępności", "Ustawa o dostępności cyfrowej art. 10", 0, "annual_date", False, False, (3, 31)),
    ("internal_default", "Termin wewnętrzny (domyślny)", "Praktyka kancelarii", 7, "working_days", False, False, None),
]


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("office", "DeadlineRule")
    for code, name, basis, amount, unit, moves, verify, annual in RULES:
        DeadlineRule.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "basis": basis, "amount": amount, "unit": unit,
                "moves_to_working_day": moves, "to_verify": verify,
                "annual_month": annual[0] if annual else None,
                "annual_day": annual[1] if annual else None,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("office", "DeadlineRule").objects.filter(code__in=[r[0] for r in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("office", "0002_polish_collation")]
    operations = [migrations.RunPython(load, unload)]
