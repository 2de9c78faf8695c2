"""Figures and their observations: the quantity claims of a story, aligned and related.

For each quantity claim of a new article: find the figure of its story it
belongs to through the blocking keys (``figure_keys``: story, unit, modality,
level-vs-change and a counted word, all indexed), or start one; store the
observation; then recompute the relations its observations can change (those
ordered from the first of them on, by the end of their time: see
``observation_rows``). The cost per article is bounded by how densely
its figures are reported around the new values, never by the size of the
ledger. Runs inside the caller's transaction (see link.pipeline).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from storyledger.link.figure_keys import (
    PLACE_LABELS,
    FigureKey,
    alignment,
    claim_key,
    figure_label,
    is_keyless,
    is_measure,
    revised_daily,
    weak_alignment,
)
from storyledger.link.relations import SAME_TIME_MAX_DAYS, Obs, assign_relations
from storyledger.link.retold import denied, revision_reason, said_before
from storyledger.link.scopes import scopes_of
from storyledger.model import Article, Claim, Extraction, QuantityMention
from storyledger.store import figures as store
from storyledger.store.articles import article_outlet, story_first_published_day
from storyledger.store.sqlite import Ledger
from storyledger.store.stories import original_of

LABEL_NAMES = 2  # places or subjects a figure's label names at most
NEAR_FACTOR = 3.0  # a number of nothing known joins its verb's figure only this near its values
PUBLICATION_SLACK = timedelta(days=1)
# A value whose time ended this long before the story's first report is background: years,
# since a story's reports (clustered from a stream) may begin well after the happening.
BACKGROUND_BEFORE = timedelta(days=730)  # an undated report may speak of the day before
# Observations of the same time start at most this long before one another (or on the
# same day, for equally coarse times such as two years).
SAME_TIME_SPAN = timedelta(days=SAME_TIME_MAX_DAYS + 1)


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
    id: int = 0  # of the observation, once stored


@dataclass
class Source:
    """Whose report an article is: itself, or the original it is a syndicated copy of."""

    article: str
    duplicate_of: str | None
    outlet: str | None


def link_figures(ledger: Ledger, article: Article, extraction: Extraction, story: str) -> None:
    """Add the article's quantity claims to the story's figures as observations."""
    conn = ledger.conn
    duplicate_of = original_of(conn, article.id)
    source = Source(
        duplicate_of or article.id, duplicate_of, outlet_of(conn, duplicate_of, article)
    )
    reported = publication_day(article)
    placed: dict[str, list[Candidate]] = {}
    stored: set[tuple[str, float, float | None, float | None, str | None]] = set()
    found = of_the_story(candidates(extraction, reported), story_began(conn, story, reported))
    for candidate, choices in placement_order(conn, story, found):
        if placed:  # the figures this article started or extended may be its choices too
            choices = figure_choices(conn, story, candidate)
        figure_id = reprinted_figure(conn, source, candidate) or place(
            conn, story, candidate, choices, placed, extraction
        )
        q = candidate.quantity
        once = (figure_id, q.value, q.low, q.high, candidate.as_of.value)
        if once in stored:  # the same value repeated within the article
            continue
        stored.add(once)
        candidate.id = insert_observation(conn, figure_id, article, candidate, source, reported)
        add_blocks(conn, story, figure_id, [value_block(candidate.key, q.value)])
        placed.setdefault(figure_id, []).append(candidate)
    for figure_id, added in sorted(placed.items()):
        refresh_relations(conn, figure_id, added)


def place(
    conn: sqlite3.Connection,
    story: str,
    candidate: Candidate,
    choices: list[Choice],
    placed: dict[str, list[Candidate]],
    extraction: Extraction,
) -> str:
    """The figure of a claim: the best choice the article has not given another value for
    the same time, else a new figure."""
    for choice in choices:
        if not contradicts(candidate, placed.get(choice.figure_id)):
            predicate = candidate.quantity.predicate or candidate.claim.predicate
            names = label_names(candidate.claim, extraction, candidate.key)
            extend_figure(
                conn, story, choice.figure_id, choice.key, candidate.key, predicate, names
            )
            return choice.figure_id
    return start_figure(conn, story, candidate, extraction)


def reprinted_figure(conn: sqlite3.Connection, source: Source, candidate: Candidate) -> str | None:
    """A syndicated copy's value goes where its original's same sentence and value went:
    the copy reprints it, whatever its edits call the subject ("Nairobi" for "Kenya")."""
    if source.duplicate_of is None:
        return None
    rows = store.article_value_observations(conn, source.duplicate_of, candidate.quantity.value)
    if not rows:
        return None
    words = set(candidate.claim.text.lower().split())
    best = max(rows, key=lambda r: len(words & set((r["sentence"] or "").lower().split())))
    return str(best["figure_id"])


def value_block(key: FigureKey, value: float) -> str:
    """The blocking key of a value: how a number of nothing known finds the figures it may
    agree with."""
    return f"{key.unit}|{key.modality}|{int(key.change)}|={value:g}"


def candidates(extraction: Extraction, published: date | None) -> list[Candidate]:
    """The claims that state a value of something: a quantity, positive polarity."""
    found = []
    scopes = scopes_of(extraction)
    for idx, claim in enumerate(extraction.claims):
        if claim.quantity is None or claim.polarity == "negative":
            continue
        quantity = extraction.quantities[claim.quantity]
        if denied(claim, quantity):
            continue
        key = claim_key(claim, quantity, extraction, scopes.get(idx))
        when = as_of_of(claim, extraction, None if said_before(claim, quantity) else published)
        found.append(Candidate(idx, claim, quantity, key, when))
    return found


def of_the_story(found: list[Candidate], began: date | None) -> list[Candidate]:
    """The values of the story itself: a number whose time ended well before the story's
    first report is background ("the 1960 quake killed 12,000", "in 2004, 628 died"), kept
    out of its series."""
    if began is None:
        return found
    return [c for c in found if c.as_of.end is None or c.as_of.end >= began - BACKGROUND_BEFORE]


def story_began(conn: sqlite3.Connection, story: str, reported: date | None) -> date | None:
    """The day of the story's first dated report (this one included)."""
    first = story_first_published_day(conn, story)
    days = [d for d in (date.fromisoformat(first) if first else None, reported) if d]
    return min(days) if days else None


