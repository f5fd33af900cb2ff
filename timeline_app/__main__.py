"""`python -m timeline_app`: the same entry point as the diplomatic-timeline commands."""

import multiprocessing

from timeline_app.cli import main

if __name__ == "__main__":  # the guard lets worker processes import this module without starting the app
    # A frozen bundle's worker processes come back through here; elsewhere this does nothing.
    multiprocessing.freeze_support()
    raise SystemExit(main())
