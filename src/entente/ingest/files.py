"""Reading bytes safely: every way a file can be unreadable becomes one clear InputError."""
from __future__ import annotations

import codecs
import pathlib

from entente.errors import InputError

# Longest BOM first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_bytes(path: pathlib.Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def utf16_or_32(data: bytes) -> str | None:
    """The codec a byte-order mark announces (UTF-16 or UTF-32), else None."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def decode(data: bytes, where: str) -> str:
    """Bytes -> text (UTF-8, or UTF-16/32 with a byte-order mark), refusing empty,
    binary and undecodable input."""
    codec = utf16_or_32(data)
    if codec:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: invalid {codec.upper()} at byte {exc.start}") from None
        text = text.lstrip("\ufeff")
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{where}: looks like a binary file (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{where}: invalid UTF-8 at byte {exc.start} (re-encode the file as UTF-8)"
            ) from None
    if not text.strip():
        raise InputError(f"{where}: empty input")
    return text


def read_text(path: pathlib.Path) -> str:
    return decode(read_bytes(path), str(path))
