"""Extraction throughput and memory, in one run on the same texts.

    .venv/bin/python bench/throughput.py [--articles 300] [--source synthetic|shared]

Measures, on the same texts:
  1. bare ``nlp.pipe`` of the model (the floor every extraction pays);
  2. our extraction with 1 worker (target: >= 0.8 x bare nlp.pipe);
  3. our extraction with 2 worker processes (target: >= 1.6 x the 1-worker rate);
and the peak resident memory of each process that extracted, reported by the
workers themselves (target: < 600 MB per worker). Model loading is left out
of every rate: each run is timed after a warm-up on the same model/pool.
The CPU seconds of the processes that did the work are printed too: on a
busy machine they drift less than wall-clock rates (but still drift: cores
and caches are shared), so take the targets from a run on an idle machine.

The texts are multi-paragraph news reports generated from sentences written
for this script (``--source synthetic``, the default) or the ECB+ documents in
../shared/data (``--source shared``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gold import load_jsonl  # noqa: E402
from storyledger.extract.parallel import BATCH_SIZE, Job, ParallelExtractor  # noqa: E402
from storyledger.extract.pipeline import load_nlp  # noqa: E402

TARGET_ONE_WORKER = 0.8  # x bare nlp.pipe
TARGET_TWO_WORKERS = 1.6  # x one worker
TARGET_RSS_MB = 600

# -- synthetic news ----------------------------------------------------------------------

_COUNTRIES = ["Kenya", "Benin", "Chad", "Jamaica", "Bangladesh", "the Bahamas", "Barbados"]
_LEADERS = [
    ("President", "William Ruto"),
    ("Prime Minister", "Garry Conille"),
    ("Commander", "Godfrey Otunge"),
    ("Minister", "Musalia Mudavadi"),
]
_OFFICIALS = ["a UN spokesperson", "the US State Department", "a police spokesman", "aid groups"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_LEADS = [
    "{n} police officers from {country} arrived in Port-au-Prince on {weekday}, officials said.",
    "A second contingent of {n} officers landed in Haiti on {month} {day}, bringing the total "
    "to {total}.",
    "{country} said on {weekday} it would send {n} more officers to the Haiti mission by the "
    "end of {month}.",
    "The multinational security mission in Haiti now numbers {total} officers, {official} said.",
]
_BODY = [
    '"We are here to restore order and help Haitians vote," {title} {leader} told reporters.',
    "{title} {leader} said the force would need at least {big} officers to secure the capital.",
    "The mission is expected to cost about ${money} million a year, according to {official}.",
    "A UN trust fund for the mission has received ${small} million, far short of what is needed.",
    "Gangs control an estimated {pct} percent of the capital, {official} said last week.",
    "More than {people} people have been forced from their homes since {month} {year}.",
    "The UN Security Council approved the mission in October {year}, after months of talks.",
    "{country} pledged {n} officers in {month}, but none had arrived by {weekday}.",
    "Residents said the streets near the airport were quieter on {weekday} than a week earlier.",
    "The officers will patrol with Haitian police and guard the port, the airport and hospitals.",
    "Critics said the deployment was rushed and that the officers lacked armoured vehicles.",
    "{official} said the United States had provided ${money} million in equipment and support.",
    "The mission's mandate runs for twelve months and can be renewed by the Security Council.",
    "In {month}, {title} {leader} said the first results would be visible within three weeks.",
]


def synthetic_articles(count: int, seed: int = 7) -> list[str]:
    """``count`` multi-paragraph news texts (five to nine paragraphs of two sentences)."""
    rng = random.Random(seed)
    return [_synthetic_article(rng) for _ in range(count)]


def _synthetic_article(rng: random.Random) -> str:
    paragraphs = [_fill(rng.choice(_LEADS), rng)]
    for _ in range(rng.randint(4, 8)):
        first, second = rng.sample(_BODY, 2)
        paragraphs.append(f"{_fill(first, rng)} {_fill(second, rng)}")
    return "\n\n".join(paragraphs)


def _fill(template: str, rng: random.Random) -> str:
    title, leader = rng.choice(_LEADERS)
    text = template.format(
        n=rng.choice([200, 144, 400, "two hundred", 1000, 600]),
        total=rng.choice([400, 744, 600, 991]),
        big=rng.choice(["5,000", "2,500", "3,000"]),
        money=rng.choice([600, 300, 110, 21]),
        small=rng.choice([21, 68, 110]),
        pct=rng.choice([80, 85, 90]),
        people=rng.choice(["580,000", "700,000", "1 million"]),
        country=rng.choice(_COUNTRIES),
        weekday=rng.choice(_WEEKDAYS),
        month=rng.choice(_MONTHS),
        day=rng.randint(1, 28),
        year=rng.choice([2023, 2024]),
        official=rng.choice(_OFFICIALS),
        title=title,
        leader=leader,
    )
    return text[0].upper() + text[1:]


def shared_articles(count: int) -> list[str]:
    """The first ``count`` ECB+ documents of ../shared/data (empty when ../shared is absent)."""
    return [doc["text"] for doc in load_jsonl("stories-dev-ecbplus.jsonl")[:count]]


# -- measuring ---------------------------------------------------------------------------


@dataclass
class Run:
    name: str
    seconds: float
    cpu_seconds: float  # CPU time of the processes that did the work
    articles: int
    tokens: int
    peak_rss_mb: list[float]

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds


def _timed(run: Callable[[], None]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of this process for ``run()``."""
    start, cpu_start = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu_start


