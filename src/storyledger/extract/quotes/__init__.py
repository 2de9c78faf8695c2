"""Direct and reported quotes with their speakers.

Direct quotes are found from the quotation marks (curly double and single,
straight double, guillemets; an apostrophe inside a word closes nothing; a
quote inside a quote stays part of the outer one; a quote that runs over
paragraphs, reopened at each paragraph, is one quote). Reported
speech is found from the dependency parse:

- a verb of saying with a clausal complement: "X said (that) ...", "X told
  reporters ...", "X stressed/warned/assured ...", with the clause before the
  cue too ("The mission is urgent, Ruto said."); the content is the clause;
- "according to X": the content is the clause the phrase is attached to;
- "X accused Y of Z": the content is the accusation Z.

A direct quote takes its speaker and cue, in this order, from the reported
speech whose content holds it (a partial quote: he was "convinced" that ...),
from the verb of saying or stance it depends on (ruled the mission
"unconstitutional", defends the mission "for humanity"), from the nearest
verb of saying or "according to" in its sentences ("...," the minister said;
"Ruto said:" on the line before), from a name and colon before it (`Ruto: "..."`),
or from the quote (direct or reported) just before it when it opens a sentence
(a speaker's next sentences). Otherwise it has no speaker (a scare quote); a quoted title with
no speaker ("The Golden Compass") is not a quote.

The speaker is the subject of the cue (inherited from the governing verb for
"..., accusing ..." and "but said ..."), or the agent of a passive cue. Its
key is the key of the entity mention at the head of the subject: "Mr Ruto",
"the Kenyan president" and "the head of state" carry the person's key from
the entity stage; "he" and "she" take the key of the latest person named in
full before them, outside quotes, whose gender, where a given name, honorific
or gendered noun shows it, agrees (none when nobody agrees); a named apposition gives its key
to an unnamed head ("coach Bruce Arians" parsed as an apposition). An unnamed
speaker ("a UN official", "the administration of President Biden") keeps its
text with ``speaker_key`` None: the statement is a person's or a body's, not
the named organisation's, and the organisation stays findable as an entity
mention inside the speaker span.

The modules, one concern each: ``marks`` finds direct quotes from the quotation marks,
``cues`` reported speech and the cues of direct quotes from the parse, ``speakers``
the speaker of a cue and its key, ``context`` holds what they share of one article;
the word lists are in ``words``. This module puts them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.extract.quotes.context import Attribution, Context, Reported, opens_sentence
from storyledger.extract.quotes.cues import (
    according_source,
    find_reported,
    governing_cue,
    nearest_cue,
    outermost,
)
from storyledger.extract.quotes.marks import quote_spans
from storyledger.extract.quotes.speakers import attribution_of, named_before_colon, speaker_from
from storyledger.extract.quotes.words import TITLE_SMALL_WORDS
from storyledger.model import EntityMention, QuoteMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["find_quotes", "quote_spans"]


def find_quotes(doc: Doc, entities: list[EntityMention]) -> list[QuoteMention]:
    """Direct and reported quotes of one parsed article, with speaker, cue and content span."""
    context = Context(doc, entities)
    directs = context.directs
    reported = outermost(
        [r for r in find_reported(context) if not clashes_with_direct(doc, r, directs)]
    )
    quotes = [reported_mention(doc, r, context.sentence) for r in reported]
    quotes += direct_quotes(context, directs, reported)
    return sorted(quotes, key=lambda q: (q.start, q.end))


def direct_quotes(
    context: Context, directs: list[tuple[int, int]], reported: list[Reported]
) -> list[QuoteMention]:
    """The direct quotes, each attributed; a quote opening a sentence with no cue of its own
    goes on with the speaker of the quote (direct or reported) just before it, in this or
    the previous sentence."""
    doc, sentence = context.doc, context.sentence
    spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in directs]
    quoted = {token.i for span in spans for token in span or ()}
    said = [said_before(context, r.end, r.attribution) for r in reported]
    quotes: list[QuoteMention] = []
    for (start, end), span in zip(directs, spans, strict=True):
        assert span is not None
        if is_nickname(span):
            continue
        first = sentence[span.start]
        attribution = attribute_direct(context, span.start, span.end, reported, quoted)
        if attribution is None and opens_sentence(context, span.start):
            attribution = continued(said, span.start, first)
        if attribution is None and looks_like_title(span):
            continue
        attribution = attribution or Attribution(None, None, None)
        quotes.append(
            QuoteMention(
                start=start,
                end=end,
                text=context.text[start:end],
                speaker=attribution.speaker,
                speaker_key=attribution.key,
                cue=attribution.cue,
                direct=True,
                sentence=first,
            )
        )
        said.append(said_before(context, span.end, attribution))
    return quotes


def said_before(
    context: Context, end: int, attribution: Attribution
) -> tuple[int, int, Attribution]:
    """(token end, last sentence, attribution) of a quote, for the quotes after it."""
    last = max(context.sentence[end - 1], context.sentence[attribution.cue_at or 0])
    return end, last, attribution


def continued(
    said: list[tuple[int, int, Attribution]], start: int, sentence: int
) -> Attribution | None:
    """The attribution of the latest quote ending before token ``start``, when it had a
    speaker and ended in this sentence or the one before."""
    earlier = [entry for entry in said if entry[0] <= start]
    if not earlier:
        return None
    _, last, attribution = max(earlier, key=lambda entry: entry[0])
    return attribution if attribution.speaker is not None and last >= sentence - 1 else None


def is_nickname(span: Span) -> bool:
    """A quoted nickname inside a name: Jimmy "Barbecue" Cherizier."""
    doc = span.doc
    before, after = span.start - 2, span.end + 1  # skip the quotation marks
    if len(span) > 3 or before < 0 or after >= len(doc):
        return False
    return all(doc[i].pos_ == "PROPN" and doc[i].is_title for i in (before, after))


def looks_like_title(span: Span) -> bool:
    """A quoted name or title ("Twilight", "The Golden Compass"), not a quotation."""
    words = [t for t in span if t.is_alpha]
    return (
        len(span) <= 8
        and bool(words)
        and all(t.text[:1].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in words)
        and span[-1].text not in {".", "?", "!"}
    )


def reported_mention(doc: Doc, reported: Reported, sentence: list[int]) -> QuoteMention:
    first, last = doc[reported.start], doc[reported.end - 1]
    attribution = reported.attribution
    return QuoteMention(
        start=first.idx,
        end=last.idx + len(last),
        text=doc[reported.start : reported.end].text,
        speaker=attribution.speaker,
        speaker_key=attribution.key,
        cue=attribution.cue,
        direct=False,
        sentence=sentence[reported.start],
    )


def clashes_with_direct(doc: Doc, reported: Reported, directs: list[tuple[int, int]]) -> bool:
    """Whether reported speech lies within a direct quote (the quoted speaker's own words,
    left to the direct quote) or crosses one's edge (a parse that runs past the quote)."""
    cue = reported.cue
    words = [t for t in doc[reported.start : reported.end] if not (t.is_quote or t.is_space)]
    if not words:
        return True
    first, last = words[0].idx, words[-1].idx + len(words[-1])
    for start, end in directs:
        if start <= cue.idx < end or (start <= first and last <= end + 1):
            return True
        if first < start < last < end or start <= first < end < last:
            return True
    return False


def attribute_direct(
    context: Context, start: int, end: int, reported: list[Reported], quoted: set[int]
) -> Attribution | None:
    """Speaker and cue of the direct quote over tokens [start, end), or None."""
    inside = range(start, end)
    for speech in reported:
        if speech.start <= start and end <= speech.end:
            return speech.attribution
    verb = governing_cue(context.doc, inside)
    if verb is None:
        verb = nearest_cue(context, inside, quoted)
    if verb is None:
        return named_before_colon(context, start)
    if verb.lower_ == "according":
        source = according_source(verb)
        return speaker_from(context, source, verb) if source is not None else None
    return attribution_of(context, verb, inside)
