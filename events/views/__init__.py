"""The pages of ceremonies and events."""
