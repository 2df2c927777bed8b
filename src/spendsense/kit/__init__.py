"""Domain-free helpers: database sessions, money, clock, errors, logging."""
