"""The briefing: one story's figures, disagreements, timeline, quotes and sources.

``briefing_data`` gathers plain data from the other views (facts, timeline,
quotes, articles); ``render_briefing`` turns it into Markdown, a self-contained
HTML page (inline CSS and SVG, no scripts, no external assets) or JSON. Every
statement carries a citation ``[outlet, date]``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from storyledger.errors import Msg, NotFoundError
from storyledger.link.summaries import SeriesPoint, reports_like, series_of
from storyledger.report.charts import Point, step_chart
from storyledger.report.display import date_text, day_text, number_text, value_text
from storyledger.report.facts import by_what_readers_follow, facts_data
from storyledger.report.quotes import key_order, quote_order, quotes_data
from storyledger.report.timeline import events_of, in_date_order, timeline_data
from storyledger.store.articles import count_story_articles, story_article_citations
from storyledger.store.sqlite import Ledger, now_iso
from storyledger.store.stories import largest_story, story_by_id

FORMATS = ("md", "html", "json")
HEADLINE_FIGURES = 8
TIMELINE_EVENTS = 40  # the most salient, shown in date order
KEY_SPEAKERS = 8
QUOTES_PER_SPEAKER = 3
CITATIONS_SHOWN = 4


# -- data ---------------------------------------------------------------------------------


def briefing_data(ledger: Ledger, story: str | None = None) -> dict[str, Any]:
    """Everything the briefing shows, as plain data (the story with most articles by default)."""
    story_info = chosen_story(ledger, story)
    story_id = story_info["id"] if story_info else None
    figures = [figure_summary(f) for f in headline_figures(facts_data(ledger, story_id))]
    events, total = (
        timeline_data(ledger, story_id, limit=TIMELINE_EVENTS, key_only=True),
        events_of(ledger, story_id),
    )
    timeline = [event_summary(e) for e in in_date_order(events)]
    return {
        "story": story_info,
        "generated_at": now_iso(),
        "figures": figures,
        "conflicts": [c for f in figures for c in f["conflicts"]],
        "timeline": timeline,
        "events_not_shown": total - len(events),
        "quotes": story_quotes(ledger, story_id),
        "sources": sources_of_story(ledger, story_info),
    }


def chosen_story(ledger: Ledger, story: str | None) -> dict[str, Any] | None:
    """The story asked for (an error if there is none), else the one with most articles."""
    if story is None:
        return largest_story(ledger.conn)
    found = story_by_id(ledger.conn, story)
    if found is None:
        raise NotFoundError(Msg.UNKNOWN_STORY.format(id=story))
    return found


def headline_figures(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The HEADLINE_FIGURES figures a reader follows first (``by_what_readers_follow``)."""
    ranked = by_what_readers_follow(figures)
    return [f for f in ranked if f["observations"]][:HEADLINE_FIGURES]


def citation(source: dict[str, Any]) -> dict[str, Any]:
    """``{outlet, date, url, article, text: "[outlet, date]"}`` of an article."""
    outlet = source.get("outlet") or "unknown outlet"
    published = day_text(source.get("published"))
    return {
        "outlet": outlet,
        "date": published,
        "url": source.get("url"),
        "article": source.get("article"),
        "text": f"[{outlet}, {published}]",
    }


def figure_summary(
    figure: dict[str, Any], steps: bool = True, last_days: dict[str, str | None] | None = None
) -> dict[str, Any]:
    """Latest value, the steps by which it changed, open conflicts and a chart of one figure
    (``steps`` empty unless asked for: the story page shows the chart instead).
    ``last_days`` (as_of -> the day it is drawn at, its last; only needed for
    observations without ``as_of_end``) may be shared by the figures of one story: an
    article's figures have the same dates. A figure of ``facts_page`` has its chart's
    series and its undated values counted already, and only the observations its
    summary cites."""
    observations = figure["observations"]  # in the order of their relations (Obs.order)
    unit, change = figure["unit"], figure.get("change")
    latest = figure.get("latest") or observations[-1]
    if "series" in figure:  # a figure of ``facts_page``, from its summary
        series, undated = figure["series"], figure["undated"]
    else:
        series, undated = series_of(observations, last_days)
    return {
        "id": figure["id"],
        "label": figure["label"],
        "unit": unit,
        "modality": figure["modality"],
        "latest": step_of(latest, unit, agreeing_citations(latest, observations), change),
        "steps": value_steps(unit, observations, change) if steps else [],
        "conflicts": [conflict_summary(figure, c) for c in figure.get("conflicts", [])],
        "chart": step_chart(
            chart_points(series), figure["label"], lambda v: number_text(v, unit), date_text
        ),
        # values known at no time (an undated report, no date in its text): kept out of the
        # chart, which places values in time, and counted apart
        "undated": undated,
    }


def chart_points(series: list[SeriesPoint]) -> list[Point]:
    """The points of a figure's chart (``link.summaries.series_of``), as ``step_chart``
    takes them."""
    return [Point(*point) for point in series]


def step_of(
    observation: dict[str, Any], unit: str, citations: list[dict[str, Any]], change: Any = None
) -> dict[str, Any]:
    return {
        "value": value_text(observation, unit, change),
        "as_of": observation.get("as_of"),
        "relation": observation["relation"],
        "speaker": observation.get("speaker"),
        "citations": citations,
    }


