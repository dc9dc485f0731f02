"""The case and its impulses: one case read whole, validated edits of its legal facts written
as events and undoable, notes, consent and gaps (casework); the impulse inbox, what a new
certificate changed, read marks and recorded outcomes (inbox).
"""
