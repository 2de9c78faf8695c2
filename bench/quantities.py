"""Accuracy of quantity extraction: the seed reports, and the Recognizers-Text sentences.

    python -m bench.quantities [--quiet]                 # the seeds: value, unit, counted
    python -m bench.quantities --recognizers [--quiet]   # value, value+unit, value+change
    python -m bench.quantities --recognizers --errors    # each sentence with its errors

The second mode is described in ``score_recognizers`` below.

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

import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from bench.gold import f1, gold_span, load_seeds, overlaps, shared_dir
from storyledger.extract.pipeline import extract_doc, load_nlp
from storyledger.extract.quantities import find_quantities
from storyledger.extract.quantities.units import currency_name
from storyledger.extract.times import find_times
from storyledger.model import QuantityMention, TimeMention

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


RECOGNIZERS = "data/quantities-dev-recognizers.jsonl"
# Our canonical units in the gold's vocabulary (``normalized_unit``): a currency by its
# English name ("us dollar" matches "dollar" by its last words), a pint unit by its name
# in British spelling. The names below are those the two vocabularies spell otherwise.
GOLD_CURRENCY_NAMES = {"GBP": "pound sterling", "GBX": "penny", "LAK": "lao kip"}
GOLD_UNIT_WORDS = {
    "meter": "metre",
    "liter": "litre",
    "pound": "pound-mass",
    "degree_Celsius": "celsius",
    "degree_Fahrenheit": "fahrenheit",
    "percent": "percentage",
    "metric_ton": "metric ton",
}
# Gold units that say "a number of things" whatever the things are.
GOLD_COUNTS = frozenset({"count", "-"})


CRITERIA = ("value", "value+unit", "value+change")


@dataclass
class Scores:
    """True positives of each criterion, with the totals of predictions and gold."""

    predicted: int = 0
    gold: int = 0
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CRITERIA, 0))
    misses: list[str] = field(default_factory=list)
    # per sentence with an error: the text, its value+unit misses and false positives
    errors: list[str] = field(default_factory=list)


def gold_values(raw: str) -> tuple[float, float | None, float | None]:
    """(value, low, high) of a gold value: "75000000", or a range "75-300"."""
    if "-" in raw[1:]:
        low, high = (float(x) for x in raw.split("-", 1))
        return low, low, high
    return float(raw), None, None


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 0.005 * max(abs(b), 1e-9)


def same_value(pred: QuantityMention, gold: dict[str, Any]) -> bool:
    """The same value; a gold range needs the same low and high."""
    value, low, high = gold_values(gold["value"])
    if low is not None:
        return close(pred.low, low) and close(pred.high, high)
    return close(pred.value, value)


def gold_unit_of(pred: QuantityMention) -> str:
    """Our canonical unit in the gold's words: "USD" -> "us dollar", "kilometer / hour" ->
    "kilometre per hour"."""
    if pred.dimension == "currency":
        code, per, thing = pred.unit.partition(" per ")
        name = GOLD_CURRENCY_NAMES.get(code) or currency_name(code).lower()
        return f"{name}{per}{thing}"
    unit = re.sub(r"(\w+) \*\* 2", r"square \1", pred.unit)
    unit = re.sub(r"(\w+) \*\* 3", r"cubic \1", unit)
    words = unit.replace(" / ", " per ").replace(" * ", " ").split()
    spelled = " ".join(GOLD_UNIT_WORDS.get(w, w).replace("_", " ") for w in words)
    return spelled.replace("meter", "metre").replace("liter", "litre")


def same_unit(pred: QuantityMention, gold: dict[str, Any]) -> bool:
    wanted = gold["normalized_unit"].lower()
    if pred.unit == "count":
        counted = (pred.counted or "").lower()
        return wanted in GOLD_COUNTS or (bool(counted) and counted.split()[-1] in wanted)
    if pred.dimension == "age":
        return wanted.endswith("of age") and wanted.startswith(pred.unit)
    ours = gold_unit_of(pred)
    return ours == wanted or ours.endswith(" " + wanted) or wanted.endswith(" " + ours)


def same_change(pred: QuantityMention, gold: dict[str, Any]) -> bool:
    """The gold gives no direction: a change is right when we give none either."""
    return pred.change == gold.get("change")


def score_sentence(
    preds: list[QuantityMention], golds: list[dict[str, Any]], scores: Scores, text: str = ""
) -> None:
    """Greedy per criterion: a gold quantity takes the first unused prediction that agrees."""
    scores.predicted += len(preds)
    scores.gold += len(golds)
    checks = {
        "value": lambda p, g: same_value(p, g),
        "value+unit": lambda p, g: same_value(p, g) and same_unit(p, g),
        "value+change": lambda p, g: same_value(p, g) and same_change(p, g),
    }
    for criterion, agrees in checks.items():
        used: set[int] = set()
        missed = []
        for gold in golds:
            hit = next((i for i, p in enumerate(preds) if i not in used and agrees(p, gold)), None)
            if hit is None:
                missed.append(gold)
                if criterion == "value+unit":
                    got = ", ".join(f"{p.text!r}={p.value:g} {p.unit}" for p in preds)
                    scores.misses.append(f"{gold['value']} {gold['normalized_unit']}; got {got}")
                continue
            used.add(hit)
            scores.tp[criterion] += 1
        if criterion == "value+unit" and (missed or len(used) < len(preds)):
            scores.errors.append(sentence_errors(text, preds, used, missed))


def sentence_errors(
    text: str, preds: list[QuantityMention], used: set[int], missed: list[dict[str, Any]]
) -> str:
    """A sentence with its value+unit misses and its predictions that matched no gold."""
    lines = [text]
    lines += [f"    miss {g['value']} {g['normalized_unit']!r}" for g in missed]
    lines += [
        f"    extra {p.text!r}={p.value:g} low={p.low} high={p.high} {p.unit} "
        f"({p.dimension}) -> {gold_unit_of(p)!r}"
        for i, p in enumerate(preds)
        if i not in used
    ]
    return "\n".join(lines)


DURATION = re.compile(r"P(?P<time>T?)(?P<value>\d+(?:\.\d+)?)(?P<unit>[YMWDHS])")
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}


def durations(times: list[TimeMention]) -> list[QuantityMention]:
    """The durations of simple values ("P4Y", "PT20M") as quantities of time."""
    found = []
    for time in times:
        match = DURATION.fullmatch(time.value or "") if time.type == "DURATION" else None
        if match is None:
            continue
        unit = "minute" if match["time"] and match["unit"] == "M" else DURATION_UNITS[match["unit"]]
        found.append(
            QuantityMention(
                time.start, time.end, time.text, float(match["value"]), unit=unit, dimension="time"
            )
        )
    return found


def score_recognizers(nlp: Any) -> Scores | None:
    """Value, value+unit and value+change F1 on the Recognizers-Text sentences (328
    sentences, 432 gold quantities: currencies, dimensions, ages, temperatures). Per
    sentence, a gold quantity is found when an unused prediction has the same value
    (within 0.5%; a range needs the same low and high); value+unit also needs the unit to
    agree in the gold's vocabulary (``gold_unit_of``; a count agrees with "-", "count" or
    the thing it counts), value+change the direction (the gold gives none). Durations are
    time mentions, not quantities, in our output: they are counted as predictions
    neither way. None when ../shared is absent."""
    shared = shared_dir()
    if shared is None:
        return None
    scores = Scores()
    records = [json.loads(line) for line in (shared / RECOGNIZERS).read_text().splitlines()]
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        times = find_times(doc, None)
        found = find_quantities(doc, times)
        spans = [(q.start, q.end) for q in found]
        found += [
            d for d in durations(times) if not any(overlaps((d.start, d.end), s) for s in spans)
        ]
        preds = sorted(found, key=lambda q: q.start)
        score_sentence(preds, record["quantities"], scores, record["text"])
    return scores


def report_recognizers(nlp: Any, quiet: bool, errors: bool = False) -> None:
    scores = score_recognizers(nlp)
    if scores is None:
        print("../shared is absent: nothing to measure")
        return
    print(f"quantities on the Recognizers-Text sentences ({COMMAND} --recognizers)")
    if errors:
        for error in scores.errors:
            print(error)
    elif not quiet:
        for miss in scores.misses:
            print(f"  miss {miss}")
    for criterion in CRITERIA:
        tp = scores.tp[criterion]
        precision, recall, score_f1 = f1(tp, scores.predicted - tp, scores.gold - tp)
        print(
            f"{criterion:13} precision {precision:.3f} recall {recall:.3f} F1 {score_f1:.3f} "
            f"(tp {tp}, predicted {scores.predicted}, gold {scores.gold})"
        )


def measure(nlp: Any) -> dict[str, float] | None:
    """The F1 scores that bench/baseline.json keeps floors for, under its "quantities" key;
    None when ../shared is absent."""
    recognizers = score_recognizers(nlp)
    if recognizers is None or not load_seeds():
        return None
    full, _ = score(nlp)
    scores = {"seeds_value_unit_counted_f1": f1(full.tp, full.fp, full.fn)[2]}
    for criterion in CRITERIA:
        tp = recognizers.tp[criterion]
        fp, fn = recognizers.predicted - tp, recognizers.gold - tp
        scores[f"recognizers_{criterion.replace('+', '_')}_f1"] = f1(tp, fp, fn)[2]
    return scores


def main() -> None:
    quiet = "--quiet" in sys.argv
    if "--recognizers" in sys.argv:
        report_recognizers(load_nlp(), quiet, "--errors" in sys.argv)
        return
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
