"""Pages of business trips and foreign relations, by noun."""
