"""Claims: one per quantity, plus one per sentence with a time or an attribution but no quantity.

A claim says who states what, with which certainty, about when:

- ``modality``: what was pledged, planned, estimated or needed is not what
  happened. Read from the verb that governs the quantity, the verbs it
  complements ("plans to send", "is expected to cost") and its auxiliaries
  ("will", "would be needed"); "reported" when only "reportedly" / "said to"
  qualifies it.
- ``change``: an addition ("another 200", "144 additional officers", "an
  additional $100 million") against a level ("bringing the total to 744",
  "now numbering 400", "$110 million to date").
- ``time``: the date the statement is about: a dated time mention inside the
  governing verb's clause, else the nearest dated one in the sentence.
- attribution: the quote whose content holds the quantity (direct quotes,
  reported speech, "according to").
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from storyledger.extract.boilerplate import in_furniture
from storyledger.extract.parse import climb, sentence_of_token
from storyledger.extract.quantities import (
    counted_noun,
    governing_verb,
    reduced_relative_subject,
    subject_of,
)
from storyledger.model import (
    Claim,
    EntityMention,
    Modality,
    QuantityMention,
    QuoteMention,
    TimeMention,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLEDGE_WORDS = {"pledge", "promise", "commit", "vow", "offer", "earmark"}
PLAN_WORDS = {"plan", "intend", "schedule", "aim", "prepare", "due", "set", "propose", "seek"}
PLAN_WORDS |= {"mean", "supposed"}  # "was meant to have 2,500 personnel"
ESTIMATE_WORDS = {"estimate", "project", "forecast", "predict", "expect", "anticipate"}
EXPECT_WORDS = {"expect", "anticipate"}
# Verbs whose outcome is not the subject's own doing: "expects to cost", "expects to reach".
EXPECTATION_VERBS = {"cost", "reach", "total", "exceed", "top", "rise", "fall", "grow", "be"}
NEED_WORDS = {"need", "require", "call", "demand", "request"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HEDGE_AUX = {"would", "could", "might", "may"}
REPORT_WORDS = {"reportedly", "allegedly", "purportedly"}
CHANGE_WORDS = {"additional", "another", "further", "extra", "new", "fresh"}
CHANGE_WORDS |= {"second", "third", "fourth", "fifth", "latest", "next"}
# "200 more officers" is an addition; "more than 200 officers" is a bound of a level.
AFTER_CHANGE_WORDS = {"more", "fewer", "less", "extra", "others", "additional"}
# What these nouns count is a total by nature: "the latest toll of 5,300", "a new tally".
LEVEL_NOUNS = {"toll", "tally", "total", "count", "number", "figure", "sum"}
# Nouns that carry a modality of their own: "Kenya's original pledge was 1,000 officers".
NOUN_MODALITY: dict[str, Modality] = {
    "pledge": "pledged",
    "promise": "pledged",
    "commitment": "pledged",
    "offer": "pledged",
    "plan": "planned",
    "target": "planned",
    "estimate": "estimated",
    "projection": "estimated",
    "forecast": "estimated",
    "need": "needed",
    "requirement": "needed",
}
AMOD_MODALITY: dict[str, Modality] = {
    "estimate": "estimated",
    "project": "estimated",
    "expect": "estimated",
    "pledge": "pledged",
    "promise": "pledged",
    "plan": "planned",
    "propose": "planned",
    "need": "needed",
    "require": "needed",
}
# Verbs that value their subject or object: "the cost is $600m", "brings the pledge to $300m".
VALUE_VERBS = {"be", "reach", "total", "amount", "stand", "bring", "raise", "take", "push"}
CHANGE_VERBS = {"add", "increase", "boost", "top", "raise"}
LEVEL_WORDS = {"total", "totals", "all", "date", "far", "now", "overall", "altogether"}
DATED_TYPES = {"DATE", "TIME"}
LOOKING_AHEAD = {"planned", "estimated", "needed"}  # modalities of what is yet to be


def find_claims(
    doc: Doc,
    entities: list[EntityMention],
    times: list[TimeMention],
    quantities: list[QuantityMention],
    quotes: list[QuoteMention],
) -> list[Claim]:
    """Claims of an article, in text order of the sentences; page furniture (a caption, a
    "Related:" list) gives none."""
    sentences = list(doc.sents)
    text = doc.text  # spaCy joins the text anew at each ``doc.text``
    furniture = {
        number
        for number, sent in enumerate(sentences)
        if in_furniture(text, (sent.start_char, sent.end_char))
    }
    claims = [
        quantity_claim(doc, sentences, index, quantities, entities, times, quotes)
        for index, quantity in enumerate(quantities)
        if quantity.sentence not in furniture
    ]
    with_quantity = {q.sentence for q in quantities}
    for number, sent in enumerate(sentences):
        if number in with_quantity or number in furniture:
            continue
        time_index = sentence_time(times, number, sent)
        quote = next((q for q in quotes if sent.start_char <= q.start < sent.end_char), None)
        if time_index is None and quote is None:
            continue
        claims.append(sentence_claim(sent, number, time_index, quote, entities))
    claims.sort(key=lambda c: (c.sentence, c.quantity if c.quantity is not None else -1))
    return claims


def quantity_claim(
    doc: Doc,
    sentences: list[Span],
    index: int,
    quantities: list[QuantityMention],
    entities: list[EntityMention],
    times: list[TimeMention],
    quotes: list[QuoteMention],
) -> Claim:
    quantity = quantities[index]
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    sent = sentences[quantity.sentence]
    verb = governing_verb(span) if span is not None else None
    quote = quote_holding(quotes, quantity.start, quantity.end)
    subject = subject_of(verb) if verb is not None else None
    if subject is None and span is not None:
        subject = reduced_relative_subject(span)
    modality = modality_of(verb, span)
    return Claim(
        sentence=quantity.sentence,
        start=sent.start_char,
        end=sent.end_char,
        text=sent.text,
        subject=phrase(subject) if subject is not None else None,
        predicate=verb.lemma_.lower() if verb is not None else quantity.predicate,
        object=quantity.text if quantity.counted is None else f"{quantity.text} {quantity.counted}",
        quantity=index,
        time=clause_time(doc, times, quantity.sentence, verb, quantity, quantities, modality),
        speaker=speaker_text(quote),
        speaker_key=quote.speaker_key if quote else None,
        cue=quote.cue if quote else None,
        modality=modality,
        polarity="negative" if negated(verb, span) else "positive",
        change=is_change(span, verb) if span is not None else False,
        entities=entity_keys(entities, sent.start_char, sent.end_char),
    )


def sentence_claim(
    sent: Span,
    number: int,
    time_index: int | None,
    quote: QuoteMention | None,
    entities: list[EntityMention],
) -> Claim:
    root = sent.root
    subject = subject_of(root)
    return Claim(
        sentence=number,
        start=sent.start_char,
        end=sent.end_char,
        text=sent.text,
        subject=phrase(subject) if subject is not None else None,
        predicate=root.lemma_.lower(),
        time=time_index,
        speaker=speaker_text(quote),
        speaker_key=quote.speaker_key if quote else None,
        cue=quote.cue if quote else None,
        modality=modality_of(root, None),
        polarity="negative" if negated(root, None) else "positive",
        entities=entity_keys(entities, sent.start_char, sent.end_char),
    )


# -- modality, polarity, change ------------------------------------------------------------


def verb_chain(verb: Token | None) -> list[Token]:
    """The verb and the verbs it complements: "send" in "plans to send" -> [send, plans]."""
    chain: list[Token] = []
    token = verb
    while token is not None and token.i not in {t.i for t in chain}:  # by index: ends at a root
        chain.append(token)
        if (
            token.dep_ in ("xcomp", "auxpass")
            or (token.dep_ == "ccomp" and has_subject(token.head))
            or (token.dep_ == "conj" and shares_clause(token))
            or (token.dep_ == "advcl" and token.tag_ == "VBG")  # "..., bringing it to"
        ):
            token = token.head
        else:
            token = free_participle_head(token)
    return chain


def has_subject(verb: Token) -> bool:
    """ "Kenya promised that ...", "it is estimated that ...": a verb that reports or
    qualifies a clause has a subject; a verb without one is a misparsed relative clause
    ("out of the 1,000 Kenya has pledged") and says nothing of the clause below it."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def shares_clause(verb: Token) -> bool:
    """ "plans to recruit and train 500": a bare conjoined verb shares the clause of the verb
    before it; "has pledged 1,000 and has about 744" is a clause of its own."""
    if verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    return verb.tag_ in ("VB", "VBG") or (verb.tag_ == "VBN" and verb.head.tag_ == "VBN")


