"""Country and organisation codes and their display names (countries.tsv, org_codes.tsv), readable without the whole gazetteer."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

GAZETTEER_DIR = "gazetteer"


def read_country_names(directory: Path) -> dict[str, str]:
    """ISO 3166-1 alpha-3 code (and XKX for Kosovo) -> display name, from countries.tsv."""
    names = {}
    for (code, name), where in read_tsv(directory / "countries.tsv", 2, 2):
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise RulesError(f"{where}: '{code}' is not an ISO 3166-1 alpha-3 code")
        names[code] = name
    return names


@functools.cache
def _bundled() -> dict[str, str]:
    return read_country_names(resource(GAZETTEER_DIR))


def country_names() -> dict[str, str]:
    """The bundled gazetteer's countries: what the window names the codes by (the gazetteer takes a
    second to load, this table a millisecond)."""
    return dict(_bundled())


@functools.cache
def _bundled_organizations() -> dict[str, str]:
    # The gazetteer's lexicon validates these rows when it loads; here they are only named.
    return {cols[0]: cols[1] for cols, _where in read_tsv(resource(GAZETTEER_DIR) / "org_codes.tsv", 2, 3)}


def organization_names() -> dict[str, str]:
    """The bundled gazetteer's organisations: code ("ARAB_LEAGUE") -> display name ("Arab League")."""
    return dict(_bundled_organizations())
