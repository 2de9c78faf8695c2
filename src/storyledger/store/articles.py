"""Articles and their extractions: writes (atomic, one transaction each) and reads."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

from storyledger.model import Article, Extraction
from storyledger.store.connection import now_iso, transaction
from storyledger.store.lookup import resolve_id, rows_in


def has_article(conn: sqlite3.Connection, article_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None


def add_article(
    conn: sqlite3.Connection, article: Article, extraction: Extraction | None = None
) -> bool:
    """Store an article (and its extraction) atomically; False if it was already there."""
    with transaction(conn):
        if has_article(conn, article.id):
            return False
        seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        article.ingested_at = article.ingested_at or now_iso()
        conn.execute(
            "INSERT INTO articles (id, url, outlet, title, published, published_source,"
            " language, author, text, ingested_at, extractor_version, seq, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                article.seen_at,
            ),
        )
        if extraction is not None:
            write_extraction(conn, article.id, extraction)
        return True


def replace_extraction(conn: sqlite3.Connection, article_id: str, extraction: Extraction) -> None:
    """A new extraction of an article, with the language it detected."""
    with transaction(conn):
        conn.execute(
            "UPDATE articles SET language = ? WHERE id = ?", (extraction.language, article_id)
        )
        write_extraction(conn, article_id, extraction)


def write_extraction(conn: sqlite3.Connection, article_id: str, extraction: Extraction) -> None:
    """An article's mentions, claims and extraction record, replacing the old ones (inside
    the caller's transaction)."""
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
                    *(quote_fields(data) if kind == "quote" else (None, None, None)),
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
        "INSERT INTO extractions (article_id, extractor_version, sentences) VALUES (?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET extractor_version = excluded.extractor_version,"
        " sentences = excluded.sentences",
        (article_id, extraction.extractor_version, json.dumps(extraction.sentences)),
    )
    conn.execute(
        "UPDATE articles SET extractor_version = ? WHERE id = ?",
        (extraction.extractor_version, article_id),
    )


def quote_fields(data: dict[str, Any]) -> tuple[str | None, int | None, str | None]:
    """A quote mention's speaker name, direct (1 or 0) and cue, for their own columns: the
    values json_extract reads from its JSON (migration 008 fills older rows that way)."""
    speaker = data.get("speaker")
    direct = data.get("direct")
    return (
        speaker.get("text") if isinstance(speaker, dict) else None,
        None if direct is None else int(bool(direct)),
        data.get("cue"),
    )


def resolve_article_id(conn: sqlite3.Connection, id_or_prefix: str) -> str:
    """The full id of an article given its id or a unique prefix of it."""
    return resolve_id(conn, "articles", id_or_prefix, blank_matches=True)


def get_article(conn: sqlite3.Connection, article_id: str) -> Article:
    row = conn.execute(
        "SELECT * FROM articles WHERE id = ?", (resolve_article_id(conn, article_id),)
    ).fetchone()
    return article_from_row(row)


def iter_articles(conn: sqlite3.Connection, order: str = "seq") -> Iterator[Article]:
    column = {"seq": "seq", "published": "published NULLS FIRST, seq"}[order]
    for row in conn.execute(f"SELECT * FROM articles ORDER BY {column}"):
        yield article_from_row(row)


def article_summaries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """id, url, outlet, title and published of every article (not the text), by date."""
    rows = conn.execute(
        "SELECT id, url, outlet, title, published FROM articles"
        " ORDER BY published IS NULL, published, seq"
    ).fetchall()
    return [dict(row) for row in rows]


