"""Linking cost per article as the ledger grows, and the facts view of a large story.

    .venv/bin/python bench/linking.py [--articles 100001] [--window 500] [--only-figures]

Builds a synthetic ledger of many stories from hand-made ``Article`` and
``Extraction`` objects (no spaCy, so 100k articles take minutes, not hours):
each story has its own place, actors and vocabulary, its articles arrive
interleaved with other stories', and report cumulative counts, additions,
pledges and money with dates. Every 20th article belongs to one large story
(5,000 articles at 100k).

Each article is stored with ``Ledger.add_article`` and linked with the same
stage functions, in the same transaction, as ``link.pipeline.link_article``,
timed per stage in CPU time (the machine may be shared). ``--only-figures``
puts each article straight into its planned story and runs the figure stage
alone. Printed:
  - CPU ms per article (store + link, and per link stage) averaged over a window of
    articles around the 1,001st and around the last (the 100,001st), and their
    ratio (target <= 1.5: the cost per article must not grow with the ledger); a
    window of 50 is noisy on a shared machine, hence 500 by default;
  - ``facts_data`` of the large story (target < 200 ms).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyledger.link.entities import update_entities  # noqa: E402
from storyledger.link.events import link_events  # noqa: E402
from storyledger.link.figures import link_figures  # noqa: E402
from storyledger.link.stories import assign_story  # noqa: E402
from storyledger.model import (  # noqa: E402
    Article,
    Claim,
    EntityMention,
    Extraction,
    QuantityMention,
    TimeMention,
    content_id,
)
from storyledger.report.facts import facts_data  # noqa: E402
from storyledger.store.sqlite import Ledger, open_ledger  # noqa: E402

TARGET_RATIO = 1.5
TARGET_FACTS_MS = 200
BIG_STORY_EVERY = 20
STORY_SIZE = 40  # articles of an ordinary story
ACTIVE_STORIES = 30  # stories running at the same time
OUTLETS = [f"Outlet {chr(65 + i)}" for i in range(12)]
SYLLABLES = [
    "ba",
    "ko",
    "ri",
    "ta",
    "ne",
    "su",
    "lo",
    "mi",
    "da",
    "ve",
    "po",
    "ga",
    "zu",
    "he",
    "ki",
]
T = TypeVar("T")
CLOCK = time.process_time  # CPU time: the machine may be shared; wall time is printed too
STAGES = ("store", "story", "entities", "figures", "events")

# -- synthetic stories -------------------------------------------------------------------


def name_of(number: int, parts: int = 3) -> str:
    """A pronounceable, unique name for a number: 17 -> 'Bakori'."""
    syllables = []
    for _ in range(parts):
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    return "".join(syllables).capitalize() + (name_of(number, 1).lower() if number else "")


@dataclass
class StoryPlan:
    number: int
    start: date
    place: str
    actor: str
    thing: str
    level: int = 0
    reports: int = 0
    pledge: int = field(default=0)


THINGS = ["police officers", "soldiers", "medics", "engineers", "observers", "teachers"]


def new_plan(number: int, rng: random.Random) -> StoryPlan:
    start = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
    plan = StoryPlan(
        number, start, name_of(number * 2), name_of(number * 2 + 1), rng.choice(THINGS)
    )
    plan.pledge = rng.randrange(5, 50) * 100
    return plan


@dataclass
class Draft:
    text: str
    published: date
    outlet: str
    extraction: Extraction


def draft_of(plan: StoryPlan, serial: int, rng: random.Random) -> Draft:
    """One report of a story: an addition, the level it brings, the pledge, money."""
    plan.reports += 1
    day = plan.start + timedelta(days=3 * plan.reports + rng.randrange(3))
    added = rng.randrange(1, 20) * 10
    plan.level += added
    level = plan.level if rng.random() > 0.05 else plan.level + 50  # now and then a conflict
    million = rng.randrange(1, 90)
    sentences = [
        f"Another {added} {plan.thing} from {plan.actor} reached {plan.place} on {day:%B} "
        f"{day.day}, bringing the total to {level}.",
        f"{plan.actor} has pledged {plan.pledge} {plan.thing} for {plan.place}.",
        f"Donors have given ${million} million to the {plan.place} fund, report {serial} said.",
    ]
    text = " ".join(sentences)
    builder = ExtractionBuilder(text)
    for sentence in sentences:
        builder.sentence(sentence)
    thing = plan.thing[:-1]
    builder.claim(0, f"{added} {plan.thing}", added, thing, "arrive", (day, f"{day:%B} {day.day}"),
                  change=True, subject=f"Another {added} {plan.thing}")  # fmt: skip
    builder.claim(0, str(level), level, thing, "bring", (day, f"{day:%B} {day.day}"),
                  subject=f"Another {added} {plan.thing}")  # fmt: skip
    builder.claim(1, f"{plan.pledge} {plan.thing}", plan.pledge, thing, "pledge", None,
                  modality="pledged", subject=plan.actor)  # fmt: skip
    builder.claim(2, f"${million} million", million * 1e6, None, "give", None, unit="USD",
                  subject="Donors")  # fmt: skip
    for sentence_idx in (0, 1):
        builder.entity(sentence_idx, plan.actor, "GPE")
    for sentence_idx in (0, 1, 2):
        builder.entity(sentence_idx, plan.place, "GPE")
    published = day + timedelta(days=rng.randrange(2))
    return Draft(text, published, rng.choice(OUTLETS), builder.done())


class ExtractionBuilder:
    """Mentions and claims at their offsets in a text made of known sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.extraction = Extraction(extractor_version="bench")

    def sentence(self, sentence: str) -> None:
        start = self.text.index(sentence)
        self.extraction.sentences.append((start, start + len(sentence)))

    def entity(self, sentence_idx: int, surface: str, label: str) -> None:
        first, last = self.extraction.sentences[sentence_idx]
        start = self.text.index(surface, first, last)
        key = surface.lower()
        self.extraction.entities.append(
            EntityMention(start, start + len(surface), surface, label, key, surface, sentence_idx)
        )
        for claim in self.extraction.claims:
            if claim.sentence == sentence_idx and key not in claim.entities:
                claim.entities.append(key)

    def claim(
        self,
        sentence_idx: int,
        surface: str,
        value: float,
        counted: str | None,
        predicate: str,
        when: tuple[date, str] | None,
        unit: str = "count",
        modality: str = "asserted",
        change: bool = False,
        subject: str | None = None,
    ) -> None:
        first, last = self.extraction.sentences[sentence_idx]
        start = self.text.index(surface, first, last)
        quantities, times = self.extraction.quantities, self.extraction.times
        quantities.append(
            QuantityMention(start, start + len(surface), surface, value, unit=unit,
                            counted=counted, predicate=predicate, sentence=sentence_idx)
        )  # fmt: skip
        time_idx = None
        if when is not None:
            day, words = when
            at = self.text.index(words, first, last)
            times.append(
                TimeMention(at, at + len(words), words, "DATE", day.isoformat(), None,
                            day.isoformat(), day.isoformat(), True, sentence_idx)
            )  # fmt: skip
            time_idx = len(times) - 1
        self.extraction.claims.append(
            Claim(sentence_idx, first, last, self.text[first:last], subject=subject,
                  predicate=predicate, quantity=len(quantities) - 1, time=time_idx,
                  modality=modality, change=change)
        )  # fmt: skip

    def done(self) -> Extraction:
        return self.extraction


