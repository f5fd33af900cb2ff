"""The CAMEO code, verb and pattern tables derived from the icews code table and petrarch2's CAMEO.2.0.txt."""

from __future__ import annotations

import csv
import re
from pathlib import Path

CODES_HEADER = (
    "# code<TAB>root<TAB>name<TAB>goldstein<TAB>quad_class; from icews cameo-codes.csv (MIT)\n"
    '# goldstein: the conflict-cooperation weight of J. S. Goldstein, "A Conflict-Cooperation Scale for WEIS Events Data", '
    "Journal of Conflict Resolution 36(2), 1992: -10 (most conflictual) to +10, per CAMEO code as ICEWS assigns it; "
    "the Relations chart's net cooperation score sums it over events\n"
    "# quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"
)

FUNCTION_WORDS = {"at", "with", "to", "for", "by", "in", "on", "from", "of", "under", "over", "into", "a", "an", "the", "against", "about", "as", "and", "or", "back", "up", "out", "off", "down"}


def quad_class(code: str) -> int:
    root = int(code[:2])
    # GDELT codebook: 01-04 verbal cooperation, 05-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict
    return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


def build_codes(src: Path) -> list[tuple[str, str, str, str, int]]:
    rows = []
    with open(src / "cameo-codes.csv", encoding="cp1252", newline="") as f:
        for r in csv.DictReader(f):
            code = r["code"].strip()
            if not code.isdigit():
                continue
            name = r["name"].strip()
            name = name[:1].upper() + name[1:].lower() if name.isupper() else name
            rows.append((code, r["root_code"].strip().zfill(2), name, r["goldstein"].strip(), quad_class(code)))
    return rows


def _inflections(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if re.search(r"[^aeiou][aeiou][bdglmnprt]$", lemma):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _code_of(text: str) -> str:
    m = re.search(r"\[\s*(\d{2,4}|---)?\s*(?::\s*\d*)?\s*\]", text)
    return m.group(1) if m and m.group(1) and m.group(1) != "---" else ""


def build_verbs(src: Path) -> tuple[list, list]:
    lines = (src / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, set[str]] = {}
    cur_set = None
    verbs: set[tuple[str, str, str]] = set()
    patterns: set[tuple[str, str, str]] = set()
    block = None
    block_code = ""
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+(\[[^\]]*\])", line)
            if m:
                block, block_code = m.group(1).lower(), _code_of(m.group(2))
            cur_set = None
            continue
        if block is None:  # synonym sets before the first verb block
            if line.startswith("&"):
                cur_set = line.strip()[1:].rstrip("_").upper()
                synsets[cur_set] = set()
            elif line.startswith("+") and cur_set:
                words = line[1:].strip().rstrip("_").lower().split("_")
                synsets[cur_set].add(words[-1])
            continue
        if line.startswith("-"):
            body, code = line[1:], _code_of(line)
            if not code or "*" not in body:
                continue
            before, _, after = re.sub(r"\[[^\]]*\]", "", body).partition("*")
            if before.strip() or re.search(r"[$+^%<>|]", after):
                continue
            slots: list[str] = []
            for tok in re.findall(r"&?[A-Za-z][A-Za-z'-]*", after):
                if tok.startswith("&"):
                    members = synsets.get(tok[1:].upper().rstrip("_"))
                    if not members:
                        slots = []
                        break
                    slots.append("|".join(sorted(members)))
                else:
                    slots.append(tok.lower())
            if not slots or all(s in FUNCTION_WORDS for s in slots):
                continue
            patterns.add((block, " ".join(slots), code))
            continue
        if line.startswith("+") or "_" in line.split("{")[0].strip():
            continue  # multi-word verbs: their first word is already a verb of the block
        m = re.match(r"\s*([A-Za-z]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line)
        if not m:
            continue
        lemma = m.group(1).lower()
        code = _code_of(m.group(3)) if m.group(3) else block_code
        forms = _inflections(lemma)
        if m.group(2):
            forms |= {w.lower() for w in re.findall(r"[A-Za-z]+", m.group(2))}
        for f in forms:
            verbs.add((f, block, code))
    return sorted(verbs), sorted(patterns)


def known_code(code: str, known: set[str]) -> str:
    """The code itself when the code table has it, else its longest listed prefix (176 -> 17)."""
    while code and code not in known:
        code = code[:-1]
    return code if len(code) >= 2 else ""
