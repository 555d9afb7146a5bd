"""Sentence contexts around quotation parts: the words before and after a part in its
sentence, with the words of other quotations masked out (a verb inside another
quotation says nothing about this one)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus_tools.annotate.quotations import QuotationPart
from corpus_tools.annotate.tables import Tables

_MASK = "_"  # not a word character for tables.words(); keeps offsets unchanged
_END = re.compile(r"[.!?…]+[\"”»’)]*(?=[ \u00a0]+[\"“„«(\[—–-]?[^\W\d_]|[ \u00a0]*$)")


@dataclass(frozen=True, slots=True)
class Context:
    """The text of a part's sentence before and after it (other quotations masked)."""

    before: str
    after: str
    before_start: int  # paragraph offset where ``before`` starts
    after_end: int  # paragraph offset where ``after`` ends


def is_abbreviation(text: str, dot: int, t: Tables) -> bool:
    """True when the ``.`` at ``text[dot]`` ends an abbreviation or an initial, not a
    sentence (Dr., U.S., г., А. П., 27. listopadu)."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '(«„“"':
        start -= 1
    token = text[start:dot].lower().replace("’", "'")
    if not token:
        return False
    core = token.rstrip(".")
    if len(core) == 1 and core.isalpha():
        return True  # an initial: J. Smith, А. П. Чехов
    if core in t.abbreviations or core.replace(".", ". ") in t.abbreviations:
        return True
    if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", core):
        return True  # U.S, e.g, т.е
    nxt = text[dot + 1 :].lstrip(" \u00a0")
    # An ordinal (German "am 3. Oktober", Czech "27. listopadu") or a number before a
    # lower-case word or a month name.
    return core.isdigit() and bool(nxt[:1]) and (nxt[:1].islower() or _starts_with_month(nxt, t))


def _starts_with_month(text: str, t: Tables) -> bool:
    word = re.match(r"[^\W\d_]+", text)
    return word is not None and word.group().lower() in t.months


def sentence_starts(text: str, t: Tables) -> list[int]:
    """Offsets where sentences start in ``text`` (0 first)."""
    out = [0]
    for m in _END.finditer(text):
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


def masked(text: str, parts: list[QuotationPart], keep: QuotationPart | None = None) -> str:
    """``text`` with the words of ``parts`` (but not ``keep``) replaced by ``_``; the
    marks and dashes themselves stay, so punctuation around them still reads."""
    chars = list(text)
    for p in parts:
        if keep is not None and p.id == keep.id:
            continue
        lo, hi = p.start.offset, p.end.offset
        if p.kind == "quote":
            lo, hi = lo + 1, hi - 1
        else:
            lo += 1
        for i in range(max(lo, 0), min(hi, len(chars))):
            if not chars[i].isspace():
                chars[i] = _MASK
    return "".join(chars)


def context_of(
    part: QuotationPart,
    paragraph: str,
    siblings: list[QuotationPart],
    t: Tables,
    *,
    reach: int = 160,
    within: QuotationPart | None = None,
) -> Context:
    """The sentence around ``part``: the text before it back to the sentence start and
    the text after it up to the sentence end (at most ``reach`` characters each);
    ``within`` (the enclosing part of a nested one) bounds the sentence."""
    text = masked(paragraph, siblings, keep=part)
    floor, ceiling = 0, len(text)
    if within is not None:
        floor = within.start.offset + 1
        ceiling = max(within.end.offset - 1, part.end.offset)
    starts = sentence_starts(text, t)
    lo = max([s for s in starts if s <= part.start.offset], default=0)
    lo = max(lo, part.start.offset - reach, floor)
    later = [s for s in starts if s >= part.end.offset]
    hi = min(later[0] if later else len(text), part.end.offset + reach, ceiling)
    return Context(text[lo : part.start.offset], text[part.end.offset : hi], lo, hi)
