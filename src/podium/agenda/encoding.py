"""Reading agenda and CSV files: the size limit first, then UTF-8, UTF-16 or GB18030 decoding."""

from __future__ import annotations

import codecs
import os

MAX_FILE_BYTES = 16 * 1024 * 1024


class FileTooLarge(Exception):
    """The file is over the size limit; nothing past the limit was read."""

    def __init__(self, size: int) -> None:
        super().__init__(f"larger than 16 MiB ({size:,} bytes or more)")
        self.size = size


class Undecodable(Exception):
    """No supported encoding decodes the bytes; `offset` is where UTF-8 decoding failed."""

    def __init__(self, offset: int, line: int, col: int) -> None:
        super().__init__(
            f"not UTF-8 (invalid byte at byte offset {offset}), UTF-16 with a BOM, or GB18030"
        )
        self.offset = offset
        self.line = line
        self.col = col


def read_limited(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; raises FileTooLarge without reading more than `limit` + 1 bytes.

    OSError (missing, unreadable, a directory) is left to the caller.
    """
    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        if st.st_size > limit:
            raise FileTooLarge(st.st_size)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(len(data))
    return data


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (BOM or not), UTF-16 with a BOM, then GB18030 — the first that fits."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc.start + 3) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Undecodable(exc.start, 1, 1) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_failure = exc.start
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise _undecodable(data, utf8_failure) from None


def _undecodable(data: bytes, offset: int) -> Undecodable:
    """The error for a UTF-8 failure at `offset`, with its 1-based line and column."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    if line == 1 and data.startswith(codecs.BOM_UTF8):
        col -= 1
    return Undecodable(offset, line, col)
