"""Follow-ups and reminders: personal follow-ups with snooze, wake conditions and the legal
floor (followups), typed times on the Swedish calendar (when), the chain's standard follow-
ups (standard), which reminders are due or were missed (reminders) and the iCalendar export
(ics).
"""
