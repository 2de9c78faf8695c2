"""Reports in other languages: kept, searchable, marked, and giving no mentions or figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyledger.extract.language import ENGLISH, detect_language
from storyledger.extract.pipeline import extract
from storyledger.ingest.pipeline import ingest_articles
from storyledger.model import Article, content_id
from storyledger.report.facts import facts_data
from storyledger.store.sqlite import open_ledger

# Written for these tests, on the facts of the Kenya-led mission to Haiti (June 2024).
FRENCH = (
    "Les premiers 400 policiers kényans se sont posés mardi à Port-au-Prince. Nairobi "
    "s'était engagé à envoyer 1 000 agents, et le fonds de l'ONU n'a reçu que 21 millions "
    "de dollars pour une mission estimée à 600 millions."
)
SPANISH = (
    "Los primeros 400 agentes de Kenia aterrizaron el martes en Puerto Príncipe. El "
    "gobierno keniano había prometido 1.000 policías, y el fondo de la ONU solo cuenta "
    "con 21 millones de dólares de los 600 millones que costará la misión."
)
ENGLISH_REPORT = (
    "The first 400 Kenyan police officers landed in Port-au-Prince on Tuesday. Kenya had "
    "pledged 1,000 officers, and the UN fund holds $21 million of a $600 million cost."
)


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "fr"), (SPANISH, "es")])
def test_a_report_in_another_language_gives_no_mentions(text: str, language: str) -> None:
    extraction = extract(text, "2024-06-25")
    assert extraction.language == language
    assert extraction.quantities == extraction.times == extraction.claims == []
    assert extraction.entities == extraction.quotes == []
    assert extraction.sentences  # the text is still split, for search snippets


def test_an_english_report_is_read() -> None:
    extraction = extract(ENGLISH_REPORT, "2024-06-25")
    assert extraction.language == ENGLISH
    assert {q.value for q in extraction.quantities} >= {400, 1000}


@pytest.mark.parametrize(
    "text", ["Haiti: 400 police land", "Kenya sent 400 officers.", "Total: 1,000 officers"]
)
def test_short_texts_count_as_english(text: str) -> None:
    assert detect_language(text) == ENGLISH


def test_foreign_reports_are_kept_searchable_and_add_no_figures(tmp_path: Path) -> None:
    texts = [ENGLISH_REPORT, FRENCH, SPANISH]
    articles = [
        Article(id=content_id(t), text=t, outlet=f"Outlet {n}", published="2024-06-25")
        for n, t in enumerate(texts)
    ]
    with open_ledger(tmp_path / "l.db") as ledger:
        report = ingest_articles(ledger, articles)
        assert len(report.added) == 3
        assert sorted(report.to_json()["languages"].values()) == ["es", "fr"]
        assert report.to_json()["not_english"] == 2
        assert {ledger.get_article(a.id).language for a in articles} == {"en", "fr", "es"}
        assert [hit["id"] for hit in ledger.search("policiers")] == [articles[1].id]
        cited = {o["article"] for f in facts_data(ledger) for o in f["observations"]}
        assert cited and cited <= {articles[0].id}


def test_every_english_development_text_is_detected_as_english(shared: Path) -> None:
    texts = [
        json.loads(line)["text"]
        for path in sorted((shared / "data").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    assert len(texts) > 1000
    assert [t[:60] for t in texts if detect_language(t) != ENGLISH] == []
