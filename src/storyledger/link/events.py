"""Timeline events: the dated clauses of a story's articles, merged across articles.

Every time mention with a calendar value (a day, week, month, quarter, year, or
an interval of those) becomes a *dated clause*: the clause around it, the
entities in it, and whether it tells what happened or what is expected; so does
an undated statement attributed in the first sentence ("..., Ruto said."),
dated by the publication day. A clause joins an event of the same story and
status when the dates are compatible and the wording and actors agree (a Dice
overlap of content words, weighted by how rare each word is in the story), or
it starts a new event.

Dates keep their granularity: a month event and a day event inside that month
merge only when the rest agrees strongly, and a month is never turned into its
first day. Candidates come from the (story, block) index, where the block is
the year-month (or the year, for long spans) of the date, so the cost of
linking an article does not grow with the ledger.

Everything on an event row (date, description, actors, salience) is recomputed
from its sources, so removing an article's sources (relinking) leaves no trace.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from storyledger.extract.boilerplate import in_furniture
from storyledger.extract.datelines import dateline_spans
from storyledger.link.retold import SAID_BEFORE
from storyledger.model import Article, Claim, Extraction, TimeMention
from storyledger.store import events as store
from storyledger.store.sqlite import Ledger
from storyledger.timex import timex_interval

CALENDAR_VALUE = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?$")
LEDE = -1  # the time index of a lede statement, dated by the publication date
# A key event: reported by this many independent outlets, or a report's lead (a dated clause
# of its first LEAD_SENTENCES sentences, at most LEAD_DAYS before its publication).
KEY_OUTLETS = 2
LEAD_SENTENCES = 3
LEAD_DAYS = timedelta(days=3)
REPORTING_VERB = re.compile(
    r"\b(?:said|says|told|tells|announced|announces|stated|declared|warned|insisted|assured|"
    r"confirmed|confirms|according\s+to)\b"
)
# A date used as a modifier: "the September 8 earthquake", "Friday's quake".
POSSESSIVE = re.compile(r"['’]s\b")
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+\Z", re.IGNORECASE)
NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|in|on|at|to|for|from|and|or|but|when|as|that|which|who|was|were|is|are|"
    r"has|had|have|will|after|before|with|by|until|through)\b)[a-z]{3,}\b"
)
SENTENCE_END = re.compile(r"[.!?…][\"”’)]*\Z")
QUOTE_MARK = re.compile(r"[\"“”«»]")
LONG_SENTENCE_WORDS = 30
SHORTEST_CLAUSE_WORDS = 5
SHORT_SPAN_DAYS = 31  # a month at most: finer dates may nest inside it
FUTURE_WINDOW_CHARS = 60  # how far before a time mention a future cue ("will") is looked for
RANGE_JOINER = re.compile(r"\s*(?:[-–—]|to|until|till|through|and|or)\s*", re.I)
CLAUSE_BREAK = re.compile(
    r";\s+|\s+[—–-]{1,2}\s+|,\s+(?=(?:as|but|while|whereas|although|though|because|since|"
    r"after|before|when|even as)\b)"
)
DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,}(?:\([^)]*\))?\s*[-–—]+\s+")  # "NAIROBI (Wire) - "
LEADING_CONJUNCTION = re.compile(
    r"^(?:as|but|while|whereas|although|though|because|since|even as|and)\s+", re.I
)
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|'ll|is due to|are due to|is set to|are set to|is expected to|"
    r"are expected to|scheduled to|plans? to|planning to|intends? to|to be held)\b",
    re.I,
)
CLAUSES_CACHED = 50_000  # content words of the clauses seen last
SUPPORT_DIGITS = 9  # a clause's support is compared to this many decimals (sums differ below)
MIN_WORD_WEIGHT = 0.1  # the weight of a word used by every clause of the story
PRIOR_CLAUSES = 20  # word weights stay near-even until a story has many more clauses
# Weighted Dice overlap of content words needed to merge, by how the dates relate: a
# story has few events on one day, more in one month.
SAME_DAY = 0.2
SAME_DATE_WORDS_ONLY = 0.35
SAME_DATE_WITH_ACTOR = 0.2
NESTED_DATE_WITH_ACTOR = 0.35
YEAR = re.compile(r"1[89]\d\d|20\d\d")
# Stems of common news verbs (and their nouns) that tell the same kind of event.
VERB_CLASSES = {
    "arrive": "arriv arrival land reach touch",
    "die": "die kill death dead shot",
    "approve": "approv approval authoris authoriz authorisation authorization endors",
    "resign": "resign resignation quit",
    "pledge": "pledg promis commit commitment",
    "send": "send sent deploy deployment dispatch",
    "rule": "rul ruling verdict",
}
SAME_MEANING = {stem: verb for verb, stems in VERB_CLASSES.items() for stem in stems.split()}
STOPWORD_TEXT = """
    a an the of in on at to for from by with and or but as that this these those is are was
    were be been being has have had will would could should may might can it its their his her
    they he she we you i our your them him said says say saying told tell also than then there
    which who whom whose what when where while after before into over under about up out not no
    so if more most some any all one two new last next later earlier early late this week month
    year day today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    mid end start beginning"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())


