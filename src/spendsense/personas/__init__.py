"""Personas: declarative criteria over the signals, a priority order, and a decision trace for each.

Pure like `spendsense.signals`: frames in, frames out, never the store.
"""
