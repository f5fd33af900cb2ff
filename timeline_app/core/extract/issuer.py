"""Who issued an article: the government or organisation of an official statement, from its URL, source or header."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from timeline_app.core.extract.gazetteer import GAZETTEER_DIR, Gazetteer
from timeline_app.core.models import Article, EntityKind, IssuerSource
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

log = logging.getLogger(__name__)

_TLD, _COUNTRY = "{tld}", "{country}"
_HEADER_LINES = 6  # a statement's header: its first short lines
_HEADER_WORDS = 14


@dataclass(frozen=True)
class _Rule:
    kind: str  # host or name
    pattern: str
    issuer: str


class IssuerTable:
    """The rules of resources/gazetteer/issuers.tsv and the top-level domains of tlds.tsv."""

    _default: IssuerTable | None = None

    def __init__(self, directory: Path, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        known = set(gazetteer.countries()) | set(gazetteer.organizations())
        self.tlds = {tld: iso for (tld, iso), _where in read_tsv(directory / "tlds.tsv", 2)}
        for tld, iso in self.tlds.items():
            if iso not in known:
                raise RulesError(f"{directory / 'tlds.tsv'}: '{iso}' of '{tld}' is not a country code of countries.tsv")
        self.rules: list[_Rule] = []
        for (kind, pattern, issuer), where in read_tsv(directory / "issuers.tsv", 3):
            if kind not in ("host", "name"):
                raise RulesError(f"{where}: kind must be 'host' or 'name', not '{kind}'")
            wanted = _TLD if kind == "host" else _COUNTRY
            if issuer not in known and issuer != wanted:
                raise RulesError(f"{where}: '{issuer}' is neither a country or organisation code nor {wanted}")
            if kind == "name" and pattern.replace(_COUNTRY, "").strip(" ,") == "":
                raise RulesError(f"{where}: a name pattern needs words besides {_COUNTRY}")
            self.rules.append(_Rule(kind, pattern, issuer))
        names = [(r.pattern.replace(_COUNTRY, "").strip(" "), r) for r in self.rules if r.kind == "name"]
        self._names = sorted(names, key=lambda n: -len(n[0]))

    @classmethod
    def default(cls) -> IssuerTable:
        if cls._default is None:
            cls._default = cls(resource(GAZETTEER_DIR), Gazetteer.default())
        return cls._default

    def find(self, article: Article) -> tuple[str, IssuerSource]:
        """The article's issuer and where it was found; ("", NONE) for news."""
        found = self.from_url(article.url)
        if found:
            return found, IssuerSource.URL
        found = self.from_name(article.source)
        if found:
            return found, IssuerSource.METADATA
        for line in header_lines(article.text):
            found = self.from_name(line)
            if found:
                return found, IssuerSource.TEXT
        return "", IssuerSource.NONE

    def from_url(self, url: str) -> str:
        try:
            host = (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")
        except ValueError:
            return ""
        if not host:
            return ""
        labels = host.split(".")
        for rule in self.rules:
            if rule.kind != "host":
                continue
            if rule.issuer != _TLD:
                if host == rule.pattern or host.endswith("." + rule.pattern):
                    return rule.issuer
                continue
            # "mea.gov.in": the government suffix just before the country's domain
            iso = self.tlds.get(labels[-1], "")
            stem = ".".join(labels[:-1])
            if iso and (stem == rule.pattern or stem.endswith("." + rule.pattern)):
                return iso
        return ""

    def from_name(self, line: str) -> str:
        """The issuer named in one line of metadata or header: "Ministry of Foreign Affairs of Japan"."""
        if not line:
            return ""
        # The longest name found wins: "Office of the Spokesperson for the Secretary-General" is the UN's.
        for bare, rule in self._names:
            at = line.find(bare)
            if at < 0:
                continue
            if rule.issuer != _COUNTRY:
                return rule.issuer
            if rule.pattern.startswith(_COUNTRY):
                found = self._countries(line[:at])
                if found:
                    return found[-1]
            else:
                found = self._countries(line[at + len(bare):])
                if found:
                    return found[0]
        return ""

    def _countries(self, text: str) -> list[str]:
        return [e.code for e in self.gazetteer.tag(text) if e.kind is EntityKind.COUNTRY and e.code]


def header_lines(text: str) -> list[str]:
    """The short lines at the top of a text that are not sentences: a statement's title block."""
    out = []
    for line in text.split("\n")[: _HEADER_LINES + 1]:
        line = line.strip()
        if not line:
            continue
        if len(line.split()) > _HEADER_WORDS or re.search(r"[.!?]['\"\u201d]?$", line):
            break
        out.append(line)
    return out[:_HEADER_LINES]


def find_issuer(article: Article) -> tuple[str, IssuerSource]:
    """The issuer of `article`: the one it carries (a reader's or the user's), else one found in it."""
    if article.issuer or article.issuer_source is IssuerSource.USER:
        return article.issuer, article.issuer_source
    return IssuerTable.default().find(article)
