"""Services of civic participation, by noun: ``programme`` (the cooperation programme, grants,
the report), ``consultations`` (consultations, comments, moderation, answers), ``budget`` (the
citizen budget: editions, projects, verification, appeals, votes, results, realisation) and
``civic`` (civic projects, rooms, bookings). Every function is keyword-only, atomic, validated
and on the audit trail; the caller (a view) decided that ``actor`` may do it."""
