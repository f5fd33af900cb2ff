"""Error types of the core; str(error) is a sentence a user can act on."""


class TimelineError(Exception):
    """Base class of every error the core raises on purpose."""


class InputError(TimelineError):
    """An input file, folder or URL cannot be read as an article."""


class RulesError(TimelineError):
    """A resource file (patterns, tables, rules) is malformed; the message names file and line."""


class LanguageError(TimelineError):
    """A language code given by the user is not one."""


class LibraryError(TimelineError):
    """The library database cannot be opened, migrated or written."""


class ExportError(TimelineError):
    """An export file cannot be written."""


class UsageError(TimelineError):
    """The command line asks for something the app cannot do as given; the message says what to give."""


class DesktopEntryError(TimelineError):
    """The desktop launcher files (entry, metainfo, icons) cannot be installed or removed."""


class BudgetError(TimelineError):
    """An article needs more time or work than one article may take; it is skipped with this reason."""


class ClusterError(TimelineError):
    """A Dask cluster cannot run the work: unreachable, no worker, or missing what the app needs."""
