"""Visible text of HTML that no parsed tree holds whole (nested past the parser's depth): one linear pass over the tags."""

from __future__ import annotations

import html
import re

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
# Content that is never read: comments, scripts and styles run to their end (to the end of the page
# when there is none, as in a browser); the other elements, page chrome included, to their end tag
# when there is one.
_HIDDEN_NAMES = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav", "footer", "aside",
                 "form")
_HIDDEN = re.compile(r"<!--|<(" + "|".join(_HIDDEN_NAMES) + r")\b", re.I)
_RAW_TEXT = frozenset({"script", "style"})
# "[^<>]*" stops at the next "<": a "<" never closed costs the distance to the next one, so the pass
# stays linear whatever the page holds.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|<[!?/][^<>]*>")


def _without_hidden(markup: str) -> str:
    """`markup` without comments and the elements whose content is never read, in one pass: each end
    looked for is known to exist (its last occurrence is after the start) before it is searched for."""
    lower = markup.lower()
    last_end = {name: lower.rfind(f"</{name}") for name in _HIDDEN_NAMES}
    last_end[""] = markup.rfind("-->")
    parts: list[str] = []
    pos = 0
    while (m := _HIDDEN.search(markup, pos)) is not None:
        name = (m.group(1) or "").lower()
        if last_end[name] < m.end():  # never closed
            if not name or name in _RAW_TEXT:
                parts.append(markup[pos:m.start()])
                return "".join(parts)
            parts.append(markup[pos:m.end()])  # only the tag goes, with the other tags
            pos = m.end()
            continue
        parts.append(markup[pos:m.start()])
        if name:
            end = lower.find(f"</{name}", m.end())
            pos = markup.find(">", end) + 1 or len(markup)
        else:
            pos = markup.find("-->", m.end()) + 3
    parts.append(markup[pos:])
    return "".join(parts)


def markup_text(markup: str) -> str:
    """The visible text of an HTML document or fragment, a line break at each block element."""

    def tag(m: re.Match[str]) -> str:
        name = m.group(2)
        return "\n" if name and name.lower() in BLOCK_TAGS else ""

    return html.unescape(_TAG.sub(tag, _without_hidden(markup)))
