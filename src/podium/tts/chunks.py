"""Cutting long text into sentence-sized pieces: espeak's render time grows with the square of
the text's length in one call, and a piece can start playing while the next one renders."""

from __future__ import annotations

import re

MAX_CHUNK = 200
"""Characters per piece: about 40 s of Mandarin or 10 s of English at 200 words a minute."""

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;…])\s*|(?<=\.)\s+|\n\s*")
_CLAUSE_END = re.compile(r"(?<=[，,、：:）)」』”])\s*")
_SPACE = re.compile(r"(?<=\s)")


def split_for_speech(text: str, max_chars: int = MAX_CHUNK) -> list[str]:
    """`text` as pieces of at most `max_chars`, cut at sentence ends, then at clause marks, then
    at spaces; pieces with nothing to pronounce (only punctuation or blanks) are dropped."""
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        pieces.extend(_cut(sentence.strip(), max_chars))
    chunks: list[str] = []
    for piece in pieces:
        if not any(ch.isalnum() for ch in piece):
            continue
        if chunks and len(chunks[-1]) + 1 + len(piece) <= max_chars:
            chunks[-1] = _join(chunks[-1], piece)
        else:
            chunks.append(piece)
    return chunks


def _cut(sentence: str, max_chars: int) -> list[str]:
    if len(sentence) <= max_chars:
        return [sentence] if sentence else []
    for pattern in (_CLAUSE_END, _SPACE):
        parts = [p.strip() for p in pattern.split(sentence) if p.strip()]
        if len(parts) > 1:
            out: list[str] = []
            for part in parts:
                if out and len(out[-1]) + 1 + len(part) <= max_chars:
                    out[-1] = _join(out[-1], part)
                else:
                    out.extend(_cut(part, max_chars))
            return out
    return [sentence[i : i + max_chars] for i in range(0, len(sentence), max_chars)]


def _join(left: str, right: str) -> str:
    # Chinese runs on without spaces; Latin text needs one between the joined pieces.
    if left[-1:].isascii() or right[:1].isascii():
        return f"{left} {right}"
    return left + right
