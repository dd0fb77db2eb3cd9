"""Contributions of events to the office registry (dashboard, search, digest, reports).

Nothing is contributed until the app's features land; the module exists so that the
registry's discovery covers every installed app from the start.
"""
