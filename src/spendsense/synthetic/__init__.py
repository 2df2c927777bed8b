"""Deterministic synthetic Plaid-style users with ground-truth labels (`spendsense generate`).

`run.generate(Request(...))` is the entry point; docs/synthetic.md describes the output and
how each persona is built.
"""
