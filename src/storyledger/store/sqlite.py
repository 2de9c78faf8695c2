"""The ledger in one SQLite file: WAL, busy timeout, versioned migrations.

Every write that belongs together happens in one transaction, so a crash or a
kill never leaves half an article behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from storyledger.errors import Msg, NotFoundError, StoreError
from storyledger.model import Article, Extraction

BUSY_TIMEOUT_MS = 30_000


def _migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    folder = resources.files("storyledger.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version_known() -> int:
    return max(version for version, _, _ in _migrations())


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Ledger:
    """A storyledger database. Use ``open_ledger`` to get one."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # -- life cycle -------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: committed whole or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- articles ---------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, extraction: Extraction | None = None) -> bool:
        """Store an article (and its extraction) atomically; False if it was already there."""
        with self.transaction() as conn:
            if self.has_article(article.id):
                return False
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
            article.ingested_at = article.ingested_at or now_iso()
            conn.execute(
                "INSERT INTO articles (id, url, outlet, title, published, published_source,"
                " language, author, text, ingested_at, extractor_version, seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.url,
                    article.outlet,
                    article.title,
                    article.published,
                    article.published_source,
                    article.language,
                    article.author,
                    article.text,
                    article.ingested_at,
                    None,
                    seq,
                ),
            )
            if extraction is not None:
                self._write_extraction(conn, article.id, extraction)
            return True

    def replace_extraction(self, article_id: str, extraction: Extraction) -> None:
        """A new extraction of an article, with the language it detected."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE articles SET language = ? WHERE id = ?", (extraction.language, article_id)
            )
            self._write_extraction(conn, article_id, extraction)

    def _write_extraction(
        self, conn: sqlite3.Connection, article_id: str, extraction: Extraction
    ) -> None:
        conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        rows = []
        kinds: tuple[tuple[str, list[Any], str], ...] = (
            ("entity", extraction.entities, "key"),
            ("time", extraction.times, "value"),
            ("quantity", extraction.quantities, "unit"),
            ("quote", extraction.quotes, "speaker_key"),
        )
        for kind, mentions, key_field in kinds:
            for idx, mention in enumerate(mentions):
                data = asdict(mention)
                rows.append(
                    (
                        article_id,
                        kind,
                        idx,
                        data["start"],
                        data["end"],
                        data["text"],
                        data.get(key_field),
                        json.dumps(data, ensure_ascii=False),
                        *(_quote_fields(data) if kind == "quote" else (None, None, None)),
                    )
                )
        conn.executemany(
            'INSERT INTO mentions (article_id, kind, idx, start, "end", text, key, data,'
            " quote_speaker, quote_direct, quote_cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO claims (article_id, idx, sentence, modality, polarity,"
            " has_quantity, has_time, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    idx,
                    claim.sentence,
                    claim.modality,
                    claim.polarity,
                    int(claim.quantity is not None),
                    int(claim.time is not None),
                    json.dumps(asdict(claim), ensure_ascii=False),
                )
                for idx, claim in enumerate(extraction.claims)
            ],
        )
        conn.execute(
            "INSERT OR REPLACE INTO extractions (article_id, extractor_version, sentences)"
            " VALUES (?, ?, ?)",
            (article_id, extraction.extractor_version, json.dumps(extraction.sentences)),
        )
        conn.execute(
            "UPDATE articles SET extractor_version = ? WHERE id = ?",
            (extraction.extractor_version, article_id),
        )

    def resolve_article_id(self, id_or_prefix: str) -> str:
        """The full id of an article given its id or a unique prefix of it."""
        if self.has_article(id_or_prefix):  # the usual case, by the primary key
            return id_or_prefix
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id = ? OR id LIKE ? || '%' LIMIT 3",
            (id_or_prefix, id_or_prefix.replace("%", "").replace("_", "")),
        ).fetchall()
        ids = sorted({r[0] for r in rows})
        if id_or_prefix in ids:
            return id_or_prefix
        if not ids:
            raise NotFoundError(Msg.UNKNOWN_ARTICLE.format(id=id_or_prefix))
        if len(ids) > 1:
            raise NotFoundError(
                Msg.AMBIGUOUS_ID.format(id=id_or_prefix, kind="article", matches=", ".join(ids))
            )
        return str(ids[0])

    def get_article(self, article_id: str) -> Article:
        row = self.conn.execute(
            "SELECT * FROM articles WHERE id = ?", (self.resolve_article_id(article_id),)
        ).fetchone()
        return _article_from_row(row)

    def iter_articles(self, order: str = "seq") -> Iterator[Article]:
        column = {"seq": "seq", "published": "published, seq"}[order]
        for row in self.conn.execute(f"SELECT * FROM articles ORDER BY {column}"):
            yield _article_from_row(row)

    def article_summaries(self) -> list[dict[str, Any]]:
        """id, url, outlet, title and published of every article (not the text), by date."""
        rows = self.conn.execute(
            "SELECT id, url, outlet, title, published FROM articles"
            " ORDER BY published IS NULL, published, seq"
        ).fetchall()
        return [dict(row) for row in rows]

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def article_ids_needing_extraction(self, version: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE extractor_version IS NULL OR extractor_version != ?"
            " ORDER BY seq",
            (version,),
        ).fetchall()
        return [r[0] for r in rows]

    def get_extraction(self, article_id: str) -> Extraction:
        article_id = self.resolve_article_id(article_id)
        by_kind: dict[str, list[dict[str, Any]]] = {
            "entity": [],
            "time": [],
            "quantity": [],
            "quote": [],
        }
        for kind, data in self.conn.execute(
            "SELECT kind, data FROM mentions WHERE article_id = ? ORDER BY kind, idx",
            (article_id,),
        ):
            by_kind[kind].append(json.loads(data))
        claims = [
            json.loads(data)
            for (data,) in self.conn.execute(
                "SELECT data FROM claims WHERE article_id = ? ORDER BY idx", (article_id,)
            )
        ]
        row = self.conn.execute(
            "SELECT extractor_version, sentences FROM extractions WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        return Extraction.from_json(
            {
                "entities": by_kind["entity"],
                "times": by_kind["time"],
                "quantities": by_kind["quantity"],
                "quotes": by_kind["quote"],
                "claims": claims,
                "sentences": json.loads(row["sentences"]) if row else [],
                "extractor_version": row["extractor_version"] if row else "",
            }
        )

    def search(
        self, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
    ) -> list[dict[str, Any]]:
        """Full-text search over article text, with a snippet per hit, matches between marks."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url,"
            " snippet(articles_fts, 1, ?, ?, ' … ', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (*marks, _fts_query(query), limit),
        ).fetchall()
        return [dict(r) for r in rows]


