"""Figures and their observations: the quantity claims of a story, aligned and related.

For each quantity claim of a new article: find the figure of its story it
belongs to through the blocking keys (``figure_keys``: story, unit, modality,
level-vs-change and a counted word, all indexed), or start one; store the
observation; then recompute the relations of the figures it touched. The cost
per article is bounded by the size of the figures it touches, never by the
size of the ledger. Runs inside the caller's transaction (see link.pipeline).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from storyledger.link.figure_keys import FigureKey, alignment, claim_key, figure_label
from storyledger.link.relations import Obs, assign_relations
from storyledger.model import Article, Claim, Extraction, QuantityMention
from storyledger.store.sqlite import Ledger

PUBLICATION_SLACK = timedelta(days=1)  # an undated report may speak of the day before


@dataclass
class AsOf:
    value: str | None  # TIMEX3 value, or the publication date
    start: date | None
    end: date | None


@dataclass
class Candidate:
    """A quantity claim that is an observation of some figure."""

    claim_idx: int
    claim: Claim
    quantity: QuantityMention
    key: FigureKey
    as_of: AsOf


def link_figures(ledger: Ledger, article: Article, extraction: Extraction, story: str) -> None:
    """Add the article's quantity claims to the story's figures as observations."""
    conn = ledger.conn
    duplicate_of = original_of(conn, article.id)
    published = publication_day(article)
    touched: set[str] = set()
    stored: set[tuple[str, float, float | None, float | None, str | None]] = set()
    for candidate in candidates(extraction, published):
        figure_id = figure_for(conn, story, candidate, extraction)
        q = candidate.quantity
        once = (figure_id, q.value, q.low, q.high, candidate.as_of.value)
        if once in stored:  # the same value repeated within the article
            continue
        stored.add(once)
        insert_observation(conn, figure_id, article, candidate, duplicate_of, published)
        touched.add(figure_id)
    for figure_id in sorted(touched):
        refresh_relations(conn, figure_id)


def candidates(extraction: Extraction, published: date | None) -> list[Candidate]:
    """The claims that state a value of something: a quantity, positive polarity."""
    found = []
    for idx, claim in enumerate(extraction.claims):
        if claim.quantity is None or claim.polarity == "negative":
            continue
        quantity = extraction.quantities[claim.quantity]
        key = claim_key(claim, quantity, extraction)
        found.append(Candidate(idx, claim, quantity, key, as_of_of(claim, extraction, published)))
    return found


def as_of_of(claim: Claim, extraction: Extraction, published: date | None) -> AsOf:
    """The time a claim is about: its time's interval, else the day it was published."""
    if claim.time is not None:
        time = extraction.times[claim.time]
        if time.type in ("DATE", "TIME") and time.interval_start and time.interval_end:
            return AsOf(
                time.value,
                date.fromisoformat(time.interval_start[:10]),
                date.fromisoformat(time.interval_end[:10]),
            )
    if published is None:
        return AsOf(None, None, None)
    return AsOf(published.isoformat(), published - PUBLICATION_SLACK, published)


def publication_day(article: Article) -> date | None:
    stamp = article.published or article.ingested_at
    return date.fromisoformat(stamp[:10]) if stamp else None


def original_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute(
        "SELECT duplicate_of FROM article_story WHERE article_id = ?", (article_id,)
    ).fetchone()
    return row[0] if row else None


# -- figures -----------------------------------------------------------------------------


def figure_for(
    conn: sqlite3.Connection, story: str, candidate: Candidate, extraction: Extraction
) -> str:
    """The id of the figure the claim belongs to, started when there is none."""
    best: tuple[float, int, str] | None = None
    for row in candidate_figures(conn, story, candidate.key):
        score = alignment(candidate.key, key_of_row(row))
        if score is not None and (best is None or (score, -row["seq"]) > best[:2]):
            best = (score, -row["seq"], row["id"])
    if best is None:
        return start_figure(conn, story, candidate, extraction)
    extend_figure(conn, story, best[2], candidate.key)
    return best[2]


def candidate_figures(conn: sqlite3.Connection, story: str, key: FigureKey) -> list[sqlite3.Row]:
    blocks = key.blocks()
    marks = ",".join("?" * len(blocks))
    return conn.execute(
        "SELECT f.id, f.unit, f.modality, f.change, f.words, f.actors, f.entities, f.seq"
        " FROM figures f WHERE f.id IN (SELECT figure_id FROM figure_keys"
        f" WHERE story = ? AND block IN ({marks}))",
        (story, *blocks),
    ).fetchall()


def key_of_row(row: sqlite3.Row) -> FigureKey:
    return FigureKey(
        unit=row["unit"],
        modality=row["modality"],
        change=bool(row["change"]),
        words=json.loads(row["words"]),
        actors=set(json.loads(row["actors"])),
        entities={key for key, _name in json.loads(row["entities"])},
    )


def start_figure(
    conn: sqlite3.Connection, story: str, candidate: Candidate, extraction: Extraction
) -> str:
    key, claim, quantity = candidate.key, candidate.claim, candidate.quantity
    names = entity_names(claim, extraction, key.actors)
    seq = conn.execute(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM figures WHERE story = ?", (story,)
    ).fetchone()[0]
    figure_id = new_figure_id(conn, story, key)
    label = figure_label(
        key.unit,
        quantity.counted,
        quantity.predicate or claim.predicate,
        key.modality,
        key.change,
        [name for _key, name in names],
    )
    conn.execute(
        "INSERT INTO figures (id, story, label, unit, counted, modality, change, words, actors,"
        " entities, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            figure_id,
            story,
            label,
            key.unit,
            quantity.counted,
            key.modality,
            int(key.change),
            json.dumps(key.words),
            json.dumps(sorted(key.actors)),
            json.dumps(names),
            seq,
        ),
    )
    add_blocks(conn, story, figure_id, key.blocks())
    return figure_id


