"""The batch command line, run as a user runs it: python main.py ..."""

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq

from tests.fresh import loaded_after
from timeline_app import commands
from timeline_app.core.library.store import Library

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_help_explains_every_command():
    out = run("--help")
    assert out.returncode == 0
    for word in ("extract", "export", "--library", "--published"):
        assert word in out.stdout
    assert "--mentions-csv" in run("extract", "--help").stdout
    assert "--timelinejs" in run("export", "--help").stdout


def test_the_command_line_starts_without_what_only_the_batch_commands_need():
    # A worker process the window starts imports the entry point's module again: it must stay light.
    heavy = ("pandas", "timeline_app.commands", "timeline_app.core.pipeline", "timeline_app.core.batch.articles")
    assert loaded_after("import timeline_app.cli", heavy) == ("", [])


def test_batch_commands_do_not_load_qt(tmp_path):
    code = (
        "import sys\n"
        "from timeline_app.cli import main\n"
        f"main(['extract', {str(ARTICLES / '2023-03-15_border_talks.txt')!r}, '--library', {str(tmp_path / 'l.sqlite3')!r},"
        " '--workers', '1', '-q'])\n"
        f"main(['export', '--library', {str(tmp_path / 'l.sqlite3')!r}, '--csv', {str(tmp_path / 'e.csv')!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'timeline_app.gui'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "e.csv").exists()
    assert out.stdout.strip() == "[]"


def test_extract_writes_mentions_and_events(tmp_path):
    mentions, events = tmp_path / "m.csv", tmp_path / "e.csv"
    out = run("extract", str(ARTICLES / "2023-03-15_border_talks.txt"), "--mentions-csv", str(mentions),
              "--csv", str(events), "--workers", "1")
    assert out.returncode == 0, out.stderr
    m = rows(mentions)
    assert not mentions.read_bytes().startswith(b"\xef\xbb\xbf")
    wed = [r for r in m if r["date_text"] == "Wednesday"]
    assert wed and wed[0]["date_value"] == "2023-03-15" and wed[0]["date_precision"] == "day"
    for col in ("event_id", "source_path", "article_title", "publication_date", "date_start", "date_end",
                "char_start", "char_end", "countries", "evidence"):
        assert col in m[0]
    e = rows(events)
    assert any(r["event_date"] == "2023-03-15" and "ARM" in r["countries"] for r in e)


def test_extract_exit_status_and_reasons(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ARTICLES / "2023-03-15_border_talks.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    out = run("extract", str(folder), "--mentions-csv", str(tmp_path / "m.csv"), "--workers", "1")
    assert out.returncode == 2
    assert "empty.txt" in out.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    assert run("extract", str(bad), "--workers", "1").returncode == 1


def test_extract_names_articles_without_a_date(tmp_path):
    out = run("extract", str(ARTICLES / "no_date_here.txt"), "--workers", "1")
    assert out.returncode == 0
    assert "no publication date" in out.stderr and "no_date_here.txt" in out.stderr


def test_export_filters_by_country(tmp_path):
    lib = tmp_path / "lib.sqlite3"
    assert run("extract", str(ARTICLES), "--library", str(lib), "--published", "2024-05-08",
               "--workers", "1").returncode == 0
    out = run("export", "--library", str(lib), "--csv", str(tmp_path / "e.csv"), "--country", "FRA",
              "--country", "DEU", "--match", "all", "--timelinejs", str(tmp_path / "t.json"),
              "--jsonl", str(tmp_path / "e.jsonl"))
    assert out.returncode == 0, out.stderr
    e = rows(tmp_path / "e.csv")
    assert e and all({"FRA", "DEU"} <= set(r["countries"].split(";")) for r in e)
    doc = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert len(doc["events"]) == len(e)
    assert len((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()) == len(e)
    nothing = run("export", "--library", str(lib))
    assert nothing.returncode == 1
    assert "--csv, --mentions-csv, --timelinejs, --jsonl, --xlsx, --relations or --image" in nothing.stderr
    assert run("export", "--library", str(tmp_path / "missing.sqlite3"), "--csv", "x.csv").returncode == 1


def test_extract_streams_parquet(tmp_path):
    out = run("extract", str(ARTICLES / "2023-03-15_border_talks.txt"), "--parquet", str(tmp_path / "pq"),
              "--mentions-csv", str(tmp_path / "m.csv"), "--workers", "1")
    assert out.returncode == 0, out.stderr
    assert pq.read_table(tmp_path / "pq" / "mentions.parquet").num_rows == len(rows(tmp_path / "m.csv"))


def test_extract_mixed_folder(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "page.html").write_text(
        "<!doctype html><html><head><title>Ministers meet</title>"
        '<meta property="article:published_time" content="2023-06-14T09:00:00Z"></head><body>'
        "<nav>Archive 1998</nav><article><h1>Ministers meet</h1>"
        "<p>The foreign ministers of Peru and Ecuador met in Lima on Monday to discuss the border.</p>"
        "<p>They last met in March, officials said.</p></article>"
        "<footer>Copyright 2004 Example News</footer></body></html>", encoding="utf-8")
    (folder / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Talks in Oslo</title><pubDate>Fri, 10 Mar 2023 08:00:00 GMT</pubDate>"
        "<description>Norway and Sweden held talks on Tuesday.</description></item>"
        "<item><title>Visit to Riga</title><pubDate>Mon, 02 Oct 2023 08:00:00 GMT</pubDate>"
        "<description>The Latvian president visited Estonia last week.</description></item>"
        "</channel></rss>", encoding="utf-8")
    (folder / "dump.jsonl").write_text(
        '{"title": "Accord signed", "published": "2022-05-20", "text": "Chad and Niger signed an accord on Thursday."}\n'
        '{"title": "broken", "text": \n'
        '{"title": "Envoys", "date": "2021-01-15", "body": "Japan recalled its envoy to Peru in 2019."}\n',
        encoding="utf-8")
    (folder / "2020-09-09_zurich.txt").write_bytes(
        "Talks in Zürich\n\nSwiss and Austrian ministers met in Zürich on Monday.\n".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 8)
    out = run("extract", str(folder), "--mentions-csv", str(tmp_path / "m.csv"), "--workers", "1")
    assert out.returncode == 2, out.stderr
    for name in ("empty.txt", "blob.bin", "dump.jsonl:2"):
        assert name in out.stderr
    values = {(r["article_title"], r["date_text"]): r["date_value"] for r in rows(tmp_path / "m.csv")}
    assert values[("Ministers meet", "Monday")] == "2023-06-12"
    assert values[("Ministers meet", "March")] == "2023-03"
    assert values[("Talks in Oslo", "Tuesday")] == "2023-03-07"
    assert values[("Visit to Riga", "last week")] == "2023-W39"
    assert values[("Accord signed", "Thursday")] == "2022-05-19"
    assert values[("Envoys", "2019")] == "2019"
    assert values[("Talks in Zürich", "Monday")] == "2020-09-07"
    assert not any(text in ("1998", "2004") for _, text in values)


def test_exports_carry_the_users_corrections(tmp_path):
    lib = tmp_path / "lib.sqlite3"
    assert run("extract", str(ARTICLES / "2023-03-15_border_talks.txt"), "--library", str(lib),
               "--workers", "1").returncode == 0
    with Library(lib) as library:
        events = library.events_frame()
        wed = events[events["date_text"] == "Wednesday"].iloc[0]
        library.add_edit(wed.event_key, "countries", wed.countries, "ARM;AZE;CHE")
        library.add_edit(wed.event_key, "verified", "0", "1")
        gone = events[events["date_text"] == "2021"].iloc[0]
        library.add_edit(gone.event_key, "deleted", "0", "1")
    out = run("export", "--library", str(lib), "--csv", str(tmp_path / "e.csv"),
              "--mentions-csv", str(tmp_path / "m.csv"))
    assert out.returncode == 0, out.stderr
    e = {r["event_id"]: r for r in rows(tmp_path / "e.csv")}
    assert e[wed.event_id]["countries"] == "ARM;AZE;CHE"
    assert e[wed.event_id]["verified"] == "True" and e[wed.event_id]["origin"] == "edited: countries"
    assert gone.event_id not in e
    m = [r for r in rows(tmp_path / "m.csv") if r["event_id"] == wed.event_id]
    assert m and all(r["countries"] == "ARM;AZE;CHE" for r in m)
    assert not any(r["date_text"] == "2021" for r in rows(tmp_path / "m.csv"))


def test_progress_line_is_quiet_off_a_terminal_and_redrawn_sparingly_on_one(monkeypatch):

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, drawn in ((io.StringIO(), False), (Terminal(), True)):
        monkeypatch.setattr(sys, "stderr", stream)
        line = commands.ProgressLine(enabled=True)
        for done in range(1, 2001):
            line(done, 2000, f"file{done}.txt")
        out = stream.getvalue()
        assert bool(out) == drawn
    assert out.count("\r") < 100  # not one redraw per input
    assert "2000/2000 inputs" in out and out.endswith("\n")


def test_file_names_with_control_characters_are_escaped_on_stderr(tmp_path):
    # "\x1b[2J" in a skipped file's name cleared the terminal; a newline forged a line (#18, item 16).
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\x1b[2Jbinary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "b\nskipped: forged.txt").write_text("", encoding="utf-8")
    (folder / "c\x1b]0;title\x07.md").write_text("---\ndate: 2022-02-30\n---\nChile and Peru met on Monday.\n",
                                                  encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(folder), "--workers", "1", "-q"],
                         capture_output=True, text=True)
    assert run.returncode == 2, run.stderr
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    lines = run.stderr.splitlines()
    assert not any(line.startswith("skipped: forged") for line in lines)
    assert any(line.startswith("skipped: ") and line.endswith("b\\nskipped: forged.txt: empty file") for line in lines)
    assert any("a\\x1b[2Jbinary.txt: binary file" in line for line in lines)
    assert any(line.startswith("WARNING") and "c\\x1b]0;title\\x07.md" in line for line in lines)  # a log line
    assert any(line.startswith("no publication date: ") and "c\\x1b]0;title\\x07.md" in line for line in lines)


def test_export_relations_writes_what_the_dock_charts(tmp_path):
    lib = tmp_path / "lib.sqlite3"
    corpus = ROOT / "tests" / "data" / "gui_corpus"
    assert run("extract", str(corpus), "--library", str(lib), "--workers", "1").returncode == 0
    target = tmp_path / "relations.csv"
    out = run("export", "--library", str(lib), "--relations", str(target), "--country", "TUR", "--country", "SYR",
              "--by", "month")
    assert out.returncode == 0, out.stderr
    r = rows(target)
    assert list(r[0]) == ["period", "country_a", "country_b", "quad_class", "events", "score", "reports", "first_date",
                          "last_date", "any_uncertain"]
    assert {(x["country_a"], x["country_b"]) for x in r} == {("TUR", "SYR")}
    # The events of both countries, each once, by the month holding their dates: compare with the events CSV.
    run("export", "--library", str(lib), "--csv", str(tmp_path / "e.csv"), "--country", "TUR", "--country", "SYR",
        "--match", "all")
    events = rows(tmp_path / "e.csv")
    in_a_month = [e for e in events if e["date_start"][:7] == e["date_end"][:7]]
    assert sum(int(x["events"]) for x in r) == len(in_a_month) < len(events)
    assert f"left out: {len(events) - len(in_a_month)} dated more loosely than a month" in out.stderr
    june = {x["quad_class"]: int(x["events"]) for x in r if x["period"] == "2023-06"}
    assert sum(june.values()) == sum(1 for e in in_a_month if e["date_start"].startswith("2023-06"))
    assert run("export", "--library", str(lib), "--relations", str(target)).returncode == 1
    by_year = run("export", "--library", str(lib), "--relations", str(target), "--country", "TUR", "--by", "year")
    assert by_year.returncode == 0 and {x["period"] for x in rows(target)} >= {"2012", "2023"}


def test_an_uncertain_date_is_marked_in_every_export(tmp_path):
    # "next Friday" told on Wednesday 15 May 2024: the 17th or the 24th, two readings.
    told = tmp_path / "friday.txt"
    told.write_text("Japan and India to meet\n\nJapan and India will hold talks on trade next Friday, officials in "
                    "Tokyo said.\n", encoding="utf-8")
    certain = tmp_path / "accord.txt"
    certain.write_text("Accord signed\n\nKenya and Egypt signed a water accord on 3 May 2024 in Cairo.\n",
                       encoding="utf-8")
    lib = tmp_path / "lib.sqlite3"
    out = run("extract", str(told), str(certain), "--published", "2024-05-15", "--library", str(lib),
              "--csv", str(tmp_path / "e.csv"), "--mentions-csv", str(tmp_path / "m.csv"), "--workers", "1")
    assert out.returncode == 0, out.stderr
    mods = {r["date_text"]: r["date_mod"] for r in rows(tmp_path / "e.csv")}
    assert mods == {"next Friday": "APPROX", "3 May 2024": ""}
    assert {r["date_text"]: r["date_mod"] for r in rows(tmp_path / "m.csv")} == mods
    out = run("export", "--library", str(lib), "--uncertain-only", "--csv", str(tmp_path / "u.csv"),
              "--timelinejs", str(tmp_path / "u.json"), "--jsonl", str(tmp_path / "u.jsonl"),
              "--xlsx", str(tmp_path / "u.xlsx"))
    assert out.returncode == 0, out.stderr
    assert [r["date_mod"] for r in rows(tmp_path / "u.csv")] == ["APPROX"]
    slide = json.loads((tmp_path / "u.json").read_text(encoding="utf-8"))["events"][0]
    assert slide["date_mod"] == "APPROX" and "≈" in slide["start_date"]["display_date"]
    assert [json.loads(line)["date_mod"] for line in (tmp_path / "u.jsonl").read_text(encoding="utf-8").splitlines()
            ] == ["APPROX"]
    sheet = openpyxl.load_workbook(tmp_path / "u.xlsx").active
    header = [c.value for c in sheet[1]]
    assert [r[header.index("date_mod")] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["APPROX"]
