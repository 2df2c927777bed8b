"""Consent: explicit opt-in before any processing, revocable, with its full history."""
