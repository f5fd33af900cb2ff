"""Batch work of the pipeline: what is done per input, and where it runs (this process, a process pool, Dask)."""
