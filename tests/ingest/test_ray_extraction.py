"""Extraction on Ray actors: the results of local extraction, every text once when actors die,
and the same ledger as `ingest --engine local`. A local Ray head of 2 CPUs serves the module."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench.throughput import synthetic_articles
from typer.testing import CliRunner

from storyledger.cli.app import app
from storyledger.errors import Msg
from storyledger.extract.parallel import Failed, Job, Outcome
from storyledger.extract.pipeline import extract

TEXTS = synthetic_articles(9, seed=3)
JOBS: list[Job] = [(text, "2024-06-26") for text in TEXTS]
DEMO_CORPUS = Path(__file__).resolve().parents[2] / "src/storyledger/demo/corpus.jsonl"
REPORTS = 24  # of the demo corpus's 41: October 2023 to October 2024, the first contingents


@pytest.fixture(scope="module")
def ray_head() -> Iterator[None]:
    ray = pytest.importorskip("ray", reason="Ray is not installed (scripts/bootstrap --dev)")
    from storyledger.extract.ray_engine import start_local_ray

    start_local_ray(2)
    yield
    ray.shutdown()


def same(job: Job) -> Job:
    return job


@pytest.fixture(scope="module")
def extracted_here() -> list[Outcome]:
    """The outcomes of JOBS extracted in this process, to compare the actors' with."""
    return [extract(text, published) for text, published in JOBS]


def assert_extracted_once_each(
    results: list[tuple[Job, Outcome]], extracted_here: list[Outcome]
) -> None:
    assert [job for job, _ in results] == JOBS
    assert [outcome for _, outcome in results] == extracted_here


def test_results_in_input_order_and_a_bad_job_fails_alone(
    ray_head: None, extracted_here: list[Outcome]
) -> None:
    from storyledger.extract.ray_engine import RayExtractor

    jobs = list(JOBS)
    # A publication date that is not a string: extract_doc raises on it.
    jobs.insert(4, ("Kenya sent 400 officers.", 20240626))  # type: ignore[arg-type]
    with RayExtractor(2, chunk_size=2) as extractor:
        results = list(extractor.map(jobs, same))
    assert [job for job, _ in results] == jobs
    failed = results.pop(4)[1]
    assert isinstance(failed, Failed) and failed.error.startswith("TypeError")
    assert_extracted_once_each(results, extracted_here)
    assert len(extractor.peak_rss) == 2 and os.getpid() not in extractor.peak_rss
    assert all(cpu > 0 for cpu in extractor.cpu_seconds.values())
    assert extractor.actors_replaced == 0


def test_an_actor_killed_mid_batch_costs_no_text(
    ray_head: None, extracted_here: list[Outcome]
) -> None:
    """After the first chunk, the actor that gave it is killed by SIGKILL to its process (as
    the kernel's out-of-memory killer does) while it holds or is sent the next: the actor is
    replaced, and every text lands once, extracted as if nothing had happened."""
    from storyledger.extract.ray_engine import RayExtractor

    with RayExtractor(2, chunk_size=2) as extractor:
        results: list[tuple[Job, Outcome]] = []
        for result in extractor.map(JOBS, same):
            if not results:
                (pid,) = extractor.peak_rss
                os.kill(pid, signal.SIGKILL)
            results.append(result)
    assert extractor.actors_replaced == 1
    assert_extracted_once_each(results, extracted_here)


def test_texts_that_lose_their_actor_twice_fail_alone(ray_head: None) -> None:
    """Actors killed as soon as they start: each text fails with the message a local worker's
    death gives, after one retry, and the batch ends."""
    import ray

    from storyledger.extract.ray_engine import RayExtractor

    stop = threading.Event()

    def keep_killing() -> None:
        while not stop.wait(0.05):
            for actor in extractor.actors:
                ray.kill(actor)

    with RayExtractor(2, chunk_size=2) as extractor:
        killer = threading.Thread(target=keep_killing)
        killer.start()
        try:
            results = list(extractor.map(JOBS[:3], same))
        finally:
            stop.set()
            killer.join()
    assert [job for job, _ in results] == JOBS[:3]
    for _, outcome in results:
        assert isinstance(outcome, Failed) and outcome.error == Msg.EXTRACT_WORKER_DIED
    assert extractor.actors_replaced == 2 + 3  # the two chunks' actors, then each retry's


def test_ingest_and_rebuild_on_ray_give_the_ledger_of_local_extraction(
    ray_head: None, tmp_path: Path
) -> None:
    """Reports of the demo corpus ingested with --engine local and with --engine ray: the
    same facts and stories; re-extracted on Ray (rebuild --all), the same facts again."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(DEMO_CORPUS.read_text("utf-8").splitlines(True)[:REPORTS]), "utf-8")
    local, on_ray = str(tmp_path / "local.db"), str(tmp_path / "ray.db")
    runner = CliRunner()
    for db, engine in ((local, []), (on_ray, ["--engine", "ray", "--workers", "2"])):
        done = runner.invoke(app, ["--db", db, "ingest", str(corpus), "-q", *engine])
        assert done.exit_code == 0, done.output
        assert f"added {REPORTS}," in done.output
    for view in ("facts", "stories"):
        assert ledger_json(local, view) == ledger_json(on_ray, view)
    facts = ledger_json(local, "facts")
    assert len(facts) > 20

    rebuilt = runner.invoke(app, ["--db", local, "rebuild", "--all", "-q", "--engine", "ray"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert f"re-extracted {REPORTS}, failed 0" in rebuilt.output
    assert ledger_json(local, "facts") == facts


def ledger_json(db: str, view: str) -> str:
    done = CliRunner().invoke(app, ["--db", db, view, "--json"])
    assert done.exit_code == 0, done.output
    return done.stdout


def test_without_ray_every_command_works_and_engine_ray_says_how_to_install_it(
    tmp_path: Path,
) -> None:
    """In a process where `import ray` fails: the package imports, ingest runs locally, and
    --engine ray stops with the install command."""
    script = (
        "import sys; sys.modules['ray'] = None\n"
        "from storyledger.cli import main\n"
        "sys.argv = ['storyledger', *sys.argv[1:]]; main()"
    )
    report = tmp_path / "report.txt"
    report.write_text("Kenya sent 400 police officers to Haiti on Tuesday.", encoding="utf-8")
    env = {**os.environ, "COLUMNS": "200"}

    def storyledger(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", script, "--db", str(tmp_path / "l.db"), *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    assert storyledger("ingest", str(report), "-q").returncode == 0
    refused = storyledger("ingest", str(report), "-q", "--engine", "ray")
    assert refused.returncode == 1
    assert Msg.RAY_MISSING in refused.stderr
    assert "pip install 'storyledger[ray]'" in refused.stderr
