"""The team, for a team lead: the team table from stored per-case digests kept honest by
triggers, the charts' data and the employer view (team), absences and cover (cover),
reassignment and the balancing proposal (reassign) and the one-page team report (report).
"""
