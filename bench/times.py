"""Accuracy and cost of time extraction (TIMEX3).

    python -m bench.times [--errors]

1. Seeds (../shared/gold/seeds.json): F1 over non-vague gold times. A prediction that
   overlaps a gold time with the same value (and the same mod where gold gives one) is a
   true positive; predictions overlapping vague gold are neither; others are false positives.
2. ../shared/data/timex-dev-esc.jsonl: only some sentences are annotated, so recall (a gold
   timex with an overlapping prediction of the same value) and value accuracy among gold
   timexes that some prediction overlaps.
3. Time taken by find_times against spaCy parsing of the same texts.

Decade values are compared in one notation: "194X", "1940s" and "194" are the same
TIMEX3 decade (TimeML 1.2 writes "194", other guidelines "194X").
"""

from __future__ import annotations

import re
import sys
import time
from datetime import date
from typing import Any

from bench.gold import f1 as f1_score
from bench.gold import gold_span, load_jsonl, load_seeds, overlaps
from storyledger.extract.pipeline import load_nlp, parse_published
from storyledger.extract.times import find_times
from storyledger.model import TimeMention

_DECADE = re.compile(r"^(\d{3})(?:X|0s|0's)$")


def canonical(value: str | None) -> str | None:
    if value is None:
        return None
    found = _DECADE.match(value)
    return found.group(1) if found else value


def _same(pred: TimeMention, gold_value: str, gold_mod: str | None) -> bool:
    if canonical(pred.value) != canonical(gold_value):
        return False
    return gold_mod is None or pred.mod == gold_mod


def score_seeds(nlp: Any, show: bool) -> tuple[float, float, float, float]:
    tp = fp = fn = 0
    matched = correct = 0
    for seed in load_seeds():
        preds = find_times(nlp(seed.text), parse_published(seed.published))
        golds = []
        for gold in seed.gold["times"]:
            span = gold_span(seed.text, gold["text"], gold.get("occurrence", 1))
            golds.append((span, gold))
        for span, gold in golds:
            if gold.get("vague"):
                continue
            hits = [p for p in preds if overlaps((p.start, p.end), span)]
            if hits:
                matched += 1
                correct += any(_same(p, gold["value"], None) for p in hits)
            if any(_same(p, gold["value"], gold.get("mod")) for p in hits):
                tp += 1
            else:
                fn += 1
                if show:
                    got = [(p.text, p.value, p.mod) for p in hits]
                    print(f"  seed miss {gold['text']!r} {gold['value']} got {got}")
        for pred in preds:
            overlapping = [g for span, g in golds if overlaps((pred.start, pred.end), span)]
            if not overlapping:
                fp += 1
                if show:
                    print(f"  seed false positive {pred.text!r} {pred.value}")
            elif not any(g.get("vague") for g in overlapping) and not any(
                _same(pred, g["value"], g.get("mod")) for g in overlapping
            ):
                fp += 1
    precision, recall, f1 = f1_score(tp, fp, fn)
    return precision, recall, f1, correct / matched if matched else 0.0


def score_timex_dev(nlp: Any, show: bool) -> tuple[int, int, int, int, float, float]:
    docs = load_jsonl("timex-dev-esc.jsonl")
    texts = [d["text"] for d in docs]
    started = time.perf_counter()
    parsed = list(nlp.pipe(texts))
    parse_seconds = time.perf_counter() - started
    total = found = overlapped = right = 0
    times_seconds = 0.0
    for doc, record in zip(parsed, docs, strict=True):
        published: date | None = parse_published(record.get("published"))
        started = time.perf_counter()
        preds = find_times(doc, published)
        times_seconds += time.perf_counter() - started
        for gold in record["timex"]:
            total += 1
            hits = [p for p in preds if overlaps((p.start, p.end), (gold["start"], gold["end"]))]
            good = any(canonical(p.value) == canonical(gold["value"]) for p in hits)
            found += good
            overlapped += bool(hits)
            right += bool(hits) and good
            if show and not good:
                text = record["text"]
                context = text[max(0, gold["start"] - 50) : gold["end"] + 30].replace("\n", " ")
                got = [(p.text, p.value) for p in hits]
                print(
                    f"  dev miss {record['published']} {gold['text']!r} {gold['value']} "
                    f"got {got} | {context}"
                )
    return total, found, overlapped, right, parse_seconds, times_seconds


def main() -> None:
    show = "--errors" in sys.argv
    nlp = load_nlp()
    if not load_seeds():
        print("../shared is absent: nothing to measure")
        return
    precision, recall, f1, value_accuracy = score_seeds(nlp, show)
    print(
        f"seeds: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} "
        f"(target >= 0.90); value accuracy on matched spans {value_accuracy:.3f}"
    )
    total, found, overlapped, right, parse_s, times_s = score_timex_dev(nlp, show)
    print(
        f"timex-dev-esc: recall {found / total:.3f} ({found}/{total}, target >= 0.85); "
        f"value accuracy on overlapped gold {right / overlapped:.3f} ({right}/{overlapped})"
    )
    print(
        f"cost: spaCy parsing {parse_s:.2f}s, find_times {times_s:.3f}s "
        f"({100 * times_s / parse_s:.1f}% of parsing)"
    )


if __name__ == "__main__":
    main()
