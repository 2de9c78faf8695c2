"""The JSON API, versioned under /api/v1: the report data functions, as they are."""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from storyledger.errors import InputError, Msg
from storyledger.ingest.files import Loaded, article_from_record
from storyledger.ingest.pipeline import ingest_loaded
from storyledger.ingest.records import Defaults
from storyledger.report.articles import article_data, articles_data
from storyledger.report.briefing import chosen_story
from storyledger.report.facts import (
    CURSOR,
    FACTS_PAGE,
    FACTS_PAGE_MAX,
    changes_data,
    facts_page,
    figure_data,
)
from storyledger.report.stories import entities_data, stories_data
from storyledger.report.timeline import day_bound, timeline_data
from storyledger.store.sqlite import Ledger
from storyledger.web.pool import ledger_of, one_snapshot
from storyledger.web.schemas import (
    ArticleOut,
    ArticleSummaryOut,
    ChangesOut,
    EntityOut,
    EventOut,
    FactsPageOut,
    FigureOut,
    IngestIn,
    IngestOut,
    SearchHitOut,
    StoryOut,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad input"},
    404: {"description": "Not found"},
}

api_router = APIRouter(tags=["ledger"], responses=ERRORS)

# A year is 0001-9999 (0000 is no year of the calendar dates are read in).
YEAR = r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
YEAR_OR_MONTH = rf"^{YEAR}(-(0[1-9]|1[0-2]))?$"


def reduced_precision_date(schema: dict[str, Any]) -> None:
    """The schema of a date of any ISO 8601 precision: YYYY, YYYY-MM or a full date."""
    for key in ("type", "pattern", "format"):
        schema.pop(key, None)
    schema["anyOf"] = [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": YEAR_OR_MONTH},
    ]


def date_query(alias: str | None = None) -> Any:
    """A query parameter holding a date as YYYY, YYYY-MM or YYYY-MM-DD."""
    return Query(alias=alias, max_length=10, json_schema_extra=reduced_precision_date)


AnyDate = Annotated[str, date_query()]
bearer = HTTPBearer(auto_error=False, description="The token given to `serve`.")