def drafts(count: int, seed: int) -> Iterator[tuple[int, Draft]]:
    """(story number, draft) of ``count`` articles: many interleaved stories and a large one."""
    rng = random.Random(seed)
    big = new_plan(0, rng)
    active = [new_plan(n, rng) for n in range(1, ACTIVE_STORIES + 1)]
    next_number = ACTIVE_STORIES + 1
    for serial in range(count):
        if serial % BIG_STORY_EVERY == 0:
            yield 0, draft_of(big, serial, rng)
            continue
        slot = rng.randrange(len(active))
        plan = active[slot]
        yield plan.number, draft_of(plan, serial, rng)
        if plan.reports >= STORY_SIZE:
            active[slot] = new_plan(next_number, rng)
            next_number += 1


# -- measuring ---------------------------------------------------------------------------


def store_and_link(
    ledger: Ledger, draft: Draft, timings: dict[str, float], planned_story: str | None
) -> str:
    """``add_article`` then the stages of ``link_article``, each timed; returns the story.

    With ``planned_story``, the article goes into that story and only the figure stage
    runs (the story, entity and event stages are left out, and timed as 0).
    """
    article = Article(
        id=content_id(draft.text),
        text=draft.text,
        outlet=draft.outlet,
        url=f"https://{draft.outlet.lower().replace(' ', '')}.example/{content_id(draft.text)}",
        published=draft.published.isoformat(),
        published_source="metadata",
    )
    clock = CLOCK()
    ledger.add_article(article, draft.extraction)
    timings["store"] = CLOCK() - clock
    article = ledger.get_article(article.id)
    extraction = ledger.get_extraction(article.id)
    if planned_story is not None:
        timings.update(story=0.0, entities=0.0, events=0.0)
        with ledger.transaction() as conn:
            conn.execute(
                "INSERT INTO article_story (article_id, story) VALUES (?, ?)",
                (article.id, planned_story),
            )
            timed(
                timings, "figures", lambda: link_figures(ledger, article, extraction, planned_story)
            )
        return planned_story
    with ledger.transaction() as conn:
        story = timed(timings, "story", lambda: assign_story(ledger, article, extraction))
        timed(timings, "entities", lambda: update_entities(ledger, article, extraction, story))
        timed(timings, "figures", lambda: link_figures(ledger, article, extraction, story))
        timed(timings, "events", lambda: link_events(ledger, article, extraction, story))
        conn.execute("UPDATE articles SET linked = 1 WHERE id = ?", (article.id,))
    return story