def _quote_fields(data: dict[str, Any]) -> tuple[str | None, int | None, str | None]:
    """A quote mention's speaker name, direct (1 or 0) and cue, for their own columns: the
    values json_extract reads from its JSON (migration 008 fills older rows that way)."""
    speaker = data.get("speaker")
    direct = data.get("direct")
    return (
        speaker.get("text") if isinstance(speaker, dict) else None,
        None if direct is None else int(bool(direct)),
        data.get("cue"),
    )


def _fts_query(query: str) -> str:
    """Quote every word, so user input is never read as FTS5 syntax (control characters dropped)."""
    printable = "".join(c if c.isprintable() else " " for c in query)
    words = [w.replace('"', '""') for w in printable.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        published=row["published"],
        published_source=row["published_source"],
        language=row["language"],
        ingested_at=row["ingested_at"],
        extractor_version=row["extractor_version"],
        author=row["author"],
    )


def _migrate(conn: sqlite3.Connection, path: str) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    known = schema_version_known()
    if current > known:
        raise StoreError(Msg.DB_NEWER.format(path=path, found=current, known=known))
    for version, _name, sql in _migrations():
        if version <= current:
            continue
        # executescript commits; the version bump is inside the same script.
        conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")


def open_ledger(path: str | Path = "storyledger.db") -> Ledger:
    """Open (creating and migrating as needed) the ledger at ``path``; ':memory:' works too."""
    path = str(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(Msg.NOT_A_LEDGER.format(path=path, detail=exc)) from exc
    return Ledger(conn, path)
