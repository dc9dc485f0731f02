"""The engine's shared ground: the injectable clock (clock), the error family every room raises
(errors), the one translation mechanism (i18n), the domain's plain types and code tables
(model) and the garbage-collector pause for bulk work (bulk). Every other room may import
from here; this package imports nothing else of the engine.
"""
