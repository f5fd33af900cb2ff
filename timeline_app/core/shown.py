"""Names from outside (file names, archive members, URLs) as messages show them: control characters escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

# C0 and C1 controls (newlines, ESC sequences that clear a terminal), and the Unicode marks that
# start a new line or turn the direction of the text around them ("Trojan source" names).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def shown(name: object) -> str:
    """`name` as text with each control character written as an escape ("\\n", "\\x1b", "\\u202e"),
    so that a file name cannot clear a terminal, forge a line of output or reverse what follows it.
    Names without one come back unchanged (backslashes included)."""
    text = str(name)
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def inputs_named(inputs: Sequence[str]) -> str:
    """One input by its name ("“news”" for a folder, "“talks.html”" for a file or an address), several
    by their count ("3 inputs"): "1 input" said nothing of a folder of 200 files."""
    if len(inputs) != 1:
        return f"{len(inputs):,} inputs"
    name = PurePath(inputs[0].rstrip("/\\")).name or inputs[0]
    return f"“{shown(name)}”"
