"""Who issued an article: the government or organisation of an official statement, from its URL, source or header."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from timeline_app.core.extract.gazetteer import GAZETTEER_DIR, Gazetteer
from timeline_app.core.extract.issuer_words import HEADER_LINES, header_lines
from timeline_app.core.models import LIST_SEPARATOR, Article, EntityKind, EntityMention, IssuerSource
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

log = logging.getLogger(__name__)

_TLD, _COUNTRY, _COUNTRIES = "{tld}", "{country}", "{countries}"
_LINE_END = re.compile(r"\s*(?:$|[,|:(\u2013\u2014]|-\s)")  # what may follow an office's state on its header line
_HEADING_GAP = 3  # words at most between a heading and the state it names ("Заявление МИД России")
_OPENING_WORDS = 8  # a statement's first sentence names its issuer among its first words: "El Gobierno de Chile valora"


@dataclass(frozen=True)
class _Rule:
    kind: str  # host, name or heading
    pattern: str
    issuer: str


class IssuerTable:
    """The rules of resources/gazetteer/issuers.tsv and the top-level domains of tlds.tsv."""

    _default: IssuerTable | None = None

    def __init__(self, directory: Path, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        known = set(gazetteer.countries()) | set(gazetteer.organizations())
        self.tlds: dict[str, str] = {}
        self.generic_tlds: set[str] = set()  # .tv, .io: used by sites anywhere
        for (tld, iso, *flag), where in read_tsv(directory / "tlds.tsv", 2, 3):
            if iso not in known:
                raise RulesError(f"{where}: '{iso}' of '{tld}' is not a country code of countries.tsv")
            if flag and flag != ["generic"]:
                raise RulesError(f"{where}: the third column may only be 'generic', not '{flag[0]}'")
            self.tlds[tld] = iso
            if flag:
                self.generic_tlds.add(tld)
        self.rules: list[_Rule] = []
        self.joint: list[re.Pattern[str]] = []
        for (kind, pattern, issuer), where in read_tsv(directory / "issuers.tsv", 3):
            if kind == "joint":
                self.joint.append(_joint_pattern(pattern, issuer, where))
                continue
            if kind not in ("host", "name", "office"):
                raise RulesError(f"{where}: kind must be 'host', 'name', 'office' or 'joint', not '{kind}'")
            if kind == "office" and (issuer != _COUNTRY or _COUNTRY in pattern):
                raise RulesError(f"{where}: an office pattern is the words before its state's name, its issuer {_COUNTRY}")
            wanted = {"host": _TLD}.get(kind, _COUNTRY)
            if issuer not in known and issuer != wanted:
                raise RulesError(f"{where}: '{issuer}' is neither a country or organisation code nor {wanted}")
            if kind == "name" and pattern.replace(_COUNTRY, "").strip(" ,") == "":
                raise RulesError(f"{where}: a name pattern needs words besides {_COUNTRY}")
            self.rules.append(_Rule(kind, pattern, issuer))
        names = [(r.pattern.replace(_COUNTRY, "").strip(" "), r) for r in self.rules if r.kind != "host"]
        self._names = sorted(names, key=lambda n: -len(n[0]))
        # <lang>/issuers.tsv: the headings and joint openings of statements in that language, read only in its articles
        self.headings: dict[str, list[_Rule]] = {}
        self.language_joint: dict[str, list[re.Pattern[str]]] = {}
        for path in sorted(directory.glob("*/issuers.tsv")):
            lang = path.parent.name
            self.headings[lang], self.language_joint[lang] = [], []
            for row, where in read_tsv(path, 3):
                if row[0] == "joint":
                    self.language_joint[lang].append(_joint_pattern(row[1], row[2], where))
                else:
                    self.headings[lang].append(_heading_rule(row, where, known))

    @classmethod
    def default(cls) -> IssuerTable:
        if cls._default is None:
            cls._default = cls(resource(GAZETTEER_DIR), Gazetteer.default())
        return cls._default

    def find(self, article: Article) -> tuple[str, IssuerSource]:
        """The article's issuer and where it was found; ("", NONE) for news."""
        joint = self.joint_issuers(article.text, article.language)
        if joint:
            return LIST_SEPARATOR.join(joint), IssuerSource.TEXT
        found = self.from_url(article.url)
        if found:
            return found, IssuerSource.URL
        found = self.from_name(article.source)
        if found:
            return found, IssuerSource.METADATA
        header = header_lines(article.text)
        for line in header:
            found = self.from_name(line)
            if found:
                return found, IssuerSource.TEXT
        # A heading may open a title too long for a header line ("Declaración del Ministerio de ... sobre el fallo
        # de la Corte Internacional de Justicia"): the first line is read then, if it is no sentence.
        lines = [line.strip() for line in article.text.split("\n") if line.strip()]
        top = header or [line for line in lines[:1] if not re.search(r"[.!?]['\"\u201d]?$", line)]
        first = [re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0] for line in lines[len(top) : len(top) + 1]]
        found = self.from_heading(top, article.language, first)
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

    def site_state(self, url: str) -> str:
        """The state of a site's country-code domain ("www.herald.co.zw": ZWE), "" for another host or a
        domain that sites anywhere use (.tv, .io): where a regional paper is published, whose "Cabinet" and
        "the President" are its own state's when no dateline says where the story was filed."""
        try:
            host = (urlsplit(url.strip()).hostname or "").lower()
        except ValueError:
            return ""
        tld = host.rsplit(".", 1)[-1] if "." in host else ""
        return "" if tld in self.generic_tlds else self.tlds.get(tld, "")

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
            if rule.kind == "office":
                found = self._office_state(line[at + len(bare):])
                if found:
                    return found
                continue
            if rule.pattern.startswith(_COUNTRY):
                found = self._countries(line[:at])
                if found:
                    return found[-1]
            else:
                found = self._countries(line[at + len(bare):])
                if found:
                    return found[0]
        return ""

    def from_heading(self, header: list[str], language: str, first: list[str] = ()) -> str:
        """The issuer named by a heading rule of the article's language at the start of a header line
        ("Заявление МИД России", "Pressemitteilung des Auswärtigen Amts"); a "{country}" heading without
        a state right after it takes the one state the other header lines name ("Ministerio de Relaciones
        Exteriores" over "Quito, 18 de junio de 2024"), else, when they name none, a state among the
        first words of the first sentence (`first`), where a statement names itself ("Le Gouvernement de
        la République du Mali a pris connaissance"); none when the header names several."""
        rules = self.headings.get(language)
        if not rules:
            return ""
        gazetteer = Gazetteer.for_language(language)
        for at, line in enumerate(header):
            for rule in rules:
                bare = rule.pattern.replace(_COUNTRY, "").strip()
                if not line.lower().startswith(bare.lower()) or line[len(bare) : len(bare) + 1].isalnum():
                    continue
                if rule.issuer != _COUNTRY:
                    return rule.issuer
                rest = line[len(bare) :]
                near = [e.code for e in country_mentions(gazetteer, rest) if len(rest[: e.start].split()) <= _HEADING_GAP]
                if near:
                    return near[0]
                others = {e.code for i, other in enumerate(header) if i != at for e in country_mentions(gazetteer, other)}
                if len(others) == 1:
                    return others.pop()
                opening = [e.code for line in first[:1] if not others for e in country_mentions(gazetteer, line)
                           if len(line[: e.start].split()) < _OPENING_WORDS]
                if opening:
                    return opening[0]
        return ""

    def joint_issuers(self, text: str, language: str = "") -> list[str]:
        """The states of a joint statement, named in its opening (a header line or the first sentence):
        "Joint Statement by the Foreign Ministers of Australia, Japan and the United States"; in another
        language the English rules and those of its issuers.tsv ("Comunicado conjunto Portugal-Marrocos")."""
        own = self.language_joint.get(language, [])
        gazetteer = Gazetteer.for_language(language) if own else self.gazetteer
        for line in opening_lines(text):
            for pattern in self.joint + own:
                m = pattern.match(line)
                if m is None:
                    continue
                listed = m.group("list")
                names = country_mentions(gazetteer, listed)
                run = self._first_list(listed, names, gazetteer)
                # A pattern with words after the list ("... issued the following") wants the list alone there.
                whole = m.end("list") == m.end() or not run or not listed[run[-1].end :].strip(" ,")
                codes = list(dict.fromkeys(e.code for e in run))
                if len(codes) >= 2 and whole:
                    return codes
        return []

    def _first_list(self, text: str, names: list[EntityMention], gazetteer: Gazetteer) -> list[EntityMention]:
        """The first names of `names` that follow each other joined only by commas and list_glue words."""
        glue = gazetteer.context_words("list_glue")
        run = names[:1]
        for e in names[1:]:
            # "Australia - Papua New Guinea", "India-UAE": a dash joins the two names of a pair as a comma does.
            between = _LIST_PUNCTUATION.sub(" ", text[run[-1].end : e.start]).split()
            if any(gazetteer.word_key(w) not in glue for w in between):
                break
            run.append(e)
        return run

    def _office_state(self, rest: str) -> str:
        """The state an office's name ends with, when nothing but a separator follows it on the line: "Government
        of the Republic of Benin", "... of Belarus | Press release"; not "Government of Japan approves aid"."""
        names = [e for e in self.gazetteer.tag(rest) if e.kind is EntityKind.COUNTRY and e.code]
        if names and _LINE_END.match(rest, names[0].end) and len(rest[: names[0].start].split()) <= _HEADING_GAP + 2:
            return names[0].code
        return ""

    def _countries(self, text: str) -> list[str]:
        return [e.code for e in country_mentions(self.gazetteer, text)]


