"""Entity mentions with canonical keys, stable across articles.

spaCy's named entities are the candidates, with what the small model often
misses added: names of the alias tables in runs of capitalised words, surnames
of persons named in full, names after an honorific, a title or a word for a
person ("actress Bettie Page": persons whatever the model's label). Each is
cleaned (a leading "the", a trailing possessive "'s", titles and lower-case
words before a person's name, web addresses dropped) and keyed:

- countries, their short forms and demonyms share one key ("Kenyan",
  "Kenyans", "Kenya" -> ``kenya``; "US", "U.S.", "the United States",
  "America", "American" -> ``united_states``); demonyms keep the label NORP;
- organisations named in the alias table share one key ("UN", "United
  Nations" -> ``united_nations``); a descriptor before the name is dropped
  from the span and remembered ("the NGO Human Rights Watch");
- persons are keyed by their full name without middle initials
  (``william_ruto``, "Raymond W. Kelly" -> ``raymond_kelly``); within an article,
  surname-only mentions ("Ruto", "Mr Ruto", "President Ruto"), which the
  model often misses, resolve to the full name that carries that surname;
- definite descriptions resolve to the named entity they stand for when exactly
  one named before them carries that role (else the only one named after):
  "the president" / "the Kenyan president" / "the head of state" -> the person
  introduced as "Kenyan President William Ruto"; "the NGO" -> the organisation
  introduced as "the NGO Human Rights Watch"; "the group" / "the organisation"
  -> the organisation named in that or the previous sentence;
- everything else is keyed by the slug of its cleaned text.

Mentions never cross; a description may hold a shorter mention ("the Kenyan
president" holds "Kenyan").

Numeric and temporal labels are left to the times and quantities extractors.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyledger.extract.aliases import (
    FEMALE_WORDS,
    MALE_WORDS,
    Canonical,
    lookup,
    slug,
    undotted,
)
from storyledger.extract.parse import sentence_of_token
from storyledger.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SKIPPED_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "PERCENT", "ORDINAL"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord"})
TITLES = frozenset(
    {
        "president", "minister", "premier", "chancellor", "secretary", "spokesperson",
        "spokesman", "spokeswoman", "governor", "senator", "mayor", "ambassador", "envoy",
        "commissioner", "director", "chairman", "chairwoman", "chairperson", "chair", "chief",
        "general", "commander", "king", "queen", "prince", "princess", "emir", "sultan",
        "pope", "judge", "justice", "prosecutor", "leader", "ceo", "head",
    }
)  # fmt: skip
SAME_ROLES = {
    "premier": frozenset({"premier", "prime minister"}),
    "prime minister": frozenset({"premier", "prime minister"}),
    "spokesperson": frozenset({"spokesperson", "spokesman", "spokeswoman"}),
    "chair": frozenset({"chair", "chairman", "chairwoman", "chairperson"}),
}
QUALIFIERS = frozenset({"vice", "deputy", "prime", "former", "acting", "interim"})
HEAD_OF = {
    "state": frozenset({"president", "king", "queen", "emir", "sultan", "monarch"}),
    "government": frozenset({"prime minister", "premier", "chancellor"}),
}
ORG_NOUNS = frozenset(
    {
        "ngo", "group", "organisation", "organization", "agency", "body", "charity",
        "watchdog", "council", "court", "ministry", "alliance", "bloc", "company", "firm",
        "party", "union", "bank", "fund", "department", "commission", "institute",
        "network", "coalition", "committee", "association", "federation", "movement",
    }
)  # fmt: skip
CONNECTORS = frozenset({"of", "the", "and", "for", "-", "de", "du", "la"})
GENERIC_ORG_NOUNS = frozenset({"ngo", "group", "organisation", "organization"})
PERSON_WORDS = FEMALE_WORDS | MALE_WORDS | {"actor", "singer", "activist", "lawyer", "player"}
MAX_MODIFIERS = 3  # words between "the" and the title: "the former Kenyan foreign minister"
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


@dataclass
class Found:
    """An entity mention in token offsets, before it becomes an EntityMention."""

    start: int
    end: int
    label: str
    key: str
    name: str


@dataclass
class Named:
    """A named person or organisation of the article, with the roles it was introduced by."""

    key: str
    name: str
    label: str
    roles: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)


def find_entities(doc: Doc) -> list[EntityMention]:
    """Entity mentions of one parsed article, each with its canonical key and name."""
    spans = [
        trimmed for ent in doc.ents if ent.label_ not in SKIPPED_LABELS if (trimmed := trim(ent))
    ]
    people = full_name_people(spans)
    found = [classify(doc, span, people) for span in spans]
    found = add_missed_names(doc, found, people)
    named = describe_named(doc, found)
    found = add_descriptions(doc, found, named)
    sentence = sentence_of_token(doc)
    return [
        EntityMention(
            start=doc[f.start].idx,
            end=doc[f.end - 1].idx + len(doc[f.end - 1]),
            text=doc[f.start : f.end].text,
            label=f.label,
            key=f.key,
            name=f.name,
            sentence=sentence[f.start],
        )
        for f in found
    ]


# --- cleaning spaCy's spans ---------------------------------------------------------------


def trim(span: Span) -> Span | None:
    """The span without a leading "the", edge punctuation or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or is_the(doc[start])):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in POSSESSIVES
    ):
        end -= 1
    if start == end or looks_like_address(doc[start:end]):
        return None
    if (start, end) == (span.start, span.end):
        return span
    cleaned = doc[start:end]
    return doc.char_span(cleaned.start_char, cleaned.end_char, label=span.label_)


