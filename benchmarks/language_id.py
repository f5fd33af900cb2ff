"""Language identification: py3langid and lingua compared on the evaluation texts, for accuracy and time.

Usage: python benchmarks/language_id.py [--snippet N]

Texts: every article of benchmarks/data/<lang>/ (fr, es, pt, de, ru, ar), with the folder's language
as the truth, and the English articles of resources/samples and benchmarks/data/countries and merge.
Each detector is run on the whole text and on its first N characters (--snippet, default 120: a
headline and a line, what a feed item or a short wire gives). Printed per detector: load time, peak
memory added by loading, accuracy on whole texts and on snippets, the errors, and ms per text.
"app" is what the app does (timeline_app.core.ingest.language.detect_language): the word lists of
resources/ingest/languages first, py3langid for the texts they leave open. A last line says how many
texts the lists told by themselves and whether they ever told one otherwise than py3langid does.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"


def texts() -> list[tuple[str, str, str]]:
    """(truth, name, text) of every evaluation text."""
    out = []
    for gold in sorted(DATA.glob("[a-z][a-z]/gold.json")):
        lang = json.loads(gold.read_text(encoding="utf-8"))["language"]
        for path in sorted(gold.parent.glob("*.txt")):
            out.append((lang, f"{lang}/{path.name}", path.read_text(encoding="utf-8")))
    english = [*sorted((ROOT / "resources" / "samples").glob("*.txt")), *sorted((DATA / "countries").rglob("*.txt")),
               *sorted((DATA / "merge").rglob("*.txt"))]
    out += [("en", f"en/{p.name}", p.read_text(encoding="utf-8")) for p in english if p.name != "README.md"]
    return out


def py3langid_detector() -> Callable[[str], str]:
    import py3langid

    return lambda text: py3langid.classify(text)[0]


def lingua_detector(low_accuracy: bool) -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else ""

    return detect


def app_detector() -> Callable[[str], str]:
    sys.path.insert(0, str(ROOT))
    from timeline_app.core.ingest.language import detect_language

    return detect_language


def lists_against_py3langid(items: list[tuple[str, str, str]], snippet: int) -> str:
    """How many texts (whole and snippets) the word lists tell alone, and where py3langid says otherwise."""
    sys.path.insert(0, str(ROOT))
    from timeline_app.core.ingest.evident import evident_language
    from timeline_app.core.ingest.language import _SAME_AS, _SAMPLE

    model = py3langid_detector()
    told, differ = 0, []
    for _lang, file, text in items:
        for label, cut in (("", _SAMPLE), (f" (first {snippet})", snippet)):
            listed = evident_language(text[:cut])
            if listed is None:
                continue
            told += 1
            got = model(text[:cut])
            if _SAME_AS.get(got, got) != listed:
                differ.append(f"{file}{label}: lists {listed}, py3langid {got}")
    return (f"word lists: told {told} of {2 * len(items)} texts and snippets alone; told otherwise than "
            f"py3langid: {len(differ)} {', '.join(differ)}")


DETECTORS = {
    "app": app_detector,
    "py3langid": py3langid_detector,
    "lingua (high accuracy)": lambda: lingua_detector(False),
    "lingua (low accuracy)": lambda: lingua_detector(True),
}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--snippet", type=int, default=120)
    ap.add_argument("detectors", nargs="*", default=list(DETECTORS))
    opts = ap.parse_args(argv)
    items = texts()
    counts: dict[str, int] = {}
    for lang, _, _ in items:
        counts[lang] = counts.get(lang, 0) + 1
    print(f"{len(items)} texts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for name in opts.detectors:
        before = peak_mb()
        t0 = time.perf_counter()
        detect = DETECTORS[name]()
        detect("warm up")
        load = time.perf_counter() - t0
        for label, cut in (("whole texts", None), (f"first {opts.snippet} chars", opts.snippet)):
            errors = []
            t0 = time.perf_counter()
            for lang, file, text in items:
                got = detect(text[:cut] if cut else text)
                if got != lang:
                    errors.append(f"{file}: {got}")
            per = (time.perf_counter() - t0) / len(items) * 1000
            right = len(items) - len(errors)
            print(f"{name:24} {label:20} accuracy {right}/{len(items)} = {right / len(items):.3f}  "
                  f"{per:6.2f} ms/text  errors: {', '.join(errors) or '-'}")
        print(f"{name:24} load {load:.2f} s, peak memory +{peak_mb() - before:.0f} MB")
        sys.stdout.flush()
    print(lists_against_py3langid(items, opts.snippet))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
