"""The EXAMPLE lines of a one-word list in resources/merging ("# EXAMPLE: text => verdict"), as test cases."""

from __future__ import annotations

from timeline_app.paths import resource


def word_list_examples(file_name: str, yes: str) -> list[tuple[str, str, bool]]:
    """(file:line, text, whether the verdict is `yes`) for each EXAMPLE line of `file_name`."""
    path = resource("merging") / file_name
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# EXAMPLE:"):
            text, _, verdict = line[len("# EXAMPLE:"):].partition("=>")
            out.append((f"{path.name}:{no}", text.strip(), verdict.strip() == yes))
    return out