def looks_like_address(span: Span) -> bool:
    """A web address or path the model took for a name ("http://www", "nl/2013/08/...")."""
    return any(t.like_url or "/" in t.text or t.lower_ == "www" for t in span)


def is_the(token: Token) -> bool:
    return token.lower_ == "the"


def is_title_word(token: Token) -> bool:
    plain = undotted(token.text).lower()
    return plain in HONORIFICS or plain in TITLES or plain in QUALIFIERS


def name_part(span: Span) -> Span:
    """A person span without the titles, honorifics and demonyms written before the name."""
    start = span.start
    while start < span.end - 1 and (
        is_title_word(span.doc[start]) or is_demonym(span.doc[start]) or span.doc[start].is_lower
    ):
        start += 1
    return span.doc[start : span.end]


def person_key(name: Span) -> str:
    """A person's key from the full name, without middle initials ("Raymond W. Kelly")."""
    words = [t.text for t in name]
    kept = [words[0], *(w for w in words[1:-1] if not is_initial(w)), words[-1]]
    return slug(" ".join(kept))


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


def is_demonym(token: Token) -> bool:
    canonical = lookup(token.text)
    return canonical is not None and canonical.demonym


# --- persons ------------------------------------------------------------------------------


def full_name_people(spans: list[Span]) -> dict[str, list[tuple[int, Named]]]:
    """Surname -> the persons named in full with that surname, with the token of each naming."""
    people: dict[str, list[tuple[int, Named]]] = {}
    for span in spans:
        if not is_person(span):
            continue
        name = name_part(span)
        if len(name) < 2 or lookup(name.text) is not None:
            continue
        person = Named(person_key(name), name.text, "PERSON")
        people.setdefault(name[-1].text, []).append((name.start, person))
    return people


def person_by_surname(
    people: dict[str, list[tuple[int, Named]]], surname: str, at: int
) -> Named | None:
    """The person named in full with this surname: the latest before ``at``, else the first."""
    namings = people.get(surname)
    if not namings:
        return None
    before = [person for start, person in namings if start <= at]
    return before[-1] if before else namings[0][1]


def classify(doc: Doc, span: Span, people: dict[str, list[tuple[int, Named]]]) -> Found:
    """Key and label of one cleaned spaCy entity."""
    label = "PERSON" if is_person(span) else span.label_
    if label == "PERSON":
        name = name_part(span)
        if len(name) >= 2 and lookup(name.text) is None:
            return Found(name.start, name.end, "PERSON", person_key(name), name.text)
        span = name
    if len(span) == 1:
        person = person_by_surname(people, span.text, span.start)
        if person is not None:
            return Found(span.start, span.end, "PERSON", person.key, person.name)
    for start in range(span.start, span.end):
        canonical = lookup(doc[start : span.end].text)
        if canonical is not None:
            return Found(start, span.end, label_of(canonical, label), canonical.key, canonical.name)
        if not is_descriptor(doc[start]):
            break
    return Found(span.start, span.end, label, slug(span.text), display_name(span.text))