def as_of_of(claim: Claim, extraction: Extraction, published: date | None) -> AsOf:
    """The time a claim is about: its time's interval (a time of day is its day), else the
    day it was published (``published`` is None for a value the report says was given
    before: its time is unknown, ``link.retold``)."""
    if claim.time is not None:
        time = extraction.times[claim.time]
        if (
            time.type in ("DATE", "TIME")
            and time.value
            and time.interval_start
            and time.interval_end
        ):
            return AsOf(
                time.value[:10] if time.type == "TIME" else time.value,  # the day of a time
                date.fromisoformat(time.interval_start[:10]),
                date.fromisoformat(time.interval_end[:10]),
            )
    if published is None:
        return AsOf(None, None, None)
    return AsOf(published.isoformat(), published - PUBLICATION_SLACK, published)


def publication_day(article: Article) -> date | None:
    """The day the article was published, or None when unknown or only a month or a year.
    Never the day it was ingested: an undated report's values are as of an unknown time."""
    stamp = article.published
    return date.fromisoformat(stamp[:10]) if stamp and len(stamp) >= 10 else None


def outlet_of(conn: sqlite3.Connection, original: str | None, article: Article) -> str | None:
    if original is None:
        return article.outlet
    return article_outlet(conn, original)


# -- figures -----------------------------------------------------------------------------


@dataclass
class Choice:
    """A figure a claim may belong to, and how well it fits."""

    figure_id: str
    key: FigureKey
    holds_value: bool  # the figure already has an observation of the claim's value
    score: float
    seq: int


def figure_choices(conn: sqlite3.Connection, story: str, candidate: Candidate) -> list[Choice]:
    """The figures of the story the claim can belong to, best first: one that already holds
    its value, then the best aligned, then the oldest."""
    choices = aligned_choices(conn, story, candidate, candidate.key)
    return sorted(choices, key=lambda c: (not c.holds_value, -c.score, c.seq))