@dataclass
class DatedClause:
    """One dated statement of an article: the raw material of an event."""

    time_idx: int  # LEDE for the statement of a lede dated by publication
    sentence: int
    claim: int | None
    date: str
    mod: str | None
    interval_start: str
    interval_end: str
    status: str
    clause: str
    actors: dict[str, str]  # entity key -> display name


def link_events(ledger: Ledger, article: Article, extraction: Extraction, story: str) -> None:
    """Add the article's dated clauses to the story's events (inside the caller's transaction)."""
    conn = ledger.conn
    forget_article_events(conn, article.id)
    lead = lead_sentences(article.text, extraction)
    for clause in dated_clauses(article, extraction, lead):
        count_words(conn, story, clause.clause, +1)
        event_id = matching_event(conn, story, clause) or new_event(conn, story, article, clause)
        store.add_event_source(
            conn,
            event_id,
            article.id,
            clause.time_idx,
            clause.claim,
            clause.date,
            clause.mod,
            clause.interval_start,
            clause.interval_end,
            clause.clause,
            json.dumps(clause.actors, ensure_ascii=False),
            leads_with(article, clause, lead),
        )
        refresh_event(conn, event_id)


def lead_sentences(text: str, extraction: Extraction) -> list[int]:
    """The report's first LEAD_SENTENCES sentences (indexes): those of its body, past what a
    page puts before it and around it (furniture, a headline or a kicker without a full
    stop, a line said again, a fragment such as "Photo:" or a date line)."""
    lead: list[int] = []
    seen = ""  # the words of the sentences before
    for index, span in enumerate(extraction.sentences):
        words = " ".join(text[span[0] : span[1]].split())
        if words in seen or len(words.split()) < SHORTEST_CLAUSE_WORDS:
            continue
        if not SENTENCE_END.search(words):
            continue
        seen += " " + words
        if in_furniture(text, span):
            continue
        lead.append(index)
        if len(lead) == LEAD_SENTENCES:
            break
    return lead


def leads_with(article: Article, clause: DatedClause, lead: list[int]) -> bool:
    """The report leads with the clause: one of its lead sentences, about a day (not a month
    or a year) at most a few days before the report (any day, for a report without a date)."""
    if clause.sentence not in lead or span_days(clause.interval_start, clause.interval_end) > 1:
        return False
    if not article.published or len(article.published) < 10:
        return True
    published = date.fromisoformat(article.published[:10])
    ended = date.fromisoformat(clause.interval_end[:10])
    return timedelta(0) <= published - ended <= LEAD_DAYS


def forget_article_events(conn: sqlite3.Connection, article_id: str) -> None:
    """Remove an article's support from every event (a relink starts clean)."""
    removed = store.remove_article_event_sources(conn, article_id)
    for event_id, clause, story in removed:
        count_words(conn, story, clause, -1)
        refresh_event(conn, event_id)


def count_words(conn: sqlite3.Connection, story: str, clause: str, delta: int) -> None:
    """Add (or remove) one clause to the story's word statistics."""
    store.count_event_words(conn, story, ["", *sorted(content_words(clause))], delta)


def word_weights(conn: sqlite3.Connection, story: str, words: AbstractSet[str]) -> dict[str, float]:
    """Inverse clause frequency of each word in the story (rare words weigh most)."""
    found = store.event_word_clauses(conn, story, ["", *sorted(words)])
    total = max(found.pop("", 1), 1)
    return {
        w: math.log((total + PRIOR_CLAUSES) / (found.get(w, 0) + 1)) + MIN_WORD_WEIGHT
        for w in words
    }


# -- dated clauses of one article -------------------------------------------------


