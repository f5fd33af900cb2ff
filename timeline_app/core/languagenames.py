"""Names of languages for people ("French") by the ISO 639 codes the articles carry ("fr")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from timeline_app import paths
from timeline_app.core.tables import read_tsv

UNKNOWN = "(unknown)"


@lru_cache(maxsize=2)
def _names(path: Path) -> dict[str, str]:
    return {code: name for (code, name), _ in read_tsv(path, 2)}


def language_name(code: str, path: Path | None = None) -> str:
    """"French" for "fr" (resources/ingest/language_names.tsv, from CLDR); a code with no name stays
    as it is, so nothing is hidden; "" (no language told) is "(unknown)"."""
    if not code:
        return UNKNOWN
    return _names(path or paths.INGEST / "language_names.tsv").get(code, code)


def language_label(code: str) -> str:
    """"French (fr)": the name a person reads and the code the app and exports use."""
    name = language_name(code)
    return name if name in (code, UNKNOWN) else f"{name} ({code})"
