"""A worker's start-up: the tables loaded once, with the cyclic collector left as it was found."""

from __future__ import annotations

import gc

from tests.fresh import loaded_after
from timeline_app.core.batch import articles
from timeline_app.core.extract.gazetteer import Gazetteer


def test_loading_the_tables_pauses_the_collector_and_gives_it_back_as_it_was(monkeypatch) -> None:
    seen: list[bool] = []
    default = Gazetteer.default.__func__
    monkeypatch.setattr(Gazetteer, "default", classmethod(lambda cls: seen.append(gc.isenabled()) or default(cls)))
    was = gc.isenabled()
    try:
        gc.enable()
        articles.load_tables()
        assert seen == [False] and gc.isenabled()
        gc.disable()  # as the window keeps it (its own collector runs in the GUI thread)
        articles.load_tables()
        assert seen == [False, False] and not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_a_worker_reads_and_processes_an_article_without_numpy_or_pandas() -> None:
    # Their imports (0.1-0.5 s) would be paid by every worker process, the samples' one at a first start too.
    code = ("from timeline_app.core.batch import articles\nfrom timeline_app.core.ingest import sample_paths\n"
            "articles.load_tables()\nprint(len(list(articles.iter_results(str(sample_paths()[0]), None, frozenset()))))")
    assert loaded_after(code, ("numpy", "pandas", "PySide6")) == ("1", [])


def test_a_worker_freezes_its_tables_and_an_in_process_load_does_not() -> None:
    code = ("import gc\nfrom timeline_app.core.batch import articles\narticles.load_tables()\n"
            "alone = gc.get_freeze_count()\narticles.set_known(frozenset())\nprint(alone, gc.get_freeze_count() > 100_000)")
    assert loaded_after(code, ()) == ("0 True", [])


_SAMPLE_ROWS = ("from timeline_app.core.batch import articles\nfrom timeline_app.core.ingest import sample_paths\n"
                "articles.set_known(frozenset())\n{warm}\n"
                "print(repr([list(articles.iter_results(str(p), None)) for p in sample_paths()]))")


def test_the_warm_up_loads_dateparser_and_compiles_every_english_rule_without_changing_a_result() -> None:
    warm = ("from timeline_app.core.temporal import default_rules\nsteps = len(list(articles.warm_up()))\n"
            "assert all(r.compiled is not None for r in default_rules().rules), 'a rule not compiled'\n"
            "assert steps > 2\nimport sys\nassert 'dateparser.date' in sys.modules")
    cold = loaded_after(_SAMPLE_ROWS.format(warm=""), ())
    warmed = loaded_after(_SAMPLE_ROWS.format(warm=warm), ())
    assert warmed == cold and "ArticleRows" in cold[0]
    # Without it the first article compiles only the rules it tries, and dateparser loads with the first date.
    assert loaded_after("from timeline_app.core.batch import articles\narticles.set_known(frozenset())",
                        ("dateparser.date",)) == ("", [])
