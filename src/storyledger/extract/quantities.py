"""Quantities: values, bounds, units, the thing counted and the governing verb.

One compiled pattern scans the article text for amounts as news writes them
("at least 5,000", "$300 million", "KSh 2 billion", "between 20 and 30 per
cent", "two dozen", "hundreds of"); the numbers in ``numbers`` give their
values and units. Each candidate is then judged with the parse and the time
mentions: years, days of the month, times of day, ordinals, ages, phone- or
ID-like strings and numbers that are part of a name are not quantities. The
parse gives what is counted ("1,000 Kenyan police officers" -> "Kenyan police
officer"; for money, what the money is: "deposited in the trust" -> "trust
deposit") and the governing verb.

Conventions: a range keeps its first number as ``value`` and both ends as
``low``/``high`` (approx "between"); "at least"/"more than" set ``low``,
"up to"/"nearly"/"less than" set ``high``; "about" sets neither; vague
plurals ("hundreds of") are a range from two to ten times their scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyledger.extract import numbers as num
from storyledger.extract.parse import sentence_of_token
from storyledger.model import QuantityMention, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# bound phrase -> (which end it sets, the normalised approx label)
BOUNDS: dict[str, tuple[str | None, str]] = {
    "at least": ("low", "at least"),
    "no fewer than": ("low", "at least"),
    "no less than": ("low", "at least"),
    "not less than": ("low", "at least"),
    "a minimum of": ("low", "at least"),
    "more than": ("low", "more than"),
    "over": ("low", "more than"),
    "above": ("low", "more than"),
    "upwards of": ("low", "more than"),
    "in excess of": ("low", "more than"),
    "greater than": ("low", "more than"),
    "just over": ("low", "more than"),
    "well over": ("low", "more than"),
    "up to": ("high", "up to"),
    "as many as": ("high", "up to"),
    "as much as": ("high", "up to"),
    "at most": ("high", "up to"),
    "no more than": ("high", "up to"),
    "not more than": ("high", "up to"),
    "a maximum of": ("high", "up to"),
    "nearly": ("high", "nearly"),
    "almost": ("high", "nearly"),
    "close to": ("high", "nearly"),
    "just under": ("high", "nearly"),
    "just shy of": ("high", "nearly"),
    "fewer than": ("high", "less than"),
    "less than": ("high", "less than"),
    "under": ("high", "less than"),
    "below": ("high", "less than"),
    "about": (None, "about"),
    "around": (None, "about"),
    "some": (None, "about"),
    "roughly": (None, "about"),
    "approximately": (None, "about"),
    "an estimated": (None, "about"),
    "estimated": (None, "about"),
    "circa": (None, "about"),
}
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
TIME_NOUNS = frozenset(
    [
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "weekend",
        "month",
        "year",
        "decade",
        "century",
        "fortnight",
    ]
)
SCORE_NOUNS = frozenset(
    ["win", "victory", "defeat", "loss", "draw", "lead", "scoreline", "triumph", "margin"]
)
SCORE_VERBS = frozenset(
    ["win", "beat", "lose", "draw", "defeat", "lead", "trail", "edge", "thrash"]
)
# Words that tell how a number relates to others, not what it counts.
RELATIONAL = frozenset(
    [
        "additional",
        "extra",
        "further",
        "more",
        "other",
        "another",
        "new",
        "fresh",
        "total",
        "estimated",
        "some",
        "several",
        "many",
        "such",
        "same",
        "initial",
        "first",
        "last",
        "latest",
        "remaining",
    ]
)
NAME_NUMBER_WORDS = frozenset({"no.", "no", "number", "#", "nos.", "aged", "age"})
# Verbs that move something to a level: "brings the contribution to $300m".
MOVING_VERBS = frozenset(
    {"bring", "take", "push", "raise", "lift", "increase", "boost", "cut", "reduce", "lower"}
)
# Verbs whose subject is at the level an amount gives: "the fund reached $110m".
LEVEL_VERBS = frozenset(
    {"reach", "total", "amount", "exceed", "top", "rise", "fall", "grow", "climb", "jump"}
    | {"drop", "decline", "increase", "stand", "hit", "surpass", "soar", "plunge", "slip"}
)
# Verbs whose subject holds an amount of money: "the fund held $21m".
HOLDING_VERBS = frozenset({"hold", "have", "contain"})
# Verbs that put a value on their (passive) subject: "its cost is estimated at $600m".
VALUING_VERBS = frozenset({"estimate", "put", "value", "peg", "set", "cap", "project", "forecast"})
# Heads that only say a number is a total or a figure, not what it counts.
RELATIONAL_HEADS = frozenset(
    {"total", "number", "figure", "tally", "count", "sum", "amount", "level", "it", "that"}
)
# Groups whose size a count gives: what they count are their members, not the group.
COLLECTIVE_HEADS = frozenset(
    {"contingent", "force", "group", "team", "unit", "delegation", "deployment", "mission"}
    | {"crew", "army", "battalion", "detachment", "squad", "fleet", "workforce", "corps"}
)
# What money handed over by a verb is, as a noun: "deposited" -> "deposit".
MONEY_NOUNS = {
    "deposit": "deposit",
    "pledge": "pledge",
    "promise": "pledge",
    "commit": "commitment",
    "donate": "donation",
    "contribute": "contribution",
    "invest": "investment",
    "spend": "spending",
    "pay": "payment",
    "lend": "loan",
    "loan": "loan",
    "borrow": "loan",
    "grant": "grant",
    "award": "award",
    "allocate": "allocation",
    "earmark": "allocation",
    "disburse": "disbursement",
    "transfer": "transfer",
    "fund": "funding",
    "finance": "financing",
    "budget": "budget",
    "compensate": "compensation",
    "fine": "fine",
    "owe": "debt",
    "sell": "sale",
    "buy": "purchase",
    "purchase": "purchase",
    "earn": "earnings",
    "lose": "loss",
    "save": "saving",
    "request": "request",
    "appeal": "appeal",
}
CONTAINER_PREPS = frozenset({"in", "into"})
PURPOSE_PREPS = frozenset({"in", "of", "for"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB", "AUX"})


def _number(n: int) -> str:
    return (
        rf"(?:(?P<digits{n}>{num.DIGITS})(?![\d]|[.,]\d|:\d)"
        rf"|(?P<words{n}>\b(?:{num.WORD_NUMBER})\b))"
    )


def _scale(n: int) -> str:
    return (
        rf"(?:\s?-?(?P<scale{n}>{num.SCALE_WORD})\b"
        rf"|\s?(?P<abbr{n}>bn|bln|mn|mln|tn|trn)\b|(?P<short{n}>[kmb])\b)?"
    )


CURRENCY_PREFIX = (
    rf"(?:(?P<symbol{{n}}>{num.CURRENCY_SYMBOL})\s?"
    rf"|(?-i:(?P<code{{n}}>{num.CURRENCY_PREFIX_WORD}))\s?)?"
)
BOUND_PATTERN = num.words_alternation(list(BOUNDS))
SUFFIX = (
    r"(?:\s?(?P<percent>%|per\s?cent\b|percent\b|percentage\s+points?\b|pct\b)"
    rf"|\s+(?:of\s+)?(?:(?P<qualifier>{num.CURRENCY_QUALIFIER})\s+)?(?P<curword>{num.CURRENCY_WORD})\b"
    rf"|\s(?-i:(?P<codesuffix>{num.words_alternation(num.ISO_CODES)}))\b"
    rf"|(?:\s?|-)(?P<measure>{num.MEASURE_WORD})(?![\w/]))?"
)
RANGE = (
    r"(?:\s*(?P<dash>[-–—])\s*|\s+(?P<sepword>(?(between)and|to))\s+)"
    + CURRENCY_PREFIX.format(n=2)
    + _number(2)
    + _scale(2)
)
QUANTITY = re.compile(
    r"(?<![\w.,/+\-#:$€£¥])"
    rf"(?:(?P<between>between)\s+|(?P<bound>{BOUND_PATTERN})\s+)?"
    + CURRENCY_PREFIX.format(n=1)
    + rf"(?:(?P<vague>(?:(?:tens|hundreds|dozens|scores)\s+of\s+)?(?:{num.VAGUE_WORD}))(?=\s+of\b)"
    + "|"
    + _number(1)
    + _scale(1)
    + rf"(?:{RANGE})?)"
    + SUFFIX
    + r"(?![\w%$€£]|[.,]\d)",
    re.IGNORECASE,
)
TIME_OF_DAY_AFTER = re.compile(
    r"\s?(?:[ap]\.?m\b\.?|h\b|hrs\b|o'clock|(?-i:GMT|UTC|EAT|CET|EST|EDT|BST|PST|PT|ET)\b)",
    re.IGNORECASE,
)
AGE_AFTER = re.compile(r"[\s-]*(?:years?|months?)[\s-]*olds?\b", re.IGNORECASE)


@dataclass
class Amount:
    """One scanned amount before it is judged and placed in the parse."""

    start: int
    end: int
    number_start: int  # the span of the digits or words (of the first number of a range)
    number_end: int
    value: float
    low: float | None
    high: float | None
    approx: str | None
    unit: str
    raw: str  # the first number as written


def find_quantities(doc: Doc, times: list[TimeMention]) -> list[QuantityMention]:
    """The quantities of an article, in text order."""
    time_spans = sorted((t.start, t.end) for t in times)
    found = []
    for match in QUANTITY.finditer(doc.text):
        amount = amount_of(match)
        if amount is None or overlaps_any(amount, time_spans) or not_an_amount(doc.text, amount):
            continue
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None or len(span) == 0 or part_of_name_or_date(doc, span, amount, time_spans):
            continue
        found.append(mention_of(doc, span, amount))
    return found


# -- reading a match ---------------------------------------------------------------------


def amount_of(match: re.Match[str]) -> Amount | None:
    """The value, bounds and unit of one match, or None when the match is no amount."""
    bound = (match.group("bound") or "").lower()
    bound = " ".join(bound.split())
    currency = num.currency_code(
        match.group("symbol1") or match.group("code1"),
        match.group("curword") or match.group("codesuffix"),
        match.group("qualifier"),
    )
    unit = unit_of(match, currency)
    if match.group("vague"):
        return vague_amount(match, bound, unit)
    first = number_value(match, 1, currency is not None)
    if first is None:
        return None
    value, raw = first
    if unit is None:
        unit = "m" if (match.group("short1") or "").lower() == "m" else "count"
    number_start, number_end = number_span(match, 1)
    start = match.start("bound") if bound else match.start()
    low, high, approx = bounded(value, bound)
    if match.group("dash") or match.group("sepword"):
        second = number_value(match, 2, currency is not None)
        if second is None:
            return None
        value, low, high = range_values(match, value, second[0])
        approx = "between"
        if low is None:  # a score ("3-1") or a vote, not a range
            return None
    return Amount(start, match.end(), number_start, number_end, value, low, high, approx, unit, raw)


def unit_of(match: re.Match[str], currency: str | None) -> str | None:
    if currency:
        return currency
    if match.group("percent"):
        return num.measure_unit(match.group("percent"))
    if match.group("measure"):
        return num.measure_unit(match.group("measure"))
    return None


def number_value(match: re.Match[str], n: int, money: bool) -> tuple[float, str] | None:
    """The value of the n-th number of a match with its scale, and the number as written."""
    raw = match.group(f"digits{n}") or match.group(f"words{n}")
    if raw is None:
        return None
    if match.group(f"words{n}") and not has_counting_word(raw):
        return None
    value = num.parse_number(raw)
    scale_word = match.group(f"scale{n}") or match.group(f"abbr{n}") or match.group(f"short{n}")
    scale = num.scale_of(scale_word, money)
    if value is None:
        return None
    return value * (scale if scale is not None else 1.0), raw


def has_counting_word(words: str) -> bool:
    """ "thousand" alone is no number; "a thousand", "two dozen" and "ten" are."""
    parts = re.split(r"[\s-]+", words.lower())
    return any(p in num.UNITS or p in num.TENS or p in ("a", "an") for p in parts)


def number_span(match: re.Match[str], n: int) -> tuple[int, int]:
    group = f"digits{n}" if match.group(f"digits{n}") else f"words{n}"
    return match.start(group), match.end(group)


def bounded(value: float, bound: str) -> tuple[float | None, float | None, str | None]:
    if not bound:
        return None, None, None
    side, approx = BOUNDS[bound]
    return (value if side == "low" else None), (value if side == "high" else None), approx


def range_values(
    match: re.Match[str], first: float, second: float
) -> tuple[float, float | None, float | None]:
    """(value, low, high) of "X to Y" / "X-Y": a scale after Y applies to X ("$5-10 million")."""
    scale_given = match.group("scale1") or match.group("abbr1") or match.group("short1")
    if not scale_given and second > first:
        money = bool(match.group("symbol1") or match.group("code1") or match.group("curword"))
        factor = num.scale_of(
            match.group("scale2") or match.group("abbr2") or match.group("short2"), money
        )
        first *= factor or 1.0
    if first >= second:
        return first, None, None
    return first, first, second


def vague_amount(match: re.Match[str], bound: str, unit: str | None) -> Amount | None:
    amount = num.vague_amount(match.group("vague"))
    if amount is None:
        return None
    low, high = amount
    start = match.start("bound") if bound else match.start()
    span = match.span("vague")
    return Amount(start, match.end(), *span, low, low, high, "about", unit or "count", "")


# -- what is not an amount ---------------------------------------------------------------


def overlaps_any(amount: Amount, spans: list[tuple[int, int]]) -> bool:
    return any(s < amount.number_end and amount.number_start < e for s, e in spans)


def not_an_amount(text: str, amount: Amount) -> bool:
    """Times of day, ages, phone numbers and IDs, leading zeros, sequences of digit groups."""
    after = text[amount.number_end : amount.number_end + 16]
    before = text[max(0, amount.number_start - 12) : amount.number_start]
    raw = amount.raw
    if amount.unit == "count" and (TIME_OF_DAY_AFTER.match(after) or AGE_AFTER.match(after)):
        return True
    if raw[:1] == "0" and len(raw) > 1 and raw[1:2].isdigit():
        return True
    if raw.isdigit() and len(raw) >= 7:
        return True
    if re.match(r"\s\d", after) or re.search(r"\d[\s-]$", before):
        return True
    words = before.lower().split()
    return bool(words) and words[-1] in NAME_NUMBER_WORDS


def part_of_name_or_date(
    doc: Doc, span: Span, amount: Amount, time_spans: list[tuple[int, int]]
) -> bool:
    """Day numbers next to a month, years, "Resolution 2699", "one of", scores."""
    if amount.unit != "count" or amount.approx or "," in amount.raw:
        return is_score_context(doc, span) if amount.low is not None else False
    number = number_token(span, amount)
    previous = doc[span.start - 1] if span.start > 0 else None
    following = doc[span.end] if span.end < len(doc) else None
    if amount.value <= 31 and (is_month(previous) or is_month(following)):
        return True
    if amount.raw.isdigit() and len(amount.raw) == 4 and not counts_plural_noun(number):
        return True
    if previous is not None and names_with_number(previous, time_spans):
        return True
    if amount.raw.lower() in ("one", "a", "an") and number.dep_ != "nummod":
        return True
    if following is not None and following.lemma_.lower() in TIME_NOUNS:
        return True
    return is_score_context(doc, span) if amount.low is not None else False


def number_token(span: Span, amount: Amount) -> Token:
    inside = [t for t in span if amount.number_start <= t.idx < amount.number_end]
    return inside[-1] if inside else span.root


def is_month(token: Token | None) -> bool:
    return token is not None and token.lower_.rstrip(".") in MONTHS and token.is_title


def counts_plural_noun(token: Token) -> bool:
    return token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS")


def names_with_number(previous: Token, time_spans: list[tuple[int, int]]) -> bool:
    """ "Resolution 2699", "Boeing 737", "Article 5": a name word right before the number."""
    if previous.is_sent_start or previous.lower_ in MONTHS:
        return False
    if any(s <= previous.idx < e for s, e in time_spans):
        return False
    return previous.pos_ == "PROPN" or (previous.is_title and previous.pos_ == "NOUN")


def is_score_context(doc: Doc, span: Span) -> bool:
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.lemma_.lower() in SCORE_NOUNS:
        return True
    return span.root.head.lemma_.lower() in SCORE_VERBS


# -- the parse: what is counted and the governing verb -----------------------------------


def mention_of(doc: Doc, span: Span, amount: Amount) -> QuantityMention:
    verb = governing_verb(span)
    return QuantityMention(
        start=amount.start,
        end=amount.end,
        text=doc.text[amount.start : amount.end],
        value=amount.value,
        low=amount.low,
        high=amount.high,
        approx=amount.approx,
        unit=amount.unit,
        counted=counted_thing(span, amount.unit, verb),
        predicate=verb.lemma_.lower() if verb is not None else None,
        sentence=sentence_of_token(doc)[span.root.i],
    )


def counted_noun(span: Span) -> Token | None:
    """The noun an amount counts: "400 officers", "400 of the officers", "a contingent of 400"."""
    root = span.root
    head = root.head
    modifies_noun = root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod")
    if modifies_noun and head.i >= span.end and head.pos_ in NOUN_POS:
        return None if reduced_relative_verb(span) is not None else head
    if root.dep_ == "appos" and head.i < span.start and head.pos_ == "NOUN":
        return head  # "their officers, 744 after the last reinforcements, ..."
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS]
            if objects:
                return objects[0]
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUN_POS:
        return head.head
    return None


def counted_thing(span: Span, unit: str, verb: Token | None) -> str | None:
    if unit.isupper():
        return money_purpose(span, verb)
    noun = counted_noun(span)
    if noun is not None and not (
        noun.lemma_.lower() in COLLECTIVE_HEADS and noun.i < span.start
    ):  # "a contingent of 400" counts its members, said elsewhere
        return noun_phrase_lemma(noun, span)
    if noun is not None:
        return None
    level = level_subject(span, verb)
    if level is not None and level.split()[-1] in COLLECTIVE_HEADS:
        return None  # "bringing the contingent to 600" counts its members, said elsewhere
    return level


def money_purpose(span: Span, verb: Token | None) -> str | None:
    """What an amount of money is, always a noun or nothing: "a $600m budget", "$300m in
    support", "deposited in the trust" -> "trust deposit", "is estimated to cost" ->
    "project cost", "brings the US contribution to $300m" -> "US contribution". A verb with
    no noun of its own ("receive", "bring") says nothing of what the money is."""
    noun = counted_noun(span)
    if noun is not None and noun.lemma_.lower() not in num.CURRENCY_WORDS:
        return noun_phrase_lemma(noun, span)
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ in PURPOSE_PREPS:
            objects = [
                c
                for c in child.children
                if c.dep_ == "pobj" and c.pos_ in NOUN_POS and not names_time(c)
            ]
            if objects:
                return noun_phrase_lemma(objects[0], span)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma == "cost":
        subject = subject_of(verb)
        usable = subject is not None and subject.pos_ == "NOUN" and span.root not in subject.subtree
        return f"{subject.lemma_.lower()} cost" if usable and subject is not None else "cost"
    level = level_subject(span, verb)
    if level is not None:
        return level
    containers = [
        c
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in CONTAINER_PREPS and span.root not in prep.subtree
        for c in prep.children
        if c.dep_ == "pobj" and c.pos_ in NOUN_POS and not names_time(c)
    ]
    words = [noun_phrase_lemma(containers[0], span)] if containers else []
    nominal = MONEY_NOUNS.get(lemma)
    return " ".join([*words, nominal] if nominal else words) or None


def names_time(noun: Token) -> bool:
    """ "in May", "in 2024", "in the first week": a time, not a purpose or a container."""
    return noun.lower_.rstrip(".") in MONTHS or noun.lemma_.lower() in TIME_NOUNS or noun.like_num


def level_subject(span: Span, verb: Token | None) -> str | None:
    """The thing whose level an amount gives: "brings the US contribution to $300m" (the
    object of a moving verb), "inflation rose to 5.4%", "the fund reached $110m", "the
    budget is $1.2bn" (the subject of a level verb or of "be"). Words that only say a
    number is a total ("bringing the total to 600") name nothing."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    root = span.root
    if lemma in MOVING_VERBS and (
        any(c.dep_ == "prep" and c.lower_ == "to" and root in c.subtree for c in verb.children)
        or (root.head.lower_ == "to" and root in verb.subtree)
    ):
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        return phrase_unless_relational(objects[0], span) if objects else None
    if lemma in MOVING_VERBS and any(
        c.dep_ == "nsubj" and root in c.subtree for c in verb.children
    ):  # "$100 million brings the contribution to $300 million": a change of the same thing
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        has_to = any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
        return phrase_unless_relational(objects[0], span) if objects and has_to else None
    if lemma in LEVEL_VERBS or lemma == "be" or (lemma in HOLDING_VERBS and is_money(span)):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ == "NOUN" and root not in subjects[0].subtree:
            return phrase_unless_relational(subjects[0], span)
    if lemma in VALUING_VERBS and root.head.lower_ == "at" and root.head.head.i == verb.i:
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"]
        return phrase_unless_relational(subjects[0], span) if subjects else None
    return None


