"""Ingest: Plaid payloads (kept raw, then normalized), sandbox configurations, generator output."""
