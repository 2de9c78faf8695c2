"""Timeline date-F1 on the seed reports against their gold timeline.

Builds a ledger from the two seeds (outlet and publication date from the
manifest) through the real ingest, then matches the ledger's events to the gold
timeline by date value and status: a gold event marked "planned" must come out
as an expected event, every other gold event as one that happened. Each gold
event matches at most one predicted event (multiset matching).

    .venv/bin/python bench/timeline.py
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gold import f1, load_seed_gold, load_seeds
from storyledger.ingest.pipeline import ingest_articles
from storyledger.model import Article, content_id
from storyledger.report.timeline import in_date_order, timeline_data
from storyledger.store.sqlite import open_ledger

COMMAND = ".venv/bin/python bench/timeline.py"


def predicted_events(folder: Path) -> list[dict[str, object]]:
    seeds = load_seeds()
    articles = [
        Article(
            id=content_id(seed.text),
            text=seed.text,
            outlet=seed.outlet,
            title=seed.title,
            published=seed.published,
            published_source="metadata",
        )
        for seed in seeds
    ]
    with open_ledger(folder / "bench.db") as ledger:
        ingest_articles(ledger, articles)
        return in_date_order(timeline_data(ledger))


def key_of_gold(item: dict[str, str]) -> tuple[str, str]:
    return item["date"], "expected" if item.get("status") == "planned" else "happened"


def main() -> int:
    gold_data = load_seed_gold()
    if gold_data is None:
        print("../shared is absent: the seeds and their gold timeline live there")
        return 1
    gold = gold_data["timeline"]
    with tempfile.TemporaryDirectory() as tmp:
        events = predicted_events(Path(tmp))
    gold_keys = Counter(key_of_gold(g) for g in gold)
    predicted_keys = Counter((str(e["date"]), str(e["status"])) for e in events)
    matched = gold_keys & predicted_keys
    tp = sum(matched.values())
    precision, recall, score = f1(
        tp, sum(predicted_keys.values()) - tp, sum(gold_keys.values()) - tp
    )

    print(f"timeline date-F1 on the seeds: {len(gold)} gold events, {len(events)} predicted")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {score:.3f}")
    unmatched = gold_keys - predicted_keys
    spurious = predicted_keys - gold_keys
    print("\nmissed (gold date, status: event):")
    for item in gold:
        key = key_of_gold(item)
        if unmatched[key] > 0:
            unmatched[key] -= 1
            print(f"  {key[0]:<12} {key[1]:<9} {item['event']}")
    print("\nspurious (predicted date, status: description):")
    for event in events:
        key = (str(event["date"]), str(event["status"]))
        if spurious[key] > 0:
            spurious[key] -= 1
            print(f"  {key[0]:<12} {key[1]:<9} {str(event['description'])[:90]}")
    print(f"\nreproduce: {COMMAND}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
