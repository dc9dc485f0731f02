"""Data safety: what keeps a caseworker's data whole and private. Backups, verified restore and
the integrity check before writing (safety), personal identity numbers checked and masked
(pin), retention of closed cases, and the log that never holds a name or a personal identity
number (log).
"""