def count_articles(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def article_ids_needing_extraction(conn: sqlite3.Connection, version: str) -> list[str]:
    rows = conn.execute(
        "SELECT id FROM articles WHERE extractor_version IS NULL OR extractor_version != ?"
        " ORDER BY seq",
        (version,),
    ).fetchall()
    return [r[0] for r in rows]


def article_texts(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(id, text) of these articles, in the order they were ingested."""
    sql = "SELECT seq, id, text FROM articles WHERE id IN ({marks})"
    rows = sorted(tuple(row) for row in rows_in(conn, sql, sorted(article_ids)))
    return [(str(article_id), str(text)) for _seq, article_id, text in rows]


def unlinked_article_ids(conn: sqlite3.Connection) -> list[str]:
    """Ids of the articles the link stage has not taken yet, in the order they were
    published (else ingested)."""
    rows = conn.execute(
        "SELECT id FROM articles WHERE linked = 0 ORDER BY COALESCE(published, ingested_at), seq"
    )
    return [row[0] for row in rows]


def mark_article_linked(conn: sqlite3.Connection, article_id: str) -> bool:
    """The link stage takes the article (inside the caller's transaction): False if it
    was taken already (by another writer, whose transaction came first)."""
    cursor = conn.execute(
        "UPDATE articles SET linked = 1 WHERE id = ? AND linked = 0", (article_id,)
    )
    return cursor.rowcount == 1


def get_extraction(conn: sqlite3.Connection, article_id: str) -> Extraction:
    article_id = resolve_article_id(conn, article_id)
    by_kind: dict[str, list[dict[str, Any]]] = {
        "entity": [],
        "time": [],
        "quantity": [],
        "quote": [],
    }
    for kind, data in conn.execute(
        "SELECT kind, data FROM mentions WHERE article_id = ? ORDER BY kind, idx",
        (article_id,),
    ):
        by_kind[kind].append(json.loads(data))
    claims = [
        json.loads(data)
        for (data,) in conn.execute(
            "SELECT data FROM claims WHERE article_id = ? ORDER BY idx", (article_id,)
        )
    ]
    row = conn.execute(
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


def article_from_row(row: sqlite3.Row) -> Article:
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
        seen_at=row["seen_at"],
    )


# -- a story's articles, for citations and exports ---------------------------------------


def story_article_citations(
    conn: sqlite3.Connection, story: str | None, newest: int | None = None
) -> list[sqlite3.Row]:
    """id, outlet, published, title and url of a story's articles (of every article if
    ``story`` is None), oldest first; only the ``newest`` that many, if given. A story's
    are taken in the order of ``article_story_order`` (migration 014), so its newest are
    read without sorting all of them."""
    params: tuple[str | int, ...] = ()
    if story is None:
        sql, published, seq = (
            "SELECT id, outlet, published, title, url FROM articles a",
            "a.published",
            "a.seq",
        )
    else:
        sql = (
            "SELECT a.id, a.outlet, a.published, a.title, a.url"
            " FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.story = ?"
        )
        params, published, seq = (story,), "s.published", "s.seq"
    if newest is None:
        return conn.execute(f"{sql} ORDER BY {published} NULLS FIRST, {seq}", params).fetchall()
    sql += f" ORDER BY {published} DESC NULLS LAST, {seq} DESC LIMIT ?"
    return conn.execute(sql, (*params, newest)).fetchall()[::-1]


def article_outlet(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The outlet of an article; None when unknown (or no such article)."""
    row = conn.execute("SELECT outlet FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def story_first_published_day(conn: sqlite3.Connection, story: str) -> str | None:
    """The day (ISO, ``YYYY-MM-DD``) of the earliest publication among a story's articles
    dated to the day; None when none is (the story's ``first_published``, which
    ``stories.add_story_member`` keeps: one row, however big the story)."""
    row = conn.execute("SELECT first_published FROM stories WHERE id = ?", (story,)).fetchone()
    return row[0] if row else None


def count_story_articles(conn: sqlite3.Connection, story: str | None) -> int:
    """How many articles a story (the ledger, if None) has."""
    if story is None:
        return count_articles(conn)
    sql = "SELECT count(*) FROM article_story WHERE story = ?"
    return int(conn.execute(sql, (story,)).fetchone()[0])


def article_export_rows(conn: sqlite3.Connection, story: str | None) -> Iterator[dict[str, Any]]:
    """Each article (of a story, if given) with its citation fields, author, date source,
    story and the original it copies, by publication date."""
    sql = (
        "SELECT a.id AS article, a.outlet, a.url, a.published, a.title, a.author,"
        " a.published_source, ast.story AS story, ast.duplicate_of FROM articles a"
        " LEFT JOIN article_story ast ON ast.article_id = a.id"
    )
    params: tuple[str, ...] = ()
    if story is not None:
        sql += " WHERE ast.story = ?"
        params = (story,)
    for row in conn.execute(sql + " ORDER BY a.published NULLS FIRST, a.seq", params):
        yield dict(row)
