"""JSONL and CSV corpora: one record per line/row with `id`, `text` and optional metadata."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator, Optional, Union

from entente.errors import InputError
from entente.model import Story
from entente.pipeline import make_story

META = ("title", "published", "source", "url")


class RecordError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def _story(obj: dict, line: int, published: Optional[str]) -> Story:
    if not isinstance(obj, dict):
        raise RecordError(line, "a record must be a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RecordError(line, "record has no 'text'")
    meta = {k: obj.get(k) for k in META}
    if published and not meta["published"]:
        meta["published"] = published
    meta = {k: (v if v not in ("",) else None) for k, v in meta.items()}
    try:
        return make_story(text, id=obj.get("id"), **meta)
    except InputError as exc:
        raise RecordError(line, str(exc)) from None


def iter_jsonl(lines: Iterable[str], published: Optional[str] = None) -> Iterator[Union[Story, RecordError]]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(n, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield _story(obj, n, published)
        except RecordError as exc:
            yield exc


def iter_csv(text: str, published: Optional[str] = None) -> Iterator[Union[Story, RecordError]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield RecordError(1, "CSV header has no 'text' column")
        return
    for row in reader:
        try:
            yield _story(row, reader.line_num, published)
        except RecordError as exc:
            yield exc
