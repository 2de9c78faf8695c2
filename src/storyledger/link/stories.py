"""Story assignment: each new article joins the most similar developing story, or starts one.

An article is compared with each candidate story's centroid in two channels
(see ``story_features``): its content words and its names (entities, capitalised
words, years, numbers, months). Each channel is a tf-idf vector with sublinear
term frequency and the IDF of the ledger so far, smoothed by ``IDF_PRIOR_DOCS``
unseen documents: while a ledger holds one or two stories, its own counts would
call their central names (Kenya, Haiti) common and weigh them next to nothing,
so that every later report of the story looks like a new one. A story's
centroid is the sum of its articles' unit vectors, kept per term in
``story_terms`` together with its squared norm, so the cosine is exact for the
vectors as they were added.

    score = ((1 - NAMES_SHARE) * cos(words) + NAMES_SHARE * cos(names)) * time_factor

The article joins the best story when the score reaches ``JOIN_THRESHOLD``.
``time_factor`` is 1 within ``TIME_GRACE_DAYS`` of the story's known publication
dates and decays beyond them, never below ``TIME_FLOOR``: closeness in time
helps, but a developing story goes quiet for months and comes back (a court
ruling, a deployment, a renewal), and a strongly similar report then still
joins it. Without dates the factor is 1.

Candidate stories come from blocking keys, never a scan: the article's
``BLOCKING_KEYS`` heaviest features of each channel that an earlier article
has too, each looked up in the
(channel, term, weight) index of ``story_terms`` for its ``STORIES_PER_KEY``
heaviest stories. Those look-ups give part of each candidate's dot product,
and only the ``SCORED_STORIES`` best candidates on that partial score are
scored in full. The cost per article is bounded by these constants and the
article's own length, not by the size of the ledger or the number of stories
sharing a common word.

Syndicated copies (``duplicates``) join their original's story without adding
to its centroid. User corrections (``story_pins``) come first: articles with the
same pin always share one story, whose id is the pin.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator
from datetime import date

from storyledger.link.duplicates import find_original
from storyledger.link.story_features import NAMES, WORDS, Features, article_features
from storyledger.model import Article, Extraction
from storyledger.store import stories as store
from storyledger.store import story_terms
from storyledger.store.links import bump_counter, counter_value
from storyledger.store.sqlite import Ledger

JOIN_THRESHOLD = 0.29
NAMES_SHARE = 0.5
IDF_PRIOR_DOCS = 1000  # a young ledger's IDF is smoothed as if it held this many more documents
BLOCKING_KEYS = 10
STORIES_PER_KEY = 4
SCORED_STORIES = 12  # candidates scored in full, best partial scores first
TIME_GRACE_DAYS = 30
TIME_SCALE_DAYS = 90  # beyond the grace period, the closeness halves after this many days
TIME_FLOOR = 0.85  # the least time factor: a story months old still counts this much
LABEL_NAMES = 3
LABEL_WORDS = 2
LABEL_POOL = 40  # heaviest features of a story considered for its label
CHANNELS = (WORDS, NAMES)

Vectors = dict[int, dict[str, float]]  # channel -> term -> weight of a unit vector
BlockingKeys = dict[int, list[str]]  # channel -> the terms that look up candidate stories


def assign_story(ledger: Ledger, article: Article, extraction: Extraction) -> str:
    """Assign the article to a story (or start one); returns the story id."""
    conn = ledger.conn
    original = find_original(conn, article)
    pin = store.pin_of(conn, article.id)
    if original is not None and pin == store.pin_of(conn, original):
        story = store.story_of_article(conn, original)
        add_member(conn, story, article, duplicate_of=original, similarity=None)
        return story
    vectors, keys = weigh(conn, article_features(article, extraction))
    similarity: float | None = None
    if pin is not None:
        story = pinned_story(conn, pin)
    else:
        best = best_story(conn, vectors, keys, published_day(article))
        if best is not None and best[1] >= JOIN_THRESHOLD:
            story, similarity = best
        else:
            story = start_story(conn, f"s{article.id[:10]}", pin=None)
    add_to_centroid(conn, story, vectors)
    sources = add_member(conn, story, article, duplicate_of=original, similarity=similarity)
    if sources & (sources - 1) == 0:  # 1, 2, 4, 8 ... sources: the label settles as it grows
        refresh_label(conn, story)
    return story


# -- corrections ---------------------------------------------------------------------------


def pinned_story(conn: sqlite3.Connection, pin: str) -> str:
    """The story holding the pin's articles, started under the pin's id if there is none yet."""
    return store.story_with_pin(conn, pin) or start_story(conn, pin, pin=pin)


# -- vectors -------------------------------------------------------------------------------


def weigh(conn: sqlite3.Connection, features: Features) -> tuple[Vectors, BlockingKeys]:
    """Count the article into the document frequencies; return its unit tf-idf vectors and
    its blocking keys: per channel, its ``BLOCKING_KEYS`` heaviest features that an earlier
    article has too (a feature no other article has finds no story)."""
    documents = bump_counter(conn, "documents")
    story_terms.count_document_terms(
        conn,
        (
            (channel, term, features.surfaces[(channel, term)])
            for channel in CHANNELS
            for term in features.channel(channel)
        ),
    )
    vectors: Vectors = {}
    keys: BlockingKeys = {}
    for channel in CHANNELS:
        counts = features.channel(channel)
        df = story_terms.document_frequencies(conn, channel, counts)
        raw = {term: tf_weight(count) * idf(documents, df[term]) for term, count in counts.items()}
        norm = math.sqrt(sum(w * w for w in raw.values()))
        vectors[channel] = {term: w / norm for term, w in raw.items()} if norm else {}
        seen = sorted((t for t in raw if df[t] > 1), key=lambda t: (-raw[t], t))
        keys[channel] = seen[:BLOCKING_KEYS]
    return vectors, keys


def tf_weight(count: float) -> float:
    """Sublinear term frequency: the tenth mention adds far less than the second."""
    return 1.0 + math.log(count) if count >= 1 else count


def idf(documents: int, df: int) -> float:
    """Smoothed IDF; ``IDF_PRIOR_DOCS`` unseen documents keep a young ledger's IDF flat."""
    return math.log((documents + IDF_PRIOR_DOCS + 1) / (df + 1)) + 1.0


