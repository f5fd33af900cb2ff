"""Wheel build hook: the bundled samples processed once, their rows carried in the wheel for a first start (timeline_app/core/batch/samples.py), and the merge rules' stamp (core/library/rulestamp.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Where the package looks for them: its resources/samples/ (samples.prebuilt_file()).
IN_WHEEL = "timeline_app/resources/samples/sample-rows.json"
BUILD = "import sys, pathlib; from timeline_app.core.batch.samples import build; build(pathlib.Path(sys.argv[1]))"
# The code's part of the merge rules' stamp, read from the source once here: a first start need not.
STAMP_IN_WHEEL = "timeline_app/core/library/rulestamp.json"
STAMP = "import sys, pathlib; from timeline_app.core.library.rulestamp import build; build(pathlib.Path(sys.argv[1]))"


class SampleRowsHook(BuildHookInterface):
    """Reads the merge rules' code for their stamp and runs the checkout's extraction on the samples with
    this Python; a wheel built where the app's dependencies are missing (an isolated build) goes without,
    and its first start does both."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._folder = tempfile.mkdtemp(prefix="timeline-sample-rows-")
        out = Path(self._folder) / "sample-rows.json"
        env = {**os.environ, "PYTHONPATH": self.root}
        stamp = Path(self._folder) / "rulestamp.json"
        done = subprocess.run([sys.executable, "-c", STAMP, str(stamp)], cwd=self.root, env=env,
                              capture_output=True, text=True, timeout=300)
        if done.returncode == 0:
            build_data["force_include"][str(stamp)] = STAMP_IN_WHEEL
        else:
            self.app.display_warning("the merge rules' stamp is not carried in this wheel: its first start works it out")
        done = subprocess.run([sys.executable, "-c", BUILD, str(out)], cwd=self.root, env=env,
                              capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            self.app.display_warning(f"the samples' rows are not carried in this wheel ({last}): "
                                     "its first start processes them")
            return
        build_data["force_include"][str(out)] = IN_WHEEL

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