def display_name(text: str) -> str:
    """A name as it reads in running text: a shouted dateline ("NAIROBI") in title case,
    acronyms of up to four letters ("NATO", "UN") kept."""
    words = text.split(" ")
    return " ".join(w.title() if w.isupper() and len(w) > 4 else w for w in words)


def is_person(span: Span) -> bool:
    """spaCy's PERSON, or a capitalised name right after a title ("spokesperson Jane Doe")."""
    return span.label_ == "PERSON" or (after_title(span) and lookup(span.text) is None)


def after_title(span: Span) -> bool:
    """Whether a title, an honorific or a word for a person stands just before the span
    ("spokesperson Jane Doe", "actress Bettie Page")."""
    if span.start == 0 or not capitalised(span[0]):
        return False
    before = span.doc[span.start - 1]
    return is_title_word(before) or before.lower_ in PERSON_WORDS


def is_descriptor(token: Token) -> bool:
    """A word that may stand before a name without being part of it ("the NGO ...")."""
    return token.lower_ in ORG_NOUNS or token.pos_ in {"NOUN", "ADJ", "DET"}


def label_of(canonical: Canonical, spacy_label: str) -> str:
    """Demonyms are NORP, country names GPE, organisations ORG; regions keep spaCy's label."""
    if canonical.demonym:
        return "NORP"
    if canonical.kind == "country":
        return "GPE"
    if canonical.kind == "org":
        return "ORG"
    return spacy_label if spacy_label in {"LOC", "GPE", "NORP"} else "LOC"


def add_missed_names(
    doc: Doc, found: list[Found], people: dict[str, list[tuple[int, Named]]]
) -> list[Found]:
    """Add table names, surnames and honorific names the model did not tag."""
    found = sorted(found + missed_aliases(doc, covered_tokens(found)), key=lambda f: f.start)
    covered = covered_tokens(found)
    extra: list[Found] = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not capitalised(token):
            continue
        person = person_by_surname(people, token.text, token.i)
        previous = doc[token.i - 1] if token.i > 0 else None
        if person is not None:
            extra.append(Found(token.i, token.i + 1, "PERSON", person.key, person.name))
        elif previous is not None and undotted(previous.text).lower() in HONORIFICS:
            extra.append(Found(token.i, token.i + 1, "PERSON", slug(token.text), token.text))
    return sorted(found + extra, key=lambda f: f.start)


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def missed_aliases(doc: Doc, covered: set[int]) -> list[Found]:
    """Countries, demonyms and organisations of the alias tables in runs of capitalised words
    ("Human Rights Watch", "Guinea-Bissau", "Organization of American States")."""
    extra: list[Found] = []
    for run in capitalised_runs(doc, covered):
        i = run.start
        while i < run.stop:
            match = longest_alias(doc, i, run.stop)
            if match is None:
                i += 1
                continue
            end, canonical = match
            if not inside_longer_name(doc, i, end, run, canonical):
                label = label_of(canonical, "LOC")
                extra.append(Found(i, end, label, canonical.key, canonical.name))
            i = end
    return extra


def inside_longer_name(doc: Doc, start: int, end: int, run: range, canonical: Canonical) -> bool:
    """Whether a table name is part of a longer name: "New Mexico", "the Niger Delta" (but
    "Kenyan President ..." is a demonym before a title)."""

    def name_word(i: int) -> bool:
        if i not in run or not 0 <= i < len(doc):
            return False
        token = doc[i]
        return token.lower_ not in CONNECTORS and not is_title_word(token)

    if hyphen_joined(doc, start - 1, start - 2) or hyphen_joined(doc, end, end + 1):
        return True
    return name_word(start - 1) or (not canonical.demonym and name_word(end))


