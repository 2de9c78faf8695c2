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
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyledger.extract.aliases import gender_of_word
from storyledger.extract.parse import climb, sentence_of_token
from storyledger.model import EntityMention, QuoteMention, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "state", "stress", "assure", "warn", "insist", "note", "announce",
        "claim", "declare", "explain", "confirm", "deny", "argue", "report", "write", "tweet",
        "post", "reply", "respond", "answer", "ask", "acknowledge", "admit", "suggest",
        "predict", "promise", "vow", "threaten", "urge", "emphasise", "emphasize", "reiterate",
        "indicate", "allege", "contend", "maintain", "complain", "concede", "testify",
        "estimate", "recall", "remark", "comment", "observe", "point", "agree", "caution",
        "underline", "underscore", "rule", "accuse", "lament", "conclude", "disclose", "reveal",
        "project", "shout", "yell", "scream", "chant", "exclaim", "quip", "joke", "plead", "demand",
        "inform", "highlight", "signal", "forecast", "assert", "affirm", "repeat",
    }
)  # fmt: skip
STANCE_VERBS = frozenset(
    {
        "defend", "describe", "call", "label", "brand", "dismiss", "condemn", "denounce",
        "criticise", "criticize", "praise", "hail", "welcome", "term", "slam", "blame",
        "decry", "reject", "pledge", "characterise", "characterize",
    }
)  # fmt: skip
DIRECT_CUES = frozenset({"continue", "recount", "laugh", "sigh"})  # '"...," she continued'
PERSONAL_PRONOUNS = frozenset({"he", "she"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
INHERITS_SUBJECT = frozenset({"conj", "advcl", "xcomp"})
NOT_IN_SPEAKER = frozenset({"relcl", "appos", "acl", "punct", "cc", "conj", "advcl"})
COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd"})
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "‘": "’"}
APOSTROPHE = "’"  # also the closing single quotation mark
NEXT_WORD = re.compile(r"\S")
LOOKAHEAD_LINES = 3
EDGE_TRIM = " \t\n,;:"
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "to", "for", "at"})


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


# --- quotation marks ----------------------------------------------------------------------


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the content of each direct quote (inside the marks)."""
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        opening = text[position]
        if opening not in QUOTE_PAIRS or not opens_quote(text, position):
            position += 1
            continue
        end = closing_mark(text, position + 1, opening)
        content = trimmed_chars(text, position + 1, end)
        if content is not None:
            spans.append(content)
        position = end + 1
    return spans


def closing_mark(text: str, position: int, opening: str) -> int:
    """Index of the mark closing the quote opened just before ``position`` (or line end).

    A quote of the same kind inside it nests. At a line break inside the quote,
    the quote goes on when the next line reopens it (a quote running over
    paragraphs) or when one of the next lines closes it before any other mark
    (wrapped lines, one sentence per line); otherwise it ends at the break.
    """
    closing = QUOTE_PAIRS[opening]
    depth = 1
    while position < len(text):
        char = text[position]
        if char == "\n":
            lines = following_lines(text, position)
            if lines and lines[0][1].startswith(opening):
                position = lines[0][0]
            elif not closed_later(lines, opening, closing):
                return position
        elif char == closing and not inside_word(text, position):
            depth -= 1
            if depth == 0:
                return position
        elif char == opening:
            depth += 1
        position += 1
    return position


def opens_quote(text: str, position: int) -> bool:
    """A single opening mark opens a quote only before a letter (not in "the ‘90s")."""
    return text[position] != "‘" or text[position + 1 : position + 2].isalpha()


def inside_word(text: str, position: int) -> bool:
    """Whether a closing single mark at ``position`` is an apostrophe: don’t, Kenya’s."""
    return (
        text[position] == APOSTROPHE
        and 0 < position < len(text) - 1
        and text[position - 1].isalnum()
        and text[position + 1].isalnum()
    )


def following_lines(text: str, position: int) -> list[tuple[int, str]]:
    """The next few non-empty lines after the line break at ``position``, with their starts."""
    lines: list[tuple[int, str]] = []
    while len(lines) < LOOKAHEAD_LINES:
        found = NEXT_WORD.search(text, position)
        if found is None:
            break
        end = text.find("\n", found.start())
        end = len(text) if end < 0 else end
        lines.append((found.start(), text[found.start() : end]))
        position = end
    return lines


def closed_later(lines: list[tuple[int, str]], opening: str, closing: str) -> bool:
    """Whether the first of these lines with a mark of this kind closes the open quote."""
    for _, line in lines:
        if opening in line or closing in line:
            return closes_on_line(line, opening, closing)
    return False


def closes_on_line(line: str, opening: str, closing: str) -> bool:
    """Whether a line closes a quote opened on an earlier line."""
    if opening == closing:
        return line.count(closing) % 2 == 1
    close_at = line.find(closing)
    return close_at >= 0 and not 0 <= line.find(opening) < close_at


def trimmed_chars(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding white space and commas, or None when nothing is left."""
    while start < end and text[start] in EDGE_TRIM:
        start += 1
    while end > start and text[end - 1] in EDGE_TRIM:
        end -= 1
    return (start, end) if start < end else None


