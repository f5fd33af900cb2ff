"""Write a part of the countries set (data/countries_dev2, data/countries_dev3) from its annotated sources.

Usage: python benchmarks/build_countries_dev2.py [DIR]   (DIR: the part's folder, default data/countries_dev2)
A source is a header of `key: value` lines, a line `---`, then the article text with each dated mention
written in place as [[surface|value|countries|organizations|kinds|note]] (lists comma-separated, any
field after the value may be empty). This writes texts/<id>.txt (the text without the marks),
gold/<id>.json (offsets computed here, in the format of data/countries) and manifest.json into DIR, then
validates the part with countries_check.load_set.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from countries_check import load_set  # noqa: E402

DEV2 = HERE / "data" / "countries_dev2"
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]|]+)\|([^\]|]*)\|([^\]|]*)\|([^\]|]*)(?:\|([^\]]*))?\]\]")
HEADER_KEYS = ("id", "genre", "source", "issuer", "url", "published")


def _codes(field: str) -> list[str]:
    return [c.strip() for c in field.split(",") if c.strip()]


def build_one(path: Path) -> tuple[dict, str]:
    """The gold record and the plain text of one source file."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
    missing = [k for k in HEADER_KEYS if k not in meta]
    if missing:
        raise SystemExit(f"error: {path.name}: header lacks {', '.join(missing)}")
    body = body.strip("\n") + "\n"
    text, gold, at = [], [], 0
    for m in MARK.finditer(body):
        text.append(body[at:m.start()])
        start = sum(len(t) for t in text)
        surface, value, countries, orgs, kinds, note = m.groups()
        entry = {"start": start, "end": start + len(surface), "surface": surface, "value": value,
                 "countries": _codes(countries), "organizations": _codes(orgs),
                 "kinds": sorted(int(k) for k in _codes(kinds))}
        if note:
            entry["note"] = note.strip()
        gold.append(entry)
        text.append(surface)
        at = m.end()
    text.append(body[at:])
    plain = "".join(text)
    if "[[" in plain or "]]" in plain:
        raise SystemExit(f"error: {path.name}: a mark that does not parse near {plain[plain.find('[['):][:60]!r}")
    record = {"id": meta["id"], "title": plain.split("\n", 1)[0], "genre": meta["genre"], "source": meta["source"],
              "issuer": meta["issuer"], "url": meta["url"], "published": meta["published"],
              "file": f"texts/{meta['id']}.txt", "gold": gold}
    return record, plain


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    part = Path(args[0]).resolve() if args else DEV2
    entries = []
    for d in ("texts", "gold"):
        (part / d).mkdir(exist_ok=True)
    for path in sorted((part / "src").glob("*.txt")):
        record, plain = build_one(path)
        if record["id"] != path.stem:
            raise SystemExit(f"error: {path.name}: id {record['id']!r} differs from the file name")
        (part / "texts" / f"{record['id']}.txt").write_text(plain, encoding="utf-8")
        lines = ",\n  ".join(json.dumps(g, ensure_ascii=False) for g in record.pop("gold"))
        head = json.dumps(record, ensure_ascii=False, indent=1)[:-2]
        (part / "gold" / f"{record['id']}.json").write_text(f'{head},\n "gold": [\n  {lines}\n ]\n}}\n',
                                                            encoding="utf-8")
        entries.append({"id": record["id"], "genre": record["genre"], "heldout": False})
    manifest = {"texts": entries}
    (part / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    texts, problems = load_set(part)
    print("\n".join(problems) or f"{len(texts)} texts, {sum(len(t.mentions) for t in texts)} mentions, no problem")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
