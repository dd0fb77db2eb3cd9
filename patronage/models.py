"""Models of the patronage app (its features arrive with their own issue)."""
