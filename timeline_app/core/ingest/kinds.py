"""The readers an input can go to: one name each, shared by detection and the ingest knowledge files."""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """The reader an input goes to."""

    TEXT = "text"
    HTML = "html"
    MHTML = "mhtml"  # a page saved as one file by a browser (MIME multipart/related)
    FEED = "feed"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    ZIP = "zip"
    PDF = "pdf"
    DOCX = "docx"  # a Word document (Office Open XML: a zip of XML parts)