def aligned_choices(
    conn: sqlite3.Connection, story: str, candidate: Candidate, claim: FigureKey
) -> list[Choice]:
    choices = []
    for row in candidate_figures(conn, story, claim, candidate.quantity.value):
        key = key_of_row(row)
        score = alignment(claim, key)
        if score is not None:
            holds = holds_value(conn, row["id"], candidate.quantity.value)
            choices.append(Choice(row["id"], key, holds, score, row["seq"]))
    # nothing says what the number counts (or what the figure counts): it may join a figure
    # only to agree with it; the same verb of nothing known ("need $71.4 million", "need $1.8
    # billion") only near a value the figure holds
    return [
        c
        for c in choices
        if c.holds_value
        or (
            not weak_alignment(claim.words, c.key.words)
            and (not claim.keyless or near_value(conn, c.figure_id, candidate.quantity.value))
        )
    ]


def near_value(conn: sqlite3.Connection, figure_id: str, value: float) -> bool:
    """The figure holds a value within a factor of NEAR_FACTOR of ``value``."""
    low, high = sorted((value / NEAR_FACTOR, value * NEAR_FACTOR))
    return store.figure_has_value_between(conn, figure_id, low, high)


def placement_order(
    conn: sqlite3.Connection, story: str, found: list[Candidate]
) -> list[tuple[Candidate, list[Choice]]]:
    """The claims with their choices, those whose value a figure already holds first, so
    that "400 officers, the first contingent out of 1,000" puts 1,000 with the 1,000 seen
    before and 400 in a figure of its own."""
    placed = [(candidate, figure_choices(conn, story, candidate)) for candidate in found]
    return sorted(placed, key=lambda p: not (p[1] and p[1][0].holds_value))


def holds_value(
    conn: sqlite3.Connection, figure_id: str, value: float, when: AsOf | None = None
) -> bool:
    """The figure has an observation of the value (for a time overlapping ``when``)."""
    if when is None or when.start is None or when.end is None:
        return store.figure_has_value(conn, figure_id, value)
    start, end = when.start.isoformat(), when.end.isoformat()
    return store.figure_has_value_during(conn, figure_id, value, start, end)


def contradicts(candidate: Candidate, placed: list[Candidate] | None) -> bool:
    """The article already gave this figure another value for the same time: one report
    does not contradict itself, so two values are two figures. Not so for a measure of a
    happening (deaths, injured): a report gives its toll with the earlier one it replaces
    ("rose to 5,300 from 2,000") or with another authority's count of the same."""
    if candidate.key.measure is not None:
        return False
    return any(
        overlaps(candidate.as_of, other.as_of) and other.quantity.value != candidate.quantity.value
        for other in placed or []
    )


def overlaps(a: AsOf, b: AsOf) -> bool:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return True
    return a.start <= b.end and b.start <= a.end


def candidate_figures(
    conn: sqlite3.Connection, story: str, key: FigureKey, value: float
) -> list[sqlite3.Row]:
    return store.figures_with_blocks(conn, story, [*key.blocks(), value_block(key, value)])


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
    names = entity_names(claim, extraction, key)
    seq = store.next_figure_seq(conn, story)
    figure_id = new_figure_id(conn, story, key)
    label = figure_label(
        key.unit,
        key.counted,
        quantity.predicate or claim.predicate,
        key.modality,
        key.change,
        label_names(claim, extraction, key),
        key.measure,
    )
    store.add_figure(
        conn,
        figure_id,
        story,
        label,
        unit=key.unit,
        counted=key.counted,
        modality=key.modality,
        change=key.change,
        words=key.words,
        actors=sorted(key.actors),
        entities=names,
        seq=seq,
    )
    add_blocks(conn, story, figure_id, key.blocks())
    return figure_id


def entity_names(claim: Claim, extraction: Extraction, key: FigureKey) -> list[list[str]]:
    """[key, name] of the entities a claim is about, subjects first, each once."""
    wanted = {k for k in key.entities | key.actors if not k.startswith("~")}
    names: dict[str, str] = {}
    in_sentence = [e for e in extraction.entities if claim.start <= e.start < claim.end]
    for mention in sorted(in_sentence, key=lambda e: (e.key not in key.actors, e.start)):
        if mention.key in wanted:
            names.setdefault(mention.key, mention.name)
    for entity in sorted(wanted):
        names.setdefault(entity, entity)
    return [[entity, name] for entity, name in names.items()]


