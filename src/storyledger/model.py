"""The data model of storyledger: plain dataclasses, no I/O, no package imports.

These are the stages' own types: articles and what extraction finds in them.
The shapes the views return (stories, figures, observations, events) are
described once, in ``web/schemas.py``, which the OpenAPI schema is built from
and the schemathesis tests check every answer against.

Field names are a public contract: they are the JSON field names of every
interface (see DESIGN.md). Extend freely; rename only with a version note.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DateSource = Literal["metadata", "html", "cli", "text", "none"]
Modality = Literal["asserted", "planned", "pledged", "estimated", "needed", "reported"]

MODALITIES: tuple[str, ...] = ("asserted", "planned", "pledged", "estimated", "needed", "reported")
# An observation's relation to those before it (link.relations says when each holds).
Relation = Literal["first", "corroborates", "updates", "conflicts", "refines", "restates"]


def content_id(text: str) -> str:
    """The id of an article: a hash of its normalised text (same text, same id)."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date or datetime
    published_source: DateSource = "none"
    language: str = "en"
    ingested_at: str | None = None
    extractor_version: str | None = None
    author: str | None = None
    seen_at: str | None = None  # when a live fetch (fetch, watch) saw it; never an import


@dataclass
class EntityMention:
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, FAC, ...
    key: str  # canonical entity key, e.g. "kenya", "william_ruto"
    name: str  # canonical display name, e.g. "Kenya", "William Ruto"
    sentence: int = 0


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    type: str  # TIMEX3 type: DATE, TIME, DURATION, SET
    value: str | None  # TIMEX3 value: 2024-01-26, 2024-05, 2024-W26, P3W, PRESENT_REF ...
    mod: str | None = None  # START, MID, END, APPROX, ...
    interval_start: str | None = None  # ISO date of the first day the value denotes
    interval_end: str | None = None  # ISO date of the last day the value denotes
    resolved: bool = False  # True when the value was computed from the publication date
    sentence: int = 0


@dataclass
class QuantityMention:
    start: int
    end: int
    text: str
    value: float
    low: float | None = None
    high: float | None = None
    approx: str | None = None  # "at least", "about", "more than", "nearly", "up to", "between"
    unit: str = "count"  # ISO currency code, "percent", "count", or a pint unit ("kilometer")
    counted: str | None = None  # what is counted: "police officer", "trust fund deposit"
    predicate: str | None = None  # lemma of the governing verb: "deploy", "pledge"
    sentence: int = 0
    unit_text: str | None = None  # the unit as written: "kHz", "dirhams", "$", "%", "p"
    dimension: str = "count"  # "currency", "ratio", "count", "age", or pint's: "length", "power"
    change: str | None = None  # "up" or "down" for an amount that states a change, else None


@dataclass
class Speaker:
    text: str
    start: int | None = None
    end: int | None = None


@dataclass
class QuoteMention:
    start: int  # the content span
    end: int
    text: str
    speaker: Speaker | None = None
    speaker_key: str | None = None
    cue: str | None = None  # "said", "told", "according to"
    direct: bool = True
    sentence: int = 0


@dataclass
class Claim:
    sentence: int
    start: int  # the sentence span in the article text
    end: int
    text: str  # the sentence
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    quantity: int | None = None  # index into Extraction.quantities
    time: int | None = None  # index into Extraction.times
    speaker: str | None = None
    speaker_key: str | None = None
    cue: str | None = None
    modality: Modality = "asserted"
    polarity: str = "positive"  # positive | negative
    change: bool = False  # True for an addition ("another 200"), False for a level
    entities: list[str] = field(default_factory=list)  # entity keys in the sentence


@dataclass
class Extraction:
    entities: list[EntityMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # sentence spans
    extractor_version: str = ""
    language: str = "en"  # ISO 639-1; another language than English gives no mentions

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        def speaker(raw: dict[str, Any] | None) -> Speaker | None:
            return Speaker(**raw) if raw else None

        return cls(
            entities=[EntityMention(**e) for e in data.get("entities", [])],
            times=[TimeMention(**t) for t in data.get("times", [])],
            quantities=[QuantityMention(**q) for q in data.get("quantities", [])],
            quotes=[
                QuoteMention(**{**q, "speaker": speaker(q.get("speaker"))})
                for q in data.get("quotes", [])
            ],
            claims=[Claim(**c) for c in data.get("claims", [])],
            sentences=[tuple(s) for s in data.get("sentences", [])],
            extractor_version=data.get("extractor_version", ""),
            language=data.get("language", "en"),
        )
