"""A library of N generated mentions written straight into SQLite, for benchmarks/library_open.py.

Nothing is extracted: events are drawn first (a date and its precision, two or three states, a
CAMEO code, a sentence), each reported by one to five articles' mentions (2.1 mentions an event
on average, as the generated corpus of tests/core/corpus.py gives), and the mentions are dealt to
articles of three to seven. Articles and mentions go in through the library's own INSERT statements
(core/library/rows.py); each mention is given its event as the merge would (machine event, event,
block, day numbers) and eventstore.refresh writes the events table, as the app does after an import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

from timeline_app.core.daycount import days_from_civil, format_day
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.library import eventstore
from timeline_app.core.library.rows import ARTICLE_FIELDS, INSERT_ARTICLE, INSERT_MENTION
from timeline_app.core.library.store import Library

# (ISO code, adjective, capital): 60 states, drawn with Zipf-like weights as news coverage is.
STATES = [
    ("USA", "American", "Washington"), ("CHN", "Chinese", "Beijing"), ("RUS", "Russian", "Moscow"),
    ("UKR", "Ukrainian", "Kyiv"), ("FRA", "French", "Paris"), ("DEU", "German", "Berlin"),
    ("GBR", "British", "London"), ("TUR", "Turkish", "Ankara"), ("IRN", "Iranian", "Tehran"),
    ("ISR", "Israeli", "Jerusalem"), ("IND", "Indian", "New Delhi"), ("JPN", "Japanese", "Tokyo"),
    ("SYR", "Syrian", "Damascus"), ("SAU", "Saudi", "Riyadh"), ("EGY", "Egyptian", "Cairo"),
    ("PAK", "Pakistani", "Islamabad"), ("KOR", "South Korean", "Seoul"), ("PRK", "North Korean", "Pyongyang"),
    ("BRA", "Brazilian", "Brasilia"), ("POL", "Polish", "Warsaw"), ("ITA", "Italian", "Rome"),
    ("QAT", "Qatari", "Doha"), ("ARE", "Emirati", "Abu Dhabi"), ("IRQ", "Iraqi", "Baghdad"),
    ("AFG", "Afghan", "Kabul"), ("MEX", "Mexican", "Mexico City"), ("CAN", "Canadian", "Ottawa"),
    ("AUS", "Australian", "Canberra"), ("ZAF", "South African", "Pretoria"), ("NGA", "Nigerian", "Abuja"),
    ("ETH", "Ethiopian", "Addis Ababa"), ("SDN", "Sudanese", "Khartoum"), ("KEN", "Kenyan", "Nairobi"),
    ("ESP", "Spanish", "Madrid"), ("GRC", "Greek", "Athens"), ("ARM", "Armenian", "Yerevan"),
    ("AZE", "Azerbaijani", "Baku"), ("GEO", "Georgian", "Tbilisi"), ("KAZ", "Kazakh", "Astana"),
    ("VNM", "Vietnamese", "Hanoi"), ("PHL", "Philippine", "Manila"), ("IDN", "Indonesian", "Jakarta"),
    ("THA", "Thai", "Bangkok"), ("MMR", "Myanmar", "Naypyidaw"), ("VEN", "Venezuelan", "Caracas"),
    ("COL", "Colombian", "Bogota"), ("ARG", "Argentine", "Buenos Aires"), ("CUB", "Cuban", "Havana"),
    ("LBN", "Lebanese", "Beirut"), ("JOR", "Jordanian", "Amman"), ("LBY", "Libyan", "Tripoli"),
    ("MAR", "Moroccan", "Rabat"), ("DZA", "Algerian", "Algiers"), ("SRB", "Serbian", "Belgrade"),
    ("HUN", "Hungarian", "Budapest"), ("SWE", "Swedish", "Stockholm"), ("FIN", "Finnish", "Helsinki"),
    ("NOR", "Norwegian", "Oslo"), ("NLD", "Dutch", "The Hague"), ("BEL", "Belgian", "Brussels"),
]
ORGANIZATIONS = ["UN", "NATO", "EU", "AU", "ASEAN", "OPEC", "IAEA", "WHO", "G7", "G20"]
# (CAMEO code, what the parties did): the verb phrases of the generated sentences.
ACTS = [
    ("040", "held talks on {topic}"), ("042", "made a visit to discuss {topic}"),
    ("043", "hosted a visit on {topic}"), ("036", "expressed intent to meet over {topic}"),
    ("051", "praised progress on {topic}"), ("057", "signed an agreement on {topic}"),
    ("061", "agreed to cooperate economically on {topic}"), ("0841", "returned detainees after talks on {topic}"),
    ("111", "criticized each other over {topic}"), ("112", "accused each other over {topic}"),
    ("163", "imposed sanctions over {topic}"), ("130", "threatened retaliation over {topic}"),
    ("172", "imposed administrative sanctions over {topic}"), ("190", "exchanged fire over {topic}"),
    ("020", "appealed for cooperation on {topic}"), ("030", "expressed intent to cooperate on {topic}"),
]
TOPICS = ["the border", "energy supplies", "grain exports", "a ceasefire", "prisoner exchanges", "trade tariffs",
          "the nuclear programme", "refugees", "water rights", "fishing quotas", "airspace", "a pipeline",
          "visa rules", "a peace plan", "military exercises", "debt relief", "a port lease", "election monitors"]
SAID = ["officials said", "a spokesperson said", "the foreign ministry said", "state media reported",
        "according to a joint statement", "diplomats said", "the two governments said"]
# (precision, share of events): most dates are days, as in news text.
PRECISIONS = [("day", 0.74), ("month", 0.12), ("year", 0.08), ("week", 0.04), ("since", 0.02)]
FIRST_DAY = days_from_civil(1995, 1, 1)
LAST_DAY = days_from_civil(2025, 12, 31)
REPORTS = [1] * 45 + [2] * 22 + [3] * 15 + [4] * 10 + [5] * 8  # mentions per event: mean 2.14


def _weights(n: int) -> list[float]:
    return [1.0 / (i + 1) ** 0.9 for i in range(n)]


class _Event:
    """One generated happening and what its reports say of it."""

    __slots__ = ("number", "start", "end", "precision", "value", "text", "states", "orgs", "code", "act",
                 "topic", "day")

    def __init__(self, number: int, rng: random.Random, cameo: CameoTable) -> None:
        self.number = number
        self.day = rng.randint(FIRST_DAY, LAST_DAY)
        kind = rng.choices([p for p, _ in PRECISIONS], [w for _, w in PRECISIONS])[0]
        y, m, d = (int(x) for x in format_day(self.day).split("-"))
        month_name = dt.date(2000, m, 1).strftime("%B")
        if kind == "day":
            self.start = self.end = self.day
            self.precision, self.value, self.text = "day", format_day(self.day), f"on {d} {month_name} {y}"
        elif kind == "week":
            self.start = self.day - (self.day + 3) % 7  # Monday
            self.end = self.start + 6
            iso = dt.date(y, m, d).isocalendar()
            self.precision, self.value = "week", f"{iso[0]}-W{iso[1]:02d}"
            self.text = f"in the week of {d} {month_name} {y}"
        elif kind == "month":
            self.start = days_from_civil(y, m, 1)
            self.end = days_from_civil(y + (m == 12), m % 12 + 1, 1) - 1
            self.precision, self.value, self.text = "month", f"{y}-{m:02d}", f"in {month_name} {y}"
        else:
            self.start, self.end = days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)
            self.precision, self.value = "year", str(y)
            self.text = f"since {y}" if kind == "since" else f"in {y}"
        states = rng.choices(range(len(STATES)), _weights(len(STATES)), k=rng.choice([1, 2, 2, 2, 3]))
        self.states = sorted({STATES[i][0] for i in states})
        self.orgs = sorted(rng.sample(ORGANIZATIONS, 1)) if rng.random() < 0.12 else []
        self.code, self.act = rng.choice(ACTS)
        self.topic = rng.choice(TOPICS)
        if self.code not in cameo.codes:
            raise ValueError(f"{self.code} is not a CAMEO code of resources/cameo")

    def sentence(self, rng: random.Random) -> str:
        """One report's sentence: the same act, said a little differently by each article."""
        names = [next(s for s in STATES if s[0] == c) for c in self.states]
        who = " and ".join(f"{adj} officials" if i == 0 else cap for i, (_c, adj, cap) in enumerate(names))
        org = f" at the {self.orgs[0]}" if self.orgs else ""
        return (f"{who[0].upper()}{who[1:]} {self.act.format(topic=self.topic)}{org} {self.text}, "
                f"{rng.choice(SAID)}.")


