"""Behavioural signals per user and window, computed for all users at once with Polars.

Pure: these modules take and return Polars frames or frozen dataclasses and never touch the
store. The exact definitions are docs/signals.md; each family has its own module and
`compute.py` runs them all for every window.
"""
