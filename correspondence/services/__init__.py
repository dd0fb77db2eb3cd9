"""Services of the correspondence app, by noun. ``letters`` (letters from templates) is the
public service other apps call to write a letter (patronage decisions, invitations, travel
orders, replies)."""
