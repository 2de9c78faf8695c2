"""Server-rendered pages (Jinja2, autoescaped) over the same data functions as the CLI."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from storyledger.report.articles import article_data
from storyledger.report.briefing import (
    TIMELINE_EVENTS,
    chosen_story,
    event_summary,
    figure_summary,
    sources_count,
    sources_of_story,
    story_quotes,
)
from storyledger.report.display import as_of_text, date_text, day_text, number_text, value_text
from storyledger.report.facts import changes_data, facts_page, figure_data
from storyledger.report.stories import stories_data
from storyledger.report.timeline import events_of, in_date_order, timeline_data
from storyledger.web.highlight import segments
from storyledger.web.pool import ledger_of, one_snapshot

RECENT_DAYS = 14
SOURCES_SHOWN = 50  # on the story page, the newest; all of them on its sources page
EVENT_CITATIONS = 3  # of each event on the story page: its first reports
FIGURES_SHOWN = 12  # on the story page, those a reader follows first; the next ones a click away
PAGE_WORKERS = ThreadPoolExecutor(4, thread_name_prefix="storyledger-page")
SNIPPET_MARKS = ("\x02", "\x03")  # cannot occur in article text the template shows

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters["date"] = date_text
templates.env.filters["as_of"] = as_of_text
templates.env.filters["day"] = day_text
templates.env.filters["value"] = number_text
templates.env.filters["range"] = value_text


@pass_context
def path_for(context: dict[str, Any], name: str, /, **params: Any) -> str:
    """The site-relative path of a route (links keep working behind a proxy).

    A page links to hundreds of articles, and finding a route by name takes the router
    a while: the path of each route is found once, with placeholders, and filled in
    (for plain values: anything else is left to the router, which rejects a '/')."""
    app = context["request"].app
    if not all(
        isinstance(v, str) and v and "/" not in v and "\x00" not in v for v in params.values()
    ):
        return str(app.url_path_for(name, **params))
    known: dict[tuple[str, ...], str] = app.state.__dict__.setdefault("path_templates", {})
    key = (name, *sorted(params))
    if key not in known:
        known[key] = str(app.url_path_for(name, **{k: f"\x00{k}\x00" for k in params}))
    path = known[key]
    for k, v in params.items():
        path = path.replace(f"\x00{k}\x00", v)
    return path


templates.env.globals["path_for"] = path_for

page_router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, message=message, status_code=status)


def recent_since(stories: list[dict[str, Any]]) -> date:
    """The start of the 'recently' window: RECENT_DAYS before the newest story activity."""
    last = max((s["last_seen"] for s in stories if s.get("last_seen")), default=None)
    newest = date.fromisoformat(last[:10]) if last else date.today()
    return newest - timedelta(days=RECENT_DAYS)


@page_router.get("/")
@one_snapshot
def index(request: Request) -> HTMLResponse:
    ledger = ledger_of(request)
    stories = stories_data(ledger)
    since = recent_since(stories)
    return render(
        request,
        "index.html",
        stories=sorted(stories, key=lambda s: s.get("last_seen") or "", reverse=True),
        since=since.isoformat(),
        changes=changes_data(ledger, since),
    )


def story_page_data(
    ledger: Any,
    story: str,
    other_ledger: Callable[[], Any] | None = None,
    figures_after: str | None = None,
) -> dict[str, Any]:
    """The briefing's pieces for one story, each read once: the FIGURES_SHOWN figures a
    reader follows first (their charts, not their steps; from their summaries, a page of
    ``facts_page``: the next page after ``figures_after``, a cursor), the TIMELINE_EVENTS
    most salient events, the key quotes and the newest SOURCES_SHOWN sources.

    With ``other_ledger`` (a connection of the calling thread), the key quotes are read
    meanwhile by a worker thread: SQLite does most of that work without the GIL."""
    info = chosen_story(ledger, story)  # NotFoundError for an unknown story
    quotes = (
        PAGE_WORKERS.submit(lambda: story_quotes(other_ledger(), story, citations=1))
        if other_ledger is not None
        else None
    )
    events = timeline_data(  # the most salient, each with the citations the page shows
        ledger, story, limit=TIMELINE_EVENTS, key_only=True, sources_per_event=EVENT_CITATIONS
    )
    figures = facts_page(ledger, story, FIGURES_SHOWN, figures_after)
    last_days: dict[str, str | None] = {}  # of the dates of this story's figures
    data = {
        "story": info,
        "figures": [
            figure_summary(f, steps=False, last_days=last_days)
            for f in figures["figures"]
            if f["observations"]
        ],
        "figures_total": figures["total"],
        "figures_next": figures["next_cursor"],
        "timeline": [event_summary(e) for e in in_date_order(events)],
        "events_not_shown": events_of(ledger, story) - len(events),
        "sources": sources_of_story(ledger, info, newest=SOURCES_SHOWN),
        "sources_total": sources_count(ledger, info),
    }
    # the page cites the first printing of each quote
    data["quotes"] = quotes.result() if quotes else story_quotes(ledger, story, citations=1)
    return data


@page_router.get("/stories/{story}")
@one_snapshot
def story_page(
    request: Request,
    story: str,
    figures: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    """A story's page; ``figures`` (a cursor) shows the figures after those shown before."""
    pool = request.app.state.pool
    data = story_page_data(ledger_of(request), story, pool.get, figures)
    return render(request, "story.html", brief=data, figures=data["figures"])


@page_router.get("/stories/{story}/sources")
@one_snapshot
def story_sources_page(request: Request, story: str) -> HTMLResponse:
    ledger = ledger_of(request)
    info = chosen_story(ledger, story)
    return render(request, "sources.html", story=info, sources=sources_of_story(ledger, info))


@page_router.get("/figures/{figure}")
@one_snapshot
def figure_page(request: Request, figure: str) -> HTMLResponse:
    data = figure_data(ledger_of(request), figure)
    return render(request, "figure.html", figure=data, summary=figure_summary(data))


@page_router.get("/articles/{article}")
@one_snapshot
def article_page(request: Request, article: str) -> HTMLResponse:
    data = article_data(ledger_of(request), article)
    return render(
        request, "article.html", article=data, segments=segments(data["text"], data["extraction"])
    )


@page_router.get("/search")
@one_snapshot
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    hits = ledger_of(request).search(q, marks=SNIPPET_MARKS) if q.strip() else []
    return render(request, "search.html", q=q, hits=hits)