def may_write(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Writes are refused on a read-only server, and need the server's token if it has one."""
    if request.app.state.read_only:
        raise HTTPException(403, Msg.READ_ONLY)
    token: str | None = request.app.state.token
    if token is None:
        return
    if credentials is None:
        raise HTTPException(401, Msg.TOKEN_MISSING, headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(403, Msg.TOKEN_WRONG)


def known_story(ledger: Ledger, story: str) -> str:
    """``story`` if the ledger has it (one row looked up), else a 404 naming it."""
    chosen_story(ledger, story)  # raises NotFoundError
    return story


@api_router.get("/stories", response_model=list[StoryOut])
@one_snapshot
def stories(request: Request) -> Any:
    """Every story of the ledger."""
    return stories_data(ledger_of(request))


def as_is(data: Any) -> Response:
    """``data`` as JSON without re-validating it against the response model.

    For the largest answers (a big story's facts hold thousands of observations,
    and pydantic would take longer to check them than SQLite takes to read them):
    the data functions already produce the contract's shapes, the response model
    still documents them in the OpenAPI schema, and tests/web/test_schema.py
    checks the answers against it. orjson encodes them several times faster than
    the standard library.
    """
    return Response(orjson.dumps(data), media_type="application/json")


PageLimit = Annotated[int, Query(ge=1, le=FACTS_PAGE_MAX)]
PageCursor = Annotated[str | None, Query(max_length=200, pattern=CURSOR)]


@api_router.get("/stories/{story}/facts", response_model=FactsPageOut)
@one_snapshot
def story_facts(
    request: Request, story: str, limit: PageLimit = FACTS_PAGE, cursor: PageCursor = None
) -> Any:
    """A page of the figures of one story, those a reader follows first first (more
    independent outlets, then more revisions and conflicts, then more observations):
    ``{figures, total, next_cursor}``. Each figure has its latest value, open and settled
    conflicts and counts, and of its observations those these cite;
    ``/figures/{figure}`` gives its whole history. Pass ``next_cursor`` as ``cursor`` for
    the next page (null on the last). Until 2026-12 this was every figure, with every
    observation, in the order first seen: ``storyledger facts --json`` still gives that."""
    ledger = ledger_of(request)
    return as_is(facts_page(ledger, known_story(ledger, story), limit, cursor))


@api_router.get("/facts", response_model=FactsPageOut)
@one_snapshot
def all_facts(request: Request, limit: PageLimit = FACTS_PAGE, cursor: PageCursor = None) -> Any:
    """A page of the figures of every story, as ``/stories/{story}/facts`` gives them."""
    return as_is(facts_page(ledger_of(request), None, limit, cursor))


@api_router.get("/figures/{figure}", response_model=FigureOut)
@one_snapshot
def figure(request: Request, figure: str) -> Any:
    """One figure with its full history and citations."""
    return figure_data(ledger_of(request), figure)


@api_router.get("/stories/{story}/timeline", response_model=list[EventOut])
@one_snapshot
def story_timeline(
    request: Request,
    story: str,
    start: Annotated[str | None, date_query("from")] = None,
    end: Annotated[str | None, date_query("to")] = None,
    everything: Annotated[bool, Query(alias="all")] = False,
) -> Any:
    """The dated events of one story, most salient first: the key events (two independent
    outlets report them, or a report leads with them), or every one with ``all=true``."""
    ledger = ledger_of(request)
    return timeline_data(ledger, known_story(ledger, story), start, end, key_only=not everything)


@api_router.get("/changes", response_model=ChangesOut)
@one_snapshot
def changes(request: Request, since: AnyDate) -> Any:
    """New stories, figures, values and conflicts since a date (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return changes_data(ledger_of(request), date.fromisoformat(day_bound(since, first=True)))


@api_router.get("/entities", response_model=list[EntityOut])
@one_snapshot
def entities(request: Request, story: str | None = None) -> Any:
    """Canonical entities, with aliases and mention counts per story."""
    return entities_data(ledger_of(request), story)


@api_router.get("/articles", response_model=list[ArticleSummaryOut])
@one_snapshot
def articles(request: Request) -> Any:
    """Every article of the ledger."""
    return articles_data(ledger_of(request))


@api_router.get("/articles/{article}", response_model=ArticleOut)
@one_snapshot
def article(request: Request, article: str) -> Any:
    """One article with its text and every extraction (entities, times, quantities, quotes)."""
    return article_data(ledger_of(request), article)


@api_router.get("/search", response_model=list[SearchHitOut])
@one_snapshot
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Any:
    """Full-text search over article text, with a snippet per hit."""
    return ledger_of(request).search(q, limit)


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No token given (the server has one)"},
    403: {"description": "Wrong token, or a read-only server"},
    413: {"description": "Request body larger than the server takes"},
}


@api_router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    dependencies=[Depends(may_write)],
    responses=WRITE_ERRORS,
)
def ingest(request: Request, payload: IngestIn) -> Any:
    """Ingest up to 100 articles: ``{"articles": [{text | html, url?, outlet?, ...}]}``.

    Each article is extracted, stored and linked; bad ones are listed under ``failed``.
    """
    wheres = {f"articles[{i}]": i for i in range(len(payload.articles))}
    loaded = [
        loaded_record(where, article.model_dump(exclude_none=True))
        for where, article in zip(wheres, payload.articles, strict=True)
    ]
    report = ingest_loaded(ledger_of(request), loaded)
    return {
        "added": report.added,
        "skipped": report.skipped,
        "failed": [{"index": wheres[where], "error": msg} for where, msg in report.failed],
    }


def loaded_record(where: str, record: dict[str, Any]) -> Loaded:
    try:
        return Loaded(where, article=article_from_record(record, where, Defaults()))
    except InputError as exc:
        return Loaded(where, error=str(exc))
