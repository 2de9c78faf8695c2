"""Accuracy of quote extraction on the seed reports (speaker, content, cue).

    python -m bench.quotes

Matching rule. Each gold quote (../shared/gold/seeds.json, articles.*.quotes) is
located in its article with ``text.find(content)`` (falling back to a search where any
white space matches any white space: the seeds have no-break spaces where the gold writes
spaces). Its prediction is the predicted quote whose content span overlaps it best
(overlap divided by the union of the two spans); a gold quote that no prediction
overlaps counts as wrong on every measure.

- speaker accuracy: the speaker is right when the predicted speaker matches the gold
  speaker case-insensitively, either the canonical name of the predicted
  ``speaker_key`` (the name the entity stage gave that key) or the speaker text. A gold
  speaker that is a description, not a name (it starts with "a", "an" or "the": "A UN
  official", "a court", "The administration of US President Joe Biden"), is right when
  the predicted speaker text contains its head noun (the last word before any "of":
  "official", "court", "administration").
- content recall: the share of gold quotes some prediction overlaps.
- cue accuracy: the predicted cue equals the gold cue, case-insensitively.

Every miss is listed with what was predicted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bench.gold import load_seeds
from storyledger.extract.entities import find_entities
from storyledger.extract.pipeline import load_nlp
from storyledger.extract.quotes import find_quotes
from storyledger.model import QuoteMention

ARTICLES = ("a", "an", "the")


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    speaker: int = 0
    cue: int = 0


def locate(text: str, content: str) -> tuple[int, int] | None:
    start = text.find(content)
    if start >= 0:
        return start, start + len(content)
    found = re.search(r"\s+".join(re.escape(word) for word in content.split()), text)
    return found.span() if found else None


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    if shared <= 0:
        return 0.0
    return shared / (max(a[1], b[1]) - min(a[0], b[0]))


def best_prediction(span: tuple[int, int], predicted: list[QuoteMention]) -> QuoteMention | None:
    scored = [(overlap_ratio(span, (q.start, q.end)), q) for q in predicted]
    ratio, quote = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return quote if ratio > 0 else None


def head_noun(description: str) -> str:
    """ "The administration of US President Joe Biden" -> "administration"."""
    before_of = description.lower().split(" of ")[0]
    return before_of.split()[-1]


def speaker_right(gold: str, quote: QuoteMention, names: dict[str, str]) -> bool:
    said_by = (quote.speaker.text if quote.speaker else "").lower()
    if gold.split()[0].lower() in ARTICLES:
        return head_noun(gold) in said_by.split()
    name = names.get(quote.speaker_key or "", "")
    return gold.lower() in {name.lower(), said_by}


def score(show: bool = True) -> Scores:
    nlp = load_nlp()
    scores = Scores()
    for seed in load_seeds():
        doc = nlp(seed.text)
        entities = find_entities(doc)
        names = {e.key: e.name for e in entities}
        predicted = find_quotes(doc, entities)
        for gold in seed.gold["quotes"]:
            scores.gold += 1
            span = locate(seed.text, gold["content"])
            if span is None:
                print(f"  gold content not in {seed.id}: {gold['content']!r}")
                continue
            quote = best_prediction(span, predicted)
            report_one(seed.id, gold, quote, names, scores, show)
    return scores


def report_one(
    article: str,
    gold: dict[str, Any],
    quote: QuoteMention | None,
    names: dict[str, str],
    scores: Scores,
    show: bool,
) -> None:
    if quote is None:
        if show:
            print(f"  {article} not found: {gold['content']!r} ({gold['speaker']})")
        return
    scores.found += 1
    speaker_ok = speaker_right(gold["speaker"], quote, names)
    cue_ok = (quote.cue or "").lower() == gold["cue"].lower()
    scores.speaker += speaker_ok
    scores.cue += cue_ok
    if show and not (speaker_ok and cue_ok):
        said_by = quote.speaker.text if quote.speaker else None
        print(
            f"  {article} {gold['content'][:50]!r}: gold {gold['speaker']!r} / {gold['cue']!r},"
            f" got {said_by!r} ({quote.speaker_key}) / {quote.cue!r}"
        )


def main() -> None:
    print("quotes on the seeds (errors first):")
    scores = score()
    if not scores.gold:
        print("../shared is absent: nothing to measure")
        return
    print(f"gold quotes          {scores.gold}")
    print(f"speaker accuracy     {scores.speaker / scores.gold:.3f}  (target >= 0.85)")
    print(f"content recall       {scores.found / scores.gold:.3f}")
    print(f"cue accuracy         {scores.cue / scores.gold:.3f}")


if __name__ == "__main__":
    main()
