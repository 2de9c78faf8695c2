"""Ingesting into a real ledger file: idempotent, partial failures reported, workers in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.throughput import synthetic_articles

from storyledger.extract.pipeline import EXTRACTOR_VERSION, extract
from storyledger.ingest.pipeline import extract_lines, ingest_articles, ingest_paths, rebuild
from storyledger.ingest.records import Defaults
from storyledger.link.pipeline import link_pending
from storyledger.model import Article, content_id
from storyledger.store.sqlite import Ledger, open_ledger

TEXTS = synthetic_articles(6)


@pytest.fixture
def ledger(tmp_path: Path):
    with open_ledger(tmp_path / "ledger.db") as ledger:
        yield ledger


def write_folder(folder: Path, texts: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")


def stored_ids(ledger: Ledger) -> list[str]:
    return [row[0] for row in ledger.conn.execute("SELECT id FROM articles ORDER BY seq")]


def test_ingest_stores_articles_with_their_extraction_and_links_them(
    ledger: Ledger, tmp_path: Path
) -> None:
    write_folder(tmp_path / "in", TEXTS[:3])
    report = ingest_paths(ledger, [tmp_path / "in"], Defaults(published="2024-06-26"))
    assert report.ok and report.skipped == []
    assert report.added == [content_id(text) for text in TEXTS[:3]] == stored_ids(ledger)
    assert report.linked == 3
    first = ledger.get_article(report.added[0])
    assert (first.published, first.published_source) == ("2024-06-26", "cli")
    assert first.extractor_version == EXTRACTOR_VERSION
    assert ledger.get_extraction(first.id) == extract(TEXTS[0], "2024-06-26")
    unlinked = ledger.conn.execute("SELECT COUNT(*) FROM articles WHERE linked = 0")
    assert unlinked.fetchone()[0] == 0


def test_reingesting_the_same_content_adds_nothing(ledger: Ledger, tmp_path: Path) -> None:
    write_folder(tmp_path / "in", TEXTS[:2])
    ingest_paths(ledger, [tmp_path / "in"])
    (tmp_path / "copy.txt").write_text("  " + TEXTS[0].replace(" ", "  ") + "\n", encoding="utf-8")
    again = ingest_paths(ledger, [tmp_path / "in", tmp_path / "copy.txt"])
    assert again.added == []
    assert sorted(again.skipped) == sorted([content_id(TEXTS[0])] * 2 + [content_id(TEXTS[1])])
    assert ledger.count_articles() == 2


def test_linking_tells_its_progress_article_by_article(ledger: Ledger) -> None:
    for text in TEXTS[:3]:
        ledger.add_article(Article(id=content_id(text), text=text), extract(text, None))
    told: list[tuple[int, int]] = []
    assert link_pending(ledger, lambda done, total: told.append((done, total))) == 3
    assert told == [(1, 3), (2, 3), (3, 3)]


def test_a_batch_is_linked_in_the_order_it_was_published(ledger: Ledger) -> None:
    """The reprint arrives first but was published a day later: the first printing is
    still the original, and the reprint its copy."""
    reprint_text = TEXTS[0] + " Distributed by Outlet B."
    reprint = Article(id=content_id(reprint_text), text=reprint_text, published="2024-06-27")
    first = Article(id=content_id(TEXTS[0]), text=TEXTS[0], published="2024-06-26")
    ingest_articles(ledger, [reprint, first])
    copies = dict(ledger.conn.execute("SELECT article_id, duplicate_of FROM article_story"))
    assert copies == {first.id: None, reprint.id: first.id}


def test_the_progress_bar_counts_extraction_and_linking(
    ledger: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = [Article(id=content_id(text), text=text) for text in TEXTS[:2]]
    ingest_articles(ledger, articles, progress=True)
    shown = capsys.readouterr().err
    assert "extracting" in shown
    assert "linking" in shown and "2/2" in shown


def test_duplicates_within_one_batch_are_stored_once(ledger: Ledger) -> None:
    article = Article(id=content_id(TEXTS[0]), text=TEXTS[0])
    report = ingest_articles(ledger, [article, Article(id=article.id, text=TEXTS[0])])
    assert (report.added, report.skipped) == ([article.id], [article.id])


def test_bad_sources_are_reported_and_the_rest_is_ingested(ledger: Ledger, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_folder(folder, TEXTS[:2])
    (folder / "bad.txt").write_bytes(b"\xff\xfe broken")
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": TEXTS[2]}) + "\n{oops\n" + json.dumps({"text": TEXTS[3], "title": 5}),
        encoding="utf-8",
    )
    report = ingest_paths(ledger, [folder])
    assert len(report.added) == 3
    assert [where for where, _ in report.failed] == [
        str(folder / "bad.txt"),
        f"{folder / 'feed.jsonl'}:2",
        f"{folder / 'feed.jsonl'}:3",
    ]
    assert not report.ok
    summary = report.to_json()
    assert (summary["added"], summary["already_present"], summary["failed"]) == (3, 0, 3)


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    write_folder(tmp_path / "in", TEXTS)
    with open_ledger(tmp_path / "one.db") as one, open_ledger(tmp_path / "two.db") as two:
        ingest_paths(one, [tmp_path / "in"], Defaults(published="2024-06-26"), workers=1)
        report = ingest_paths(two, [tmp_path / "in"], Defaults(published="2024-06-26"), workers=2)
        assert report.added == stored_ids(one) == stored_ids(two)  # same order
        for article_id in report.added:
            assert one.get_extraction(article_id) == two.get_extraction(article_id)


def test_rebuild_reextracts_only_outdated_articles(ledger: Ledger, tmp_path: Path) -> None:
    write_folder(tmp_path / "in", TEXTS[:3])
    ids = ingest_paths(ledger, [tmp_path / "in"]).added
    with ledger.transaction() as conn:  # as if stored by an older extractor
        conn.execute("UPDATE articles SET extractor_version = '0' WHERE id = ?", (ids[1],))
        conn.execute("DELETE FROM mentions WHERE article_id = ?", (ids[1],))
    report = rebuild(ledger)
    assert report.extracted == [ids[1]] and report.failed == []
    assert report.linked == 3  # extractions changed: every article is linked again
    assert ledger.get_article(ids[1]).extractor_version == EXTRACTOR_VERSION
    assert ledger.get_extraction(ids[1]) == extract(TEXTS[1])
    assert (rebuild(ledger).extracted, rebuild(ledger).linked) == ([], 0)
    assert rebuild(ledger, everything=True).extracted == ids


def test_extract_lines_gives_one_result_per_record_and_names_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "text": TEXTS[0]}),
        "not json",
        json.dumps({"text": TEXTS[1], "published": "2024-07-17"}),
        json.dumps({"id": "c", "text": 7}),
    ]
    results = list(extract_lines(lines, "in.jsonl", default_published="2024-06-26"))
    good = [r for r in results if isinstance(r, dict)]
    errors = [str(r) for r in results if not isinstance(r, dict)]
    assert [r["id"] for r in good] == ["a", content_id(TEXTS[1])]
    assert good[0]["times"] == extract(TEXTS[0], "2024-06-26").to_json()["times"]
    assert good[1]["times"] == extract(TEXTS[1], "2024-07-17").to_json()["times"]
    assert errors == [
        "in.jsonl:2: invalid JSON (Expecting value)",
        "in.jsonl:4: field 'text' must be a string, got a number",
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_past_the_time_limit_fails_alone_and_the_batch_goes_on(
    ledger: Ledger, workers: int
) -> None:
    # A real long report (a hundred reports run together: about 1.3 s of extraction after its
    # parse on an idle machine, more under load) against a limit of 0.5 s, between short ones
    # that take about 0.01 s each: the margins hold on a fast machine and on a busy one.
    long_text = "\n\n".join(synthetic_articles(100, seed=11))
    texts = [TEXTS[0], long_text, TEXTS[1], TEXTS[2]]
    articles = [
        Article(id=content_id(text), text=text, url=f"https://example.org/{n}", outlet="Wire")
        for n, text in enumerate(texts)
    ]
    report = ingest_articles(ledger, articles, workers=workers, time_limit=0.5)
    assert [where for where, _ in report.failed] == ["https://example.org/1"]
    message = report.failed[0][1]
    assert message.startswith("https://example.org/1: extraction failed (stopped after 0.5 s")
    assert "--extract-timeout" in message
    assert sorted(report.added) == sorted(a.id for n, a in enumerate(articles) if n != 1)
    assert sorted(stored_ids(ledger)) == sorted(report.added)
    # Without the limit, the long report goes through: the limit stopped it, not an error.
    again = ingest_articles(ledger, articles[1:2], workers=workers, time_limit=None)
    assert again.added == [articles[1].id] and again.ok
