"""Reading bytes safely: every way a file can be unreadable becomes one clear InputError."""
from __future__ import annotations

import pathlib

from entente.errors import InputError


def read_bytes(path: pathlib.Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def decode(data: bytes, where: str) -> str:
    """Bytes -> text, refusing empty, binary and non-UTF-8 input."""
    if not data.strip():
        raise InputError(f"{where}: empty input")
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: invalid UTF-8 at byte {exc.start} (re-encode the file as UTF-8)"
        ) from None


def read_text(path: pathlib.Path) -> str:
    return decode(read_bytes(path), str(path))