def free_participle_head(token: Token) -> Token | None:
    """ "Kenya will lead the mission, deploying 1,000 officers": a participle clause set off
    by a comma belongs to the clause before it, though the parse hangs it from the noun."""
    if token.dep_ != "acl" or token.tag_ != "VBG" or token.i == 0:
        return None
    if token.doc[token.i - 1].text != ",":
        return None
    clause = token.head.head
    return clause if clause.pos_ in ("VERB", "AUX") and clause.i != token.head.i else None


def plan_nouns(chain: list[Token]) -> set[str]:
    """ "plans to hire 500", "a pledge to send 1,000": an infinitive on a plan or pledge noun."""
    last = chain[-1] if chain else None
    if last is None or last.dep_ != "acl" or last.head.pos_ != "NOUN":
        return set()
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in last.children):
        return set()
    return {last.head.lemma_.lower()}


def expects_own_action(chain: list[Token]) -> bool:
    """ "1,000 police that Kenya expects to send": an expectation of one's own action (an
    active "expect" whose infinitive has no subject of its own) is a plan; "is expected to
    cost" (passive) and "expects the cost to reach" (another subject) stay estimates."""
    for below, token in pairwise(chain):
        if token.lemma_.lower() not in EXPECT_WORDS or below.dep_ != "xcomp":
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
            continue
        if any(c.dep_ == "nsubj" for c in below.children):
            continue
        if below.lemma_.lower() not in EXPECTATION_VERBS:
            return True
    return False


