"""Paths, folders and '-' -> a stream of stories and problems.

Named paths are checked before anything is processed (a missing one stops the run at
once). After that, one bad thing never ends the run: a bad record (a line, row, item or
entry) or a bad file among several (empty, binary, undecodable, no main text) becomes a
`Problem` naming its line or file, and the rest goes on. Only when the user named a
single file does a fault of that whole file end the run with an InputError.
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
# Files a folder holds about itself, not stories; read only when named.
_NOT_STORIES = ("readme", "license", "licence", "changelog", "changes", "contributing", "copying", "notice",
                "authors", "history")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Target = Union[pathlib.Path, str]


def _in_folder(folder: pathlib.Path, f: pathlib.Path) -> bool:
    parts = f.relative_to(folder).parts
    if any(p.startswith(".") for p in parts):  # hidden files and folders (.git, .DS_Store …)
        return False
    return f.stem.casefold() not in _NOT_STORIES and f.suffix.lower() in _BY_SUFFIX


def _expand(paths: Iterable[str]) -> list[Target]:
    out: list[Target] = []
    for p in paths:
        if p == "-":
            out.append("-")
            continue
        path = pathlib.Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and _in_folder(path, f))
            if not found:
                raise InputError(f"{path}: folder holds no readable files ({', '.join(sorted(_BY_SUFFIX))})")
            out.extend(found)
        elif not path.exists():
            raise InputError(f"{path}: no such file or directory")
        else:
            out.append(path)
    return out


def _sniff(path: Target, head: str) -> str:
    if isinstance(path, pathlib.Path) and path.suffix.lower() in _BY_SUFFIX:
        fmt = _BY_SUFFIX[path.suffix.lower()]
        if fmt != "feed" or "<rss" in head or "<feed" in head or "<rdf" in head.lower():
            return fmt
    h = head.lstrip()[:500].lower()
    if h.startswith("{") or h.startswith("["):
        return "jsonl"
    if "<rss" in h or "<feed" in h:
        return "feed"
    if h.startswith("<!doctype html") or h.startswith("<html") or "<body" in h:
        return "html"
    return "text"


def iter_located(paths: Iterable[str], input_format: str = "auto",
                 published: Optional[str] = None) -> Iterator[tuple[str, Union[Story, Problem]]]:
    """(where, story or problem) for every record of every input, in order; `where` is
    "file line 7", "file item 3", "file entry 2" or the file itself."""
    if input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r} (one of {', '.join(FORMATS)})")
    named = list(paths)
    targets = _expand(named)
    if not targets:
        raise InputError("no input given (name files or folders, or '-' for standard input)")
    single = len(targets) == 1 and len(named) == 1 and not pathlib.Path(named[0]).is_dir()
    for target in targets:
        where = "<stdin>" if target == "-" else str(target)
        try:
            for place, item in _one(target, where, input_format, published):
                at = f"{where} {place}" if place else where
                yield at, Problem(at, item) if isinstance(item, str) else item
        except InputError as exc:
            if single:
                raise
            message = str(exc)
            if message.startswith(where + ": "):
                message = message[len(where) + 2:]
            yield where, Problem(where, message)


def iter_stories(paths: Iterable[str], input_format: str = "auto",
                 published: Optional[str] = None) -> Iterator[Union[Story, Problem]]:
    for _where, item in iter_located(paths, input_format, published):
        yield item


def _one(target: Target, where: str, input_format: str, published: Optional[str]) -> Iterator[tuple[str, object]]:
    """(place within the input, Story or problem message) pairs."""
    fmt = input_format
    if fmt == "jsonl" or (fmt == "auto" and isinstance(target, pathlib.Path)
                          and target.suffix.lower() in (".jsonl", ".ndjson", ".json")):
        yield from _records(target, where, published)
        return
    data = sys.stdin.buffer.read() if target == "-" else files.read_bytes(target)
    content = files.decode(data, where)
    if fmt == "auto":
        fmt = _sniff(target, content[:2000])
    if fmt == "jsonl":
        lines = iter(content.splitlines())
        yield from _messages(records.iter_jsonl(lines, published, rest=lambda: "\n" + "\n".join(lines)))
    elif fmt == "csv":
        yield from _messages(records.iter_csv(content, published))
    elif fmt == "html":
        yield "", html.story_from_html(content, where, published=published)
    elif fmt == "feed":
        yield from feeds.iter_feed(data, where, published=published)
    else:
        yield "", text.story_from_text(content, published=published,
                                       source=None if target == "-" else target.name)


def _messages(items):
    for place, item in items:
        yield place, str(item) if isinstance(item, records.RecordError) else item


def _records(target: Target, where: str, published: Optional[str]) -> Iterator[tuple[str, object]]:
    """A JSONL (or JSON) file or standard input, streamed line by line in constant memory."""
    if target != "-" and target.stat().st_size == 0:
        raise InputError(f"{where}: empty input")
    stream = sys.stdin.buffer if target == "-" else target.open("rb")
    try:
        head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
        if files.utf16_or_32(head):  # a UTF-16/32 file cannot be split into lines as bytes
            content = files.decode(stream.read(), where)
            lines: Iterator = iter(content.splitlines())
        else:
            lines = _lines(stream, where)
        seen_any = False
        for place, item in _messages(records.iter_jsonl(lines, published, rest=lambda: _rest(lines))):
            seen_any = True
            yield place, item
        if not seen_any:
            raise InputError(f"{where}: empty input")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _lines(stream, where: str) -> Iterator[Union[str, records.RecordError]]:
    """Decoded lines; an undecodable or binary line becomes a RecordError in its place.
    A first line like that is the whole file's fault: binary, or not UTF-8."""
    for n, raw in enumerate(stream, 1):
        problem = None
        if b"\x00" in raw:
            problem = "binary data (NUL bytes)"
        else:
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                problem = f"invalid UTF-8 at byte {exc.start}"
        if problem is None:
            yield line
        elif n == 1:
            raise InputError(f"{where}: {problem} on its first line: a binary file, or not UTF-8?")
        else:
            yield records.RecordError(problem)


def _rest(lines: Iterator) -> str:
    return "\n" + "\n".join(x for x in lines if isinstance(x, str))
