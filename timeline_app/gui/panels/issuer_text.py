"""How the Articles panel and the reader tell an article's issuer: its name, how it was found, how to change it."""

from __future__ import annotations

from html import escape

from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.models import LIST_SEPARATOR, issuer_codes

ISSUER_SOURCES = {"user": "given by you", "url": "from the address", "metadata": "from the page's or feed's metadata",
                  "text": "from a header line of the text", "none": ""}


def issuer_names(issuer: str) -> str:
    """The issuers' names: "United States", or a joint statement's "Australia, Japan and United States"."""
    gaz = Gazetteer.default()
    names = [gaz.display_name(code) for code in issuer_codes(issuer)]
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def issuer_tooltip(issuer: str, source: str) -> str:
    """Who issued the statement, how the app knows, and what that changes."""
    if not issuer:
        return "No issuer: news, or a statement whose government was not found. Ctrl+Shift+I sets one."
    how = ISSUER_SOURCES.get(source, "")
    joint = len(issuer_codes(issuer)) > 1
    return (f"Issued {'jointly ' if joint else ''}by {issuer_names(issuer)} ({issuer})" + (f", {how}" if how else "")
            + f": \u201cwe\u201d and \u201cour\u201d in it stand for {'each of them' if joint else 'it'}."
            " Ctrl+Shift+I changes it.")


def issuer_line(issuer: str, source: str) -> str:
    """The reader's line: "Issued by United States (from the address) · change", or "No issuer (news) · set one"."""
    if not issuer:
        return "<small>No issuer (news) · <a href='issuer'>set one</a></small>"
    how = ISSUER_SOURCES.get(source, "")
    joint = "jointly " if len(issuer_codes(issuer)) > 1 else ""
    name = escape(issuer_names(issuer))
    return f"<small>Issued {joint}by <b>{name}</b>" + (f" ({how})" if how else "") + " · <a href='issuer'>change</a></small>"


def parse_issuer(typed: str, choices: list[tuple[str, str]]) -> str | None:
    """The issuer cell of what the user typed or picked: one choice's label, or codes or names separated by
    ";" or "," ("AUS; Japan, USA" -> "AUS;JPN;USA"); None when a part names no state or organisation."""
    by_label = {label.casefold(): code for code, label in choices}
    if typed.strip().casefold() in by_label:
        return by_label[typed.strip().casefold()]
    gaz = Gazetteer.default()
    known = {code.casefold(): code for code, _label in choices if code}
    known.update({gaz.display_name(code).casefold(): code for code, _label in choices if code})
    codes = []
    for part in typed.replace(",", LIST_SEPARATOR).split(LIST_SEPARATOR):
        part = part.strip().casefold()
        if not part:
            continue
        if part not in known and part not in by_label:
            return None
        codes.append(known.get(part) or by_label[part])
    return LIST_SEPARATOR.join(dict.fromkeys(codes))


def issuer_choices() -> list[tuple[str, str]]:
    """(code, label) of every issuer a user can pick: none first, then states and organisations by name."""
    gaz = Gazetteer.default()
    named = [(code, f"{name} ({code})") for code, name in {**gaz.countries(), **gaz.organizations()}.items()]
    return [("", "None (news)")] + sorted(named, key=lambda c: c[1].casefold())