# -- choosing a story ----------------------------------------------------------------------


def best_story(
    conn: sqlite3.Connection, vectors: Vectors, keys: BlockingKeys, published: date | None
) -> tuple[str, float] | None:
    """The best-scoring candidate story and its score, or None when there is no candidate.

    The blocking look-ups already give part of each candidate's dot products (the
    article's heaviest features); the candidates are ranked on that partial score
    and only the ``SCORED_STORIES`` best are scored in full, so the cost does not
    grow with the number of stories that share a common feature.
    """
    partial = candidate_stories(conn, vectors, keys)
    if not partial:
        return None
    shares = channel_shares(vectors)
    rows = {str(row["id"]): row for row in store.story_scoring_rows(conn, sorted(partial))}
    ranked = sorted(
        rows,
        key=lambda s: (-story_score(rows[s], partial[s], shares, published), rows[s]["seq"]),
    )[:SCORED_STORIES]
    dots = centroid_dots(conn, ranked, vectors)
    best: tuple[str, float] | None = None
    for story in ranked:
        score = story_score(rows[story], dots[story], shares, published)
        if best is None or score > best[1]:
            best = (story, score)
    return best


def channel_shares(vectors: Vectors) -> dict[int, float]:
    active = [c for c in CHANNELS if vectors[c]]
    return {WORDS: 1.0 - NAMES_SHARE, NAMES: NAMES_SHARE} if len(active) == 2 else {WORDS: 1.0}


def story_score(
    row: sqlite3.Row, dots: dict[int, float], shares: dict[int, float], published: date | None
) -> float:
    """Cosine with the story's centroid per channel, mixed, times closeness in time."""
    score = 0.0
    for channel, share in shares.items():
        norm2 = row["norm2_names"] if channel == NAMES else row["norm2_words"]
        if norm2 > 0:
            score += share * dots.get(channel, 0.0) / math.sqrt(norm2)
    return score * time_factor(published, row["first_published"], row["last_published"])


def candidate_stories(
    conn: sqlite3.Connection, vectors: Vectors, keys: BlockingKeys
) -> dict[str, dict[int, float]]:
    """Stories that share one of the article's heaviest features (the blocking keys), each
    with its partial dot product per channel over those features."""
    found: dict[str, dict[int, float]] = {}
    for channel in CHANNELS:
        for term in keys[channel]:
            weight = vectors[channel][term]
            rows = story_terms.heaviest_stories_with(conn, channel, term, STORIES_PER_KEY)
            for story, story_weight in rows:
                by_channel = found.setdefault(story, {})
                by_channel[channel] = by_channel.get(channel, 0.0) + weight * story_weight
    return found


