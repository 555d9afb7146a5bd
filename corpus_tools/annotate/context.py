"""Sentence contexts around quotation parts: the words before and after a part in its
sentence, with the words of other quotations masked out (a verb inside another
quotation says nothing about this one)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from corpus_tools.annotate.quotations import QuotationPart
from corpus_tools.annotate.tables import Tables, is_abbreviation

_MASK = "_"  # not a word character for tables.words(); keeps offsets unchanged
# A sentence ends before a capital or a quotation: in masked text (see masked()) a
# quotation's words are "_", so an opening mark followed by "_" starts a sentence too.
# French sets a space inside its guillemets: "… Paris. « C'est" starts a sentence too.
# Marks that also close (” » ›, ‘ ‚) open the next sentence in plain text only when a
# letter follows them directly: Swedish ”Det …”, Danish »Vi …«, British ‘We …’, but
# not French "… fin. » Ensuite".
# The Devanagari danda, the Arabic and Urdu stops, the Myanmar and Khmer full stops end a
# sentence as "." does; those of Chinese, Japanese, Myanmar and Khmer also with no space
# after them.
_END = re.compile(
    r"[.!?…।؟۔။។]+[\"”»’)]*(?=[ \u00a0]+(?:(?:[\"“„«(\[—–-][ \u00a0\u202f]?)?[^\W\d_]"
    r"|[\"“„«‘‚»”‹›「『][ \u00a0\u202f]?_|[”‘‚»›][^\W\d_])|[ \u00a0]*$)"
    r"|[。！？။។]+[”’」』）)]*(?=[^\s”’」』）)])"
)


@dataclass(frozen=True, slots=True)
class Context:
    """The text of a part's sentence before and after it (other quotations masked)."""

    before: str
    after: str
    before_start: int  # paragraph offset where ``before`` starts
    after_end: int  # paragraph offset where ``after`` ends


# (text, language) -> sentence starts: the stages ask for the same (masked) paragraphs
# in turn. annotate_document() empties it after each document, and it is bounded for
# stages called on their own, so that memory stays flat over a long run.
_STARTS: dict[tuple[str, str | None], tuple[int, ...]] = {}
_STARTS_MAX = 256


def forget_sentences() -> None:
    """Empty the sentence-start cache (the end of a document)."""
    _STARTS.clear()


def sentence_starts(text: str, t: Tables) -> list[int]:
    """Offsets where sentences start in ``text`` (0 first)."""
    key = (text, t.lang)
    known = _STARTS.get(key)
    if known is None:
        known = tuple(_sentence_starts(text, t))
        if len(_STARTS) >= _STARTS_MAX:
            _STARTS.clear()
        _STARTS[key] = known
    return list(known)


# A stop after a word, before a number: "… til Polen. 140 medarbejdere mister …". The
# word before is checked on each match (_LETTER): a pattern that opens with the
# lookbehind is tried at every character of the text, three times slower. A run of
# stops can only be matched from its first one, so the two ways find the same.
_END_BEFORE_NUMBER = re.compile(r"[.!?…]+(?=[ \u00a0]+\d)")
_LETTER = re.compile(r"[^\W\d_]")


def _ends_before_number(text: str) -> list[re.Match[str]]:
    return [
        m
        for m in _END_BEFORE_NUMBER.finditer(text)
        if m.start() > 0 and _LETTER.match(text, m.start() - 1)
    ]


def _sentence_starts(text: str, t: Tables) -> list[int]:
    out = [0]
    ends = sorted([*_END.finditer(text), *_ends_before_number(text)], key=lambda m: m.start())
    for m in ends:
        if (
            text[m.start()] == "."
            and m.end() - m.start() == 1
            and is_abbreviation(text, m.start(), t)
        ):
            continue
        j = m.end()
        while j < len(text) and text[j] in " \u00a0":
            j += 1
        if j < len(text):
            out.append(j)
    return out


_NOT_SPACE = re.compile(r"\S")
_MARK_CHARS = frozenset("“”„‟«»‹›‘’‚'\"「」『』《》〈〉—–―")


