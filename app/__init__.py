"""Överblick's engine: the rehabilitation chain, priority, stock and the command line. No Qt."""

__version__ = "0.1.0"
