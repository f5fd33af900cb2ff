"""The core: everything but the GUI. Nothing in this package imports Qt."""