def opens_sentence(context: Context, token_index: int) -> bool:
    """Whether only quotation marks stand between the sentence start and this token."""
    doc = context.doc
    sent_start = context.bounds[context.sentence[token_index]][0]
    return all(doc[i].is_quote or doc[i].is_space for i in range(sent_start, token_index))


# --- reported speech from the parse -------------------------------------------------------


def find_reported(context: Context) -> list[Reported]:
    found: list[Reported] = []
    for token in context.doc:
        if token.lower_ == "according":
            found += according_to(context, token)
        elif is_cue_verb(token, SPEECH_VERBS) and not is_infinitive(token):
            content = said_content(token)
            subject = subject_of(token)
            if content is not None and subject is not None:
                attribution = speaker_from(context, subject, token)
                found.append(Reported(*content, token, attribution))
    return found


def outermost(reported: list[Reported]) -> list[Reported]:
    """Reported speech whose cue is not inside the content of other reported speech (the
    outer report holds the inner one: "X said many factors could explain ...")."""
    return [
        r for r in reported if not any(o is not r and o.start <= r.cue.i < o.end for o in reported)
    ]


def is_infinitive(verb: Token) -> bool:
    """ "declined to say", "is expected to announce": no report of what was said."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def is_cue_verb(token: Token, lemmas: frozenset[str]) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in lemmas:
        return False
    if token.dep_ == "amod" or is_passive_participle(token):
        return False
    if token.lemma_.lower() == "point" and not any(c.dep_ == "prt" for c in token.children):
        return False
    return not any(c.dep_ == "neg" for c in token.children)


def is_passive_participle(verb: Token) -> bool:
    """ "Asked whether ..., Ruto said": the participle reports what was said to the subject."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "acl"}
        and not any(c.dep_ in {"aux", "auxpass", "nsubj"} for c in verb.children)
    )


def said_content(verb: Token) -> tuple[int, int] | None:
    """Token span of what a verb of saying reports: its clause, or the accusation."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return clause_span(child)
    if verb.lemma_.lower() == "accuse" and any(c.dep_ == "dobj" for c in verb.children):
        return accusation(verb)  # active "accused Y of Z", not the participle "accused of Z"
    if is_parenthetical(verb):
        return clause_around(verb)
    return None


def is_parenthetical(verb: Token) -> bool:
    """A cue set off from the clause it reports: "The plan, he said, would fail", "The
    mission is urgent, Ruto said" (parsed as parataxis, or as a complement of the clause)."""
    if verb.head.pos_ not in {"VERB", "AUX"} or verb.head.i == verb.i:
        return False
    if verb.dep_ == "parataxis":
        return True
    left = verb.left_edge.i
    return (
        verb.dep_ == "ccomp"
        and verb.i > verb.head.i
        and left > 0
        and verb.doc[left - 1].is_punct
        and not any(c.dep_ in COMPLEMENTS for c in verb.children)
    )


