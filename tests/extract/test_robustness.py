"""No text hangs extraction: every development document, generated hostile text, and the kind of
batch that once hung (short sports and wire reports) go through within the time limit."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyledger.extract.parallel import TIME_LIMIT, Failed, Job, ParallelExtractor, extract_stream
from storyledger.extract.pipeline import extract


def same(job: Job) -> Job:
    return job


def shared_jobs(shared: Path) -> list[tuple[str, Job]]:
    """(where, job) for every record of every JSONL file of ../shared/data and every seed."""
    jobs = []
    for path in sorted((shared / "data").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                record = json.loads(line)
                jobs.append((f"{path.name}:{number}", (record["text"], record.get("published"))))
    for entry in (shared / "seeds" / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        seed = json.loads(entry)
        text = (shared / "seeds" / seed["file"]).read_text(encoding="utf-8")
        jobs.append((seed["file"], (text, seed["published"])))
    return jobs


def test_every_development_document_is_extracted_within_the_limit(shared: Path) -> None:
    jobs = shared_jobs(shared)
    assert len(jobs) > 1000  # all five files and the seeds were read
    with ParallelExtractor[tuple[str, Job]](2, time_limit=TIME_LIMIT) as extractor:
        failed = [
            (where, outcome.error)
            for (where, _), outcome in extractor.map(jobs, lambda item: item[1])
            if isinstance(outcome, Failed)
        ]
    assert failed == []


# -- generated hostile text ---------------------------------------------------------------

RIGHT_TO_LEFT = "قال الرئيس إن 400 شرطي وصلوا. אמר השר כי 1,000 שוטרים "
NESTED = "".join(f"{opening}\"He said '" for opening in "([{" * 30) + "400" + "')}]\"" * 90
HTML = '<p class="x">Kenya <b>sent</b> 400 &amp; <a href="/x">more</a><br/><script>x()</script>'

hostile_text = st.one_of(
    st.text(max_size=400),  # any Unicode, control characters and surrogates excepted
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=200),
    st.text(st.sampled_from(list(RIGHT_TO_LEFT)), max_size=300),
    st.integers(10**39, 10**40 - 1).map(lambda n: f"Kenya pledged {n} officers on Monday."),
    st.integers(1, 6).map(lambda n: NESTED * n),
    st.integers(1, 20).map(lambda n: HTML * n),
    st.sampled_from(["needed", "said", "the", "400", "on Monday", ",", "and"]).map(
        lambda word: " ".join([word] * 2500)[:10_000]  # one sentence of 10,000 characters
    ),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(hostile_text, min_size=1, max_size=2))
def test_hostile_text_is_extracted_within_the_limit(texts: list[str]) -> None:
    jobs: list[Job] = [(text, "2024-06-26") for text in texts]
    outcomes = [outcome for _, outcome in extract_stream(jobs, same, time_limit=TIME_LIMIT)]
    assert [o.error for o in outcomes if isinstance(o, Failed)] == []
    for (text, _), outcome in zip(jobs, outcomes, strict=True):
        assert not isinstance(outcome, Failed)
        assert all(0 <= m.start <= m.end <= len(text) for m in outcome.quantities)


# -- the kind of batch that hung ----------------------------------------------------------

TEAMS = ["Harbour City", "Northfield Rovers", "the Lions", "Eastbridge"]
SPORTS = [
    "{team} needed nine points from their last four games, and on Saturday they got three.",
    "After the defeat on Sunday, {team} still needed {n} points to stay up, the coach said.",
    "{team}, who needed {n} points in April, won on Tuesday to reach {m} points.",
    "The striker scored twice in the second half as {team} beat the leaders {n}-{k} on Friday.",
]
WIRE = [
    "Officials said on Monday that {n} police officers had arrived, short of the {m} pledged.",
    "The fund, which needed ${m} million by June, held ${n} million on Wednesday, a UN "
    'spokesperson said. "We are far from it," she told reporters.',
    "{n} people were evacuated overnight and {k} more are expected to leave by Friday.",
]


def short_reports(count: int, seed: int = 5) -> list[str]:
    """``count`` short sports and wire reports of three or four sentences from our templates."""
    rng = random.Random(seed)
    reports = []
    for _ in range(count):
        templates = rng.sample(SPORTS, 2) + rng.sample(WIRE, rng.randint(1, 2))
        rng.shuffle(templates)
        n = rng.randint(2, 90)
        values = {
            "team": rng.choice(TEAMS),
            "n": n,
            "k": rng.randint(0, 9),
            "m": n * rng.randint(2, 12),
        }
        reports.append(" ".join(template.format(**values) for template in templates))
    return reports


def test_three_hundred_short_reports_take_well_under_two_minutes() -> None:
    # The batch that hung for 11 minutes: "needed nine points" with a time in another clause.
    reports = short_reports(300)
    extract(reports[0], "2024-06-26")  # the model and grammars load outside the timing
    started = time.perf_counter()
    jobs: list[Job] = [(text, "2024-06-26") for text in reports]
    outcomes = [outcome for _, outcome in extract_stream(jobs, same)]
    elapsed = time.perf_counter() - started
    assert [o.error for o in outcomes if isinstance(o, Failed)] == []
    assert sum(len(o.quantities) for o in outcomes if not isinstance(o, Failed)) > 300
    assert elapsed < 120, f"300 short reports took {elapsed:.1f} s"