def dated_clauses(article: Article, extraction: Extraction, lead: list[int]) -> list[DatedClause]:
    """The article's time mentions with a calendar date, each with its clause and status.

    A report without a publication date gives only the text's absolute dates: a relative
    one ("on Monday", "last week") was resolved against no day the report was written. The
    report's own date line gives none."""
    published = article.published[:10] if article.published else None
    claim_of_time = claims_by_time(extraction.claims)
    datelines = dateline_spans(article.text)
    found = []
    for time_idx, time in calendar_times(article.text, extraction.times):
        if published is None and time.resolved:
            continue  # an undated report's "on Monday" has no day to count from
        if any(start <= time.start < end for start, end in datelines):
            continue  # "On: Sep 19, 2023", "Sept. 15 (UPI) --": the report's date, no event
        if in_furniture(article.text, sentence_span(extraction, time)):
            continue  # a caption, a "Related:" list: not the report
        interval = interval_of(time)
        if interval is None:
            continue
        claim_idx = claim_of_time.get(time_idx)
        claim = extraction.claims[claim_idx] if claim_idx is not None else None
        start, end = clause_span(article.text, sentence_span(extraction, time), time.start)
        found.append(
            DatedClause(
                time_idx=time_idx,
                sentence=time.sentence,
                claim=claim_idx,
                date=calendar_value(time.value or ""),
                mod=time.mod,
                interval_start=interval[0],
                interval_end=interval[1],
                status=event_status(article.text, time, interval, start, claim, published),
                clause=tidy_clause(article.text[start:end]),
                actors=actors_in(extraction, start, end, claim),
            )
        )
    statement = lede_statement(article, extraction, found, lead)
    return found if statement is None else [statement, *found]


def lede_statement(
    article: Article, extraction: Extraction, dated: list[DatedClause], lead: list[int]
) -> DatedClause | None:
    """The statement a report's lead attributes, when it gives no date of its own for it
    ("..., Ruto said."): news of the day, dated by the publication date. It is the first of
    the lead sentences (``lead_sentences``) to report a statement, if none before it
    tells a happening of a day of its own; never a statement made before ("had previously
    stated"), and past the first, not a direct quote (a feature opens with colour: "“Our
    camp is a model,” says ...")."""
    if not article.published or len(article.published) < 10 or not extraction.sentences:
        return None  # undated, or dated only to a month or a year: not a day's news
    for index in lead:
        sentence = extraction.sentences[index]
        if any(
            c.status == "happened" and not names_a_happening(article.text, extraction, c)
            for c in dated
            if c.sentence == index
        ):
            return None
        cue = REPORTING_VERB.search(article.text, sentence[0], sentence[1])
        if cue is None:
            continue
        if SAID_BEFORE.search(article.text, sentence[0], sentence[1]) or (
            index != lead[0] and QUOTE_MARK.search(article.text, sentence[0], cue.start())
        ):
            return None
        return lede_clause(article, extraction, index, cue.start())
    return None


def names_a_happening(text: str, extraction: Extraction, clause: DatedClause) -> bool:
    """The clause's date only names what happened then, as a modifier: "families affected
    by the September 8 earthquake", "Friday's quake". It is no news of the report: the
    report's lede may still be its news of the day."""
    time = extraction.times[clause.time_idx]
    after = text[time.end : time.end + 40]
    if POSSESSIVE.match(after):
        return True
    return bool(DETERMINER_BEFORE.search(text, 0, time.start)) and bool(NOUN_AFTER.match(after))


def lede_clause(article: Article, extraction: Extraction, index: int, cue: int) -> DatedClause:
    start, end = clause_span(article.text, extraction.sentences[index], cue)
    day = (article.published or "")[:10]
    claim = next((i for i, c in enumerate(extraction.claims) if c.sentence == index), None)
    return DatedClause(
        time_idx=LEDE,
        sentence=index,
        claim=claim,
        date=day,
        mod=None,
        interval_start=day,
        interval_end=day,
        status="happened",
        clause=tidy_clause(article.text[start:end]),
        actors=actors_in(
            extraction, start, end, extraction.claims[claim] if claim is not None else None
        ),
    )


def calendar_times(text: str, times: list[TimeMention]) -> list[tuple[int, TimeMention]]:
    """(index, mention) of the calendar dates, a range ("1915–1934", "this week or next
    week", "between May and July") joined into one mention with an interval value."""
    found: list[tuple[int, TimeMention]] = []
    joined_into_previous = False
    for idx, time in enumerate(times):
        if joined_into_previous or not is_calendar_date(time):
            joined_into_previous = False
            continue
        following = times[idx + 1] if idx + 1 < len(times) else None
        if following is not None and is_calendar_date(following):
            joined = joined_range(text, time, following)
            if joined is not None:
                found.append((idx, joined))
                joined_into_previous = True
                continue
        found.append((idx, time))
    return found


