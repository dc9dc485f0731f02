"""The rehabilitation chain: which day of the chain a case is on, its phase, and the milestones
ahead with their dates and status (state), read from the versioned rule tables in
resources/rules (rules). It answers: where in the chain is this case, and what falls due
when?
"""
