"""Paths, folders and '-' -> a stream of stories and problems.

Every input is checked before anything is processed (missing files stop the
run at once, so nothing is half-written); per-record problems in a corpus are
reported with their line number while the other records go on.
"""
from __future__ import annotations

import pathlib
import sys
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from entente.errors import InputError
from entente.ingest import feeds, files, html, records, text
from entente.model import Story

FORMATS = ("auto", "text", "jsonl", "csv", "html", "feed")
_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _expand(paths: Iterable[str]) -> list[Union[pathlib.Path, str]]:
    out: list[Union[pathlib.Path, str]] = []
    for p in paths:
        if p == "-":
            out.append("-")
            continue
        path = pathlib.Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in _BY_SUFFIX)
            if not found:
                raise InputError(f"{path}: folder holds no readable files ({', '.join(sorted(_BY_SUFFIX))})")
            out.extend(found)
        elif not path.exists():
            raise InputError(f"{path}: no such file or directory")
        else:
            out.append(path)
    return out


def _sniff(path: Union[pathlib.Path, str], head: str) -> str:
    if isinstance(path, pathlib.Path) and path.suffix.lower() in _BY_SUFFIX:
        fmt = _BY_SUFFIX[path.suffix.lower()]
        if fmt != "feed" or "<rss" in head or "<feed" in head or "<rdf" in head.lower():
            return fmt
    h = head.lstrip()[:500].lower()
    if h.startswith("{"):
        return "jsonl"
    if "<rss" in h or "<feed" in h:
        return "feed"
    if h.startswith("<!doctype html") or h.startswith("<html") or "<body" in h:
        return "html"
    return "text"


def _stdin_lines() -> Iterator[str]:
    stream = sys.stdin.buffer
    for n, raw in enumerate(stream, 1):
        try:
            yield raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"<stdin> line {n}: invalid UTF-8 at byte {exc.start}") from None


def _file_lines(path: pathlib.Path) -> Iterator[str]:
    """Stream a large JSONL file line by line (constant memory)."""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            if b"\x00" in raw:
                raise InputError(f"{path} line {n}: binary data (NUL bytes)")
            try:
                yield raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{path} line {n}: invalid UTF-8 at byte {exc.start}") from None


def iter_stories(paths: Iterable[str], input_format: str = "auto",
                 published: Optional[str] = None) -> Iterator[Union[Story, Problem]]:
    if input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r} (one of {', '.join(FORMATS)})")
    targets = _expand(paths)
    if not targets:
        raise InputError("no input given (name files or folders, or '-' for standard input)")
    for target in targets:
        yield from _one(target, input_format, published)


def _one(target, input_format: str, published: Optional[str]) -> Iterator[Union[Story, Problem]]:
    where = "<stdin>" if target == "-" else str(target)
    fmt = input_format
    if fmt == "jsonl" or (fmt == "auto" and isinstance(target, pathlib.Path)
                          and target.suffix.lower() in (".jsonl", ".ndjson")):
        yield from _records(target, where, published)
        return
    data = sys.stdin.buffer.read() if target == "-" else files.read_bytes(target)
    content = files.decode(data, where)
    if fmt == "auto":
        fmt = _sniff(target, content[:2000])
    if fmt == "jsonl":
        yield from _tag(records.iter_jsonl(content.splitlines(), published), where)
    elif fmt == "csv":
        yield from _tag(records.iter_csv(content, published), where)
    elif fmt == "html":
        yield html.story_from_html(content, where, published=published)
    elif fmt == "feed":
        yield from feeds.iter_feed(data, where, published=published)
    else:
        yield text.story_from_text(content, published=published,
                                   source=None if target == "-" else target.name)


def _records(target, where: str, published: Optional[str]) -> Iterator[Union[Story, Problem]]:
    if target != "-":
        if not target.exists():
            raise InputError(f"{where}: no such file or directory")
        if target.stat().st_size == 0:
            raise InputError(f"{where}: empty input")
    lines = _stdin_lines() if target == "-" else _file_lines(target)
    seen_any = False
    for item in records.iter_jsonl(lines, published):
        seen_any = True
        yield _as_problem(item, where)
    if not seen_any:
        raise InputError(f"{where}: empty input")


def _tag(items, where: str):
    for item in items:
        yield _as_problem(item, where)


def _as_problem(item, where: str):
    if isinstance(item, records.RecordError):
        return Problem(f"{where} line {item.line}", str(item))
    return item