def is_money(span: Span) -> bool:
    return any(t.tag_ == "$" or t.lower_ in num.CURRENCY_WORDS for t in span)


def phrase_unless_relational(noun: Token, span: Span) -> str | None:
    """The noun phrase, or what a relational head is "of": "the number of Kenyan officers"
    counts Kenyan officers; "the total" alone names nothing."""
    if noun.lemma_.lower() in RELATIONAL_HEADS:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUN_POS]
                if objects and not (span.start <= objects[0].i < span.end):
                    return noun_phrase_lemma(objects[0], span)
        return None
    return noun_phrase_lemma(noun, span)


def noun_phrase_lemma(noun: Token, amount: Span) -> str:
    """ "1,000 Kenyan police officers" -> "Kenyan police officer": modifiers, head lemma."""
    words = [
        t.text if t.pos_ == "PROPN" or t.text[:1].isupper() else t.lower_
        for t in modifiers(noun)
        if not (amount.start <= t.i < amount.end)
    ]
    head = noun.text if noun.pos_ == "PROPN" else noun.lemma_.lower()
    return " ".join([*words, head])


def modifiers(noun: Token) -> list[Token]:
    """The compound and adjective modifiers left of a noun, with their own compounds."""
    found: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            if child.lower_ in RELATIONAL or child.like_num:
                continue
            found.extend(t for t in child.lefts if t.dep_ == "compound" and t.pos_ in NOUN_POS)
            found.append(child)
    return found


