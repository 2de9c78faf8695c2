"""Direct and reported quotes with speakers and cues: hand-written sentences for every rule."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from storyledger.extract.entities import find_entities
from storyledger.extract.quotes import find_quotes, quote_spans
from storyledger.model import QuoteMention


def quotes(nlp: Language, text: str) -> list[QuoteMention]:
    doc = nlp(text)
    return find_quotes(doc, find_entities(doc))


def quote_with(nlp: Language, text: str, content: str) -> QuoteMention:
    """The quote whose content is exactly ``content``."""
    found = quotes(nlp, text)
    matching = [q for q in found if q.text == content]
    assert matching, [(q.text, q.speaker, q.cue) for q in found]
    return matching[0]


def speaker_text(quote: QuoteMention) -> str | None:
    return quote.speaker.text if quote.speaker else None


# --- quotation marks ----------------------------------------------------------------------


def test_curly_and_straight_marks() -> None:
    text = '“We are ready,” she said. "We leave today," he said.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["We are ready", "We leave today"]


def test_a_quote_inside_a_quote_stays_in_the_outer_one() -> None:
    text = "“They shouted “go home” at us,” he said. “He told me ‘stay’ twice,” she said."
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "They shouted “go home” at us",
        "He told me ‘stay’ twice",
    ]


def test_single_marks_quote_and_apostrophes_do_not_close() -> None:
    text = "‘We don’t leave Kenya’s officers behind,’ he said of the ‘90s."
    assert [text[s:e] for s, e in quote_spans(text)] == ["We don’t leave Kenya’s officers behind"]


def test_a_quote_reopened_at_each_paragraph_is_one_quote() -> None:
    text = "“We are ready.\n\n“We will leave on Monday,” he said.\n\nNext paragraph."
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "We are ready.\n\n“We will leave on Monday"
    ]


def test_a_quote_over_a_wrapped_line_is_one_quote() -> None:
    text = '"We are ready and we\nwill leave on Monday," he said.'
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["We are ready and we\nwill leave on Monday"]


def test_a_quote_over_lines_without_marks_is_one_quote() -> None:
    text = (
        '"The cable was cut this morning.\nAll links are back up.\nDowntime was an hour," she said.'
    )
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "The cable was cut this morning.\nAll links are back up.\nDowntime was an hour"
    ]


def test_an_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "He called it “a disaster.\nThe vote is on Friday."
    assert [text[s:e] for s, e in quote_spans(text)] == ["a disaster."]


# --- direct quotes ------------------------------------------------------------------------


def test_direct_quote_with_the_cue_after(nlp: Language) -> None:
    text = "“The officers are ready,” Interior Minister Kithure Kindiki said on Monday."
    quote = quote_with(nlp, text, "The officers are ready")
    assert quote.direct
    assert (speaker_text(quote), quote.speaker_key, quote.cue) == (
        "Interior Minister Kithure Kindiki",
        "kithure_kindiki",
        "said",
    )
    assert quote.speaker is not None and quote.speaker.start is not None
    assert text[quote.speaker.start : quote.speaker.end] == "Interior Minister Kithure Kindiki"


def test_single_quotation_marks(nlp: Language) -> None:
    text = "‘The officers are ready,’ Interior Minister Kithure Kindiki said."
    quote = quote_with(nlp, text, "The officers are ready")
    assert (quote.speaker_key, quote.cue, quote.direct) == ("kithure_kindiki", "said", True)


def test_direct_quote_with_an_inverted_cue(nlp: Language) -> None:
    text = '"We are ready to go," said Foreign Minister Musalia Mudavadi.'
    quote = quote_with(nlp, text, "We are ready to go")
    assert (quote.speaker_key, quote.cue) == ("musalia_mudavadi", "said")


def test_direct_quote_with_the_cue_before_and_a_colon(nlp: Language) -> None:
    text = 'Dr Jane Smith, a virologist, told reporters: "The virus is spreading fast."'
    quote = quote_with(nlp, text, "The virus is spreading fast.")
    assert (quote.speaker_key, quote.cue) == ("jane_smith", "told")


def test_quote_spanning_sentences(nlp: Language) -> None:
    text = "“We are ready. The first contingent leaves on Tuesday,” Ruto said."
    quote = quote_with(nlp, text, "We are ready. The first contingent leaves on Tuesday")
    assert (speaker_text(quote), quote.cue, quote.direct) == ("Ruto", "said", True)


def test_nested_quote_keeps_the_outer_speaker(nlp: Language) -> None:
    text = "“They kept shouting ‘go home’ at the officers,” police chief Japhet Koome said."
    quote = quote_with(nlp, text, "They kept shouting ‘go home’ at the officers")
    assert quote.speaker_key == "japhet_koome"


def test_quote_interrupted_by_its_cue(nlp: Language) -> None:
    text = "“We will go,” Ruto said. “Nobody will stop us.”"
    second = quote_with(nlp, text, "Nobody will stop us.")
    assert (speaker_text(second), second.cue) == ("Ruto", "said")


def test_next_paragraph_quote_goes_on_with_the_same_speaker(nlp: Language) -> None:
    text = '"I am not afraid," Martha Karua said.\n"We will win this case."'
    second = quote_with(nlp, text, "We will win this case.")
    assert second.speaker_key == "martha_karua"


def test_quote_after_reported_speech_goes_on_with_its_speaker(nlp: Language) -> None:
    text = (
        "The warehouse was battered outside, historian Jane Ingaldson said.\n"
        '"But inside, there was all this beautiful timber."'
    )
    quote = quote_with(nlp, text, "But inside, there was all this beautiful timber.")
    assert quote.speaker_key == "jane_ingaldson"


def test_quote_far_from_any_speaker_has_none(nlp: Language) -> None:
    text = (
        "Martha Karua said the deployment was illegal. The court met on Monday. "
        "Lawyers filed papers. “Nobody asked us.”"
    )
    assert quote_with(nlp, text, "Nobody asked us.").speaker is None


def test_she_continued(nlp: Language) -> None:
    text = "“I was shocked,” Martha Karua continued."
    quote = quote_with(nlp, text, "I was shocked")
    assert (quote.speaker_key, quote.cue) == ("martha_karua", "continued")


def test_question_with_the_cue_in_the_next_sentence(nlp: Language) -> None:
    text = '"Would we have done it without him?" coach Bruce Arians asked.'
    quote = quote_with(nlp, text, "Would we have done it without him?")
    assert (quote.speaker_key, quote.cue) == ("bruce_arians", "asked")


def test_direct_quote_attributed_with_according_to(nlp: Language) -> None:
    text = "“All links are back up,” according to a statement from Telecom Egypt."
    quote = quote_with(nlp, text, "All links are back up")
    assert (speaker_text(quote), quote.cue) == ("a statement from Telecom Egypt", "according to")


def test_quote_on_the_line_after_its_cue(nlp: Language) -> None:
    text = "Martha Karua told the court on Monday:\n“The deployment is illegal.”"
    quote = quote_with(nlp, text, "The deployment is illegal.")
    assert (quote.speaker_key, quote.cue) == ("martha_karua", "told")


def test_name_and_colon_introduce_a_quote(nlp: Language) -> None:
    text = "Kenyan President William Ruto met the officers.\n\nRuto: “We are ready.”"
    quote = quote_with(nlp, text, "We are ready.")
    assert (speaker_text(quote), quote.speaker_key, quote.cue) == ("Ruto", "william_ruto", None)


def test_direct_quote_without_a_speaker(nlp: Language) -> None:
    text = "The so-called “trust fund” has received little money."
    quote = quote_with(nlp, text, "trust fund")
    assert (quote.speaker, quote.speaker_key, quote.cue, quote.direct) == (None, None, None, True)


def test_a_nickname_inside_a_name_is_not_a_quote(nlp: Language) -> None:
    text = 'Gang leader Jimmy "Barbecue" Cherizier has threatened to fight the foreign forces.'
    assert quotes(nlp, text) == []


def test_a_quoted_title_is_not_a_quote(nlp: Language) -> None:
    assert quotes(nlp, "The film “The Golden Compass” opened in December.") == []


# --- partial quotes -----------------------------------------------------------------------


def test_partial_quote_inside_reported_speech(nlp: Language) -> None:
    text = "William Ruto said on Friday that he was “convinced” the deployment would happen."
    found = quotes(nlp, text)
    reported = [q for q in found if not q.direct]
    partial = [q for q in found if q.direct]
    assert [q.text for q in reported] == ["he was “convinced” the deployment would happen"]
    assert [q.text for q in partial] == ["convinced"]
    assert {q.speaker_key for q in found} == {"william_ruto"}
    assert {q.cue for q in found} == {"said"}


def test_partial_quote_on_a_verb_of_stance(nlp: Language) -> None:
    text = "A court ruled the mission “unconstitutional, illegal and void” in January."
    quote = quote_with(nlp, text, "unconstitutional, illegal and void")
    assert (speaker_text(quote), quote.speaker_key, quote.cue) == ("A court", None, "ruled")


def test_partial_quote_in_a_participle_takes_the_main_subject(nlp: Language) -> None:
    text = "A party filed a challenge, accusing the government of an “insult” to justice."
    accusation = [q for q in quotes(nlp, text) if not q.direct]
    assert [(q.text, speaker_text(q), q.cue) for q in accusation] == [
        ("an “insult” to justice", "A party", "accusing")
    ]


# --- reported speech ----------------------------------------------------------------------


def test_said_that(nlp: Language) -> None:
    text = "Human Rights Watch said that the mission must respect human rights."
    quote = quote_with(nlp, text, "the mission must respect human rights")
    assert (quote.speaker_key, quote.cue, quote.direct) == ("human_rights_watch", "said", False)


def test_told_reporters(nlp: Language) -> None:
    text = "State Department spokesperson Matthew Miller told reporters the US hopes for progress."
    quote = quote_with(nlp, text, "the US hopes for progress")
    assert (quote.speaker_key, quote.cue) == ("matthew_miller", "told")


@pytest.mark.parametrize("verb", ["stressed", "warned", "insisted", "noted", "announced", "wrote"])
def test_other_verbs_of_saying(nlp: Language, verb: str) -> None:
    text = f"Amnesty International {verb} that the police had used excessive force."
    quote = quote_with(nlp, text, "the police had used excessive force")
    assert (quote.speaker_key, quote.cue) == ("amnesty_international", verb)


def test_a_trailing_participle_of_saying_is_not_content(nlp: Language) -> None:
    text = "Ruto told the officers that the mission was historic, calling it a duty."
    found = quotes(nlp, text)
    assert [(q.text, q.cue) for q in found] == [("the mission was historic", "told")]


def test_content_before_the_cue(nlp: Language) -> None:
    text = "William Ruto visited the troops. The mission is urgent, Ruto said."
    quote = quote_with(nlp, text, "The mission is urgent")
    assert (quote.speaker_key, quote.cue, quote.direct) == ("william_ruto", "said", False)


def test_cue_in_the_middle_of_the_content(nlp: Language) -> None:
    text = "The plan, the minister warned, would fail."
    found = [q for q in quotes(nlp, text) if not q.direct]
    assert [(speaker_text(q), q.cue) for q in found] == [("the minister", "warned")]
    assert found[0].text.startswith("The plan") and found[0].text.endswith("would fail")


def test_according_to_before_the_clause(nlp: Language) -> None:
    text = "According to Human Rights Watch, only $21 million has been deposited."
    quote = quote_with(nlp, text, "only $21 million has been deposited")
    assert (quote.speaker_key, quote.cue, quote.direct) == (
        "human_rights_watch",
        "According to",
        False,
    )


def test_according_to_after_the_clause(nlp: Language) -> None:
    text = "The campaign starts in October, according to the electoral commission."
    quote = quote_with(nlp, text, "The campaign starts in October")
    assert (speaker_text(quote), quote.cue) == ("the electoral commission", "according to")


def test_unnamed_speaker_keeps_its_text_without_a_key(nlp: Language) -> None:
    text = "A UN official said in March that 5,000 officers would be needed."
    quote = quote_with(nlp, text, "5,000 officers would be needed")
    assert (speaker_text(quote), quote.speaker_key) == ("A UN official", None)


def test_speaker_shared_with_a_coordinated_verb(nlp: Language) -> None:
    text = "The administration pledged $300 million but said that troops would not be sent."
    quote = quote_with(nlp, text, "troops would not be sent")
    assert (speaker_text(quote), quote.cue) == ("The administration", "said")


def test_relative_clause_is_not_part_of_the_speaker(nlp: Language) -> None:
    text = "A spokesman for the police, who declined to be named, insisted that all were safe."
    quote = quote_with(nlp, text, "all were safe")
    assert speaker_text(quote) == "A spokesman for the police"


def test_reported_speech_inside_reported_speech_is_one_report(nlp: Language) -> None:
    text = "The former commander said many factors could explain the wounds."
    found = quotes(nlp, text)
    assert [(q.text, q.cue) for q in found] == [("many factors could explain the wounds", "said")]


def test_a_verb_of_saying_inside_the_content_is_not_a_cue(nlp: Language) -> None:
    text = "Haiti asked for help. Ruto said that Kenya would answer."
    assert [q.cue for q in quotes(nlp, text)] == ["said"]


def test_shouted_quote(nlp: Language) -> None:
    text = "Some of the protesters shouted, “Go home,” and threw bottles."
    quote = quote_with(nlp, text, "Go home")
    assert (speaker_text(quote), quote.cue) == ("Some of the protesters", "shouted")


def test_a_question_put_to_the_speaker_is_not_their_quote(nlp: Language) -> None:
    text = 'Asked whether the officers would return, Ruto said: "Not before the job is done."'
    assert [(q.text, q.cue) for q in quotes(nlp, text)] == [("Not before the job is done.", "said")]


def test_reported_speech_is_not_left_to_run_past_a_quote(nlp: Language) -> None:
    found = quotes(nlp, "Jon Owen said “we are ready” and left.")
    assert [(q.text, q.direct) for q in found] == [("we are ready", True)]


def test_negated_or_infinitive_verbs_report_nothing(nlp: Language) -> None:
    assert quotes(nlp, "He did not say whether the officers would return.") == []
    assert quotes(nlp, "The minister declined to say when the officers would return.") == []


def test_text_without_quotes(nlp: Language) -> None:
    assert quotes(nlp, "Kenyan police landed in Port-au-Prince on Tuesday.") == []


# --- speakers resolved to entities --------------------------------------------------------


def test_pronoun_speaker_is_the_latest_person(nlp: Language) -> None:
    text = "Martha Karua filed the case. She said the deployment was illegal."
    quote = quote_with(nlp, text, "the deployment was illegal")
    assert (speaker_text(quote), quote.speaker_key) == ("She", "martha_karua")


def test_pronoun_speaker_of_a_direct_quote(nlp: Language) -> None:
    text = "Martha Karua filed the case on Monday. “It is illegal,” she said."
    quote = quote_with(nlp, text, "It is illegal")
    assert quote.speaker_key == "martha_karua"


def test_pronoun_agrees_in_gender_where_it_is_known(nlp: Language) -> None:
    text = (
        "The actress Bettie Page died on Thursday, her agent, Mark Roesler, said. "
        "She said she never thought it was shameful."
    )
    quote = quote_with(nlp, text, "she never thought it was shameful")
    assert quote.speaker_key == "bettie_page"


def test_pronoun_of_the_other_gender_from_everyone_named_has_no_key(nlp: Language) -> None:
    quote = quote_with(nlp, "Mr Smith left. She said the plan failed.", "the plan failed")
    assert (speaker_text(quote), quote.speaker_key) == ("She", None)


def test_a_person_named_inside_a_quote_is_not_the_pronoun(nlp: Language) -> None:
    text = (
        "Host Hugh Jackman spoke first. “I grew up watching Johnny Carson,” he said. "
        "He said he was grateful."
    )
    quote = quote_with(nlp, text, "he was grateful")
    assert quote.speaker_key == "hugh_jackman"


def test_pronoun_with_nobody_named_has_no_key(nlp: Language) -> None:
    quote = quote_with(nlp, "He said the officers were ready.", "the officers were ready")
    assert (speaker_text(quote), quote.speaker_key) == ("He", None)


def test_title_speakers_resolve_to_the_named_person(nlp: Language) -> None:
    text = (
        "Kenyan President William Ruto met the officers in Nairobi. "
        "Mr Ruto said the mission was historic. "
        "The head of state said the force would leave soon. "
        "The Kenyan president added that Haiti needed help."
    )
    found = [q for q in quotes(nlp, text) if not q.direct]
    assert [speaker_text(q) for q in found] == [
        "Mr Ruto",
        "The head of state",
        "The Kenyan president",
    ]
    assert {q.speaker_key for q in found} == {"william_ruto"}


def test_organisation_description_as_speaker(nlp: Language) -> None:
    text = (
        "The NGO Human Rights Watch criticised the plan. "
        "According to the NGO, only $21 million has been deposited."
    )
    quote = quote_with(nlp, text, "only $21 million has been deposited")
    assert (speaker_text(quote), quote.speaker_key) == ("the NGO", "human_rights_watch")


def test_quote_offsets_and_sentence(nlp: Language) -> None:
    text = "Haiti asked for help. Ruto said that Kenya would answer."
    quote = quote_with(nlp, text, "Kenya would answer")
    assert text[quote.start : quote.end] == "Kenya would answer"
    assert quote.sentence == 1


def test_seed_quotes_meet_the_speaker_target(shared: Path) -> None:
    from bench.quotes import score

    scores = score(show=False)
    assert scores.gold > 0
    assert scores.speaker / scores.gold >= 0.85


QUOTE_TEXT = st.lists(
    st.sampled_from([*'ab ,.\n"“”‘’«»', " said", " Ruto", " that", " He", " the president"]),
    max_size=30,
).map("".join)


@given(QUOTE_TEXT)
def test_quote_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    spans = quote_spans(text)
    assert all(first[1] <= second[0] for first, second in pairwise(spans))
    for start, end in spans:
        assert 0 < start < end <= len(text)
        assert text[start] not in " \n," and text[end - 1] not in " \n,"


@settings(max_examples=30, deadline=None)
@given(st.lists(QUOTE_TEXT, min_size=1, max_size=4).map(" ".join))
def test_quote_offsets_always_match_their_text(nlp: Language, text: str) -> None:
    for quote in quotes(nlp, text):
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None and quote.speaker.start is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_seed_offsets_match_their_text(nlp: Language, shared: Path) -> None:
    from bench.gold import load_seeds

    for seed in load_seeds():
        doc = nlp(seed.text)
        entities = find_entities(doc)
        assert all(seed.text[m.start : m.end] == m.text for m in entities)
        for quote in find_quotes(doc, entities):
            assert seed.text[quote.start : quote.end] == quote.text
