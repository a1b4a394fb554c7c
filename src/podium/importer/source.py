"""The document's paragraphs, each with the lines it came from: plain text, Markdown or Word.

A paragraph is a line of a plain-text file (a hard-wrapped English line that continues a
sentence joins the line before), a block of Markdown, or a paragraph of a Word document (its
tables row by row). White space inside a paragraph is normalised to single spaces. Lines are
1-based; in a Word document a "line" is a paragraph or table row, counted from the top.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum

from podium.agenda.encoding import FileTooLarge, Undecodable, decode_text, read_limited
from podium.i18n import _, os_error_text


class Style(StrEnum):
    TEXT = "text"
    HEADING = "heading"
    TITLE = "title"
    """A Word paragraph styled Title: the document's title."""
    BULLET = "bullet"
    ROW = "row"
    """A table row (Word): `cells` holds its cells."""


@dataclass(frozen=True, slots=True)
class Para:
    line: int
    end: int
    text: str
    style: Style = Style.TEXT
    cells: tuple[str, ...] = field(default=())
    table: int = 0
    """Which table a row belongs to (1-based; 0 for paragraphs)."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    form: str
    """text, markdown or docx"""
    paras: tuple[Para, ...]


class Refused(Exception):
    """The file cannot be imported; the message is one sentence saying what to do (exit 2)."""


_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\u2028\u2029]")


def normalise(text: str) -> str:
    """White space inside a paragraph made single spaces; invisible control characters gone."""
    return _WS.sub(" ", _CONTROL.sub("", text)).strip()


# --- what the file is ---------------------------------------------------------------------
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic")
_OTHER_OFFICE = (".odt", ".pages", ".wps", ".xls", ".xlsx", ".ppt", ".pptx", ".rtf")
MARKDOWN_EXT = (".md", ".markdown", ".mdown", ".mkd")


def read_source(path: str) -> Source:
    """The paragraphs of the script at `path`; raises Refused with what to do instead."""
    ext = os.path.splitext(path)[1].lower()
    try:
        data = read_limited(path)
    except FileTooLarge:
        raise Refused(
            _("{path} is larger than 16 MiB; a script to import must be at most 16 MiB").format(
                path=path
            )
        ) from None
    except IsADirectoryError:
        raise Refused(_("{path} is a folder, not a script").format(path=path)) from None
    except OSError as exc:
        raise Refused(
            _("cannot open {path}: {reason}").format(path=path, reason=os_error_text(exc))
        ) from None
    refusal = _refusal(path, ext, data)
    if refusal:
        raise Refused(refusal)
    if data.startswith(b"PK\x03\x04"):
        from podium.importer.docx import read_docx

        return Source(path, "docx", tuple(read_docx(path)))
    try:
        text = decode_text(data)
    except Undecodable as exc:
        raise Refused(
            _(
                "cannot read {path}: it is not UTF-8, UTF-16 or GB18030 text (a bad byte at "
                "offset {offset}); save it as UTF-8 text or as .docx"
            ).format(path=path, offset=exc.offset)
        ) from None
    if "\x00" in text:
        raise Refused(
            _("{path} is not a text file; save the script as .docx or .txt").format(path=path)
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if ext in MARKDOWN_EXT:
        return Source(path, "markdown", tuple(markdown_paras(lines)))
    return Source(path, "text", tuple(text_paras(lines)))


def _refusal(path: str, ext: str, data: bytes) -> str | None:
    """One sentence saying what to do with a file podium does not read, or None."""
    if data.startswith(_OLE) or ext == ".doc":
        return _(
            "{path} is a legacy Word .doc file; open it in Word or LibreOffice, save it as "
            ".docx (or .txt) and import that"
        ).format(path=path)
    if data.startswith(b"%PDF") or ext == ".pdf":
        return _(
            "{path} is a PDF; import the Word or text file it was made from, or copy its "
            "text into a .txt file"
        ).format(path=path)
    webp = data.startswith(b"RIFF") and data[8:12] == b"WEBP"
    heic = data[4:8] == b"ftyp"
    if data.startswith(_IMAGE_MAGIC) or webp or heic or ext in _IMAGE_EXT:
        return _(
            "{path} is an image; podium reads text: type or paste the script into a .txt or "
            ".docx file"
        ).format(path=path)
    if data.startswith(b"{\\rtf") or ext in _OTHER_OFFICE:
        return _("{path} is not a Word .docx or text file; save it as .docx or .txt").format(
            path=path
        )
    if data.startswith(b"PK\x03\x04") and ext not in ("", ".docx", ".docm", ".dotx"):
        return _("{path} is an archive, not a Word .docx; save the script as .docx").format(
            path=path
        )
    return None


# --- plain text ---------------------------------------------------------------------------
_BULLET = re.compile(r"^(?:[•·●○▪■◆◇►▶]\s*|[-*+–—]\s+)(?=\S)")
_LATIN_END = re.compile(r"[A-Za-z,;]$")


def text_paras(lines: list[str]) -> list[Para]:
    """One paragraph per line; a line that continues an English sentence joins the one
    before (`…the` + `annual awards night.`)."""
    out: list[Para] = []
    prev_blank = True
    for number, raw in enumerate(lines, start=1):
        text = normalise(raw)
        if not text:
            prev_blank = True
            continue
        bullet = _BULLET.match(text)
        if (
            out
            and not prev_blank
            and bullet is None
            and out[-1].style is Style.TEXT
            and text[0].islower()
            and _LATIN_END.search(out[-1].text)
        ):
            last = out[-1]
            out[-1] = Para(last.line, number, last.text + " " + text)
        elif bullet is not None and not _is_mask_start(text):
            out.append(Para(number, number, text[bullet.end() :], Style.BULLET))
        else:
            out.append(Para(number, number, text))
        prev_blank = False
    return out


def _is_mask_start(text: str) -> bool:
    """`* 张三` is a bullet; `***同志` and `** 年度` are masked names, not bullets."""
    return text[:2] in ("**", "＊＊")


# --- Markdown -----------------------------------------------------------------------------
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(?=\S)")
_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_MD_EMPHASIS = re.compile(r"(?<![*_\w])(\*\*|__)(?=[^*_\s])(.+?)(?<=[^*_\s])\1(?![*_\w])")
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")


def markdown_paras(lines: list[str]) -> list[Para]:
    """Headings, list items and paragraphs (blank-line separated; wrapped lines joined)."""
    out: list[Para] = []
    buf: list[tuple[int, str]] = []
    in_fence = False

    def flush() -> None:
        if not buf:
            return
        text = ""
        for _n, piece in buf:
            if text and not (_CJK.match(piece[:1]) and _CJK.match(text[-1:])):
                text += " "
            text += piece
        text = normalise(_unemphasise(text))
        if text:
            out.append(Para(buf[0][0], buf[-1][0], text))
        buf.clear()

    for number, raw in enumerate(lines, start=1):
        if _MD_FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        line = raw.strip()
        if in_fence:
            if line:
                out.append(Para(number, number, normalise(line)))
            continue
        if not line:
            flush()
            continue
        heading = _MD_HEADING.match(raw)
        if heading:
            flush()
            text = normalise(_unemphasise(heading.group(2)))
            if text:
                out.append(Para(number, number, text, Style.HEADING))
            continue
        if buf and _MD_SETEXT.match(raw) and len(buf) == 1:
            start, text = buf[0]
            buf.clear()
            out.append(Para(start, number, normalise(_unemphasise(text)), Style.HEADING))
            continue
        if _MD_RULE.match(raw):
            flush()
            continue
        item = _MD_LIST.match(raw)
        if item:
            flush()
            text = normalise(_unemphasise(raw[item.end() :]))
            if text:
                out.append(Para(number, number, text, Style.BULLET))
            continue
        if line.startswith(">"):
            line = line.lstrip("> ").strip()
            if not line:
                continue
        buf.append((number, line))
    flush()
    return out


def _unemphasise(text: str) -> str:
    """`**bold**` and `__bold__` without their markers (a mask such as `***` is kept)."""
    return _MD_EMPHASIS.sub(lambda m: m.group(2), text)
