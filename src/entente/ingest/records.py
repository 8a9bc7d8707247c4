"""JSONL, JSON and CSV corpora: one record per line/row/item with `id`, `text` and optional metadata.

Each reader yields `(place, item)`: `place` is "line 7" or "item 3", `item` a Story or,
for a bad record, a `RecordError`; the other records go on.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Callable, Iterable, Iterator, Optional, Union

from entente.errors import InputError
from entente.model import Story
from entente.pipeline import make_story

META = ("title", "published", "source", "url")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "true/false", int: "a number",
               float: "a number", type(None): "null"}

Record = tuple[str, Union[Story, "RecordError"]]


class RecordError(Exception):
    """A record that cannot become a story; the message says why."""


def _kind(value) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _story(obj, published: Optional[str]) -> Union[Story, RecordError]:
    if not isinstance(obj, dict):
        return RecordError(f"a record must be a JSON object, not {_kind(obj)}")
    text = obj.get("text")
    if text is None:
        return RecordError("record has no 'text'")
    if not isinstance(text, str):
        return RecordError(f"'text' must be a string, not {_kind(text)}")
    meta = {k: obj.get(k) for k in META}
    for k, v in meta.items():
        if isinstance(v, (dict, list)):
            return RecordError(f"'{k}' must be a string, not {_kind(v)}")
    if published and not meta["published"]:
        meta["published"] = published
    meta = {k: (v if v not in ("",) else None) for k, v in meta.items()}
    ident = obj.get("id")
    if isinstance(ident, (dict, list, bool)):
        return RecordError(f"'id' must be a string or a number, not {_kind(ident)}")
    try:
        return make_story(text, id=ident, **meta)
    except InputError as exc:
        return RecordError(str(exc))


def _parse(line: str, published: Optional[str]) -> Union[Story, RecordError]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordError(f"malformed JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return RecordError("malformed JSON (nested too deeply)")
    return _story(obj, published)


def iter_jsonl(lines: Iterable[Union[str, RecordError]], published: Optional[str] = None,
               rest: Optional[Callable[[], str]] = None) -> Iterator[Record]:
    """Records from JSON lines; a `RecordError` among `lines` (an undecodable line) is passed on.

    When the first line is '[' or '{' alone, or starts an array, and `rest()` (the text
    after it) completes one JSON document, that document is read instead: an array of
    records, or one pretty-printed record."""
    first = True
    for n, line in enumerate(lines, 1):
        if isinstance(line, RecordError):
            first = False
            yield f"line {n}", line
            continue
        if not line.strip():
            continue
        if first and rest is not None and _opens_document(line):
            yield from _document_or_lines(line + rest(), published)
            return
        first = False
        yield f"line {n}", _parse(line, published)


def _opens_document(line: str) -> bool:
    s = line.strip()
    return s.startswith("[") or s == "{"


def _document_or_lines(whole: str, published: Optional[str]) -> Iterator[Record]:
    try:
        doc = json.loads(whole)
    except (json.JSONDecodeError, RecursionError):
        for n, line in enumerate(whole.splitlines(), 1):
            if line.strip():
                yield f"line {n}", _parse(line, published)
        return
    if isinstance(doc, list):
        for i, obj in enumerate(doc, 1):
            yield f"item {i}", _story(obj, published)
    else:
        yield "item 1", _story(doc, published)


class _Lines:
    """Lines of a text, counting how many the CSV reader has taken (its own count stalls
    on an error)."""

    def __init__(self, text: str):
        self._it = iter(io.StringIO(text, newline=""))
        self.taken = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._it)
        self.taken += 1
        return line


def iter_csv(text: str, published: Optional[str] = None) -> Iterator[Record]:
    """Rows of a CSV file with a header. Quoting is strict: an unclosed quote that swallows
    the following rows is reported with the lines it took, never passed on silently."""
    lines = _Lines(text)
    reader = csv.reader(lines, strict=True)
    try:
        fields = next(reader, None)
    except csv.Error as exc:
        yield "line 1", RecordError(f"malformed CSV header ({exc})")
        return
    if not fields or "text" not in fields:
        yield "line 1", RecordError("CSV header has no 'text' column")
        return
    while True:
        start = lines.taken + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            end = max(lines.taken, start)
            place = f"lines {start}-{end}" if end > start else f"line {start}"
            yield place, RecordError(f"malformed CSV record, skipped with the lines it spans ({exc}; an unclosed quote?)")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(fields):
            yield f"line {start}", RecordError(f"{len(row)} fields where the header has {len(fields)} "
                                               "(an unquoted comma or quote?)")
            continue
        yield f"line {start}", _story(dict(zip(fields, row)), published)