def label_names(claim: Claim, extraction: Extraction, key: FigureKey) -> list[str]:
    """The names a label shows: the places the number is about, and for what is not a
    measure of a happening, the organisations whose pledge or count it is (the subject).
    Never a person, who says or announces numbers, nor an outlet."""
    if key.scope is not None:
        return [key.scope]
    in_sentence = [e for e in extraction.entities if claim.start <= e.start < claim.end]
    kept = [
        e
        for e in in_sentence
        if e.label in PLACE_LABELS
        or (key.measure is None and e.label == "ORG" and e.key in key.actors)
    ]
    subjects_first = sorted(kept, key=lambda e: (e.key not in key.actors, e.start))
    names = dict.fromkeys(e.name for e in subjects_first if e.key in key.entities | key.actors)
    return list(names)[:LABEL_NAMES]


def new_figure_id(conn: sqlite3.Connection, story: str, key: FigureKey) -> str:
    """A short id from the story and the key, unique in the ledger."""
    basis = f"{story}|{key.unit}|{key.modality}|{key.change}|{' '.join(key.words)}"
    basis += "|" + ",".join(sorted(key.actors or key.entities))
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()
    figure_id, attempt = "f" + digest[:10], 1
    while store.figure_exists(conn, figure_id):
        attempt += 1
        figure_id = f"f{digest[:10]}-{attempt}"
    return figure_id


def extend_figure(
    conn: sqlite3.Connection,
    story: str,
    figure_id: str,
    figure: FigureKey,
    key: FigureKey,
    predicate: str | None = None,
    names: list[str] | None = None,
) -> None:
    """Add a newly aligned claim's words, subjects and blocking keys to its figure. A figure
    of nothing known takes the first counted thing that agrees with it, and its name (with
    the claim's label ``names``). A
    figure of a measure (deaths) keeps its key: a number of nothing known that agrees with
    one of its values adds no words nor subjects to it."""
    if set(key.words) <= set(figure.words) and key.actors <= figure.actors:
        return
    if is_measure(figure.words) and key.measure is None:
        return
    words, actors = store.figure_words_and_actors(conn, figure_id)
    if is_keyless(words) and not key.keyless:
        words = []
        label = figure_label(
            key.unit, key.counted, predicate, key.modality, key.change, names or [], key.measure
        )
        store.set_figure_counted(conn, figure_id, key.counted, label)
    if key.keyless:
        key = replace(key, words=[])
    new_words = [w for w in key.words if w not in words]
    # the head stays last: new modifiers go before it
    merged = words[:-1] + new_words + words[-1:] if words else new_words
    store.set_figure_words_and_actors(conn, figure_id, merged, sorted(actors | key.actors))
    prefix = key.blocks()[0].rsplit("|", 1)[0]
    add_blocks(conn, story, figure_id, [f"{prefix}|{w}" for w in new_words])


def add_blocks(conn: sqlite3.Connection, story: str, figure_id: str, blocks: list[str]) -> None:
    store.add_figure_blocks(conn, story, figure_id, blocks)


# -- observations ------------------------------------------------------------------------


def insert_observation(
    conn: sqlite3.Connection,
    figure_id: str,
    article: Article,
    candidate: Candidate,
    source: Source,
    reported: date | None,
) -> int:
    q, claim, as_of = candidate.quantity, candidate.claim, candidate.as_of
    observation_id = store.next_observation_id(conn)
    store.add_observation(
        conn,
        observation_id,
        figure_id,
        article.id,
        candidate.claim_idx,
        source=source.article,
        duplicate_of=source.duplicate_of,
        source_outlet=source.outlet,
        value=q.value,
        low=q.low,
        high=q.high,
        approx=q.approx,
        quantity_text=q.text,
        as_of=as_of.value,
        as_of_start=as_of.start.isoformat() if as_of.start else None,
        as_of_end=as_of.end.isoformat() if as_of.end else None,
        reported=reported.isoformat() if reported else None,
        published=article.published,
        outlet=article.outlet,
        url=article.url,
        speaker=claim.speaker,
        sentence=claim.text,
        seen_by=seen_by(article),
        reason=revision_reason(claim, q),
    )
    return observation_id


