"""Views of council relations, by noun: ``council`` (councillors, committees, sessions, committee
meetings), ``interpellations``, ``public`` (the BIP pages)."""
