"""What the command line shares: exit statuses, messages on stderr with outside names escaped, date arguments."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys

from timeline_app.core.shown import shown

EXIT_OK = 0
EXIT_NOTHING_READ = 1
EXIT_SOME_SKIPPED = 2


def say(message: str) -> None:
    """One line on stderr; names from outside in it (file names, archive members) with their control
    characters escaped, so that none can clear the terminal or forge a line."""
    print(shown(message), file=sys.stderr)


class PrintableFormatter(logging.Formatter):
    """Log lines as say() writes them; a traceback after one keeps its lines."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return shown(super().formatMessage(record))


def date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date in the form YYYY-MM-DD") from None
