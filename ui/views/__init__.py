"""The window's views: Idag, Impulser, Ärendestock and the full case."""