def joined_range(text: str, first: TimeMention, second: TimeMention) -> TimeMention | None:
    """One mention for two dates written as a range or as alternatives, else None."""
    between = text[first.end : second.start]
    if first.sentence != second.sentence or not RANGE_JOINER.fullmatch(between):
        return None
    if between.strip() == "and" and not text[: first.start].rstrip().lower().endswith("between"):
        return None
    first_days, second_days = interval_of(first), interval_of(second)
    if first_days is None or second_days is None or second_days[0] < first_days[0]:
        return None
    return replace(
        first,
        end=second.end,
        text=text[first.start : second.end],
        value=f"{calendar_value(first.value or '')}/{calendar_value(second.value or '')}",
        mod=None,
        interval_start=first_days[0],
        interval_end=second_days[1],
    )


def claims_by_time(claims: list[Claim]) -> dict[int, int]:
    """Time mention index -> index of the claim that carries it (a claim dates its clause)."""
    found: dict[int, int] = {}
    for idx, claim in enumerate(claims):
        if claim.time is not None:
            found.setdefault(claim.time, idx)
    return found


def calendar_value(value: str) -> str:
    """The date part of a TIMEX3 value: '2024-06-24T10:00' -> '2024-06-24'."""
    return "/".join(part.split("T", 1)[0] for part in value.split("/"))


def is_calendar_date(time: TimeMention) -> bool:
    """True for a day, week, month, season, quarter, year or an interval of those."""
    if time.type not in ("DATE", "TIME") or not time.value:
        return False
    return all(CALENDAR_VALUE.match(part) for part in calendar_value(time.value).split("/"))


def interval_of(time: TimeMention) -> tuple[str, str] | None:
    """First and last day (ISO) of a calendar time mention; an interval "a/b" spans both."""
    if time.interval_start and time.interval_end:
        return time.interval_start, time.interval_end
    parts = [timex_interval(part) for part in calendar_value(time.value or "").split("/")]
    if any(part is None for part in parts):
        return None
    first, last = parts[0], parts[-1]
    assert first is not None and last is not None
    return first[0].isoformat(), last[1].isoformat()


def sentence_span(extraction: Extraction, time: TimeMention) -> tuple[int, int]:
    if 0 <= time.sentence < len(extraction.sentences):
        start, end = extraction.sentences[time.sentence]
        if start <= time.start and time.end <= end:
            return start, end
    return next(
        ((s, e) for s, e in extraction.sentences if s <= time.start and time.end <= e),
        (time.start, time.end),
    )


def clause_span(text: str, sentence: tuple[int, int], anchor: int) -> tuple[int, int]:
    """The clause of a long sentence that holds offset ``anchor``; the sentence when short."""
    start, end = sentence
    if len(text[start:end].split()) <= LONG_SENTENCE_WORDS:
        return start, end
    pieces = []
    piece_start = start
    for match in CLAUSE_BREAK.finditer(text, start, end):
        pieces.append((piece_start, match.start()))
        piece_start = match.end()
    pieces.append((piece_start, end))
    for piece in pieces:
        if piece[0] <= anchor < piece[1]:
            if len(text[piece[0] : piece[1]].split()) < SHORTEST_CLAUSE_WORDS:
                return start, end
            return piece
    return start, end


def tidy_clause(clause: str) -> str:
    """A clause as a readable description: no dateline or leading conjunction, a capital."""
    clause = DATELINE.sub("", " ".join(clause.split()))
    clause = LEADING_CONJUNCTION.sub("", clause).strip(" ,;")
    clause = without_unbalanced_quotes(clause)
    return clause[:1].upper() + clause[1:]


def without_unbalanced_quotes(clause: str) -> str:
    """Drop quotation marks left dangling at the ends of a clause cut out of a quote."""
    if clause.count('"') % 2 or clause.count("“") != clause.count("”"):
        return clause.strip('"“” ')
    return clause


def event_status(
    text: str,
    time: TimeMention,
    interval: tuple[str, str],
    clause_start: int,
    claim: Claim | None,
    published: str | None,
) -> str:
    """'expected' for a future date or a planned statement about the present; else 'happened'."""
    if published is not None:
        if interval[1] < published:
            return "happened"
        if interval[0] > published:
            return "expected"
    if claim is not None and claim.modality == "planned":
        return "expected"
    window = text[max(clause_start, time.start - FUTURE_WINDOW_CHARS) : time.end]
    return "expected" if FUTURE_CUE.search(window) else "happened"


