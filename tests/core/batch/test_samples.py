"""The samples' stored rows: used only when stored for the same resources and code, safe when damaged or unwritable."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.fresh import loaded_after
from timeline_app import paths as app_paths
from timeline_app.core.batch import articles, samples
from timeline_app.core.batch.pools import SAMPLES, worker_pool
from timeline_app.core.batch.results import ArticleRows
from timeline_app.core.library import rows

ARTICLE = tuple(f"cell {i}" for i in range(len(rows.ARTICLE_FIELDS)))
MENTION = tuple(range(len(rows.MENTION_FIELDS)))


def _trees(tmp_path: Path) -> tuple[Path, Path]:
    """A small resources/ and package, as key() reads them."""
    resources, package = tmp_path / "resources", tmp_path / "timeline_app"
    for path, text in ((resources / "gazetteer" / "countries.tsv", "FRA\tFrance\n"),
                       (resources / "samples" / "a.txt", "Paris, 2 March 2024.\n"),
                       (resources / "icons" / "app.svg", "<svg/>"),
                       (package / "core" / "rules.py", "RULE = 1\n"),
                       (package / "core" / "notes.txt", "not code\n")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return resources, package


def test_the_key_changes_with_a_resource_or_the_code_and_with_nothing_else(tmp_path: Path) -> None:
    resources, package = _trees(tmp_path)
    first = samples.key(resources, package)
    # What no extraction reads leaves it as it was: the icons, the stored rows, files that are not code.
    (resources / "icons" / "app.svg").write_text("<svg></svg>", encoding="utf-8")
    (resources / "samples" / samples.FILE_NAME).write_text("{}", encoding="utf-8")
    (package / "core" / "notes.txt").write_text("other notes\n", encoding="utf-8")
    assert samples.key(resources, package) == first
    (resources / "gazetteer" / "countries.tsv").write_text("FRA\tFrench Republic\n", encoding="utf-8")
    changed = samples.key(resources, package)
    assert changed != first
    (package / "core" / "rules.py").write_text("RULE = 2\n", encoding="utf-8")
    assert samples.key(resources, package) not in (first, changed)
    (resources / "gazetteer" / "countries.tsv").rename(resources / "gazetteer" / "states.tsv")  # a name too
    assert samples.key(resources, package) != changed


def _frozen(tmp_path: Path, package: Path) -> Path:
    """The package as a PyInstaller bundle holds it: compiled modules, no source."""
    frozen = tmp_path / "bundle" / "timeline_app"
    for source in package.rglob("*.py"):
        compiled = frozen / source.relative_to(package).with_suffix(".pyc")
        compiled.parent.mkdir(parents=True, exist_ok=True)
        compiled.write_bytes(b"compiled " + source.read_bytes())
    return frozen


def test_an_app_frozen_without_its_source_takes_the_code_digest_its_stored_rows_were_built_with(tmp_path) -> None:
    resources, package = _trees(tmp_path)
    code, stored_key = samples.code_digest(package), samples.key(resources, package)
    built = tmp_path / samples.FILE_NAME  # as the bundle's build stores them, from the source it bundles
    assert samples.save(built, {"a.txt": [ArticleRows(ARTICLE, [MENTION])]}, stored_key, code)
    frozen = _frozen(tmp_path, package)
    assert samples.code_digest(frozen, built) == code
    assert samples.decode(built.read_text(encoding="utf-8"),
                          samples.key(resources, code=samples.code_digest(frozen, built))) is not None
    assert samples.code_digest(frozen, tmp_path / "none.json") == ""  # no stored rows: nothing to go by
    (resources / "gazetteer" / "countries.tsv").write_text("FRA\tFrench Republic\n", encoding="utf-8")
    assert samples.key(resources, code=samples.code_digest(frozen, built)) != stored_key  # other resources


def test_a_package_with_its_source_keys_its_own_code_not_what_stored_rows_record(tmp_path) -> None:
    resources, package = _trees(tmp_path)
    built = tmp_path / samples.FILE_NAME
    assert samples.save(built, {"a.txt": [ArticleRows(ARTICLE, [MENTION])]}, "k", "the code of another build")
    assert samples.code_digest(package, built) not in ("the code of another build", "")
    damaged = tmp_path / "damaged.json"
    damaged.write_text('["not", "an", "object"]', encoding="utf-8")
    assert samples.code_digest(_frozen(tmp_path, package), damaged) == ""


def test_stored_rows_come_back_as_a_worker_made_them_for_their_key_only() -> None:
    made = {"a.txt": [ArticleRows(ARTICLE, [MENTION, MENTION])]}
    text = samples.encode(made, "k1")
    back = samples.decode(text, "k1")
    assert back is not None
    rows_back = back["a.txt"][0]
    assert rows_back.mentions == [MENTION, MENTION] and rows_back.article[rows.TITLE] == ARTICLE[rows.TITLE]
    assert rows_back.source_path == ""  # the path is the one given when they are handed back
    assert samples.decode(text, "k2") is None  # other resources or code


@pytest.mark.parametrize("text", ["", "{not json", "[]", '{"format": 1, "key": "k1"}',
                                  '{"format": 1, "key": "k1", "samples": {"a.txt": [[["too", "short"], []]]}}',
                                  '{"format": 1, "key": "k1", "samples": {"a.txt": 3}}'])
def test_a_damaged_or_foreign_file_is_not_used(text: str) -> None:
    assert samples.decode(text, "k1") is None


def test_a_cell_that_is_not_a_number_or_text_is_not_used() -> None:
    stored = json.loads(samples.encode({"a.txt": [ArticleRows(ARTICLE, [MENTION])]}, "k1"))
    assert samples.decode(json.dumps(stored), "k1") is not None
    stored["samples"]["a.txt"][0][1][0][3] = {"a": 1}
    assert samples.decode(json.dumps(stored), "k1") is None


def test_load_skips_a_damaged_cache_and_save_fails_quietly_where_it_cannot_write(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(samples, "prebuilt_file", lambda: tmp_path / "none.json")
    made = {"a.txt": [ArticleRows(ARTICLE, [MENTION])]}
    assert samples.save(samples.cache_file(), made, "k1")
    assert samples.load(["a.txt"], "k1") is not None
    assert samples.load(["a.txt", "b.txt"], "k1") is None  # a sample it does not hold
    samples.cache_file().write_bytes(b"\xff\x00 half written")
    assert samples.load(["a.txt"], "k1") is None
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        assert not samples.save(locked / samples.FILE_NAME, made, "k1")
    blocked = tmp_path / "a-file"
    blocked.touch()
    assert not samples.save(blocked / samples.FILE_NAME, made, "k1")  # its folder is a file
    assert list(tmp_path.glob("cache/.sample-rows-*")) == []  # nothing half written left behind


def _pool_rows(paths: list[str]) -> list[list]:
    """The samples through a first start's worker, as the window's import takes them."""
    pool = worker_pool(1, None, frozenset(), serving=SAMPLES)
    pool.start(first=paths)
    out: dict[str, list] = {p: [] for p in paths}
    for path, items, _done in pool.run([paths]):
        out[path].extend(items)
    return [out[p] for p in paths]


def test_a_first_starts_worker_hands_back_stored_rows_only_when_they_fit(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    assert not samples.prebuilt_file().exists()  # a checkout carries none: the wheel's build makes it
    paths = [str(p) for p in app_paths.sample_paths()]
    articles.load_tables()
    made = [list(articles.iter_results(p, None, frozenset())) for p in paths]
    # No stored rows: the worker processes the samples, and stores them for the next first start.
    assert _pool_rows(paths) == made
    assert samples.load([Path(p).name for p in paths], samples.key()) is not None
    # Stored rows that fit are handed back as they were stored (a title changed here shows it), with
    # the path given; stored for other resources or code, they are not.
    stored = json.loads(samples.cache_file().read_text(encoding="utf-8"))
    for results in stored["samples"].values():
        results[0][0][rows.TITLE] = "stored"
    samples.cache_file().write_text(json.dumps(stored), encoding="utf-8")
    handed = _pool_rows(paths)
    assert [r[0].title for r in handed] == ["stored"] * len(paths) and [r[0].source_path for r in handed] == paths
    assert [r[0].mentions for r in handed] == [r[0].mentions for r in made]
    stored["key"] = "other resources"
    samples.cache_file().write_text(json.dumps(stored), encoding="utf-8")
    assert _pool_rows(paths) == made


def test_a_worker_handing_back_stored_rows_imports_no_extraction(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    names = [p.name for p in app_paths.sample_paths()]
    samples.save(samples.cache_file(), {name: [ArticleRows(ARTICLE, [MENTION])] for name in names}, samples.key())
    code = ("from timeline_app.core.batch import samples\nfrom timeline_app.paths import sample_paths\n"
            "samples.set_known(frozenset())\n"
            "print(sum(len(list(samples.iter_results(str(p), None))) for p in sample_paths()))")
    extraction = ("timeline_app.core.batch.articles", "timeline_app.core.extract.gazetteer", "dateparser")
    assert loaded_after(code, extraction) == (str(len(names)), [])
    samples.cache_file().write_text("damaged", encoding="utf-8")  # then the tables load, as before
    start = "from timeline_app.core.batch import samples\nsamples.set_known(frozenset())"
    assert set(extraction[:2]) <= set(loaded_after(start, extraction)[1])
