"""Models of the events app (its features arrive with their own issue)."""