_LIST_PUNCTUATION = re.compile(r"[,&\u2013\u2014-]")


def country_mentions(gazetteer: Gazetteer, text: str) -> list[EntityMention]:
    """The states `gazetteer` finds in `text` (a header line, a list of issuers), in the order written."""
    return [e for e in gazetteer.tag(text) if e.kind is EntityKind.COUNTRY and e.code]


def opening_lines(text: str) -> list[str]:
    """The header lines, then the first sentence of the line after them: where a joint statement names
    its issuers ("The leaders of A, B and C issued the following statement today.")."""
    header = header_lines(text)
    for line in text.split("\n")[: HEADER_LINES + 2]:
        line = line.strip()
        if line and line not in header:
            return header + [re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]]
    return header


def _heading_rule(row: list[str], where: str, known: set[str]) -> _Rule:
    """One heading line of a language's issuers.tsv: the words that open the line, an issuer code or {country}."""
    kind, pattern, issuer = row
    if kind != "heading":
        raise RulesError(f"{where}: kind must be 'heading' or 'joint' in a language's issuers.tsv, not '{kind}'")
    if issuer not in known and issuer != _COUNTRY:
        raise RulesError(f"{where}: '{issuer}' is neither a country or organisation code nor {_COUNTRY}")
    if not pattern.replace(_COUNTRY, "").strip() or (_COUNTRY in pattern and not pattern.endswith(_COUNTRY)):
        raise RulesError(f"{where}: a heading needs words, and {_COUNTRY} only at its end")
    return _Rule(kind, pattern, issuer)


def _joint_pattern(pattern: str, issuer: str, where: str) -> re.Pattern[str]:
    """The regular expression of a joint line of issuers.tsv: "The * of {countries} issued the following"."""
    if issuer != _COUNTRIES or pattern.count(_COUNTRIES) != 1:
        raise RulesError(f"{where}: a joint pattern holds {_COUNTRIES} once and its issuer is {_COUNTRIES}")
    head, _, tail = pattern.partition(_COUNTRIES)

    def words(part: str) -> str:
        return r"\s+".join(re.escape(w).replace(r"\*", ".*?") for w in part.split())

    head_re = words(head) + (r"\s+" if head.endswith(" ") else "")
    tail_re = (r"\s+" if tail.startswith(" ") else "") + words(tail)
    return re.compile(f"{head_re}(?P<list>.+?){tail_re}" if tail.strip() else f"{head_re}(?P<list>.+)", re.IGNORECASE)


def find_issuer(article: Article) -> tuple[str, IssuerSource]:
    """The issuer of `article`: the one it carries (a reader's or the user's), else one found in it."""
    if article.issuer or article.issuer_source is IssuerSource.USER:
        return article.issuer, article.issuer_source
    return IssuerTable.default().find(article)