def timed(timings: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    clock = CLOCK()
    result = work()
    timings[stage] = CLOCK() - clock
    return result


def window_mean(per_article: list[dict[str, float]], centre: int, window: int) -> dict[str, float]:
    """Mean ms per stage (and in total) over ``window`` articles around index ``centre``."""
    first = max(0, min(centre - window // 2, len(per_article) - window))
    chosen = per_article[first : first + window]
    means = {s: 1000 * sum(t[s] for t in chosen) / len(chosen) for s in STAGES}
    means["total"] = sum(means.values())
    return means


def run(articles: int, window: int, db: Path, seed: int, only_figures: bool) -> None:
    per_article: list[dict[str, float]] = []
    big_story_of: dict[str, int] = defaultdict(int)
    started = time.perf_counter()
    with open_ledger(db) as ledger:
        for serial, (number, draft) in enumerate(drafts(articles, seed)):
            timings: dict[str, float] = {}
            planned = f"s{number}" if only_figures else None
            story = store_and_link(ledger, draft, timings, planned)
            per_article.append(timings)
            if number == 0:
                big_story_of[story] += 1
            if (serial + 1) % 10_000 == 0:
                print(f"  {serial + 1} articles, {time.perf_counter() - started:.0f} s", flush=True)
        build_s = time.perf_counter() - started
        big_story = max(big_story_of, key=lambda s: big_story_of[s])
        facts_ms, figures, observations = time_facts(ledger, big_story)
    early = window_mean(per_article, 1000, window)
    late = window_mean(per_article, len(per_article) - 1, window)
    stages = "the figure stage only" if only_figures else "every link stage"
    print(f"\n{articles} articles stored and linked ({stages}) in {build_s:.0f} s wall ({db})")
    print(f"CPU ms per article, mean of {window} around the 1,001st and the {articles:,}th:")
    print(f"  {'stage':<10}{'1,001st':>10}{'last':>10}{'ratio':>8}")
    for stage in (*STAGES, "total"):
        ratio = late[stage] / early[stage] if early[stage] else float("nan")
        print(f"  {stage:<10}{early[stage]:>10.2f}{late[stage]:>10.2f}{ratio:>8.2f}")
    ratio = late["total"] / early["total"]
    print(f"total ratio {ratio:.2f} (target <= {TARGET_RATIO}): {verdict(ratio <= TARGET_RATIO)}")
    figures_ratio = late["figures"] / early["figures"]
    print(f"figures stage ratio {figures_ratio:.2f}: {verdict(figures_ratio <= TARGET_RATIO)}")
    print(
        f"facts_data of the large story ({big_story_of[big_story]} articles, {figures} figures,"
        f" {observations} observations): {facts_ms:.0f} ms (target < {TARGET_FACTS_MS} ms):"
        f" {verdict(facts_ms < TARGET_FACTS_MS)}"
    )


def time_facts(ledger: Ledger, story: str) -> tuple[float, int, int]:
    """Best of 5 runs of facts_data for one story (ms), with its figure and observation counts."""
    best = float("inf")
    figures: list[dict[str, Any]] = []
    for _ in range(5):
        clock = time.perf_counter()
        figures = facts_data(ledger, story)
        best = min(best, 1000 * (time.perf_counter() - clock))
    observations = sum(len(f["observations"]) for f in figures)
    return best, len(figures), observations


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_001)
    parser.add_argument(
        "--window", type=int, default=500, help="articles averaged around each point"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="ledger file (default: a temporary one)")
    parser.add_argument(
        "--only-figures",
        action="store_true",
        help="put each article in its planned story and run only the figure stage",
    )
    args = parser.parse_args()
    if args.db is not None:
        run(args.articles, args.window, args.db, args.seed, args.only_figures)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(args.articles, args.window, Path(folder) / "bench.db", args.seed, args.only_figures)


if __name__ == "__main__":
    main()
