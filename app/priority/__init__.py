"""Priority: why a case is on top. The score as named contributions, each with its sentence,
the dampening flags and the deterministic ranking (score), and who is working with which
weight profile (profile).
"""
