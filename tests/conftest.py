"""Test-wide settings: keep every test away from the user's real data directory."""

import os
import tempfile

os.environ.setdefault("TIMELINE_DATA_DIR", tempfile.mkdtemp(prefix="timeline-test-data-"))
os.environ.setdefault("TIMELINE_CACHE_DIR", tempfile.mkdtemp(prefix="timeline-test-cache-"))
