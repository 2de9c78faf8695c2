"""Values a report retells rather than states: said before, denied, or revised (and why).

"The UN had previously stated that the floods had killed 11,300" gives a value
someone gave earlier, at a time the report does not say: it is no value of the
report's own day, so without a time of its own it is undated (the report's day
would make it a rival of the revised 3,958 of that day). "The Red Crescent refuted
UN data that the flooding claimed 11,000 lives" gives a value only to deny it: no
one states it, and it is no value of the series at all.

Both read the clause before the amount, in the claim's own sentence. A value a report
says was revised keeps the reason the sentence gives after the amount, if any ("amended
the death toll to 3,958 citing the World Health Organization"): the views show it with
the update.
"""

from __future__ import annotations

import re

from storyledger.model import Claim, QuantityMention

# A value given earlier: "had previously said", "earlier reported", "initially put".
SAID_BEFORE = re.compile(
    r"\b(?:previously|earlier|initially|originally|at first)\b"
    r"\s+(?:been\s+)?(?:said|stated|reported|put|gave|announced|estimated|counted|"
    r"cited|quoted|told|declared|released|published)\b"
    r"|\bhad\s+(?:previously|earlier|initially|originally|first)\b",
    re.IGNORECASE,
)
# A value given only to be denied: "refuted reports that", "denied claims", "dismissed the
# figures" (what is denied is a statement: "denied access to 2,000 workers" denies none).
DENIED = re.compile(
    r"\b(?:refut|den(?:y|ies|ied|ying)\b|dismiss|reject|debunk)\w*"
    r"(?:\s+\S+){0,8}?\s+(?:that|reports?|claims?|data|figures?|numbers?|tolls?)\b",
    re.IGNORECASE,
)


def clause_before(claim: Claim, quantity: QuantityMention) -> str:
    """The sentence up to the amount."""
    offset = quantity.start - claim.start
    return claim.text[: max(0, offset)]


def said_before(claim: Claim, quantity: QuantityMention) -> bool:
    """The report says the value was given earlier ("had previously stated ... 11,300")."""
    return SAID_BEFORE.search(clause_before(claim, quantity)) is not None


def denied(claim: Claim, quantity: QuantityMention) -> bool:
    """The report gives the value only as one denied ("refuted UN data that ... 11,000")."""
    return DENIED.search(clause_before(claim, quantity)) is not None


# A value revised by its authority, and why: "amended the toll to 3,958 citing the WHO",
# "lowered the count to 212 after double counting was found".
REVISED = re.compile(
    r"\b(?:revis|correct|amend|lower|adjust|downgrad|upgrad|reduc|cut|rais)\w*\b", re.IGNORECASE
)
REASON = re.compile(
    r"\b(?:citing|because(?:\s+of)?|due\s+to|owing\s+to|after|following|as\s+a\s+result\s+of)"
    r"\s+[^.;:!?]+",
    re.IGNORECASE,
)
REASON_WORDS = 14  # a reason longer than this is cut at a clause break or here


def revision_reason(claim: Claim, quantity: QuantityMention) -> str | None:
    """Why the report says the value was revised, when it says so in the same sentence:
    the clause from "citing", "because", "after", "due to" ... ("citing World Health
    Organization (WHO)"); None when the sentence tells no revision or no reason."""
    if not REVISED.search(claim.text):
        return None
    offset = quantity.end - claim.start
    found = REASON.search(claim.text, max(0, offset)) or REASON.search(claim.text)
    if found is None:
        return None
    words = found.group(0).split(",")[0].split()
    return " ".join(words[:REASON_WORDS]) or None
