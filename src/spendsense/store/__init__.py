"""Reading the store as Polars frames (the `tables` contract) for the pipeline and insights."""
