"""Models of the media_relations app (its features arrive with their own issue)."""