def seen_by(article: Article) -> str | None:
    """The day a live fetch saw a report without a date of its own: its values were
    reported by then (shown as such, never as their time)."""
    return article.seen_at[:10] if article.seen_at and not article.published else None


def refresh_relations(conn: sqlite3.Connection, figure_id: str, added: list[Candidate]) -> None:
    """Recompute the relations the new observations can change; store those that changed.

    Relations are computed in the order of ``Obs.order`` (the last day of the time
    referred to first), each from the observations before it only, so the new
    observations can change only their own relations and those of the observations
    ordered after them. Only these and the context they are computed in are loaded
    (see ``observation_rows``), so the cost of an article that reports the latest
    value is bounded by how densely the figure is reported, not by its size.
    """
    ends = [c.as_of.end for c in added]
    earliest = None if any(e is None for e in ends) else min(e for e in ends if e)
    rows = observation_rows(conn, figure_id, earliest)
    new_ids = {c.id for c in added}
    before = {row["id"]: (row["relation"], row["relation_to"]) for row in rows}
    daily = revised_daily(store.figure_words(conn, figure_id))
    observations = assign_relations(
        [replace(obs_of_row(row), revised_daily=daily) for row in rows], new_ids
    )
    changed = [
        (o.id, o.relation, o.relation_to)
        for o in observations
        if before[o.id] != (o.relation, o.relation_to)
    ]
    if changed:
        store.set_observation_relations(conn, figure_id, changed)


CONTEXT_ORIGINALS = 8  # of the original reports ending before, the one starting last anchors


def observation_rows(
    conn: sqlite3.Connection, figure_id: str, earliest_end: date | None
) -> list[sqlite3.Row]:
    """The observations of a figure ``assign_relations`` needs to recompute those ordered
    from the first one whose time ends on ``earliest_end`` (None: all of them).

    In the order of relations (``Obs.order``, by the end of the time first) the
    observations whose time ends on or after a day are a suffix. ``assign_relations``
    sweeps them keeping the earlier originals whose time has not ended before the
    current one starts: an original report ``g`` ordered before the new ones drops
    every observation that ended before ``g`` starts, and sets the latest value
    anew. So the suffix of the observations ending on or after ``g``'s start holds
    all the context from ``g`` on, and the relations it gives are those of the whole
    figure, whatever the order the articles arrived in. A syndicated copy may reprint
    an original dated otherwise: every printing of the texts the suffix's copies reprint
    is loaded too, the original and the other copies (ordered before the suffix, they
    cannot outlast ``g``). The other copies matter when the original's value is not in
    the figure: the first copy then stands for it, and a later one is its reprint.
    """
    anchor = context_anchor(conn, figure_id, earliest_end) if earliest_end else None
    if anchor is None:  # undated, or no dated original report before: the whole figure
        return store.relation_rows(conn, figure_id)
    rows = store.relation_rows_ending_from(conn, figure_id, anchor)
    sources = sorted({row["source"] for row in rows if row["duplicate_of"] is not None})
    if sources:
        seen = {row["id"] for row in rows}
        printings = store.relation_rows_of_printings(conn, figure_id, sources)
        rows += [row for row in printings if row["id"] not in seen]
    return rows


def context_anchor(conn: sqlite3.Connection, figure_id: str, earliest_end: date) -> str | None:
    """The start of ``g`` (see ``observation_rows``): the latest start among the
    CONTEXT_ORIGINALS original reports ending last before ``earliest_end``."""
    return store.latest_start_of_originals_ending_before(
        conn, figure_id, earliest_end.isoformat(), CONTEXT_ORIGINALS
    )


def obs_of_row(row: Mapping[str, Any] | sqlite3.Row) -> Obs:
    return Obs(
        id=row["id"],
        article=row["article"],
        source=row["source"],
        outlet=row["source_outlet"],
        copy=row["duplicate_of"] is not None,
        value=row["value"],
        low=row["low"],
        high=row["high"],
        approx=row["approx"],
        start=date.fromisoformat(row["as_of_start"]) if row["as_of_start"] else None,
        end=date.fromisoformat(row["as_of_end"]) if row["as_of_end"] else None,
        reported=row["reported"],
        relation=row["relation"],
        relation_to=row["relation_to"],
    )
