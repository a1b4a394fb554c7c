"""`did you mean …?` for a misspelt key, bounded however many words there are to compare.

difflib compares a word with every candidate; with 20,000 `names` keys and 50 typos that is a
million comparisons. Small vocabularies (the format's keys, a normal `names`) are compared
in full, as before. A large one is narrowed first through an index of letter trigrams to the
few words that share the most trigrams with the typo, and only those are compared. A file
gets at most MAX_SUGGESTIONS suggestions; later typos are reported without one.
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter
from collections.abc import Sequence

SMALL = 500
"""Vocabularies up to this size are compared in full."""
CANDIDATES = 25
"""Words compared in full for one typo in a large vocabulary."""
COMMON = 2_000
"""A trigram shared by more words than this says nothing about which one was meant."""
MAX_SUGGESTIONS = 200


class Suggester:
    def __init__(self, words: Sequence[str]) -> None:
        self.words = list(words)
        self.used = 0
        self._index: dict[str, list[int]] | None = None

    def closest(self, word: str, cutoff: float) -> str | None:
        if not self.words or self.used >= MAX_SUGGESTIONS:
            return None
        self.used += 1
        small = len(self.words) <= SMALL
        candidates = self.words if small else self._candidates(word)
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        return close[0] if close else None

    def _candidates(self, word: str) -> list[str]:
        index = self._trigram_index()
        counts: Counter[int] = Counter()
        for gram in set(_trigrams(word)):
            posting = index.get(gram)
            if posting is not None and len(posting) <= COMMON:
                counts.update(posting)
        best = heapq.nlargest(CANDIDATES, counts.items(), key=lambda kv: kv[1])
        return [self.words[i] for i, _ in best]

    def _trigram_index(self) -> dict[str, list[int]]:
        if self._index is None:
            index: dict[str, list[int]] = {}
            for i, w in enumerate(self.words):
                for gram in set(_trigrams(w)):
                    index.setdefault(gram, []).append(i)
            self._index = index
        return self._index


def _trigrams(word: str) -> list[str]:
    padded = f"\x02{word.lower()}\x03"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]
