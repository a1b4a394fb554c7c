"""Word `.docx` scripts, read with python-docx (imported here only, when a .docx is imported).

Paragraphs and tables in document order; a table row by row (its cells, merged cells once).
A paragraph's line breaks (Shift+Enter) split it like separate lines. "Lines" are counted
from the top: each paragraph, each line of a broken paragraph, each table row is one.
Headings (styles Heading 1…9, 标题 1…) are item boundaries; the Title style is the title.
"""

from __future__ import annotations

import zipfile

from podium.i18n import _
from podium.importer.source import Para, Refused, Style, normalise

MAX_UNPACKED_BYTES = 64 * 1024 * 1024
"""A .docx is a ZIP archive: its parts may unpack to at most this much (a ZIP bomb is refused
before python-docx reads it)."""


def read_docx(path: str) -> list[Para]:
    _check_archive(path)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - a broken installation
        raise Refused(_("reading Word files needs python-docx: pip install python-docx")) from None
    try:
        document = docx.Document(path)
    except Exception:  # python-docx raises many kinds for a damaged file
        raise Refused(
            _("{path} is not a readable Word .docx document; save it again as .docx").format(
                path=path
            )
        ) from None
    out: list[Para] = []
    line = 0
    tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = _style(block)
            for piece in block.text.split("\n"):
                line += 1
                text = normalise(piece)
                if text:
                    out.append(Para(line, line, text, style))
        elif isinstance(block, Table):
            tables += 1
            for row in block.rows:
                line += 1
                cells = _cells(row)
                if any(cells):
                    out.append(
                        Para(line, line, " ".join(c for c in cells if c), Style.ROW, cells, tables)
                    )
    return out


def _style(paragraph: object) -> Style:
    try:
        name = (paragraph.style.name or "").lower()  # type: ignore[attr-defined]
    except Exception:
        return Style.TEXT
    if name == "title" or name == "标题":
        return Style.TITLE
    if name.startswith(("heading", "标题 ", "标题")):
        return Style.HEADING
    if name.startswith("list"):
        return Style.BULLET
    return Style.TEXT


def _cells(row: object) -> tuple[str, ...]:
    """The row's cell texts, a merged cell once."""
    seen: set[int] = set()
    cells: list[str] = []
    for cell in row.cells:  # type: ignore[attr-defined]
        key = id(cell._tc)
        if key in seen:
            continue
        seen.add(key)
        cells.append(normalise(cell.text))
    return tuple(cells)


def _check_archive(path: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
    except (zipfile.BadZipFile, OSError, ValueError):
        raise Refused(
            _("{path} is not a readable Word .docx document; save it again as .docx").format(
                path=path
            )
        ) from None
    if "word/document.xml" not in names:
        raise Refused(
            _("{path} is an archive, not a Word .docx; save the script as .docx").format(path=path)
        )
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise Refused(
            _("{path} unpacks to more than 64 MiB; a script to import must be smaller").format(
                path=path
            )
        )