def hyphen_joined(doc: Doc, hyphen: int, neighbour: int) -> bool:
    """Whether a hyphen written without spaces ties the name to a capitalised word that is no
    name of its own: "AU" in "PORT-AU-PRINCE" (but not "US" in "US-Kenya talks")."""
    if not (1 <= hyphen < len(doc) - 1 and 0 <= neighbour < len(doc)):
        return False
    joined = not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_
    word = doc[neighbour]
    return doc[hyphen].text == "-" and joined and capitalised(word) and lookup(word.text) is None


def capitalised_runs(doc: Doc, covered: set[int]) -> list[range]:
    """Maximal runs of uncovered capitalised words, with connectors ("of", "and", "-") inside."""
    runs: list[range] = []
    start: int | None = None
    for token in [*doc, None]:
        inside = token is not None and token.i not in covered
        if inside and token is not None and (capitalised(token) or token.lower_ in CONNECTORS):
            start = token.i if start is None else start
            continue
        if start is not None:
            stop = token.i if token is not None else len(doc)
            while stop > start and doc[stop - 1].lower_ in CONNECTORS:
                stop -= 1
            runs.append(range(start, stop))
            start = None
    return runs


def longest_alias(doc: Doc, start: int, stop: int) -> tuple[int, Canonical] | None:
    """The longest table name starting at token ``start`` within the run."""
    first = doc[start]
    if first.lower_ in CONNECTORS or not capitalised(first):
        return None
    for end in range(stop, start, -1):
        if end == start + 1 and first.pos_ not in {"PROPN", "ADJ"}:
            return None
        canonical = lookup(doc[start:end].text)
        if canonical is not None:
            return end, canonical
    return None


def covered_tokens(found: list[Found]) -> set[int]:
    return {i for f in found for i in range(f.start, f.end)}


# --- roles of named entities and the descriptions that stand for them ---------------------


def describe_named(doc: Doc, found: list[Found]) -> list[tuple[int, Named]]:
    """Each named person or organisation mention, with the roles and places written around it."""
    by_token = {i: f for f in found for i in range(f.start, f.end)}
    registry: dict[str, Named] = {}
    named: list[tuple[int, Named]] = []
    for f in found:
        if f.label not in {"PERSON", "ORG"}:
            continue
        entity = registry.setdefault(f.key, Named(f.key, f.name, f.label))
        for modifier in role_modifiers(doc, f):
            role = role_of(modifier)
            if role is not None:
                entity.roles.add(role)
            elif f.label == "ORG" and modifier.lower_ in ORG_NOUNS:
                entity.roles.add(modifier.lower_)
            place = by_token.get(modifier.i)
            if place is not None and place.label in {"GPE", "NORP"}:
                entity.places.add(place.key)
        if f.label == "ORG":
            entity.roles.update(t.lower_ for t in doc[f.start : f.end] if t.lower_ in ORG_NOUNS)
        named.append((f.start, entity))
    return named


def role_modifiers(doc: Doc, f: Found) -> list[Token]:
    """Tokens that introduce a mention: its pre-modifiers and its appositions."""
    head = doc[f.end - 1]
    tokens = [t for t in head.subtree if t.i < f.start and t.dep_ != "prep"]
    for appos in (c for c in head.children if c.dep_ == "appos"):
        tokens += [appos, *appos.lefts]
    if head.dep_ == "appos":
        tokens += [head.head, *head.head.lefts]
    return tokens


def role_of(token: Token) -> str | None:
    """The role a title noun gives ("vice president", "minister"), or None."""
    word = token.lower_
    if word not in TITLES:
        return None
    if word == "head":
        return head_of(token)
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is not None and previous.lower_ in QUALIFIERS:
        return f"{previous.lower_} {word}"
    return word


def head_of(token: Token) -> str | None:
    """ "head of state" / "head of government" as a role name, or None for other heads."""
    for prep in (c for c in token.children if c.lower_ == "of"):
        for obj in prep.children:
            if obj.lower_ in HEAD_OF:
                return f"head of {obj.lower_}"
    return None


def accepted_roles(role: str) -> frozenset[str]:
    """The roles a description may stand for ("head of state" -> president, king, ...)."""
    if role.startswith("head of "):
        return HEAD_OF[role.removeprefix("head of ")] | {role}
    return SAME_ROLES.get(role, frozenset({role}))


