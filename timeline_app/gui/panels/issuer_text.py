"""How the Articles panel and the reader tell an article's issuer: its name, how it was found, how to change it."""

from __future__ import annotations

from html import escape

from timeline_app.core.extract.gazetteer import Gazetteer

ISSUER_SOURCES = {"user": "given by you", "url": "from the address", "metadata": "from the page's or feed's metadata",
                  "text": "from a header line of the text", "none": ""}


def issuer_tooltip(issuer: str, source: str) -> str:
    """Who issued the statement, how the app knows, and what that changes."""
    if not issuer:
        return "No issuer: news, or a statement whose government was not found. Ctrl+Shift+I sets one."
    how = ISSUER_SOURCES.get(source, "")
    return (f"Issued by {Gazetteer.default().display_name(issuer)} ({issuer})" + (f", {how}" if how else "")
            + ": \u201cwe\u201d and \u201cour\u201d in it stand for it. Ctrl+Shift+I changes it.")


def issuer_line(issuer: str, source: str) -> str:
    """The reader's line: "Issued by United States (from the address) · change", or "No issuer (news) · set one"."""
    if not issuer:
        return "<small>No issuer (news) · <a href='issuer'>set one</a></small>"
    how = ISSUER_SOURCES.get(source, "")
    name = escape(Gazetteer.default().display_name(issuer))
    return f"<small>Issued by <b>{name}</b>" + (f" ({how})" if how else "") + " · <a href='issuer'>change</a></small>"


def issuer_choices() -> list[tuple[str, str]]:
    """(code, label) of every issuer a user can pick: none first, then states and organisations by name."""
    gaz = Gazetteer.default()
    named = [(code, f"{name} ({code})") for code, name in {**gaz.countries(), **gaz.organizations()}.items()]
    return [("", "None (news)")] + sorted(named, key=lambda c: c[1].casefold())
