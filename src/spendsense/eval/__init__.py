"""Evaluation: runs the engine in memory over the store's data, scores it, writes a report. Never writes the store."""
