"""The batch pipeline: read the store, compute signals and personas, write the store and Parquet.

`signals/` and `personas/` stay pure; everything that touches the database or the file
system lives here (`repository.py`, `parquet.py`), and `run.py` ties the stages together.
"""
