"""The words of quotes, kept apart from the logic that reads them: the verbs of saying
and of stance, the dependency labels of subjects and speakers, and the quotation marks."""

from __future__ import annotations

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
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "to", "for", "at"})