def governing_verb(span: Span) -> Token | None:
    """The verb a quantity belongs to: a clause on the counted noun, else the nearest verb above.

    A number stands in its own clause: "the 1,000 Kenya pledged" belongs to "pledged" (a
    relative clause without a pronoun, which the parse often takes for the main verb), "of
    whom about 600 are in Haiti" is no clause of the 1,000 before it, and "their officers,
    744 after the last reinforcements, will stay" says 744 of no verb at all."""
    reduced = reduced_relative_verb(span)
    if reduced is not None:
        return reduced
    if span.root.dep_ == "appos":
        return None
    for child in span.root.rights:  # "out of the 1,000 it pledged"
        if child.dep_ == "relcl" and child.pos_ in VERB_POS:
            return deepest_xcomp(child)
    noun = counted_noun(span)
    if noun is not None:
        for child in noun.rights:
            if (
                child.dep_ in ("relcl", "acl")
                and child.pos_ in VERB_POS
                and not partitive_clause(child)
            ):
                return deepest_xcomp(child)
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")):
            return moved_by(token, span) or token
    return token if token.pos_ in VERB_POS else None


def reduced_relative_verb(span: Span) -> Token | None:
    """ "out of the 1,000 Kenya has pledged": a number on a singular proper noun followed by
    a verb counts what that noun's verb did, not the noun: the verb, else None."""
    root, head = span.root, span.root.head
    if root.dep_ != "nummod" or head.tag_ not in ("NNP", "PRP") or head.i + 1 >= len(head.doc):
        return None
    following = head.doc[head.i + 1]
    if following.pos_ == "VERB":
        return following
    if following.pos_ == "AUX" and following.dep_ in ("aux", "auxpass"):
        verb = following.head
        return verb if verb.pos_ == "VERB" and verb.i > following.i else None
    return None


