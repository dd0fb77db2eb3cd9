"""Polish short dates as offices write them: 29.11.2026 (Django's own Polish formats use
dashes). Everything else comes from Django's Polish formats."""

SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