def _mentions(n: int, rng: random.Random, cameo: CameoTable) -> Iterator[tuple[_Event, int]]:
    """(event, report number) for n mentions, events in random order of their reports."""
    count, number = 0, 0
    while count < n:
        event = _Event(number, rng, cameo)
        for k in range(min(rng.choice(REPORTS), n - count)):
            yield event, k
            count += 1
        number += 1


def build(path: Path, n: int, seed: int = 15) -> None:
    """Write a library of `n` mentions to `path` (replaced if there)."""
    rng = random.Random(seed)
    cameo = CameoTable.default()
    pending = list(_mentions(n, rng, cameo))
    rng.shuffle(pending)  # the reports of one event end up in different articles
    path.unlink(missing_ok=True)
    Library(path).close()  # the schema, as the app creates it
    added_at = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc).isoformat(timespec="seconds")
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("PRAGMA synchronous = OFF")
        events: list[tuple] = []
        i, article = 0, 0
        while i < len(pending):
            chunk = pending[i:i + rng.randint(3, 7)]
            i += len(chunk)
            article += 1
            text, rows = _article(article, chunk, rng, cameo)
            published = format_day(max(e.end for e, _ in chunk) + rng.randint(0, 4))
            digest = hashlib.sha256(text.encode()).hexdigest()
            title = text.split("\n", 1)[0]
            fields = {"hash": digest, "title": title, "source": "Generated wire", "url": "", "byline": "",
                      "source_path": f"/generated/{article:07d}.txt", "fmt": "text", "published": published,
                      "published_source": "text", "text": text, "language": "en", "issuer": "",
                      "issuer_source": "none"}
            row = tuple(fields[name] for name in ARTICLE_FIELDS) + (added_at,)
            article_id = db.execute(INSERT_ARTICLE, row).lastrowid
            first = db.execute("SELECT coalesce(max(id), 0) FROM mentions").fetchone()[0] + 1
            db.executemany(INSERT_MENTION, [(article_id, *r) for r in rows])
            events.extend((f"ev-{e.number:016x}", f"blk-{e.number:016x}", e.start, e.end, first + j)
                          for j, (e, _k) in enumerate(chunk))
        db.executemany("UPDATE mentions SET machine_event = ?, event_id = ?, block = ?, start_day = ?, end_day = ?"
                       " WHERE id = ?", ((m, m, b, s, e, i) for m, b, s, e, i in events))
        eventstore.refresh(db, None)


def _article(number: int, chunk: list[tuple[_Event, int]], rng: random.Random,
             cameo: CameoTable) -> tuple[str, list[tuple]]:
    """An article's text (a title line, then one sentence per mention) and its mention rows."""
    first = chunk[0][0]
    capitals = [next(s[2] for s in STATES if s[0] == c) for c in first.states]
    title = f"{' and '.join(capitals)}: {first.topic}, report {number}"
    parts, rows, offset = [title, "\n\n"], [], len(title) + 2
    for event, _k in chunk:
        sentence = event.sentence(rng)
        at = sentence.index(event.text)
        date_text = event.text.split(" ", 1)[1] if event.text.startswith(("on ", "in ", "since ")) else event.text
        at += event.text.index(date_text)
        rows.append((offset + at, offset + at + len(date_text), date_text, event.value, format_day(event.start),
                     format_day(event.end), event.precision, "DATE", "", int(event.text.startswith("since")), 0,
                     ";".join(event.states), ";".join(event.orgs), event.states[0], cameo.root_name(event.code),
                     event.code, cameo.quad_class(event.code), sentence, sentence, offset, offset + len(sentence)))
        parts.append(sentence + " ")
        offset += len(sentence) + 1
    return "".join(parts), rows
