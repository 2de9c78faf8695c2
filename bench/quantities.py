"""Accuracy of quantity extraction on the seed reports (value, unit, counted thing).

    python -m bench.quantities [--quiet]

Matching rule. Each gold quantity (../shared/gold/seeds.json, articles.*.quantities) is
located in its article by its text (``occurrence`` picks among repeats). A predicted
quantity is a true positive when its span overlaps the gold span and

- value: equal (within 0.5%, for rounding of "1.5bn"-style figures), and ``low`` /
  ``high`` equal where the gold gives them;
- unit: equal (ISO currency code, ``percent``, ``count`` or the measure);
- counted thing: head-noun match. The gold counted thing is a short description,
  sometimes with an alternative in parentheses ("Port-au-Prince (share of the
  capital)") or an "X of Y" phrase ("estimated cost of the mission"). Its acceptable
  heads are the lemma of the last word of each alternative and, for "X of Y", of both
  X and Y (the 80% "of the capital" counts the capital; the cost "of the mission" is a
  cost). The prediction is right when the lemma of the last word of its ``counted``
  is one of those heads: "trust deposit" matches "trust fund deposits", "police"
  matches "police", "Kenyan police officer" matches "Kenyan police officer" and also
  "officer". A missing ``counted`` is wrong. Modifiers are not compared: they are the
  entities' business (who), the head is what is counted.

Every other prediction is a false positive: years, days of the month or any number
that is not a gold quantity ("1804", "May 25", "1915–1934") included. A prediction
that overlaps a gold quantity but gets value, unit or counted wrong is both a false
positive and a miss. Misses and false positives are listed, then P/R/F1 (target
F1 >= 0.90), and the same scores for value and unit alone.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

from bench.gold import f1, gold_span, load_seeds, overlaps
from storyledger.extract.pipeline import extract_doc, load_nlp
from storyledger.model import QuantityMention

COMMAND = "python -m bench.quantities"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)


def last_lemma(nlp: Any, phrase: str) -> str:
    """The lemma of the last word; a name is kept whole ("Port-au-Prince")."""
    words = [t for t in nlp(phrase.strip()) if not t.is_punct]
    if not words:
        return ""
    last = words[-1]
    if last.pos_ == "PROPN" or last.text[:1].isupper():
        return phrase.split()[-1].strip(".,;:()").lower()
    return last.lemma_.lower()


def gold_heads(nlp: Any, counted: str) -> set[str]:
    """The heads a gold counted thing accepts: of each alternative, and both sides of "of"."""
    alternatives = [a for a in re.split(r"[()]", counted) if a.strip()]
    parts = [p for a in alternatives for p in re.split(r"\bof\b", a) if p.strip()]
    return {last_lemma(nlp, p) for p in parts} - {""}


def value_right(pred: QuantityMention, gold: dict[str, Any]) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is b
        return abs(a - b) <= 0.005 * max(abs(b), 1.0)

    if not close(pred.value, float(gold["value"])):
        return False
    return all(close(getattr(pred, end), gold[end]) for end in ("low", "high") if end in gold)


def counted_right(nlp: Any, pred: QuantityMention, gold: dict[str, Any]) -> bool:
    if not pred.counted:
        return False
    return last_lemma(nlp, pred.counted) in gold_heads(nlp, gold["counted"])


def describe(pred: QuantityMention) -> str:
    bounds = f" low={pred.low:g}" if pred.low is not None else ""
    bounds += f" high={pred.high:g}" if pred.high is not None else ""
    return f"{pred.text!r} {pred.value:g}{bounds} {pred.unit} counted={pred.counted!r}"


def score(nlp: Any) -> tuple[Tally, Tally]:
    """(full match, value and unit only)."""
    full, loose = Tally(), Tally()
    for seed in load_seeds():
        preds = extract_doc(nlp(seed.text), seed.published).quantities
        golds = [
            (gold_span(seed.text, g["text"], g.get("occurrence", 1)), g)
            for g in seed.gold["quantities"]
        ]
        used_full: set[int] = set()
        used_loose: set[int] = set()
        for span, gold in golds:
            hits = [i for i, p in enumerate(preds) if overlaps((p.start, p.end), span)]
            loose_hits = [
                i for i in hits if value_right(preds[i], gold) and preds[i].unit == gold["unit"]
            ]
            full_hits = [i for i in loose_hits if counted_right(nlp, preds[i], gold)]
            for tally, good, used in (
                (full, full_hits, used_full),
                (loose, loose_hits, used_loose),
            ):
                if good:
                    tally.tp += 1
                    used.add(good[0])
                else:
                    tally.fn += 1
                    got = "; ".join(describe(preds[i]) for i in hits) or "nothing"
                    heads = sorted(gold_heads(nlp, gold["counted"]))
                    tally.errors.append(
                        f"{seed.id} miss {gold['text']!r} {gold['value']} {gold['unit']} "
                        f"counted={gold['counted']!r} (heads {heads}); got {got}"
                    )
        for tally, used in ((full, used_full), (loose, used_loose)):
            for i, pred in enumerate(preds):
                if i not in used:
                    tally.fp += 1
                    tally.errors.append(f"{seed.id} false positive {describe(pred)}")
    return full, loose


def main() -> None:
    quiet = "--quiet" in sys.argv
    if not load_seeds():
        print("../shared is absent: nothing to measure")
        return
    full, loose = score(load_nlp())
    print(f"quantities on the seeds ({COMMAND})")
    if not quiet:
        for error in full.errors:
            print(f"  {error}")
    precision, recall, score_f1 = f1(full.tp, full.fp, full.fn)
    print(
        f"value+unit+counted: precision {precision:.3f} recall {recall:.3f} F1 {score_f1:.3f} "
        f"(tp {full.tp}, fp {full.fp}, fn {full.fn}; target F1 >= 0.90)"
    )
    precision, recall, score_f1 = f1(loose.tp, loose.fp, loose.fn)
    print(
        f"value+unit only:    precision {precision:.3f} recall {recall:.3f} F1 {score_f1:.3f} "
        f"(tp {loose.tp}, fp {loose.fp}, fn {loose.fn})"
    )


if __name__ == "__main__":
    main()
