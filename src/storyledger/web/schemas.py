"""The JSON shapes of the API (DESIGN.md's contract), for validation and the OpenAPI schema.

Response models allow extra fields: the contract may grow, never shrink.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from storyledger.model import Relation

MAX_TEXT_CHARS = 1_000_000


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class StoryOut(Open):
    id: str
    label: str
    first_seen: str | None
    last_seen: str | None
    articles: list[str]


class ObservationOut(Open):
    value: float
    low: float | None
    high: float | None
    as_of: str | None
    article: str
    outlet: str | None
    url: str | None
    speaker: str | None
    relation: Relation
    seen_by: str | None = None  # an undated report's day a live fetch saw it
    reason: str | None = None  # why its authority revised the value, where the text says


class FigureOut(Open):
    id: str
    story: str
    label: str
    unit: str
    counted: str | None
    modality: str
    observations: list[ObservationOut]
    conflicts: list[Any]


class FactsPageOut(Open):
    """A page of figures; each has only the observations its summary cites."""

    figures: list[FigureOut]
    total: int
    next_cursor: str | None


class SourceOut(Open):
    article: str
    outlet: str | None
    url: str | None


class EventOut(Open):
    id: str
    story: str
    date: str
    status: str
    description: str
    salience: int
    key: bool
    sources: list[SourceOut]


class ArticleSummaryOut(Open):
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None


class ArticleOut(ArticleSummaryOut):
    text: str
    extraction: dict[str, Any]


class EntityOut(Open):
    key: str
    name: str
    type: str | None


class SearchHitOut(Open):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str


class ChangesOut(Open):
    since: str


class ArticleIn(BaseModel):
    """One article to ingest: ``text`` or ``html`` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    html: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    url: str | None = Field(default=None, max_length=2048)
    outlet: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=64)
    author: str | None = Field(default=None, max_length=200)


class IngestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=100)


class IngestFailure(BaseModel):
    index: int
    error: str


class IngestOut(BaseModel):
    added: list[str]
    skipped: list[str]
    failed: list[IngestFailure]
