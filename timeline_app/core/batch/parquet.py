"""Mentions streamed to a Parquet file as they are stored, one row group per batch written."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from timeline_app.core.batch.results import ArticleRows
from timeline_app.core.library import columns as col
from timeline_app.core.library.rows import MENTION_FIELDS


class ParquetSink:
    """Mentions streamed to DIR/mentions.parquet, one row group per batch."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        ints = {col.MENTION_ID, col.ARTICLE_ID, col.CHAR_START, col.CHAR_END, col.QUAD_CLASS, col.EVIDENCE_START,
                col.EVIDENCE_END}
        fields = [(c, pa.int64() if c in ints else pa.bool_() if c == col.OPEN_END else pa.string())
                  for c in col.MENTION_COLUMNS if c not in (col.MENTION_ID, col.EVENT_ID)]
        self.schema = pa.schema(fields)
        self.path = directory / "mentions.parquet"
        # deferred: pyarrow.parquet with pyarrow.fs and ssl takes 10-50 ms at every start of the window
        # (-X importtime), which writes no Parquet (only `extract --parquet` does); pyarrow itself
        # comes with pandas.
        import pyarrow.parquet as pq

        self._writer = pq.ParquetWriter(str(self.path), self.schema)

    def write(self, rows: list[dict]) -> None:
        if rows:
            self._writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self._writer.close()


def parquet_rows(article_id: int, rows: ArticleRows) -> list[dict]:
    """The Parquet rows (columns.MENTION_COLUMNS) of one stored article."""
    shared = {col.ARTICLE_ID: article_id, col.PUBLICATION_DATE: rows.published or "",
              col.SOURCE_PATH: rows.source_path, col.ARTICLE_TITLE: rows.title, col.LANGUAGE: rows.language,
              col.ISSUER: rows.issuer}
    out = []
    for m in rows.mentions:
        row = {**shared, **dict(zip(MENTION_FIELDS, m))}
        row[col.OPEN_END] = bool(row[col.OPEN_END])
        out.append(row)
    return out
