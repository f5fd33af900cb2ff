"""The gazetteer loads in a thread while an import's first article loads the language model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# A fresh process: the test process may have loaded the tables already. It records which thread
# built the default gazetteer and how many times.
_PROBE = r"""
import sys, threading
from timeline_app.core.batch import articles
from timeline_app.core.extract.gazetteer import Gazetteer

built = []
real = Gazetteer.__init__
def counted(self, *a, **k):
    built.append(threading.current_thread().name)
    real(self, *a, **k)
Gazetteer.__init__ = counted
if sys.argv[2] == "loaded":
    Gazetteer.default()
results = articles.read_and_process(sys.argv[1], None, frozenset())
print(type(results[0]).__name__, ",".join(built))
"""


@pytest.mark.parametrize(("mode", "expected"), [
    # The background thread and the first article both ask: built once, by the thread.
    ("fresh", ["ArticleRows", "gazetteer"]),
    # Loaded already (a worker process, a second import): no thread, not built again.
    ("loaded", ["ArticleRows", "MainThread"]),
])
def test_the_gazetteer_loads_once_in_its_thread(tmp_path: Path, mode: str, expected: list[str]) -> None:
    text = tmp_path / "talks.txt"
    text.write_text("Ministers of France and Germany met in Paris on 3 March 2021 and agreed on a new treaty.\n",
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _PROBE, str(text), mode], capture_output=True, text=True,
                         timeout=300, check=True)
    assert out.stdout.split() == expected
