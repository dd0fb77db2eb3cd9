"""Models of the calendar_app app (its features arrive with their own issue)."""