def bare_pipe(texts: list[str], tokens: int) -> Run:
    """Bare ``nlp.pipe`` over the texts, the model already loaded and warmed up."""
    nlp = load_nlp()
    for _ in nlp.pipe(texts[:BATCH_SIZE], batch_size=BATCH_SIZE):
        pass
    seconds, cpu = _timed(lambda: _drain(nlp.pipe(texts, batch_size=BATCH_SIZE)))
    return Run("bare nlp.pipe", seconds, cpu, len(texts), tokens, [])


def extraction(texts: list[str], tokens: int, workers: int) -> Run:
    """Our whole extraction with ``workers`` processes, timed after a warm-up of the pool."""
    jobs: list[Job] = [(text, "2024-06-26") for text in texts]
    with ParallelExtractor[Job](workers) as extractor:
        warm_up = jobs[: BATCH_SIZE * workers]
        _drain(extractor.map(warm_up, _same))
        cpu_before = sum(extractor.cpu_seconds.values())
        seconds, _ = _timed(lambda: _drain(extractor.map(jobs, _same)))
        cpu = sum(extractor.cpu_seconds.values()) - cpu_before
        peaks = [rss / 2**20 for rss in extractor.peak_rss.values()]
    label = f"extraction, {workers} worker" + ("s" if workers > 1 else "")
    return Run(label, seconds, cpu, len(texts), tokens, peaks)


def _same(job: Job) -> Job:
    return job


def _drain(items: Iterator[object]) -> None:
    for _ in items:
        pass


def count_tokens(texts: list[str]) -> int:
    tokenizer = load_nlp().tokenizer
    return sum(len(doc) for doc in tokenizer.pipe(texts))


# -- report ------------------------------------------------------------------------------


def print_table(runs: list[Run]) -> None:
    print(
        f"{'run':<24} {'seconds':>8} {'CPU s':>7} {'articles/s':>11} {'tokens/s':>10}"
        f" {'peak RSS MB':>14}"
    )
    for run in runs:
        rss = ", ".join(f"{mb:.0f}" for mb in run.peak_rss_mb) or "-"
        print(
            f"{run.name:<24} {run.seconds:>8.2f} {run.cpu_seconds:>7.2f}"
            f" {run.articles_per_s:>11.1f} {run.tokens_per_s:>10.0f} {rss:>14}"
        )


def print_targets(bare: Run, one: Run, two: Run) -> None:
    one_ratio = one.articles_per_s / bare.articles_per_s
    two_ratio = two.articles_per_s / one.articles_per_s
    worst_rss = max(one.peak_rss_mb + two.peak_rss_mb)
    print()
    print(f"1 worker / bare nlp.pipe : {one_ratio:.2f} (target >= {TARGET_ONE_WORKER}) "
          f"{_verdict(one_ratio >= TARGET_ONE_WORKER)}")  # fmt: skip
    print(f"2 workers / 1 worker     : {two_ratio:.2f} (target >= {TARGET_TWO_WORKERS}) "
          f"{_verdict(two_ratio >= TARGET_TWO_WORKERS)}")  # fmt: skip
    print(f"peak RSS per process     : {worst_rss:.0f} MB (target < {TARGET_RSS_MB}) "
          f"{_verdict(worst_rss < TARGET_RSS_MB)}")  # fmt: skip
    print()
    print("The same ratios in CPU seconds (less sensitive to other load than wall-clock time):")
    print(f"  bare nlp.pipe CPU / 1-worker CPU : {bare.cpu_seconds / one.cpu_seconds:.2f}")
    print(f"  1-worker CPU / 2-worker CPU      : {one.cpu_seconds / two.cpu_seconds:.2f}"
          "  (x2: the speed-up two idle cores would give, before parent overhead)")  # fmt: skip


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300, help="number of texts (300)")
    parser.add_argument("--source", choices=["synthetic", "shared"], default="synthetic")
    args = parser.parse_args()
    texts = (
        shared_articles(args.articles)
        if args.source == "shared"
        else synthetic_articles(args.articles)
    )
    if not texts:
        sys.exit("no texts: ../shared/data is absent (use --source synthetic)")
    tokens = count_tokens(texts)
    print(f"{len(texts)} texts, {tokens} tokens ({args.source}), {BATCH_SIZE} texts per batch\n")
    bare = bare_pipe(texts, tokens)
    one = extraction(texts, tokens, workers=1)
    two = extraction(texts, tokens, workers=2)
    print_table([bare, one, two])
    print_targets(bare, one, two)


if __name__ == "__main__":
    main()