def reduced_relative_subject(span: Span) -> Token | None:
    """The proper noun that is the subject of a reduced relative ("the 1,000 Kenya pledged")."""
    return span.root.head if reduced_relative_verb(span) is not None else None


def partitive_clause(clause: Token) -> bool:
    """ "officers, of whom about 600 are in Haiti": a clause about a part of the noun."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(t.tag_ in ("WP", "WDT") and t.head.dep_ == "prep" for t in c.subtree)
        for c in clause.children
    )


def moved_by(verb: Token, span: Span) -> Token | None:
    """ "bringing the number of officers serving with the mission to 744": the parse hangs
    "to 744" from the participle on the moved noun; the amount belongs to the moving verb."""
    if verb.dep_ != "acl" or span.root.head.lower_ != "to" or span.root.head.head.i != verb.i:
        return None
    token = verb.head
    while token.head.i != token.i and token.pos_ not in VERB_POS:
        token = token.head
    if token.lemma_.lower() in MOVING_VERBS and not any(
        c.lower_ == "to" and c.dep_ == "prep" for c in token.children
    ):
        return token
    return None


def deepest_xcomp(verb: Token) -> Token:
    """ "set to be deployed" -> "deployed", "expects to send" -> "send"."""
    while True:
        nxt = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in VERB_POS]
        if not nxt:
            return verb
        verb = nxt[0]


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verbs it complements ("Kenya expects to send")."""
    token = verb
    while True:
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if token.dep_ not in ("xcomp", "conj", "advcl", "relcl", "acl") or token.head.i == token.i:
            return None
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in NOUN_POS:
            return None if token.dep_ == "relcl" else token.head
        token = token.head
