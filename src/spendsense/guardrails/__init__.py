"""Guardrails: small checks applied in one `review` step, the only way an item becomes visible.

Pure logic: no database session, no web framework (an import-linter contract keeps it so).
"""
