"""The Reader's line of the other reports of an event: a few links, then "and N more"."""

from __future__ import annotations

from timeline_app.gui.panels.reader_sources import SHOWN_FIRST, OtherSources


def _links(label: OtherSources) -> list[str]:
    text = label.text()
    return [part.split('"', 1)[0] for part in text.split('href="')[1:]]


def test_many_reports_show_a_few_links_and_the_rest_on_demand(qtbot) -> None:
    label = OtherSources()
    qtbot.addWidget(label)
    sources = [(i, f"Report {i}") for i in range(1, 31)]
    label.set_sources(sources)
    assert _links(label) == [f"article:{i}" for i in range(1, SHOWN_FIRST + 1)] + ["more"]
    assert "30 other articles" in label.text() and f"and {30 - SHOWN_FIRST} more" in label.text()
    label.linkActivated.emit("more")
    assert _links(label) == [f"article:{i}" for i in range(1, 31)] + ["fewer"]
    with qtbot.waitSignal(label.source_requested) as asked:
        label.linkActivated.emit("article:17")
    assert asked.args == [17]
    label.linkActivated.emit("fewer")
    assert len(_links(label)) == SHOWN_FIRST + 1
    # The next event starts folded again.
    label.linkActivated.emit("more")
    label.set_sources(sources[:5])
    assert _links(label)[-1] == "more"


def test_a_few_reports_are_all_shown_and_none_hides_the_line(qtbot) -> None:
    label = OtherSources()
    qtbot.addWidget(label)
    label.show()
    label.set_sources([(4, "A <b>bold</b> title"), (5, "")])
    assert _links(label) == ["article:4", "article:5"]
    assert "&lt;b&gt;" in label.text() and "(untitled)" in label.text() and label.text().startswith("Also reported in: ")
    label.set_sources([])
    assert not label.isVisible()
