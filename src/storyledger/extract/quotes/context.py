"""What attribution needs of one article (``Context``), and what it finds: an
``Attribution`` (speaker, key, cue) and ``Reported`` speech (content tokens and cue)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyledger.extract.aliases import gender_of_word
from storyledger.extract.parse import sentence_of_token
from storyledger.extract.quotes.marks import quote_spans
from storyledger.model import EntityMention, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Attribution:
    speaker: Speaker | None
    key: str | None
    cue: str | None
    cue_at: int | None = None  # token index of the cue


@dataclass
class Reported:
    """Reported speech found from the parse: content tokens [start, end) and its cue token."""

    start: int
    end: int
    cue: Token
    attribution: Attribution


class Context:
    """What attribution needs of one article: its direct quotes, sentences, entity mentions
    by token, and the persons pronouns may stand for."""

    def __init__(self, doc: Doc, entities: list[EntityMention]) -> None:
        self.doc = doc
        self.text = doc.text  # rebuilt by spaCy on every access: read it once here
        self.directs = [  # character spans of the direct quotes' content
            span for span in quote_spans(self.text) if doc.char_span(*span, alignment_mode="expand")
        ]
        self.sentence = sentence_of_token(doc)
        self.bounds = [(sent.start, sent.end) for sent in doc.sents]
        self.entity_at: dict[int, EntityMention] = {}
        for mention in entities:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                self.entity_at[token.i] = mention
        persons = sorted(
            (m for m in entities if m.label == "PERSON" and not within(m, self.directs)),
            key=lambda m: m.start,
        )  # a person named inside a quote is the quoted speaker's subject, not the writer's
        self.persons = [(m.start, m) for m in persons]  # by position, for pronouns
        self.person_starts = [start for start, _ in self.persons]
        self.gender = person_genders(doc, persons)

    def latest_person_before(self, pronoun: Token) -> EntityMention | None:
        """The person "he" or "she" stands for: the latest one before it whose gender, where
        known, agrees; persons named in full first (a lone word the model took for a person
        is often a place)."""
        before = bisect_left(self.person_starts, pronoun.idx)
        earlier = [mention for _, mention in self.persons[:before]]
        wanted = "f" if pronoun.lower_ == "she" else "m"
        for pool in ([m for m in earlier if " " in m.name], earlier):
            for mention in reversed(pool):
                if self.gender.get(mention.key, wanted) == wanted:
                    return mention
        return None


def within(mention: EntityMention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def person_genders(doc: Doc, persons: list[EntityMention]) -> dict[str, str]:
    """Person key -> "f" or "m" where a mention shows it: an honorific ("Mrs"), a given
    name ("Martha"), a gendered title or noun before or beside it ("actress", "spokesman")."""
    genders: dict[str, str] = {}
    for mention in persons:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or mention.key in genders:
            continue
        head = span[-1]
        evidence = [t for t in head.subtree if t.i < span.start]
        evidence += [span[0], *(doc[span.start - 1 : span.start])]
        appositions = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            appositions.append(head.head)
        for appos in appositions:
            evidence += [appos, *appos.lefts]
        found = [g for t in evidence if (g := gender_of_word(t.text))]
        if found:
            genders[mention.key] = found[0]
    return genders


def opens_sentence(context: Context, token_index: int) -> bool:
    """Whether only quotation marks stand between the sentence start and this token."""
    doc = context.doc
    sent_start = context.bounds[context.sentence[token_index]][0]
    return all(doc[i].is_quote or doc[i].is_space for i in range(sent_start, token_index))