def actors_in(extraction: Extraction, start: int, end: int, claim: Claim | None) -> dict[str, str]:
    """Entity keys (and names) mentioned in the clause, plus the claim's speaker."""
    actors = {
        e.key: e.name for e in extraction.entities if start <= e.start and e.end <= end and e.key
    }
    if claim is not None and claim.speaker_key and claim.speaker_key not in actors:
        actors[claim.speaker_key] = claim.speaker or claim.speaker_key
    return actors


# -- merging --------------------------------------------------------------------


@lru_cache(maxsize=CLAUSES_CACHED)
def content_words(text: str) -> frozenset[str]:
    """Crudely stemmed content words and the amounts of a clause, for comparing clauses.

    Years are left out (the dates are compared on their own) and common news verbs of
    one meaning share one word ("landed", "arrived" -> "arrive"). Kept for the clauses
    seen last: an event retold by many reports is compared with each new one.
    """
    words = set()
    for token in re.findall(r"[a-z][a-z'-]+|\d[\d,.]*\d|\d", text.lower()):
        if token[0].isdigit():
            amount = token.replace(",", "")
            if not YEAR.fullmatch(amount) and len(amount) > 1:
                words.add(amount)
            continue
        word = token.removesuffix("'s").strip("'-")
        if word in STOPWORDS or len(word) < 3:
            continue
        words.add(SAME_MEANING.get(stem(word), stem(word)))
    return frozenset(words)


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def dice(a: AbstractSet[str], b: AbstractSet[str], weight: dict[str, float]) -> float:
    """Weighted Dice overlap of two word sets."""
    total = sum(weight[w] for w in a) + sum(weight[w] for w in b)
    return 2 * sum(weight[w] for w in a & b) / total if total else 0.0


