"""Reading local sources: every format, and every kind of bad input, named by file and line."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.errors import InputError
from storyledger.ingest.files import Loaded, read_sources, split_front_matter
from storyledger.ingest.records import Defaults, normalise_date
from storyledger.model import content_id

TEXT = "Kenya sent 400 police officers to Haiti on Tuesday, officials said."


def read(*paths: Path, defaults: Defaults | None = None) -> list[Loaded]:
    return list(read_sources(paths, defaults))


def only_article(loaded: list[Loaded]):
    assert [item.error for item in loaded] == [None]
    assert loaded[0].article is not None
    return loaded[0].article


# -- plain text -------------------------------------------------------------------------


def test_plain_text_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")
    article = only_article(read(path))
    assert article.text == TEXT
    assert article.id == content_id(TEXT)
    assert (article.title, article.published, article.published_source) == (None, None, "none")


def test_front_matter_fields_and_body(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: 'Police land in Haiti'\nurl: https://example.org/a\n"
        "outlet: Example News\npublished: 2024-06-25T14:00:00Z\n---\n" + TEXT,
        encoding="utf-8",
    )
    article = only_article(read(path))
    assert article.title == "Police land in Haiti"
    assert article.url == "https://example.org/a"
    assert article.outlet == "Example News"
    assert article.published == "2024-06-25T14:00:00+00:00"
    assert article.published_source == "metadata"
    assert article.text == TEXT


def test_windows_line_ends_are_read_and_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"---\r\ntitle: T\r\npublished: 2024-06-25\r\n---\r\nOne.\r\n\r\nTwo.\r\n")
    article = only_article(read(path))
    assert (article.title, article.published, article.text) == ("T", "2024-06-25", "One.\n\nTwo.")


def test_unclosed_front_matter_is_text(tmp_path: Path) -> None:
    fields, date_line, body = split_front_matter("---\ntitle: x\nno closing fence\n")
    assert (fields, date_line) == ({}, None)
    assert body.startswith("---")


def test_cli_defaults_fill_missing_date_and_outlet_only(tmp_path: Path) -> None:
    (tmp_path / "bare.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dated.txt").write_text(
        f"---\npublished: 2024-07-17\noutlet: AP\n---\n{TEXT} More.", encoding="utf-8"
    )
    loaded = read(tmp_path, defaults=Defaults(published="2024-06-26", outlet="Reuters"))
    bare, dated = (item.article for item in loaded)
    assert bare is not None and dated is not None
    assert (bare.published, bare.published_source, bare.outlet) == ("2024-06-26", "cli", "Reuters")
    assert (dated.published, dated.published_source, dated.outlet) == (
        "2024-07-17",
        "metadata",
        "AP",
    )


def test_bad_date_in_front_matter_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"---\ntitle: t\npublished: last Tuesday\n---\n{TEXT}", encoding="utf-8")
    [item] = read(path)
    assert item.article is None
    assert item.error is not None
    assert item.error.startswith(f"{path}:3: cannot read the date 'last Tuesday'")


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-06-25", "2024-06-25"),
        ("2024-06-25T14:05:00", "2024-06-25T14:05:00"),
        ("2024-06-25T14:05:00Z", "2024-06-25T14:05:00+00:00"),
        ("2024-06-25 14:05:00+03:00", "2024-06-25T14:05:00+03:00"),
        ("Tue, 25 Jun 2024 14:05:00 GMT", "2024-06-25T14:05:00+00:00"),
        ("June 25, 2024", "2024-06-25"),
        ("25 June 2024", "2024-06-25"),
        ("Jun 25th, 2024", "2024-06-25"),
    ],
)
def test_dates_are_normalised_to_iso(raw: str, expected: str) -> None:
    assert normalise_date(raw, "x") == expected


@pytest.mark.parametrize("raw", ["2024", "2024-09", "1998-12"])
def test_reduced_precision_dates_keep_their_precision(raw: str) -> None:
    assert normalise_date(raw, "x") == raw


def test_an_article_dated_to_a_month_is_ingested_as_written(tmp_path: Path) -> None:
    path = tmp_path / "month.txt"
    path.write_text(f"---\npublished: 2024-09\n---\n{TEXT}", encoding="utf-8")
    article = only_article(read(path))
    assert (article.published, article.published_source) == ("2024-09", "metadata")


@given(st.datetimes(timezones=st.none() | st.timezones()))
def test_any_iso_datetime_reads_back_as_itself(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    assert normalise_date(moment.isoformat(), "x") == moment.isoformat()
    assert normalise_date(moment.date().isoformat(), "x") == moment.date().isoformat()


@given(st.text())
def test_text_without_a_fence_is_all_body(text: str) -> None:
    fields, _, body = split_front_matter(text)
    if not text.lstrip(" \t").startswith("---"):
        assert (fields, body) == ({}, text)


@pytest.mark.parametrize(
    "raw", ["yesterday", "2024-13-01", "2024-13", "0000", "25/06/2024 noon", ""]
)
def test_unreadable_dates_are_errors(raw: str) -> None:
    with pytest.raises(InputError, match="cannot read the date"):
        normalise_date(raw, "here")


# -- JSON and JSONL ---------------------------------------------------------------------


def test_jsonl_records_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "r1", "text": TEXT, "url": "https://e.org/1", "published": "2024-06-25"},
        {"text": TEXT + " Second.", "outlet": "AFP", "title": "Two"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    loaded = read(path)
    assert [item.where for item in loaded] == [f"{path}:1", f"{path}:2"]
    first, second = (item.article for item in loaded)
    assert first is not None and second is not None
    assert (first.url, first.published, first.published_source) == (
        "https://e.org/1",
        "2024-06-25",
        "metadata",
    )
    assert (second.outlet, second.title, second.published) == ("AFP", "Two", None)


def test_json_file_with_one_object_or_a_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": TEXT}), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": "First report."}, {"text": "Second report."}]), encoding="utf-8"
    )
    texts = [item.article.text for item in read(tmp_path) if item.article]
    assert texts == ["First report.", "Second report.", TEXT]  # many.json sorts first


def test_json_record_with_html_keeps_its_own_metadata(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Page title</title>"
        '<meta property="article:published_time" content="2024-06-20"></head>'
        f"<body><article><p>{TEXT}</p><p>{TEXT.replace('400', '200')}</p></article></body></html>"
    )
    path = tmp_path / "pages.jsonl"
    path.write_text(
        json.dumps({"html": html, "title": "Record title", "published": "2024-06-25"}) + "\n"
        + json.dumps({"html": html, "url": "https://www.example.org/x"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    own, page = (item.article for item in read(path))
    assert own is not None and page is not None
    assert (own.title, own.published, own.published_source) == (
        "Record title",
        "2024-06-25",
        "metadata",
    )
    assert (page.title, page.published) == ("Page title", "2024-06-20")
    assert page.published_source == "html"
    assert page.url == "https://www.example.org/x"
    assert "400 police officers" in page.text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "a record must be a JSON object, got a list"),
        ('{"title": "no text"}', "a record needs a 'text' or an 'html' field"),
        ('{"text": "   "}', "the article has no text"),
        ('{"text": "ok", "title": 12}', "field 'title' must be a string, got a number"),
        ('{"text": "ok", "published": true}', "field 'published' must be a string, got a boolean"),
        ('{"text": ["a"]}', "field 'text' must be a string, got a list"),
        ('{"text": "ok", "id": {"x": 1}}', "'id' must be a string or a number, got an object"),
        ('{"text": "ok", "published": "soon"}', "cannot read the date 'soon'"),
    ],
)
def test_bad_jsonl_lines_are_reported_and_the_rest_is_read(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "Before."}) + "\n" + line + "\n" + json.dumps({"text": "After."}),
        encoding="utf-8",
    )
    before, bad, after = read(path)
    assert before.article is not None and after.article is not None
    assert bad.article is None
    assert bad.error is not None
    assert bad.error.startswith(f"{path}:2: ")
    assert message in bad.error


def test_invalid_json_file_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"text": "a"},\n  {"text": }\n]', encoding="utf-8")
    [item] = read(path)
    assert item.error is not None
    assert item.error.startswith(f"{path}: invalid JSON")
    assert "line 3" in item.error


def test_bad_record_in_json_list_is_named_by_number(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": "fine"}, {"text": 3}]), encoding="utf-8")
    good, bad = read(path)
    assert good.article is not None
    assert bad.error == f"{path}: record 2: field 'text' must be a string, got a number"


# -- files that are not text ------------------------------------------------------------


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [item] = read(path)
    assert item.error == f"{path}: binary file, not text"


def test_non_utf8_file_is_refused_with_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Port-au-Prince, café".encode("latin-1"))
    [item] = read(path)
    assert item.error == f"{path}: not UTF-8 text (byte 0xe9 at offset 19)"


def test_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text(TEXT, encoding="utf-16")
    [item] = read(path)
    assert item.error == f"{path}: not UTF-8 text (UTF-16 text)"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + TEXT.encode())
    assert only_article(read(path)).text == TEXT


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n  \n", encoding="utf-8")
    [item] = read(path)
    assert item.error == f"{path}: the article has no text"


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    [item] = read(tmp_path / "nowhere")
    assert item.error == f"{tmp_path / 'nowhere'}: no such file or folder"


# -- folders ----------------------------------------------------------------------------


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Third."}\n', encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    texts = [item.article.text for item in read(tmp_path) if item.article]
    assert texts == ["First.", "Second.", "Third."]
