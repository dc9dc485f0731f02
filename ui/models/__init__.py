"""Qt item models fed by engine queries."""