def span_days(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days + 1


def date_relation(
    a: tuple[str, str | None, str, str], b: tuple[str, str | None, str, str]
) -> str | None:
    """'same', 'nested' or None for two (value, mod, interval_start, interval_end)."""
    if a[0] == b[0] and a[1] == b[1]:
        return "same"
    fine, coarse = sorted((a, b), key=lambda d: span_days(d[2], d[3]))
    if span_days(coarse[2], coarse[3]) > SHORT_SPAN_DAYS:
        return None
    if coarse[2] <= fine[2] and fine[3] <= coarse[3]:
        return "nested"
    return None


def blocks_to_search(clause: DatedClause) -> list[str]:
    """Blocks where an event compatible with the clause's date can be filed."""
    if span_days(clause.interval_start, clause.interval_end) > SHORT_SPAN_DAYS:
        return [clause.interval_start[:4]]
    week_before = (date.fromisoformat(clause.interval_start) - timedelta(days=6)).isoformat()
    return sorted({week_before[:7], clause.interval_start[:7], clause.interval_end[:7]})


def block_of(interval_start: str, interval_end: str) -> str:
    if span_days(interval_start, interval_end) > SHORT_SPAN_DAYS:
        return interval_start[:4]
    return interval_start[:7]


@dataclass
class Candidate:
    """An event the clause may belong to: how the dates relate, its sources' words and actors."""

    id: str
    relation: str
    words: list[frozenset[str]]
    actors: set[str]


def agrees(
    clause: DatedClause, words: frozenset[str], event: Candidate, weight: dict[str, float]
) -> bool:
    """Whether the clause tells the same event as the sources already merged."""
    shared_actor = bool(set(clause.actors) & event.actors)
    best = max(dice(words, other, weight) for other in event.words)
    if event.relation == "same" and clause.interval_start == clause.interval_end:
        return best >= SAME_DAY
    if event.relation == "same":
        return best >= SAME_DATE_WORDS_ONLY or (shared_actor and best >= SAME_DATE_WITH_ACTOR)
    return shared_actor and best >= NESTED_DATE_WITH_ACTOR


def matching_event(conn: sqlite3.Connection, story: str, clause: DatedClause) -> str | None:
    """The id of the story's event the clause belongs to, if there is one."""
    candidates = compatible_events(conn, story, clause)
    if not candidates:
        return None
    words = content_words(clause.clause)
    weight = word_weights(conn, story, words.union(*(w for c in candidates for w in c.words)))
    return next((c.id for c in candidates if agrees(clause, words, c, weight)), None)


def compatible_events(conn: sqlite3.Connection, story: str, clause: DatedClause) -> list[Candidate]:
    """The story's events of the same status with a compatible date, most salient first."""
    start, end = clause.interval_start, clause.interval_end
    rows = store.events_around(conn, story, clause.status, blocks_to_search(clause), start, end)
    mine = (clause.date, clause.mod, start, end)
    relations = {
        row["id"]: relation
        for row in rows
        if (relation := date_relation(mine, tuple(row)[1:])) is not None
    }
    candidates = {
        event_id: Candidate(event_id, relation, [], set())
        for event_id, relation in relations.items()
    }
    for event_id, text, actors in store.event_source_clauses(conn, list(candidates)):
        candidates[event_id].words.append(content_words(text))
        candidates[event_id].actors.update(json.loads(actors))
    return [c for c in candidates.values() if c.words]


def new_event(conn: sqlite3.Connection, story: str, article: Article, clause: DatedClause) -> str:
    event_id = unused_event_id(conn, f"{story}|{article.id}|{clause.time_idx}")
    store.add_event(
        conn,
        event_id,
        story,
        block_of(clause.interval_start, clause.interval_end),
        clause.status,
        clause.date,
        clause.mod,
        clause.interval_start,
        clause.interval_end,
        clause.clause,
    )
    return event_id


def unused_event_id(conn: sqlite3.Connection, seed: str) -> str:
    """A stable id derived from the event's first source, salted if that id is taken."""
    salt = 0
    while True:
        event_id = "e" + hashlib.sha1(f"{seed}|{salt}".encode()).hexdigest()[:12]
        if not store.event_exists(conn, event_id):
            return event_id
        salt += 1


# -- recomputing an event from its sources -----------------------------------------------


def refresh_event(conn: sqlite3.Connection, event_id: str) -> None:
    """Recompute date, description, actors, salience and whether it is a key event (two
    independent outlets, or a report's lead) from the event's sources."""
    sources = store.event_source_rows(conn, event_id)
    if not sources:
        store.delete_event(conn, event_id)
        return
    finest = min(sources, key=lambda s: span_days(s["interval_start"], s["interval_end"]))
    salience = store.independent_outlets(conn, event_id)
    store.update_event(
        conn,
        event_id,
        finest["date"],
        finest["mod"],
        finest["interval_start"],
        finest["interval_end"],
        block_of(finest["interval_start"], finest["interval_end"]),
        best_supported_clause(sources, finest),
        json.dumps(ranked_actors(sources), ensure_ascii=False),
        salience,
        salience >= KEY_OUTLETS or any(s["lead"] for s in sources),
    )


def best_supported_clause(sources: list[sqlite3.Row], finest: sqlite3.Row) -> str:
    """Of the clauses that date the event as precisely as it is shown ("on Monday", not "in
    October"), the one whose wording the other sources share most (the earliest on a tie):
    the greatest sum of (unweighted) Dice overlaps with the clauses of all other sources.

    That sum is found without comparing the clauses pairwise (an event retold by thousands
    of reports would cost millions of comparisons): the Dice overlap of a clause of n words
    with one of m words is 2 * shared / (n + m), so over all clauses of m words it is
    2 / (n + m) times how many of them hold each of its words, counted once per length."""
    words = [content_words(s["clause"]) for s in sources]
    holding: dict[int, Counter[str]] = {}  # length -> word -> clauses of that length with it
    for clause_words in words:
        holding.setdefault(len(clause_words), Counter()).update(clause_words)
    precision = span_days(finest["interval_start"], finest["interval_end"])
    precise = [
        i
        for i, s in enumerate(sources)
        if span_days(s["interval_start"], s["interval_end"]) == precision
    ]

    @cache
    def support(mine: frozenset[str]) -> float:
        """Summed overlap with every clause but its own (whose overlap is 1, or 0 if empty)."""
        total = sum(
            2 * sum(counts[w] for w in mine) / (len(mine) + length)
            for length, counts in holding.items()
            if len(mine) + length
        )
        return round(total - (1 if mine else 0), SUPPORT_DIGITS)

    best = max(precise, key=lambda i: (support(words[i]), -i))
    return str(sources[best]["clause"])


def ranked_actors(sources: list[sqlite3.Row]) -> list[list[str]]:
    """[key, name] of the actors, the most cited first."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for source in sources:
        actors = json.loads(source["actors"])
        counts.update(actors.keys())
        for key, name in actors.items():
            names.setdefault(key, name)
    return [[key, names[key]] for key, _ in counts.most_common()]