def entity_names(claim: Claim, extraction: Extraction, actors: set[str]) -> list[list[str]]:
    """[key, name] of the claim's entities, subjects first, each once."""
    names: dict[str, str] = {}
    in_sentence = [e for e in extraction.entities if claim.start <= e.start < claim.end]
    for mention in sorted(in_sentence, key=lambda e: (e.key not in actors, e.start)):
        if mention.key in claim.entities or mention.key in actors:
            names.setdefault(mention.key, mention.name)
    for key in claim.entities:
        names.setdefault(key, key)
    return [[key, name] for key, name in names.items()]


def new_figure_id(conn: sqlite3.Connection, story: str, key: FigureKey) -> str:
    """A short id from the story and the key, unique in the ledger."""
    basis = f"{story}|{key.unit}|{key.modality}|{key.change}|{' '.join(key.words)}"
    basis += "|" + ",".join(sorted(key.actors or key.entities))
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()
    figure_id, attempt = "f" + digest[:10], 1
    while conn.execute("SELECT 1 FROM figures WHERE id = ?", (figure_id,)).fetchone():
        attempt += 1
        figure_id = f"f{digest[:10]}-{attempt}"
    return figure_id


def extend_figure(conn: sqlite3.Connection, story: str, figure_id: str, key: FigureKey) -> None:
    """Add a newly aligned claim's words, subjects and blocking keys to its figure."""
    row = conn.execute("SELECT words, actors FROM figures WHERE id = ?", (figure_id,)).fetchone()
    words, actors = json.loads(row["words"]), set(json.loads(row["actors"]))
    new_words = [w for w in key.words if w not in words]
    if not new_words and key.actors <= actors:
        return
    # the head stays last: new modifiers go before it
    merged = words[:-1] + new_words + words[-1:] if words else new_words
    conn.execute(
        "UPDATE figures SET words = ?, actors = ? WHERE id = ?",
        (json.dumps(merged), json.dumps(sorted(actors | key.actors)), figure_id),
    )
    prefix = key.blocks()[0].rsplit("|", 1)[0]
    add_blocks(conn, story, figure_id, [f"{prefix}|{w}" for w in new_words])


def add_blocks(conn: sqlite3.Connection, story: str, figure_id: str, blocks: list[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO figure_keys (story, block, figure_id) VALUES (?, ?, ?)",
        [(story, block, figure_id) for block in blocks],
    )


# -- observations ------------------------------------------------------------------------


def insert_observation(
    conn: sqlite3.Connection,
    figure_id: str,
    article: Article,
    candidate: Candidate,
    duplicate_of: str | None,
    published: date | None,
) -> None:
    q, claim, as_of = candidate.quantity, candidate.claim, candidate.as_of
    conn.execute(
        "INSERT INTO observations (figure_id, article_id, claim, source, duplicate_of, value,"
        " low, high, approx, as_of, as_of_start, as_of_end, published, speaker, sentence,"
        " relation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'first')",
        (
            figure_id,
            article.id,
            candidate.claim_idx,
            duplicate_of or article.id,
            duplicate_of,
            q.value,
            q.low,
            q.high,
            q.approx,
            as_of.value,
            as_of.start.isoformat() if as_of.start else None,
            as_of.end.isoformat() if as_of.end else None,
            published.isoformat() if published else None,
            claim.speaker,
            claim.text,
        ),
    )


def refresh_relations(conn: sqlite3.Connection, figure_id: str) -> None:
    """Recompute the relations of one figure's observations; store those that changed."""
    rows = conn.execute(
        "SELECT o.id, o.article_id, o.source, o.duplicate_of, o.value, o.low, o.high, o.approx,"
        " o.as_of_start, o.as_of_end, o.published, o.relation, o.relation_to, a.outlet,"
        " (SELECT outlet FROM articles WHERE id = o.duplicate_of) AS original_outlet"
        " FROM observations o JOIN articles a ON a.id = o.article_id WHERE o.figure_id = ?",
        (figure_id,),
    ).fetchall()
    before = {row["id"]: (row["relation"], row["relation_to"]) for row in rows}
    observations = assign_relations([obs_of_row(row) for row in rows])
    changed = [
        (o.relation, o.relation_to, o.id)
        for o in observations
        if before[o.id] != (o.relation, o.relation_to)
    ]
    conn.executemany("UPDATE observations SET relation = ?, relation_to = ? WHERE id = ?", changed)


def obs_of_row(row: sqlite3.Row) -> Obs:
    copy = row["duplicate_of"] is not None
    return Obs(
        id=row["id"],
        article=row["article_id"],
        source=row["source"],
        outlet=row["original_outlet"] if copy else row["outlet"],
        copy=copy,
        value=row["value"],
        low=row["low"],
        high=row["high"],
        approx=row["approx"],
        start=date.fromisoformat(row["as_of_start"]) if row["as_of_start"] else None,
        end=date.fromisoformat(row["as_of_end"]) if row["as_of_end"] else None,
        published=row["published"],
        relation=row["relation"],
        relation_to=row["relation_to"],
    )
