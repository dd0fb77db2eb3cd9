"""Pages of civic participation, by noun; the public pages in ``public_*``."""
