"""Story clustering B-cubed on ECB+ (30 topics, two real events of the same kind each).

The 663 documents carry no dates. They are ingested one by one in a shuffled
order (a fixed seed each run) into a real SQLite ledger and assigned to stories
by the incremental ``assign_story`` through the real extraction; the resulting
clusters are scored with B-cubed precision, recall and F1 against the gold
``story`` (the topic labels are never used). Extractions are cached on disk in
/tmp, keyed by the extractor version and a hash of the extraction code.

    .venv/bin/python bench/stories.py [--seeds 1 2 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gold import load_jsonl
from storyledger.extract import pipeline as extract_pipeline
from storyledger.link.entities import update_entities
from storyledger.link.stories import assign_story
from storyledger.model import Article, Extraction, content_id
from storyledger.store.sqlite import Ledger, open_ledger

COMMAND = ".venv/bin/python bench/stories.py --seeds 1 2 3"
DATA = "stories-dev-ecbplus.jsonl"
CACHE_DIR = Path(tempfile.gettempdir()) / "storyledger-bench"


def extractor_key() -> str:
    """The extractor version plus a hash of the extraction code, so stale caches are never read."""
    folder = Path(extract_pipeline.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.read_bytes())
    return f"{extract_pipeline.EXTRACTOR_VERSION}-{digest.hexdigest()[:12]}"


def cached_extractions(docs: list[dict[str, Any]]) -> dict[str, Extraction]:
    """Extractions of every document, computed once per extractor version."""
    path = CACHE_DIR / f"ecbplus-extractions-{extractor_key()}.jsonl"
    if not path.is_file():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        extractions = extract_pipeline.extract_many((doc["text"], None) for doc in docs)
        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as out:
            for doc, extraction in zip(docs, extractions, strict=True):
                out.write(json.dumps({"id": doc["id"], **extraction.to_json()}) + "\n")
        partial.rename(path)
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        found[data.pop("id")] = Extraction.from_json(data)
    return found


def cluster(
    ledger: Ledger, docs: list[dict[str, Any]], extractions: dict[str, Extraction]
) -> dict[str, str]:
    """Ingest the documents in the given order and link each at once; doc id -> story id."""
    stories = {}
    for doc in docs:
        article = Article(id=content_id(doc["text"]), text=doc["text"])
        extraction = extractions[doc["id"]]
        ledger.add_article(article, extraction)
        with ledger.transaction():
            story = assign_story(ledger, article, extraction)
            update_entities(ledger, article, extraction, story)
        stories[doc["id"]] = story
    return stories


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the gold clusters."""
    members_of_pred: dict[str, set[str]] = defaultdict(set)
    members_of_gold: dict[str, set[str]] = defaultdict(set)
    for doc, story in predicted.items():
        members_of_pred[story].add(doc)
        members_of_gold[gold[doc]].add(doc)
    precision = recall = 0.0
    for doc, story in predicted.items():
        same = len(members_of_pred[story] & members_of_gold[gold[doc]])
        precision += same / len(members_of_pred[story])
        recall += same / len(members_of_gold[gold[doc]])
    precision, recall = precision / len(predicted), recall / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def run(seed: int, docs: list[dict[str, Any]], extractions: dict[str, Extraction]) -> list[float]:
    order = list(docs)
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp, open_ledger(Path(tmp) / "bench.db") as ledger:
        started = time.perf_counter()
        predicted = cluster(ledger, order, extractions)
        seconds = time.perf_counter() - started
    gold = {doc["id"]: doc["story"] for doc in docs}
    precision, recall, f1 = bcubed(predicted, gold)
    stories = len(set(predicted.values()))
    print(
        f"seed {seed}: B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
        f"  ({stories} stories for {len(set(gold.values()))} gold;"
        f" {1000 * seconds / len(docs):.1f} ms per article)"
    )
    return [precision, recall, f1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    docs = load_jsonl(DATA)
    if not docs:
        print("../shared is absent: the ECB+ story data lives there")
        return 1
    extractions = cached_extractions(docs)
    results = [run(seed, docs, extractions) for seed in args.seeds]
    f1s = [r[2] for r in results]
    mean = [sum(r[i] for r in results) / len(results) for i in range(3)]
    print(
        f"mean over {len(results)} seeds: P {mean[0]:.3f} R {mean[1]:.3f} F1 {mean[2]:.3f};"
        f" min F1 {min(f1s):.3f}"
    )
    print(f"command: {COMMAND}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
