"""A mixed folder (English, French, Arabic) in the real window: one import, a language filter, a language corrected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from timeline_app.gui.panels.article_model import COL_LANGUAGE
from tests.gui.conftest import LOAD_TIMEOUT, reloaded

FRENCH = ("Turquie et Syrie renouent\n\nLes ministres turc et syrien se sont réunis mercredi à Moscou. "
          "La Turquie avait rompu ses relations avec la Syrie en 2012.\n")
ENGLISH = ("Turkey and Syria resume talks\n\nThe foreign ministers of Turkey and Syria met on Wednesday in "
           "Moscow, their first meeting since relations broke down in 2012.\n")
ARABIC = ("تركيا وسوريا تستأنفان المحادثات\n\nاجتمع وزيرا خارجية تركيا وسوريا أمس الثلاثاء في موسكو، "
          "في أول لقاء منذ قطع العلاقات عام 2012.\n")


def test_a_mixed_folder_imports_in_one_go_and_filters_by_language(window, qtbot, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, text in (("2023-05-11_fr.txt", FRENCH), ("2023-05-11_en.txt", ENGLISH), ("2023-05-10_ar.txt", ARABIC)):
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.menus.open_folder_action.trigger()
    report = blocker.args[0]
    assert report.added == 3 and not report.skipped
    ids = {lang: int(aid) for aid, lang in zip(window.snapshot.articles["article_id"], window.snapshot.articles["language"])
           if lang in ("fr", "ar")}
    assert window.library_panel.row_texts(ids["ar"])[COL_LANGUAGE] == "ar"
    # The language filter keeps the events the Arabic article reports: Tuesday 9 May and 2012.
    window.filters.languages.item_for("ar").setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: all("ar" in str(v).split(";") for v in window.filtering.filtered_events()["language"]),
                    timeout=LOAD_TIMEOUT)
    assert {"2023-05-09", "2012"} <= set(window.filtering.filtered_events()["event_date"])
    window.filters.clear()

    # The French article said to be Spanish: read again with the Spanish rules, "mercredi" is no date.
    panel = window.library_panel
    panel.select_ids([ids["fr"]])
    with qtbot.waitSignal(window.job_finished, timeout=LOAD_TIMEOUT), reloaded(qtbot, window):
        panel.model.setData(panel.model.index_of(ids["fr"]).siblingAtColumn(COL_LANGUAGE), "es")
    qtbot.waitUntil(lambda: window.library_panel.row_texts(ids["fr"])[COL_LANGUAGE] == "es", timeout=LOAD_TIMEOUT)
    mentions = window.library.curated_mentions()
    french = mentions[mentions["article_id"] == ids["fr"]]
    assert "mercredi" not in set(french["date_text"]) and "2012" in set(french["date_text"])