def agreeing_citations(
    latest: dict[str, Any], observations: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Citations of every report giving the latest value for the same time."""
    at = next(  # the latest is near the end
        (
            i
            for i in range(len(observations) - 1, -1, -1)
            if observations[i] is latest or observations[i] == latest
        ),
        None,
    )
    same = [observations[i] for i in reports_like(observations, at)] if at is not None else []
    return [citation(o) for o in same or [latest]]


def value_steps(
    unit: str, observations: list[dict[str, Any]], change: Any = None
) -> list[dict[str, Any]]:
    """Consecutive observations of the same value folded into one step with all citations
    (each value formatted once per step: a repeated value, as printed, is the same step)."""
    steps: list[dict[str, Any]] = []
    last: tuple[Any, ...] | None = None
    for obs in observations:
        raw = (obs["value"], obs.get("low"), obs.get("high"), obs.get("quantity_text"))
        if steps and (raw == last or steps[-1]["value"] == value_text(obs, unit, change)):
            steps[-1]["citations"].append(citation(obs))
        else:
            steps.append(step_of(obs, unit, [citation(obs)], change))
        last = raw
    return steps


def conflict_summary(figure: dict[str, Any], conflict: dict[str, Any]) -> dict[str, Any]:
    """An open conflict: the two values outlets give for the same time, each cited."""
    return {
        "figure": figure["id"],
        "label": figure["label"],
        "as_of": conflict.get("as_of"),
        "claims": [
            {"value": value_text(o, figure["unit"], figure.get("change")), "citation": citation(o)}
            for o in conflict["values"]
        ],
    }


def event_summary(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": event["id"],
        "date": event["date"],
        "date_shown": date_text(event["date"], event.get("mod")),
        "status": event["status"],
        "description": event["description"],
        "actors": event["actors"],
        "salience": event["salience"],
        "citations": [citation(s) for s in event["sources"] if not s.get("duplicate_of")]
        or [citation(s) for s in event["sources"]],
    }


def key_quotes(groups: list[dict[str, Any]], citations: int | None = None) -> list[dict[str, Any]]:
    """Named speakers first, the most quoted first, each with their own words before
    paraphrases and the most widely printed first (``quotes_data`` with ``speakers`` and
    ``per_speaker`` gives only these); each quote with the citations of every article that
    printed it (the first ``citations`` of them if given)."""
    chosen = []
    for group in sorted(groups, key=key_order, reverse=True)[:KEY_SPEAKERS]:
        quotes = sorted(group["quotes"], key=quote_order)
        chosen.append(
            {
                "speaker": group["speaker"],
                "quotes": [
                    {
                        "text": q["text"],
                        "direct": q["direct"],
                        "citations": [citation(s) for s in q["sources"][:citations]],
                    }
                    for q in quotes[:QUOTES_PER_SPEAKER]
                ],
            }
        )
    return chosen


def story_quotes(
    ledger: Ledger, story: str | None, citations: int | None = None
) -> list[dict[str, Any]]:
    """The key quotes of a story (of the ledger if None), as the briefing shows them."""
    return key_quotes(
        quotes_data(
            ledger,
            story,
            speakers=KEY_SPEAKERS,
            per_speaker=QUOTES_PER_SPEAKER,
            sources=citations,
        ),
        citations,
    )


def sources_of_story(
    ledger: Ledger, story: dict[str, Any] | None, newest: int | None = None
) -> list[dict[str, Any]]:
    """The story's articles (outlet, date, title, link), oldest first (only the ``newest``
    that many, if given)."""
    rows = story_article_citations(ledger.conn, story["id"] if story is not None else None, newest)
    return [
        {**citation({**dict(r), "article": r["id"]}), "title": r["title"] or r["id"]} for r in rows
    ]


def sources_count(ledger: Ledger, story: dict[str, Any] | None) -> int:
    """How many articles ``sources_of_story`` lists."""
    return count_story_articles(ledger.conn, story["id"] if story is not None else None)


# -- rendering ---------------------------------------------------------------------------


def render_briefing(data: dict[str, Any], fmt: str) -> str:
    """The briefing as Markdown, HTML or JSON."""
    if fmt == "json":
        figures = [{k: v for k, v in f.items() if k != "chart"} for f in data["figures"]]
        return json.dumps({**data, "figures": figures}, ensure_ascii=False, indent=2) + "\n"
    return template_environment().get_template(f"briefing.{fmt}").render(**data)


def template_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storyledger.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["cite_md"] = citations_markdown
    env.filters["date"] = date_text
    env.tests["safe_url"] = safe_url
    return env


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_text(text: str | None) -> str:
    """Text as literal Markdown: no emphasis, links or HTML can come from article text."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def citations_markdown(citations: list[dict[str, Any]], limit: int = CITATIONS_SHOWN) -> str:
    shown = [
        f"\\[[{markdown_text(c['outlet'])}, {c['date']}]({c['url']})\\]"
        if c.get("url") and safe_url(c["url"])
        else markdown_text(c["text"])
        for c in citations[:limit]
    ]
    if len(citations) > limit:
        shown.append(f"+{len(citations) - limit} more")
    return " ".join(shown)


def safe_url(url: str) -> bool:
    """Only http(s) links are written into a briefing."""
    return bool(re.match(r"^https?://[^\s()<>]+$", url))