def add_descriptions(doc: Doc, found: list[Found], named: list[tuple[int, Named]]) -> list[Found]:
    """Resolve "the president", "the Kenyan president", "the NGO" to the named entity."""
    covered = covered_tokens(found)
    by_token = {i: f for f in found for i in range(f.start, f.end)}
    starts = [start for start, _ in named]
    sentence = sentence_of_token(doc)
    extra: list[Found] = []
    for token in doc:
        if token.i in covered or token.pos_ not in {"NOUN", "PROPN"} or token.dep_ == "compound":
            continue
        if names_someone(token, by_token):  # "the spokesman, Peter Smith," is the name's title
            continue
        determiner = next((c for c in token.lefts if c.dep_ == "det"), None)
        if determiner is None or not is_the(determiner):
            continue
        if not plain_modifiers(doc, determiner.i + 1, token.i, by_token):
            continue  # "the" of a name, or of a longer phrase, not of this noun
        role = role_of(token) or (token.lower_ if token.lower_ in ORG_NOUNS else None)
        if role is None:
            continue
        places = {
            by_token[t.i].key
            for t in description_modifiers(token)
            if t.i in by_token and by_token[t.i].label in {"GPE", "NORP"}
        }
        before = named[: bisect_left(starts, determiner.i)]
        target = described(before, named, role, places)
        if target is None and role in GENERIC_ORG_NOUNS:
            target = recent_organisation(before, sentence, token.i)
        if target is not None:
            end = description_end(token, role)
            extra.append(Found(determiner.i, end, target.label, target.key, target.name))
    return sorted(found + extra, key=lambda f: f.start)


def plain_modifiers(doc: Doc, start: int, end: int, by_token: dict[int, Found]) -> bool:
    """Whether the words between "the" and a title are a few plain modifiers ("Kenyan")."""
    between = doc[start:end]
    return len(between) <= MAX_MODIFIERS and all(
        t.is_alpha and not is_named(by_token.get(t.i)) for t in between
    )


def is_named(found: Found | None) -> bool:
    return found is not None and found.label in {"PERSON", "ORG"}


def names_someone(token: Token, by_token: dict[int, Found]) -> bool:
    """Whether a noun stands in apposition to a named person or organisation (either way)."""
    appositions = [c for c in token.children if c.dep_ == "appos"]
    if token.dep_ == "appos":
        appositions.append(token.head)
    return any(is_named(by_token.get(a.i)) for a in appositions)


def description_modifiers(token: Token) -> list[Token]:
    """The words that narrow a description: "the Kenyan president", "the president of Kenya"."""
    words = [t for left in token.lefts for t in left.subtree]
    for prep in (c for c in token.rights if c.lower_ == "of"):
        words += [t for obj in prep.children for t in obj.subtree]
    return words


def description_end(token: Token, role: str) -> int:
    """Token index after a description: after "state" in "the head of state", else the noun."""
    if role.startswith("head of "):
        return next(t.i for t in token.subtree if t.lower_ in HEAD_OF) + 1
    return token.i + 1


def described(
    before: list[tuple[int, Named]], everyone: list[tuple[int, Named]], role: str, places: set[str]
) -> Named | None:
    """The one named entity before the description with that role (None when several fit),
    else the only one after it."""
    roles = accepted_roles(role)

    def fits(entity: Named) -> bool:
        return bool(entity.roles & roles) and (not places or bool(entity.places & places))

    earlier = {entity.key: entity for _, entity in before if fits(entity)}
    if earlier:
        return next(iter(earlier.values())) if len(earlier) == 1 else None
    later = {entity.key: entity for _, entity in everyone if fits(entity)}
    return next(iter(later.values())) if len(later) == 1 else None


def recent_organisation(
    before: list[tuple[int, Named]], sentence: list[int], at: int
) -> Named | None:
    """The organisation named last, in this sentence or the one before ("... HRW said. The
    group warned ...")."""
    for start, entity in reversed(before):
        if sentence[start] < sentence[at] - 1:
            return None
        if entity.label == "ORG":
            return entity
    return None
