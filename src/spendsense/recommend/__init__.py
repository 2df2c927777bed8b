"""Recommendations: the catalog (data files), the user's facts, rationale and selection.

Pure logic: it reads frames and frozen dataclasses and returns candidates; it never opens
a database session nor imports the web layer (an import-linter contract keeps it so).
"""