def masked(text: str, parts: list[QuotationPart]) -> str:
    """``text`` with the words of ``parts`` replaced by ``_`` (offsets unchanged); the
    marks and dashes themselves stay, so the punctuation around them still reads."""
    pieces: list[str] = []
    pos = 0
    for p in sorted(parts, key=lambda p: p.start.offset):
        lo, hi = p.start.offset, p.end.offset
        if lo < len(text) and text[lo] in _MARK_CHARS:
            lo += 1
        if hi > lo and text[hi - 1] in _MARK_CHARS:
            hi -= 1
        lo = max(lo, pos)
        if hi <= lo:
            continue
        pieces.append(text[pos:lo])
        pieces.append(_NOT_SPACE.sub(_MASK, text[lo:hi]))
        pos = hi
    pieces.append(text[pos:])
    return "".join(pieces)


def context_of(
    part: QuotationPart,
    text: str,
    starts: tuple[int, ...] | list[int],
    *,
    reach: int = 160,
    within: QuotationPart | None = None,
) -> Context:
    """The sentence around ``part`` in ``text`` (its paragraph with the quotations of
    its level masked; ``starts`` its sentence starts): the text before it back to the
    sentence start and after it up to the sentence end, at most ``reach`` characters
    each; ``within`` (the enclosing part of a nested one) bounds the sentence."""
    floor, ceiling = 0, len(text)
    if within is not None:
        floor = within.start.offset + 1
        ceiling = max(within.end.offset - 1, part.end.offset)
    k = bisect.bisect_right(starts, part.start.offset)
    lo = starts[k - 1] if k else 0
    cut = part.start.offset - reach
    lo = max(lo, cut, floor)
    if lo == cut and lo > 0 and text[lo - 1].isalnum():
        # Cut by the reach inside a word: from the next word on ("…Infectol|ogia").
        space = text.find(" ", lo, part.start.offset)
        lo = space + 1 if space >= 0 else part.start.offset
    k = bisect.bisect_left(starts, part.end.offset)
    hi = starts[k] if k < len(starts) else len(text)
    cut = part.end.offset + reach
    hi = min(hi, cut, ceiling)
    if hi == cut and hi < len(text) and text[hi].isalnum():
        hi = max(text.rfind(" ", part.end.offset, hi), part.end.offset)
    return Context(text[lo : part.start.offset], text[part.end.offset : hi], lo, hi)


class PartIndex:
    """The parts of a document indexed by paragraph and depth, so that the stages look
    up a part's neighbours in constant time (documents can hold thousands of parts)."""

    def __init__(self, parts: tuple[QuotationPart, ...] | list[QuotationPart]) -> None:
        """Index ``parts``."""
        self.by_id = {p.id: p for p in parts}
        self._level: dict[tuple[int, int], list[QuotationPart]] = {}
        for p in parts:
            self._level.setdefault((p.paragraph, p.depth), []).append(p)
        self._masked: dict[tuple[int, int], tuple[str, tuple[int, ...]]] = {}

    def level(self, paragraph: int, depth: int) -> list[QuotationPart]:
        """The parts of ``paragraph`` at ``depth``."""
        return self._level.get((paragraph, depth), [])

    def masked(
        self, paragraph: int, depth: int, paragraphs: list[str], t: Tables
    ) -> tuple[str, tuple[int, ...]]:
        """The paragraph with its parts at ``depth`` masked, and its sentence starts."""
        key = (paragraph, depth)
        if key not in self._masked:
            text = masked(paragraphs[paragraph - 1], self.level(paragraph, depth))
            self._masked[key] = (text, tuple(sentence_starts(text, t)))
        return self._masked[key]

    def context(self, part: QuotationPart, paragraphs: list[str], t: Tables) -> Context:
        """The sentence around ``part`` (see :func:`context_of`), bounded by its parent."""
        parent = self.by_id.get(part.parent) if part.parent is not None else None
        text, starts = self.masked(part.paragraph, part.depth, paragraphs, t)
        return context_of(part, text, starts, within=parent)