def centroid_dots(
    conn: sqlite3.Connection, stories: list[str], vectors: Vectors
) -> dict[str, dict[int, float]]:
    """Dot product of the article's vector with each story's centroid, per channel."""
    dots: dict[str, dict[int, float]] = {story: {} for story in stories}
    for channel in CHANNELS:
        vector = vectors[channel]
        weights = story_terms.centroid_weights(conn, stories, channel, sorted(vector))
        for story, term, weight in weights:
            by_channel = dots[story]
            by_channel[channel] = by_channel.get(channel, 0.0) + weight * vector[term]
    return dots


def time_factor(published: date | None, first: str | None, last: str | None) -> float:
    """1 near the story's known dates, decaying with the days beyond ``TIME_GRACE_DAYS``."""
    if published is None or first is None or last is None:
        return 1.0
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    gap = max((start - published).days, (published - end).days, 0)
    closeness = 1.0 / (1.0 + max(gap - TIME_GRACE_DAYS, 0) / TIME_SCALE_DAYS)
    return TIME_FLOOR + (1.0 - TIME_FLOOR) * closeness


def published_day(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


# -- writing -------------------------------------------------------------------------------


def start_story(conn: sqlite3.Connection, story_id: str, pin: str | None) -> str:
    store.start_story(conn, story_id, pin, bump_counter(conn, "stories"))
    return story_id


def add_to_centroid(conn: sqlite3.Connection, story: str, vectors: Vectors) -> None:
    """Add the article's unit vectors to the story's centroid and keep its norm exact."""
    dots = centroid_dots(conn, [story], vectors)[story]
    for channel in CHANNELS:
        vector = vectors[channel]
        if not vector:
            continue
        norm2_increase = 2.0 * dots.get(channel, 0.0) + 1.0
        story_terms.add_to_centroid(conn, story, channel, channel == NAMES, norm2_increase, vector)


def add_member(
    conn: sqlite3.Connection,
    story: str,
    article: Article,
    duplicate_of: str | None,
    similarity: float | None,
) -> int:
    """Record the article in the story and widen its dates; returns the story's source count."""
    published = published_day(article)
    seen = published.isoformat() if published else (article.ingested_at or "")[:10] or None
    pub = published.isoformat() if published else None
    return store.add_story_member(conn, story, article.id, duplicate_of, similarity, seen, pub)


# -- labels --------------------------------------------------------------------------------


def refresh_label(conn: sqlite3.Connection, story: str) -> None:
    store.set_story_label(conn, story, story_label(conn, story))


def story_label(conn: sqlite3.Connection, story: str) -> str:
    """A readable label from the story's central names and words: "Kenya · Haiti · police"."""
    documents = counter_value(conn, "documents")
    names = [
        (term, surface)
        for term, surface in central_features(conn, story, NAMES, documents)
        if not term.startswith(("n:", "y:", "t:"))
    ]
    names.sort(key=lambda item: not item[0].startswith("e:"))  # entities first, rank kept
    chosen: list[str] = []
    for _term, surface in names:
        if len(chosen) < LABEL_NAMES and not overlaps_any(surface, chosen):
            chosen.append(surface)
    words = 0
    for _term, surface in central_features(conn, story, WORDS, documents):
        if words < LABEL_WORDS and not overlaps_any(surface, chosen):
            chosen.append(surface)
            words += 1
    return " · ".join(chosen)


def central_features(
    conn: sqlite3.Connection, story: str, channel: int, documents: int
) -> Iterator[tuple[str, str]]:
    """(term, surface) of the story's heaviest features, most central first (weight x IDF)."""
    rows = story_terms.heaviest_story_terms(conn, story, channel, LABEL_POOL)
    ranked = sorted(rows, key=lambda r: (-r["weight"] * idf(documents, r["df"]), r["term"]))
    for row in ranked:
        yield str(row["term"]), str(row["surface"])


def overlaps_any(surface: str, chosen: list[str]) -> bool:
    """True when the surface repeats a chosen one ("Ruto" after "William Ruto")."""
    low = surface.lower()
    return any(low in other.lower() or other.lower() in low for other in chosen)
