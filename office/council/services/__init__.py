"""Services of council relations, by noun: ``council`` (terms, councillors, committees, sessions,
committee meetings, the calendar), ``interpellations``."""
