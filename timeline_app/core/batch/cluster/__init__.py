"""Running on a Dask cluster that is not this checkout: its environment checked, the app's code sent to it."""
