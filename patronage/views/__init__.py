"""The pages of honorary patronage."""
