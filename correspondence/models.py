"""Models of the correspondence app (its features arrive with their own issue)."""
