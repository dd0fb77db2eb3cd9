"""Services of business trips and foreign relations, by noun: ``trips`` (planning, itinerary,
orders and approval, report), ``settlements``, ``rates``, ``relations`` (partners, delegations)."""
