"""An article's text cut into segments, each with the extractions that cover it.

The page template wraps each segment in one ``<span>`` whose classes and
tooltip come from here; the text itself is always escaped by the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from storyledger.report.display import value_text


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)  # entity, time, quantity, quote
    notes: list[str] = field(default_factory=list)  # tooltip lines


def mention_note(kind: str, mention: dict[str, Any]) -> str:
    """What a mention resolved to, in one line for the tooltip."""
    if kind == "time":
        value = mention.get("value") or "unresolved"
        mod = f" ({mention['mod']})" if mention.get("mod") else ""
        return f"time: {value}{mod}"
    if kind == "quantity":
        counted = f" of {mention['counted']}" if mention.get("counted") else ""
        return f"quantity: {value_text(mention, mention['unit'])} ({mention['unit']}){counted}"
    if kind == "entity":
        return f"{mention['label']}: {mention['name']}"
    speaker = (mention.get("speaker") or {}).get("text") or "unknown speaker"
    how = "direct quote" if mention.get("direct") else "reported speech"
    return f"{how} of {speaker} ({mention.get('cue') or 'no cue'})"


def segments(text: str, extraction: dict[str, Any]) -> list[Segment]:
    """Consecutive pieces of ``text``, each covered by the same set of mentions."""
    spans = [
        (m["start"], m["end"], kind, mention_note(kind, m))
        for kind, key in (
            ("quote", "quotes"),
            ("entity", "entities"),
            ("time", "times"),
            ("quantity", "quantities"),
        )
        for m in extraction.get(key, [])
        if 0 <= m["start"] < m["end"] <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    result = []
    for start, end in pairwise(cuts):
        covering = [(kind, note) for s, e, kind, note in spans if s <= start and end <= e]
        result.append(
            Segment(
                text=text[start:end],
                kinds=sorted({kind for kind, _ in covering}),
                notes=[note for _, note in covering],
            )
        )
    return result
