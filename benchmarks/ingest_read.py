"""Reading speed of the ingest readers: files per second for generated text files and HTML pages."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.core.ingest import read_inputs  # noqa: E402

COUNTRIES = ["Turkey", "Syria", "Russia", "Greece", "Finland", "Norway", "Japan", "Kenya", "Chile", "Estonia"]
VERBS = ["met", "held talks", "signed an agreement", "agreed to resume contacts", "exchanged notes"]
WHEN = ["on Wednesday", "last week", "in November", "since 2011", "next month", "earlier this year"]


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    return f"The foreign ministers of {a} and {b} {rng.choice(VERBS)} {rng.choice(WHEN)}, officials said."


def article_body(rng: random.Random, paragraphs: int = 6) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(4)) for _ in range(paragraphs)]


def write_text_files(folder: Path, count: int, rng: random.Random) -> None:
    start = dt.date(2019, 1, 1)
    for i in range(count):
        day = start + dt.timedelta(days=i % 2000)
        body = "\n\n".join(article_body(rng))
        text = f"Talks number {i}\nPublished: {day:%d %B %Y}\nBy Desk Writer\n\n{body}\n"
        (folder / f"{day:%Y-%m-%d}_{i:04d}.txt").write_text(text, encoding="utf-8")


def write_html_pages(folder: Path, count: int, rng: random.Random) -> None:
    start = dt.date(2019, 1, 1)
    for i in range(count):
        day = start + dt.timedelta(days=i % 2000)
        paragraphs = "".join(f"<p>{p}</p>" for p in article_body(rng))
        html = (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Talks {i} | Herald</title>"
            f"<meta property='article:published_time' content='{day.isoformat()}T08:00:00Z'>"
            f"<link rel='canonical' href='https://herald.example.org/{i}'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/archive'>Archive 1998</a></nav>"
            f"<article><h1>Talks {i}</h1>{paragraphs}</article>"
            "<aside><p>Most read: other stories</p></aside><footer>Copyright 2004 Herald</footer></body></html>"
        )
        (folder / f"page_{i:04d}.html").write_text(html, encoding="utf-8")


def measure(label: str, folder: Path, count: int) -> None:
    started = time.perf_counter()
    result = read_inputs([folder])
    elapsed = time.perf_counter() - started
    assert len(result.articles) == count and not result.skipped, result.summary()
    print(f"{label:<12} {count:>6} files  {elapsed:7.2f} s  {count / elapsed:9.1f} files/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000, help="files of each kind (default 1000)")
    args = parser.parse_args()
    rng = random.Random(20221228)
    with tempfile.TemporaryDirectory() as tmp:
        text_dir, html_dir = Path(tmp, "text"), Path(tmp, "html")
        text_dir.mkdir()
        html_dir.mkdir()
        write_text_files(text_dir, args.count, rng)
        write_html_pages(html_dir, args.count, rng)
        read_inputs([text_dir / sorted(p.name for p in text_dir.iterdir())[0]])  # warm up lazy imports
        read_inputs([html_dir / sorted(p.name for p in html_dir.iterdir())[0]])
        measure("text", text_dir, args.count)
        measure("html", html_dir, args.count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
