"""Time expressions normalised to TIMEX3: hand-written sentences for every rule and edge case."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from storyledger.extract.pipeline import extract, publication_days
from storyledger.extract.times import find_times
from storyledger.model import TimeMention
from storyledger.timex import timex_interval

SUNDAY = date(2024, 6, 9)  # ISO week 2024-W23
MONDAY = date(2024, 6, 24)  # ISO week 2024-W26
WEDNESDAY = date(2024, 6, 26)


def times(nlp: Language, text: str, published: date | None) -> list[TimeMention]:
    return find_times(nlp(text), published)


def values(nlp: Language, text: str, published: date | None) -> dict[str, str | None]:
    return {m.text: m.value for m in times(nlp, text, published)}


def only(nlp: Language, text: str, published: date | None) -> TimeMention:
    found = times(nlp, text, published)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


# --- weekdays and tense direction -------------------------------------------------------


def test_weekday_on_the_day_of_publication_is_that_day(nlp: Language) -> None:
    mention = only(nlp, "President William Ruto held a ceremony on Monday.", MONDAY)
    assert (mention.text, mention.value, mention.resolved) == ("Monday", "2024-06-24", True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The officers said on Monday that they were ready.", "2024-06-24"),
        ("A court ruled the mission unconstitutional on Friday.", "2024-06-21"),
        ("The first contingent will arrive in Haiti on Monday.", "2024-07-01"),
        ("The plane is due to land on Friday.", "2024-06-28"),
        ("Parliament is expected to vote on Tuesday.", "2024-07-02"),
        ("Kenya plans to send more officers on Thursday.", "2024-06-27"),
        ("The hearing was adjourned until Tuesday.", "2024-07-02"),
        ("The board has put off the vote until Tuesday.", "2024-07-02"),
        ("The launch was pushed back to Friday.", "2024-06-28"),
    ],
)
def test_weekday_follows_the_tense(nlp: Language, sentence: str, expected: str) -> None:
    assert only(nlp, sentence, WEDNESDAY).value == expected


def test_every_time_of_a_list_after_a_scheduling_verb_lies_ahead(nlp: Language) -> None:
    found = values(
        nlp,
        "The regatta was postponed until Saturday and Sunday, the sixth and seventh of July.",
        WEDNESDAY,
    )
    # the weekdays of the dates written next to them, not the nearest Saturday and Sunday
    assert found["Saturday"] == "2024-07-06" and found["Sunday"] == "2024-07-07"
    also = values(nlp, "It was put off until Thursday and Friday, the fourth to fifth of July.",
                  WEDNESDAY)  # fmt: skip
    assert (also["Thursday"], also["Friday"]) == ("2024-07-04", "2024-07-05")
    # a weekday that disagrees with its date takes the date
    slip = values(nlp, "The fair ran on Tuesday and Wednesday, the sixth and seventh of June.",
                  WEDNESDAY)  # fmt: skip
    assert slip["Wednesday"] == "2024-06-07"  # a Friday: not the nearest Wednesday, June 26
    assert values(nlp, "The talks were postponed from Monday to Friday.", WEDNESDAY) == {
        "Monday": "2024-06-24", "Friday": "2024-06-28"
    }  # fmt: skip


def test_last_and_next_weekday_and_weekday_of_a_named_week(nlp: Language) -> None:
    found = values(
        nlp,
        "He left last Friday and returns next Friday. It broke down Tuesday last week.",
        WEDNESDAY,
    )
    assert found["last Friday"] == "2024-06-21"
    assert found["next Friday"] == "2024-06-28"
    assert found["Tuesday last week"] == "2024-06-18"


def test_parts_of_the_day_are_times(nlp: Language) -> None:
    found = values(nlp, "The quake struck early on Monday morning and again last night.", WEDNESDAY)
    assert found["Monday morning"] == "2024-06-24TMO"
    assert found["last night"] == "2024-06-25TNI"


def test_named_days_and_newspapers_are_not_weekdays(nlp: Language) -> None:
    text = "Microsoft fixed it on Patch Tuesday, the Sunday Times reported."
    assert [m.text for m in times(nlp, text, WEDNESDAY)] == []


# --- days, weeks, months and years relative to the publication --------------------------


def test_today_yesterday_tomorrow_tonight(nlp: Language) -> None:
    found = values(
        nlp,
        "He arrived yesterday, speaks today, leaves tomorrow and a rally is planned tonight.",
        WEDNESDAY,
    )
    assert found == {
        "yesterday": "2024-06-25",
        "today": "2024-06-26",
        "tomorrow": "2024-06-27",
        "tonight": "2024-06-26TNI",
    }


def test_this_next_week_and_the_week_after(nlp: Language) -> None:
    text = "It happens this week or next week. Probably next week or the week after, we will go."
    found = [(m.text, m.value) for m in times(nlp, text, SUNDAY)]
    assert found == [
        ("this week", "2024-W23"),
        ("next week", "2024-W24"),
        ("next week", "2024-W24"),
        ("the week after", "2024-W25"),
    ]


def test_later_this_week(nlp: Language) -> None:
    mention = only(nlp, "400 officers will arrive in Haiti later this week.", MONDAY)
    assert (mention.text, mention.value) == ("later this week", "2024-W26")


@pytest.mark.parametrize(
    ("published", "phrase", "expected"),
    [
        (date(2024, 12, 30), "this week", "2025-W01"),
        (date(2024, 12, 27), "next week", "2025-W01"),
        (date(2025, 1, 2), "last week", "2024-W52"),
        (date(2021, 1, 3), "this week", "2020-W53"),
    ],
)
def test_iso_weeks_across_a_year_boundary(
    nlp: Language, published: date, phrase: str, expected: str
) -> None:
    assert only(nlp, f"Talks resume {phrase}.", published).value == expected


def test_relative_months_years_and_quarters(nlp: Language) -> None:
    found = values(
        nlp,
        "Sales fell last month, rose this year, and will grow next year. Profit fell last quarter.",
        date(2025, 1, 15),
    )
    assert found["last month"] == "2024-12"
    assert found["this year"] == "2025"
    assert found["next year"] == "2026"
    assert found["last quarter"] == "2024-Q4"


def test_ago_counts_back_at_its_own_granularity(nlp: Language) -> None:
    found = values(nlp, "He left three days ago; she moved a month ago.", WEDNESDAY)
    assert found == {"three days ago": "2024-06-23", "a month ago": "2024-05"}


# --- months and dates without a year ----------------------------------------------------


def test_january_report_about_december(nlp: Language) -> None:
    january = date(2025, 1, 10)
    assert only(nlp, "The court ruled in December.", january).value == "2024-12"
    assert only(nlp, "The court will rule in December.", january).value == "2025-12"


def test_month_in_past_and_future_statements(nlp: Language) -> None:
    assert only(nlp, "The council approved it in October.", SUNDAY).value == "2023-10"
    assert only(nlp, "A UN official said in March that help was needed.", MONDAY).value == (
        "2024-03"
    )
    assert only(nlp, "The force will deploy in October.", SUNDAY).value == "2024-10"


def test_past_participle_clause_looks_back(nlp: Language) -> None:
    """ "killed in February", printed in September: the February before, not the next one."""
    september = date(2025, 9, 26)
    text = "Constable Samuel Kaetuai, killed in February, was the first member to die."
    assert only(nlp, text, september).value == "2025-02"
    assert only(nlp, "He was among 12 people killed in February.", september).value == "2025-02"
    assert only(nlp, "The vote was scheduled for February.", september).value == "2026-02"


def test_dated_event_noun_looks_back(nlp: Language) -> None:
    """ "the ruling in January" in a present-tense report: the past January."""
    text = "The deployment goes ahead despite the High Court's ruling in January."
    assert only(nlp, text, MONDAY).value == "2024-01"
    assert only(nlp, "Critics cite the ruling in January.", MONDAY).value == "2024-01"
    assert only(nlp, "Critics cite the upcoming ruling in January.", MONDAY).value == "2025-01"
    assert only(nlp, "The law takes effect in January.", MONDAY).value == "2025-01"


def test_month_day_across_the_year_boundary(nlp: Language) -> None:
    assert only(nlp, "He was arrested on December 28.", date(2025, 1, 5)).value == "2024-12-28"
    assert only(nlp, "The trial will open on January 3.", date(2024, 12, 20)).value == (
        "2025-01-03"
    )


def test_month_day_span_leaves_out_the_preposition(nlp: Language) -> None:
    mention = only(nlp, "A court ruled the mission void on January 26.", SUNDAY)
    assert (mention.text, mention.value) == ("January 26", "2024-01-26")


def test_year_written_earlier_in_the_sentence_anchors_a_yearless_date(nlp: Language) -> None:
    text = "He was killed on June 24, 2005 while investigating a June 20 shooting."
    assert values(nlp, text, date(2007, 3, 20))["June 20"] == "2005-06-20"


def test_may_the_verb_and_may_the_name_are_not_times(nlp: Language) -> None:
    found = times(nlp, "Prices may rise, Theresa May warned. They may leave in May.", SUNDAY)
    assert [(m.text, m.value) for m in found] == [("May", "2024-05")]


# --- written dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("January 26, 2024", "2024-01-26"),
        ("26 January 2024", "2024-01-26"),
        ("2024-01-26", "2024-01-26"),
        ("05/02/2013", "2013-05-02"),
        ("26.01.2024", "2024-01-26"),
        ("Saturday, 8 October 2011", "2011-10-08"),
        ("Jan. 6, 2009", "2009-01-06"),
        ("September 2010", "2010-09"),
        ("June, 2005", "2005-06"),
    ],
)
def test_written_dates(nlp: Language, written: str, expected: str) -> None:
    mention = only(nlp, f"The ruling came on {written}.", SUNDAY)
    assert (mention.text, mention.value, mention.resolved) == (written, expected, False)


def test_weekday_before_a_yearless_date_picks_the_year(nlp: Language) -> None:
    assert only(nlp, "It went down on Saturday 8 October.", date(2012, 3, 1)).value == (
        "2011-10-08"
    )


def test_mods_of_months_and_years(nlp: Language) -> None:
    text = (
        "A challenge was filed in mid-May; HRW spoke at the end of May, "
        "talks began in early June and the cable failed in late 2023."
    )
    found = {m.text: (m.value, m.mod) for m in times(nlp, text, SUNDAY)}
    assert found == {
        "mid-May": ("2024-05", "MID"),
        "the end of May": ("2024-05", "END"),
        "early June": ("2024-06", "START"),
        "late 2023": ("2023", "END"),
    }


def test_year_ranges_are_two_dates(nlp: Language) -> None:
    for text in (
        "The US occupied Haiti from 1915–1934.",
        "The US occupied Haiti from 1915 to 1934.",
        "The US occupied Haiti between 1915 and 1934.",
    ):
        assert [(m.text, m.value) for m in times(nlp, text, SUNDAY)] == [
            ("1915", "1915"),
            ("1934", "1934"),
        ]
    found = times(nlp, "He coached in the 2002-03 season.", SUNDAY)
    assert [m.value for m in found] == ["2002", "2003"]


def test_counts_and_money_are_not_years(nlp: Language) -> None:
    text = "About 2000 people marched and $1500 was raised; call 555-1984."
    assert times(nlp, text, SUNDAY) == []


def test_a_year_before_a_noun_is_a_year(nlp: Language) -> None:
    assert only(nlp, "It was part of a sentence for a 2012 car crash.", SUNDAY).value == "2012"


# --- durations, quarters, seasons, decades, references -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "mod"),
    [
        ("It will arrive in about three weeks.", "about three weeks", "P3W", "APPROX"),
        ("Kenya began a 90-day mission.", "90-day", "P90D", None),
        ("The mission lasted two years.", "two years", "P2Y", None),
        ("Haiti has been mired in crisis for decades.", "decades", "PXDE", None),
        ("It came after months of debate.", "months", "PXM", None),
        ("The talks lasted 24 hours.", "24 hours", "PT24H", None),
        ("The dynasty ruled for half a century.", "half a century", "P50Y", None),
        ("Prices rose over the past two years.", "the past two years", "P2Y", None),
        ("He waited more than a week.", "more than a week", "P1W", "MORE_THAN"),
    ],
)
def test_durations(nlp: Language, sentence: str, text: str, value: str, mod: str | None) -> None:
    mention = only(nlp, sentence, SUNDAY)
    assert (mention.text, mention.type, mention.value, mention.mod) == (
        text,
        "DURATION",
        value,
        mod,
    )


def test_ages_and_ordinals_are_not_durations(nlp: Language) -> None:
    text = "The 49-year-old, who is 30 years old, won for a second time."
    assert times(nlp, text, SUNDAY) == []


def test_quarters_and_halves(nlp: Language) -> None:
    text = (
        "Profit rose in the first quarter of 2024 and in Q3 2023; "
        "sales fell in the fourth quarter; growth returns in the second half of next year."
    )
    found = values(nlp, text, SUNDAY)
    assert found["the first quarter of 2024"] == "2024-Q1"
    assert found["Q3 2023"] == "2023-Q3"
    assert found["the fourth quarter"] == "2023-Q4"
    assert found["the second half of next year"] == "2025-H2"


def test_seasons(nlp: Language) -> None:
    found = values(
        nlp, "Talks began in summer 2024 after last winter; the fall of Kabul was ignored.", SUNDAY
    )
    assert found == {"summer 2024": "2024-SU", "last winter": "2023-WI"}


def test_decades_and_centuries(nlp: Language) -> None:
    found = values(
        nlp,
        "She starred in the 1940s and the '50s, and in the 19th century; she is in her 40s.",
        SUNDAY,
    )
    assert found == {"the 1940s": "194", "the '50s": "195", "the 19th century": "18"}


def test_present_past_and_future_references(nlp: Language) -> None:
    text = (
        "The fund is currently short and $21 million has been deposited so far. "
        "Violence rose in recent years. More help comes in the coming months. "
        "They will deploy very soon, so far as we know."
    )
    found = values(nlp, text, SUNDAY)
    assert found == {
        "currently": "PRESENT_REF",
        "so far": "PRESENT_REF",
        "recent years": "PAST_REF",
        "the coming months": "FUTURE_REF",
    }


def test_clock_times_take_the_day_of_their_sentence(nlp: Language) -> None:
    found = values(nlp, "The shot was fired at 11:30 p.m. on Saturday.", SUNDAY)
    assert found == {"11:30 p.m.": "2024-06-08T23:30", "Saturday": "2024-06-08"}
    found = values(nlp, "Marines boarded the ship at 1230 hours.", SUNDAY)
    assert found == {"1230 hours": "XXXX-XX-XXT12:30"}


# --- without a publication date ------------------------------------------------------------


def test_without_publication_date_relative_times_stay_unresolved(nlp: Language) -> None:
    text = "He arrived on Monday, left this week and returns on May 25. The law dates from 2004."
    found = {m.text: (m.value, m.resolved) for m in times(nlp, text, None)}
    assert found == {
        "Monday": ("XXXX-WXX-1", False),
        "this week": (None, False),
        "May 25": ("XXXX-05-25", False),
        "2004": ("2004", False),
    }


def test_mentions_carry_interval_sentence_and_offsets(nlp: Language) -> None:
    text = "Nothing happened. The mission was approved in October."
    mention = only(nlp, text, SUNDAY)
    assert text[mention.start : mention.end] == "October"
    assert (mention.interval_start, mention.interval_end) == ("2023-10-01", "2023-10-31")
    assert mention.sentence == 1
    assert mention.type == "DATE"


# --- timex_interval ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024-01-26", date(2024, 1, 26), date(2024, 1, 26)),
        ("2024-05", date(2024, 5, 1), date(2024, 5, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-W26", date(2024, 6, 24), date(2024, 6, 30)),
        ("2025-W01", date(2024, 12, 30), date(2025, 1, 5)),
        ("2013-W37-WE", date(2013, 9, 14), date(2013, 9, 15)),
        ("2024-Q2", date(2024, 4, 1), date(2024, 6, 30)),
        ("2024-H2", date(2024, 7, 1), date(2024, 12, 31)),
        ("2024-SU", date(2024, 6, 1), date(2024, 8, 31)),
        ("2024-WI", date(2024, 12, 1), date(2025, 2, 28)),
        ("202", date(2020, 1, 1), date(2029, 12, 31)),
        ("202X", date(2020, 1, 1), date(2029, 12, 31)),
        ("2020s", date(2020, 1, 1), date(2029, 12, 31)),
        ("18", date(1800, 1, 1), date(1899, 12, 31)),
        ("2024-06-24TMO", date(2024, 6, 24), date(2024, 6, 24)),
    ],
)
def test_timex_interval(value: str, first: date, last: date) -> None:
    assert timex_interval(value) == (first, last)


@pytest.mark.parametrize("value", ["P3W", "PRESENT_REF", "XXXX-05-25", "2024-13", "", None])
def test_timex_interval_of_values_without_days(value: str | None) -> None:
    assert timex_interval(value) is None


# --- recurrences, holidays and anaphoric times ---------------------------------------------


def test_recurrences_are_sets(nlp: Language) -> None:
    text = "Talks happen every day, twice a week and every two years; reports come annually."
    found = {m.text: (m.type, m.value) for m in times(nlp, text, SUNDAY)}
    assert found == {
        "every day": ("SET", "P1D"),
        "twice a week": ("SET", "P1W"),
        "every two years": ("SET", "P2Y"),
        "annually": ("SET", "P1Y"),
    }


def test_fixed_holidays(nlp: Language) -> None:
    found = values(
        nlp,
        "They met at Christmas and will meet on Christmas Eve 2025 near Christmas Island.",
        SUNDAY,
    )
    assert found == {"Christmas": "2023-12-25", "Christmas Eve 2025": "2025-12-24"}


def test_that_day_points_back_to_the_last_date(nlp: Language) -> None:
    text = "Horton was shot on October 21, 2011. A mother who was with her that day testified."
    found = values(nlp, text, date(2013, 4, 12))
    assert found["that day"] == "2011-10-21"
    assert times(nlp, "Nobody knows what happened that day.", SUNDAY) == []


def test_game_quarters_urls_and_newspaper_names_are_not_times(nlp: Language) -> None:
    text = (
        "The Colts scored late in the fourth quarter, the Anchorage Daily News reported "
        "at example.com/2008/12/story.html."
    )
    assert times(nlp, text, SUNDAY) == []
    found = values(nlp, "Profit rose 5% in the fourth quarter.", SUNDAY)
    assert found == {"the fourth quarter": "2023-Q4"}


def test_clock_times_in_capitals(nlp: Language) -> None:
    found = values(nlp, "Posted January 5, 2011 at 2: 19 PM by staff.", SUNDAY)
    assert found == {"January 5, 2011": "2011-01-05", "2: 19 PM": "2011-01-05T14:19"}


def test_verbs_and_names_that_look_like_months_or_weekdays(nlp: Language) -> None:
    text = "Protesters March on the capital, the Sunday Telegraph said. They marched in March 2024."
    assert values(nlp, text, SUNDAY) == {"March 2024": "2024-03"}


# --- any text ---------------------------------------------------------------------------------

VOCABULARY = (
    "the a on in by since until early mid late end of this last next past coming later every "
    "once twice a ago about nearly more than up to half few several twenty-five one two 1 12 "
    "29 30 31 90 1230 2012 2024 2012-13 1915–1934 '90s 1970s 19th century Q1 first second "
    "quarter year years month week weekend day days hours decades summer fall Monday "
    "Tuesday's Feb. February May March Christmas today tonight yesterday morning night now "
    "so far recently future 9:30 p.m. PM 0600 GMT 05/02/2013 2024-01-26 that same after "
    "before following , . ( ) will was said"
)


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCABULARY.split()), min_size=1, max_size=30),
    published=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))),
)
def test_any_text_gives_well_formed_mentions(
    nlp: Language, words: list[str], published: date | None
) -> None:
    text = " ".join(words)
    for mention in times(nlp, text, published):
        assert text[mention.start : mention.end] == mention.text
        assert mention.type in ("DATE", "TIME", "DURATION", "SET")
        if mention.interval_start is not None:
            assert mention.interval_end is not None
            assert mention.interval_start <= mention.interval_end
        assert published is not None or not mention.resolved


def test_anchored_days_and_their_lookalikes(nlp: Language) -> None:
    text = "He left on Saturday 8 October 2011 and returned the next day."
    assert values(nlp, text, date(2011, 10, 20))["the next day"] == "2011-10-09"
    text = "Services will be restored over the next day or two."
    assert values(nlp, text, date(2011, 10, 20)) == {}
    text = "He bought a gun the day after he lost his job."
    assert values(nlp, text, date(2011, 10, 20)) == {}


def test_weekends(nlp: Language) -> None:
    monday = date(2013, 7, 22)
    assert only(nlp, "A man was arrested after the fire at the weekend.", monday).value == (
        "2013-W29-WE"
    )
    sunday = date(2013, 9, 15)
    assert only(nlp, "Two climbers died this weekend.", sunday).value == "2013-W37-WE"


def test_clock_time_written_with_hours(nlp: Language) -> None:
    found = values(nlp, "It struck at 09: 10 hours (0440 GMT) on Monday.", date(2005, 11, 28))
    assert found == {
        "09: 10": "2005-11-28T09:10",
        "0440 GMT": "2005-11-28T04:40Z",
        "Monday": "2005-11-28",
    }


def test_years_and_months_counted_from_an_earlier_time(nlp: Language) -> None:
    text = "Last year, a drought cut harvests; the year before, storms destroyed homes."
    assert values(nlp, text, date(2023, 3, 15)) == {"Last year": "2022", "the year before": "2021"}
    text = "The law passed in March 2019 and a year later it was repealed."
    assert values(nlp, text, date(2023, 3, 15))["a year later"] == "2020"
    text = "The law passed in 2019. The following month, protests began."
    assert values(nlp, text, date(2023, 3, 15)) == {"2019": "2019"}  # which month is unknown


def test_present_tense_with_a_time_is_a_scheduled_future(nlp: Language) -> None:
    wednesday = date(2024, 6, 26)
    assert only(nlp, "Elections are planned for March.", wednesday).value == "2025-03"
    assert only(nlp, "The trial resumes Monday.", wednesday).value == "2024-07-01"
    assert only(nlp, "Ruto says troops left on Monday.", wednesday).value == "2024-06-24"
    assert only(nlp, "The agency cites a May announcement.", wednesday).value == "2024-05"


# --- issue 13: clock times, weekday slips, sets, quarters, relative spans, refs ----------------

DECEMBER_REPORT = date(2024, 12, 10)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a four-digit clock time is a TIME, never a year
        (
            "Troops crossed the border (1845 GMT), a spokesman said.",
            DECEMBER_REPORT,
            ("1845 GMT", "TIME"),
        ),
        ("The ferry left at 0730 local time.", DECEMBER_REPORT, ("0730", "TIME")),
        ("The port reopened at 2100 GMT on Sunday.", DECEMBER_REPORT, ("2100 GMT", "TIME")),
        ("Police said the blast happened at 1130 hours.", DECEMBER_REPORT, ("1130 hours", "TIME")),
        # sets
        ("The festival is held every year in the capital.", DECEMBER_REPORT, ("every year", "SET")),
        ("The newsletter goes out weekly.", DECEMBER_REPORT, ("weekly", "SET")),
        ("Elections take place every four years.", DECEMBER_REPORT, ("every four years", "SET")),
        ("Inspectors visit the site monthly.", DECEMBER_REPORT, ("monthly", "SET")),
        ("Every Monday the market opens early.", DECEMBER_REPORT, ("Every Monday", "SET")),
        (
            "The clinic closes each Friday afternoon.",
            DECEMBER_REPORT,
            ("each Friday afternoon", "SET"),
        ),
    ],
)
def test_clock_times_and_sets_keep_their_type(
    nlp: Language, text: str, published: date, expected: tuple[str, str]
) -> None:
    found = {(m.text, m.type) for m in times(nlp, text, published)}
    assert expected in found
    assert not any(
        m.type == "DATE"
        and m.value
        and m.value[:2] in ("18", "07", "21", "11")
        and len(m.value) == 4
        for m in times(nlp, text, published)
    )


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # a weekday that fits no nearby year: the date nearest the report wins
        (
            "The council met on Thursday, November 5, to vote.",
            DECEMBER_REPORT,
            "Thursday, November 5",
            "2024-11-05",
        ),
        (
            "The vote was held on Friday, November 6.",
            DECEMBER_REPORT,
            "Friday, November 6",
            "2024-11-06",
        ),
        # a weekday that fits the year before still decides it
        (
            "The talks ended on Monday, December 11.",
            date(2024, 1, 20),
            "Monday, December 11",
            "2023-12-11",
        ),
        (
            "The storm hit on Wednesday, February 26.",
            date(2025, 3, 3),
            "Wednesday, February 26",
            "2025-02-26",
        ),
        # quarters and fiscal years against the publication date
        (
            "Sales slipped in the fourth quarter.",
            date(2025, 1, 15),
            "the fourth quarter",
            "2024-Q4",
        ),
        ("Rents fell last quarter.", DECEMBER_REPORT, "last quarter", "2024-Q3"),
        ("Profit fell in fiscal 2024.", DECEMBER_REPORT, "fiscal 2024", "2024"),
        ("The plan is funded through FY2026.", DECEMBER_REPORT, "FY2026", "2026"),
        ("The FY25 budget was cut.", DECEMBER_REPORT, "FY25", "2025"),
        (
            "The vote is set for the first of March.",
            DECEMBER_REPORT,
            "the first of March",
            "2025-03-01",
        ),
        (
            "The second of March 2021 was cold.",
            DECEMBER_REPORT,
            "The second of March 2021",
            "2021-03-02",
        ),
        (
            "Power should return during the course of the day.",
            DECEMBER_REPORT,
            "the course of the day",
            DECEMBER_REPORT.isoformat(),
        ),
        # spans counted from the report
        ("A year ago the town was flooded.", DECEMBER_REPORT, "A year ago", "2023"),
        ("Two years ago the mine closed.", DECEMBER_REPORT, "Two years ago", "2022"),
        (
            "Earlier this month the minister resigned.",
            DECEMBER_REPORT,
            "Earlier this month",
            "2024-12",
        ),
        ("The strike began earlier this week.", DECEMBER_REPORT, "earlier this week", "2024-W50"),
        ("Last year the harvest failed.", DECEMBER_REPORT, "Last year", "2023"),
        (
            "Prices have doubled over the past two years.",
            DECEMBER_REPORT,
            "the past two years",
            "P2Y",
        ),
        (
            "The drought has lasted for the past three months.",
            DECEMBER_REPORT,
            "the past three months",
            "P3M",
        ),
        # present and past references
        ("The bridge is now closed.", DECEMBER_REPORT, "now", "PRESENT_REF"),
        ("Officials are currently counting ballots.", DECEMBER_REPORT, "currently", "PRESENT_REF"),
        ("He recently moved to Nairobi.", DECEMBER_REPORT, "recently", "PAST_REF"),
        ("The dam was recently inspected.", DECEMBER_REPORT, "recently", "PAST_REF"),
    ],
)
def test_issue_13_time_classes(
    nlp: Language, text: str, published: date, span: str, value: str
) -> None:
    assert values(nlp, text, published).get(span) == value


def test_durations_of_the_past_are_typed_duration(nlp: Language) -> None:
    found = only(nlp, "Prices have doubled over the past two years.", DECEMBER_REPORT)
    assert (found.type, found.value) == ("DURATION", "P2Y")


# --- a publication date known only to its month or year ----------------------------------------

SEPTEMBER = (date(2024, 9, 1), date(2024, 9, 30))
YEAR_2024 = (date(2024, 1, 1), date(2024, 12, 31))


def within(nlp: Language, text: str, days: tuple[date, date]) -> dict[str, tuple[str | None, bool]]:
    return {m.text: (m.value, m.resolved) for m in find_times(nlp(text), *days)}


@pytest.mark.parametrize(
    ("text", "days", "span", "expected"),
    [
        ("Rebels attacked the town on Monday.", SEPTEMBER, "Monday", (None, False)),
        ("The shelter opened yesterday.", SEPTEMBER, "yesterday", (None, False)),
        ("The strike began earlier this week.", SEPTEMBER, "earlier this week", (None, False)),
        ("Last year the harvest failed.", YEAR_2024, "Last year", ("2023", True)),
        ("Last year the harvest failed.", SEPTEMBER, "Last year", ("2023", True)),
        (
            "Earlier this month the minister resigned.",
            SEPTEMBER,
            "Earlier this month",
            ("2024-09", True),
        ),
        ("The talks resumed in March.", SEPTEMBER, "March", ("2024-03", True)),
        ("The talks resumed in March.", YEAR_2024, "March", (None, False)),
        (
            "The dam burst on September 10, 2024.",
            YEAR_2024,
            "September 10, 2024",
            ("2024-09-10", False),
        ),
    ],
)
def test_a_reduced_precision_publication_date_resolves_only_what_it_knows(
    nlp: Language, text: str, days: tuple[date, date], span: str, expected: tuple[str | None, bool]
) -> None:
    assert within(nlp, text, days)[span] == expected


def test_extraction_reads_a_month_precision_published_field() -> None:
    assert publication_days("2024-09") == SEPTEMBER
    assert publication_days("2024-06-25T14:05:00+00:00") == (date(2024, 6, 25), date(2024, 6, 25))
    found = {
        t.text: t.value
        for t in extract("Rebels attacked on Monday. Last year was calm.", "2024").times
    }
    assert found == {"Monday": None, "Last year": "2023"}