def clause_around(verb: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue follows or interrupts: "The plan, he said, would fail"."""
    cue_phrase = range(verb.left_edge.i, verb.right_edge.i + 1)
    rest = [t.i for t in verb.head.subtree if t.i not in cue_phrase]
    return edge_trimmed(verb.doc, min(rest), max(rest) + 1) if rest else None


def clause_span(head: Token) -> tuple[int, int] | None:
    """The clause under ``head`` without a leading "that", edge punctuation, or a trailing
    participle of saying that the parser hung on it (", calling it a mission ...")."""
    end = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and is_any_cue(child):
            end = min(end, child.left_edge.i)
    return edge_trimmed(head.doc, head.left_edge.i, end)


def edge_trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token span without a leading "that", or punctuation or white space at its edges;
    quotation marks are kept when their partner is inside."""
    while start < end and (skippable_edge(doc[start]) or is_that_mark(doc[start])):
        start += 1
    while end > start and skippable_edge(doc[end - 1]):
        end -= 1
    if start < end and sum(t.is_quote for t in doc[start:end]) % 2 == 1:
        if doc[start].is_quote:
            return edge_trimmed(doc, start + 1, end)
        if doc[end - 1].is_quote:
            return edge_trimmed(doc, start, end - 1)
    return (start, end) if start < end else None


def is_that_mark(token: Token) -> bool:
    return token.dep_ == "mark" and token.lower_ == "that"


def skippable_edge(token: Token) -> bool:
    return token.is_space or (token.is_punct and not token.is_quote)


def accusation(verb: Token) -> tuple[int, int] | None:
    """ "accused the government of an insult to justice" -> "an insult to justice"."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
                if objects:
                    return edge_trimmed(
                        verb.doc, objects[0].left_edge.i, objects[0].right_edge.i + 1
                    )
    return None


def according_to(context: Context, according: Token) -> list[Reported]:
    """ "According to X, ..." / "..., according to X": the clause, attributed to X."""
    source = according_source(according)
    if source is None:
        return []
    clause = climb(according.head, lambda t: t.pos_ not in {"VERB", "AUX"})
    phrase = range(according.left_edge.i, according.right_edge.i + 1)
    tokens = [t.i for t in clause.subtree if t.i not in phrase and not skippable_edge(t)]
    if not tokens:
        return []
    start, end = min(tokens), max(tokens) + 1
    span = edge_trimmed(context.doc, start, end)
    if span is None:
        return []
    return [Reported(*span, according, speaker_from(context, source, according))]


def according_source(according: Token) -> Token | None:
    """X in "according to X"."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None


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


# --- speakers -----------------------------------------------------------------------------


def attribution_of(context: Context, verb: Token, outside: range) -> Attribution:
    """Speaker and cue of a verb of saying for the direct quote over ``outside``; a subject
    inside the quote is the quote's own ("we will send ...," the head of state said)."""
    subject = subject_of(verb)
    if subject is None or subject.i in outside:
        subject = nearby_subject(verb, outside)
    if subject is None:
        return Attribution(None, None, cue_text(verb), verb.i)
    return speaker_from(context, subject, verb)


def cue_text(verb: Token) -> str:
    """The cue as written: the verb with its particle ("pointed out"), or "according to"."""
    if verb.lower_ == "according" and verb.i + 1 < len(verb.doc):
        return verb.doc[verb.i : verb.i + 2].text
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    return verb.doc[verb.i : particle.i + 1].text if particle else verb.text


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, the agent of a passive one, or the subject it shares with its head."""
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            return verb.head  # "Ruto, who called it ..." -> Ruto
        if child.dep_ in SUBJECTS and child.lower_ not in {"it", "there"}:
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in INHERITS_SUBJECT and verb.head.i != verb.i:
        return subject_of(verb.head)
    return None


def nearby_subject(verb: Token, outside: range) -> Token | None:
    """When the parse gives no usable subject: the noun phrase between the quote and the cue,
    or right after the cue ("...," said the minister)."""
    doc = verb.doc
    if outside.stop <= verb.i:
        gap = range(outside.stop, verb.i)
        candidates = [doc[i] for i in reversed(gap)]
    else:
        gap = range(verb.i + 1, min(len(doc), verb.i + 6))
        candidates = [doc[i] for i in gap]
    for token in candidates:
        if token.pos_ in {"NOUN", "PROPN", "PRON"} and token.i not in outside:
            return climb(
                token,
                lambda t: (
                    t.dep_ not in {"appos", "conj"}
                    and t.head.i in gap
                    and t.head.pos_ in {"NOUN", "PROPN", "ADP"}
                ),
            )
    return None


def speaker_from(context: Context, subject: Token, cue: Token) -> Attribution:
    """The speaker phrase of a subject token, keyed by the entity at its head: the subject's
    own, the latest person's for "he"/"she", or a named apposition's ("coach Bruce Arians")."""
    mention = context.entity_at.get(subject.i)
    if mention is None and subject.lower_ in PERSONAL_PRONOUNS:
        mention = context.latest_person_before(subject)
    tokens = speaker_tokens(subject)
    if mention is None:
        for appos in apposition_chain(subject):
            mention = context.entity_at.get(appos.i)
            if mention is not None and mention.label in {"PERSON", "ORG"}:
                tokens += [appos.i, *speaker_tokens(appos)]
                break
            mention = None
    doc = context.doc
    start, end = doc[min(tokens)], doc[max(tokens)]
    speaker = Speaker(context.text[start.idx : end.idx + len(end)], start.idx, end.idx + len(end))
    return Attribution(speaker, mention.key if mention else None, cue_text(cue), cue.i)


def speaker_tokens(subject: Token) -> list[int]:
    """The subject with its modifiers, without relative clauses and appositions."""
    tokens = [subject.i]
    for child in subject.children:
        if child.dep_ not in NOT_IN_SPEAKER and not child.is_quote:
            tokens += speaker_tokens(child)
    return tokens


def apposition_chain(token: Token) -> list[Token]:
    """Appositions of a token and of its appositions, nearest first."""
    chain: list[Token] = []
    frontier = [token]
    while frontier:
        current = frontier.pop(0)
        appositions = [c for c in current.children if c.dep_ == "appos"]
        chain += appositions
        frontier += appositions
    return chain


# --- attributing direct quotes ------------------------------------------------------------


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


def token_before_quote(doc: Doc, start: int) -> Token | None:
    """The last token before the opening mark of a quote starting at token ``start``."""
    index = start - 1
    while index >= 0 and (doc[index].is_quote or doc[index].is_space):
        index -= 1
    return doc[index] if index >= 0 else None


def named_before_colon(context: Context, start: int) -> Attribution | None:
    """`Ruto: "We are ready."` - a name and a colon introduce the quote."""
    colon = token_before_quote(context.doc, start)
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    mention = context.entity_at.get(colon.i - 1)
    if mention is None or mention.label not in {"PERSON", "ORG"}:
        return None
    speaker = Speaker(mention.text, mention.start, mention.end)
    return Attribution(speaker, mention.key, None)


def governing_cue(doc: Doc, inside: range) -> Token | None:
    """The verb of saying or stance the quoted words depend on (a partial quote)."""
    for token in doc[inside.start : inside.stop]:
        if token.head.i in inside:
            continue
        for ancestor in token.ancestors:
            if ancestor.i not in inside and is_any_cue(ancestor):
                return ancestor
    return None


def is_any_cue(token: Token) -> bool:
    return is_cue_verb(token, SPEECH_VERBS) or is_cue_verb(token, STANCE_VERBS)


def nearest_cue(context: Context, inside: range, quoted: set[int]) -> Token | None:
    """The verb of saying (or "according") closest to the quote in the sentences it spans,
    in the sentence going on after it on the same line (`"Why?" he asked.`) and in the
    sentence that introduces it with a colon."""
    doc, sentence = context.doc, context.sentence
    first, last = sentence[inside.start], sentence[inside.stop - 1]
    introducing = token_before_quote(doc, inside.start)
    if introducing is not None and introducing.text == ":":  # Ruto said:\n"We are ready."
        first = sentence[introducing.i]
    following = next((t for t in doc[inside.stop :] if not (t.is_punct or t.is_space)), None)
    if following is not None and "\n" not in context.text[doc[inside.stop - 1].idx : following.idx]:
        last = sentence[following.i]
    best: tuple[int, Token] | None = None
    for token in doc[context.bounds[first][0] : context.bounds[last][1]]:
        if token.i in quoted or not (
            is_cue_verb(token, SPEECH_VERBS | DIRECT_CUES) or token.lower_ == "according"
        ):
            continue
        distance = token.i - inside.stop if token.i >= inside.stop else inside.start - token.i
        if best is None or distance < best[0]:
            best = (distance, token)
    return best[1] if best else None
