"""Services of the press office: every state change goes through these modules.

Functions take keyword-only arguments, run in a transaction, validate, write the audit trail
and enqueue tasks after commit.
"""
