"""Models of the associations app (its features arrive with their own issue)."""