def noun_modality(verb: Token | None, span: Span | None) -> Modality | None:
    """The modality the amount's own noun phrase says: "an estimated annual cost of $600m",
    "a pledge of 1,000", or the subject or object a valuing verb gives the amount to: "the
    mission's estimated cost is $600m", "bringing the US pledge to $300m". It wins over the
    verbs of other clauses ("the fund held $21m, against an estimated cost of $600m")."""
    if span is None:
        return None
    own = (counted_noun(span), span.root.head)
    nouns = [n for n in own if n is not None and n.pos_ == "NOUN"]
    if verb is not None and verb.lemma_.lower() in VALUE_VERBS:
        nouns += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    for noun in nouns:
        if span.root in noun.subtree and noun not in own:
            continue  # the amount itself, not what it values
        if noun.lemma_.lower() in NOUN_MODALITY:
            return NOUN_MODALITY[noun.lemma_.lower()]
        for amod in noun.lefts:
            if amod.dep_ == "amod" and amod.lemma_.lower() in AMOD_MODALITY:
                return AMOD_MODALITY[amod.lemma_.lower()]
    return None


def modality_of(verb: Token | None, span: Span | None) -> Modality:
    """asserted, planned, pledged, estimated, needed or reported: of the amount's own noun
    phrase, else of its governing verb with the verbs it complements and its auxiliaries."""
    own = noun_modality(verb, span)
    if own is not None:
        return own
    words: set[str] = set()
    auxes: set[str] = set()
    chain = verb_chain(verb)
    for token in chain:
        words.add(token.lemma_.lower())
        words.update(c.lemma_.lower() for c in token.children if c.dep_ in ("acomp", "advmod"))
        auxes.update(c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass"))
    words |= plan_nouns(chain)
    if expects_own_action(chain):
        words -= EXPECT_WORDS
        words.add("plan")
    if span is not None:
        words.update(t.lemma_.lower() for t in span.root.head.lefts if t.dep_ == "amod")
        head = span.root.head
        if head.pos_ == "NOUN":
            words.add(head.lemma_.lower())
    if words & PLEDGE_WORDS:
        return "pledged"
    if words & NEED_WORDS:
        return "needed"
    if words & ESTIMATE_WORDS or ("cost" in words and auxes & HEDGE_AUX):
        return "estimated"
    if words & PLAN_WORDS or auxes & FUTURE_AUX or going_to(verb) or be_to(verb):
        return "planned"
    if auxes & HEDGE_AUX:
        return "estimated"
    if words & REPORT_WORDS:
        return "reported"
    return "asserted"


def be_to(verb: Token | None) -> bool:
    """ "400 more are still to come": "be" with an infinitive is a plan."""
    return bool(
        verb is not None
        and verb.lemma_ == "be"
        and any(
            c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
    )


def going_to(verb: Token | None) -> bool:
    """ "is going to send": the verb is an xcomp of a progressive "go"."""
    return bool(
        verb is not None
        and verb.dep_ == "xcomp"
        and verb.head.lemma_ == "go"
        and any(c.tag_ == "VBG" or c.dep_ == "aux" for c in [verb.head, *verb.head.children])
    )


def negated(verb: Token | None, span: Span | None) -> bool:
    chain = verb_chain(verb)
    if any(c.dep_ == "neg" for token in chain for c in token.children):
        return True
    return span is not None and any(t.lower_ == "no" for t in span.root.head.lefts)


def is_change(span: Span, verb: Token | None) -> bool:
    """An addition ("another 200", "an additional $100 million", "200 more") rather than a
    level ("more than 200", "the latest toll of 5,300")."""
    window = span.doc[max(span.start - 2, span.sent.start) : min(span.end + 2, span.sent.end)]
    words = {t.lower_ for t in window}
    nouns = [n for n in (span.root.head, counted_noun(span)) if n is not None and n.pos_ == "NOUN"]
    for noun in nouns:
        words.update(t.lower_ for t in noun.lefts)
    if level_marked(span, verb) or any(n.lemma_.lower() in LEVEL_NOUNS for n in nouns):
        return False
    if words & CHANGE_WORDS or said_after(span) & AFTER_CHANGE_WORDS:
        return True
    return bool(
        verb is not None
        and verb.lemma_.lower() in CHANGE_VERBS
        and any(c.lower_ == "by" and span.root in c.subtree for c in verb.children)
    )


def said_after(span: Span) -> set[str]:
    """The word right after the amount, unless it opens a comparison ("more than")."""
    doc = span.doc
    if span.end >= span.sent.end:
        return set()
    following = doc[span.end + 1].lower_ if span.end + 1 < span.sent.end else ""
    return set() if following == "than" else {doc[span.end].lower_}


def level_marked(span: Span, verb: Token | None) -> bool:
    """ "bringing the total to 744", "now numbering 400", "to date", "in all"."""
    if verb is not None and verb.lemma_.lower() in {"bring", "reach", "rise", "grow", "number"}:
        to = [c for c in verb.children if c.lower_ == "to" and span.root in c.subtree]
        if to or verb.lemma_.lower() == "number":
            return True
    sent_words = {t.lower_ for t in span.sent}
    return bool(
        {"total", "totals", "totalling", "totaling"} & sent_words
        and verb is not None
        and any(span.root in c.subtree for c in verb.children if c.lower_ == "to")
    )


# -- time, attribution, entities -----------------------------------------------------------


def clause_time(
    doc: Doc,
    times: list[TimeMention],
    sentence: int,
    verb: Token | None,
    quantity: QuantityMention,
    quantities: list[QuantityMention] | None = None,
    modality: str = "asserted",
) -> int | None:
    """A dated time in the verb's clause, else the dated time nearest the quantity. A time
    that follows another amount of the sentence, with no amount between, is that amount's:
    "held $21m in May 2024 and $110m by early 2025", "Kenya, which pledged 1,000 officers
    in 2023, has 744". A plan, estimate or need never takes the time of another clause
    told in the past: "held a ceremony on Monday for the 1,000 Kenya expects to send". An
    amount told "now" takes the time of its statement (``statement_time``)."""
    candidates = [
        i
        for i, t in enumerate(times)
        if t.sentence == sentence
        and t.type in DATED_TYPES
        and t.value
        and not owned_elsewhere(doc, t, quantities or [], quantity, verb)
    ]
    if not candidates:
        return None
    sentence_times = candidates
    if verb is not None:
        clause = {t.i for t in verb.subtree}
        sentence_of = sentence_of_token(doc)
        inside = [
            i
            for i in candidates
            if (token := doc.char_span(times[i].start, times[i].end, alignment_mode="expand"))
            is not None
            and token.root.i in clause
            and sentence_of[token.root.i] == sentence
        ]
        if inside:
            candidates = inside
        elif modality in LOOKING_AHEAD:
            candidates = [i for i in candidates if not told_in_the_past(doc, times[i])]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda i: abs(times[i].start - quantity.start))
    if times[nearest].value != "PRESENT_REF":
        return nearest
    stated = statement_time(doc, times, sentence_times, quantities or [], quantity)
    return nearest if stated is None else stated


def statement_time(
    doc: Doc,
    times: list[TimeMention],
    candidates: list[int],
    quantities: list[QuantityMention],
    quantity: QuantityMention,
) -> int | None:
    """For an amount told "now": "now" is the time of the statement it is told in, so the
    nearest date of the sentence hanging from a verb whose clause holds no other amount:
    "said on Monday that the toll has now risen to 3,000", "the report was updated on Sunday,
    the UN has now put the toll at 3,958". A date with an amount of its own is not: "on
    Monday the toll stood at 2,000 and has now risen to 3,000"."""
    others = [q for q in quantities if q is not quantity and q.sentence == quantity.sentence]
    statements = [
        i
        for i in candidates
        if times[i].value != "PRESENT_REF"
        and (verb := verb_hung_from(doc, times[i])) is not None
        and not holds_any(doc, verb, others)
    ]
    return min(statements, key=lambda i: abs(times[i].start - quantity.start), default=None)


def verb_hung_from(doc: Doc, time: TimeMention) -> Token | None:
    """The verb a time hangs from, directly or through its preposition ("said on Monday"),
    else None ("the meeting on Monday" hangs from a noun)."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head
    if head.dep_ == "prep" and head.i != span.root.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != span.root.i else None


def holds_any(doc: Doc, verb: Token, amounts: list[QuantityMention]) -> bool:
    """Whether one of the amounts lies in the verb's clause."""
    clause = {t.i for t in verb.subtree}
    return any(
        (span := doc.char_span(q.start, q.end, alignment_mode="expand")) is not None
        and span.root.i in clause
        for q in amounts
    )


def told_in_the_past(doc: Doc, time: TimeMention) -> bool:
    """Whether the verb a time hangs from is in the past tense ("held ... on Monday")."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    verb = climb(span.root, lambda token: token.pos_ not in ("VERB", "AUX"))
    return verb.tag_ == "VBD"


def owned_elsewhere(
    doc: Doc,
    time: TimeMention,
    quantities: list[QuantityMention],
    quantity: QuantityMention,
    verb: Token | None,
) -> bool:
    """The time follows another amount, with no amount between them, whose verb is not one
    our amount's clause hangs from: "Kenya, which pledged 1,000 officers in 2023, has 744",
    "sent 400 in June and 200 in July" (each amount of one verb has its own time); but "200
    arrived on Tuesday, bringing the force to 600" dates the 600 too, and a time hanging
    from our amount's own verb is ours ("stood at 2,000 on Monday and has now risen to")."""
    before = [q for q in quantities if q.sentence == time.sentence and q.end <= time.start]
    if not before:
        return False
    other = max(before, key=lambda q: q.end)
    if other is quantity:
        return False
    span = doc.char_span(other.start, other.end, alignment_mode="expand")
    other_verb = governing_verb(span) if span is not None else None
    if other_verb is None or verb is None:
        return True
    if other_verb.i == verb.i:
        return True
    hung_from = verb_hung_from(doc, time)  # "now" of "stood at 2,000, has now risen to 3,000"
    return (hung_from is None or hung_from.i != verb.i) and other_verb not in verb_chain(verb)


def sentence_time(times: list[TimeMention], number: int, sent: Span) -> int | None:
    dated = [
        i for i, t in enumerate(times) if t.sentence == number and t.type in DATED_TYPES and t.value
    ]
    return dated[0] if dated else None


def quote_holding(quotes: list[QuoteMention], start: int, end: int) -> QuoteMention | None:
    """The narrowest quote whose content holds [start, end)."""
    holding = [q for q in quotes if q.start <= start and end <= q.end]
    return min(holding, key=lambda q: q.end - q.start, default=None)


def speaker_text(quote: QuoteMention | None) -> str | None:
    if quote is None or quote.speaker is None:
        return None
    return quote.speaker.text


def entity_keys(entities: list[EntityMention], start: int, end: int) -> list[str]:
    keys: list[str] = []
    for entity in entities:
        if start <= entity.start < end and entity.key not in keys:
            keys.append(entity.key)
    return keys


def phrase(token: Token) -> str:
    """A subject as written, without a leading article or trailing clause."""
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct")]
    text = " ".join(t.text for t in words if t.i <= token.i or t.dep_ in ("compound", "flat"))
    return text.removeprefix("the ").removeprefix("The ")
