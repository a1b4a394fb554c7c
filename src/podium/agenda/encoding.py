"""Reading agenda and CSV files: the size limit first, then UTF-8, UTF-16 or GB18030 decoding."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass

from podium.i18n import N_, _

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest agenda or CSV file podium reads."""
MAX_CSV_TOTAL_BYTES = 32 * 1024 * 1024
"""All the distinct `recipients_csv` files of one agenda together."""


class FileTooLarge(Exception):
    """The file is over the size limit; nothing past the limit was read."""

    def __init__(self, size: int, limit: int = MAX_FILE_BYTES) -> None:
        super().__init__(
            _("larger than {limit} ({size} bytes or more)").format(
                limit=size_text(limit), size=f"{size:,}"
            )
        )
        self.size = size
        self.limit = limit


def size_text(size: int) -> str:
    """`16 MiB`, `512 KiB` or `100 bytes`."""
    if size >= 1024 * 1024 and size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MiB"
    if size >= 1024 and size % 1024 == 0:
        return f"{size // 1024} KiB"
    return _("{n} bytes").format(n=f"{size:,}")


class Undecodable(Exception):
    """No supported encoding decodes the bytes; `offset` is where UTF-8 decoding failed."""

    def __init__(self, offset: int, line: int, col: int) -> None:
        super().__init__(
            _(
                "not UTF-8 (invalid byte at byte offset {offset}), UTF-16 with a BOM, or GB18030"
            ).format(offset=offset)
        )
        self.offset = offset
        self.line = line
        self.col = col


class NotRegularFile(OSError):
    """The path names a device, a FIFO, a socket or a folder: podium reads regular files only."""


_KINDS = (
    (stat.S_ISDIR, N_("a folder")),
    (stat.S_ISFIFO, N_("a FIFO (named pipe)")),
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISBLK, N_("a block device")),
    (stat.S_ISSOCK, N_("a socket")),
)


def read_limited(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at `path`; raises FileTooLarge without reading more than
    `limit` + 1 bytes, NotRegularFile for anything else (checked on the opened file, which is
    opened without blocking, so a FIFO never hangs and a device is never read).

    OSError (missing, unreadable) is left to the caller.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", closefd=True) as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((name for test, name in _KINDS if test(st.st_mode)), N_("not a file"))
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
            what = _("not a regular file ({kind})").format(kind=_(kind))
            raise NotRegularFile(errno.EINVAL, what, path)
        if st.st_size > limit:
            raise FileTooLarge(st.st_size, limit)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(len(data), limit)
    return data


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (BOM or not), UTF-16 with a BOM, then GB18030 — the first that fits."""
    return decode(data)[0]


def decode(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (BOM or not), UTF-16 with a BOM, then GB18030 — the first that fits: the
    text and the encoding that read it (`utf-8`, `utf-16` or `gb18030`)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc.start + 3) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise Undecodable(exc.start, 1, 1) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_failure = exc.start
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise _undecodable(data, utf8_failure) from None


@dataclass(frozen=True, slots=True)
class DecodingNote:
    """A decoding that worked but is probably wrong: worth one warning, at a 1-based place."""

    line: int
    col: int
    message: str


def decoding_note(data: bytes, text: str, encoding: str = "gb18030") -> DecodingNote | None:
    """Why the GB18030 reading of a file that is not UTF-8 is probably wrong, if it is (`text`
    with line breaks normalised to LF): some
    lines are UTF-8 (mixed encodings: 张三 would read as 寮犱笁), or the text reads as
    characters outside common Chinese (a Windows-1252 or other 8-bit file: `Müller` would read
    as `M黮ler`). None for UTF-8, UTF-16 (`encoding`, as `decode` gives it), and Chinese that
    reads as Chinese."""
    if encoding != "gb18030":
        return None
    utf8_line = other_line = 0
    if b"\r" in data:  # line breaks as the text has them (no GB18030 byte is CR or LF)
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other_line = other_line or number
        else:
            utf8_line = utf8_line or number
        if utf8_line and other_line:
            return DecodingNote(
                utf8_line,
                1,
                _(
                    "this line is UTF-8 but line {line} is not: the file mixes encodings "
                    "and is read as GB18030, so UTF-8 lines read wrong; save it all as UTF-8"
                ).format(line=other_line),
            )
    first = _first_unlikely(text)
    if first is not None:
        line_start = text.rfind("\n", 0, first) + 1
        return DecodingNote(
            text.count("\n", 0, first) + 1,
            first - line_start + 1,
            _(
                "this file is not UTF-8, and read as GB18030 it gives unlikely characters: it "
                "may be in another encoding (such as Windows-1252); save it as UTF-8"
            ),
        )
    return None


def _first_unlikely(text: str) -> int | None:
    """Where the first character stands that Chinese text would not hold: outside GB2312 and
    either not an ideograph (8-bit text read as GB18030 lands anywhere) or glued to a Latin
    letter (`M黮ler`). A rare ideograph in a name (镕, 喆) is fine."""
    rare = {c for c in set(text) if not c.isascii() and not _common_chinese(c)}
    if not rare:
        return None
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(rare)) + "]")
    for m in pattern.finditer(text):
        i, c = m.start(), m.group()
        before = text[i - 1] if i else ""
        if not _ideograph(c) or (before.isascii() and before.isalpha()):
            return i
    return None


def _ideograph(char: str) -> bool:
    o = ord(char)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or o >= 0x20000


def _common_chinese(char: str) -> bool:
    """A character of GB2312 (everyday Chinese and its punctuation)."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _undecodable(data: bytes, offset: int) -> Undecodable:
    """The error for a UTF-8 failure at `offset`, with its 1-based line and column."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    if line == 1 and data.startswith(codecs.BOM_UTF8):
        col -= 1
    return Undecodable(offset, line, col)
