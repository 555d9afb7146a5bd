"""Finding quotations in paragraph texts: quotation marks and dash-introduced dialogue.

The finder only visits quotation marks and dashes (found by one regular expression),
so it stays linear in the length of the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from corpus_tools.model import Position, Quotation

# Opening mark -> the closing marks that end it.
_CLOSERS: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "‹": "›",
    "‘": "’",
    "‚": "‘’",
    '"': '"',
}
_MARKS = re.compile(r"[“”„«»‹›‘’‚\"]")
_DASHES = "—–―"
_DIALOGUE_START = re.compile(r"^[—–―][ \u00a0]")
_DIALOGUE_SPLIT = re.compile(r"[ \u00a0][—–―][ \u00a0]")


@dataclass(frozen=True, slots=True)
class QuoteIssue:
    """A quotation mark without a partner, at a paragraph offset."""

    paragraph: int
    offset: int
    message: str


@dataclass(slots=True)
class _Open:
    mark: str
    paragraph: int
    offset: int
    key: int
    parent: int | None


@dataclass(slots=True)
class _Span:
    key: int
    kind: str
    start: Position
    end: Position
    depth: int
    marks: str | None
    parent: int | None
    prev: int | None = None


def _is_letter(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _classify(mark: str, text: str, i: int, stack: list[_Open]) -> str:
    """Return 'open', 'close' or 'skip' for the mark at ``text[i]``."""
    top = stack[-1].mark if stack else None
    if top is not None and mark in _CLOSERS[top]:
        if mark == "’" and _is_letter(text, i - 1) and _is_letter(text, i + 1):
            return "skip"  # an apostrophe inside a word: organization’s
        return "close"
    if mark in ("’", "”", "»", "›"):
        if mark == "’":
            return "skip"  # apostrophe: leaders’ or ’90s
        return "close"
    if mark in ("‘", "‚"):
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return "skip" if nxt.isspace() or _is_letter(text, i - 1) else "open"
    if mark == '"':
        prev = text[i - 1] if i > 0 else " "
        return "open" if prev.isspace() or prev in "([{—–-" or i == 0 else "close"
    return "open"


def find_quotations(
    paragraphs: list[str],
) -> tuple[list[Quotation], list[QuoteIssue]]:
    """Find the quotations of a document whose paragraph texts are given in order."""
    spans: list[_Span] = []
    issues: list[QuoteIssue] = []
    stack: list[_Open] = []
    next_key = 0
    skip_first: int | None = None  # paragraph whose first mark re-opens a running quotation

    for p_index, text in enumerate(paragraphs):
        pno = p_index + 1
        for m in _MARKS.finditer(text):
            i = m.start()
            mark = m.group()
            if skip_first == pno and i == 0:
                continue
            action = _classify(mark, text, i, stack)
            if action == "open":
                parent = stack[-1].key if stack else None
                stack.append(_Open(mark, pno, i, next_key, parent))
                next_key += 1
            elif action == "close":
                if stack and mark in _CLOSERS[stack[-1].mark]:
                    op = stack.pop()
                    spans.append(
                        _Span(
                            op.key,
                            "quote",
                            Position(op.paragraph, op.offset),
                            Position(pno, i + 1),
                            len(stack),
                            op.mark + mark,
                            op.parent,
                        )
                    )
                else:
                    issues.append(
                        QuoteIssue(pno, i, f"closing quotation mark {mark} has no opening mark")
                    )
        skip_first = None
        if stack:
            following = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else ""
            if len(stack) == 1 and following.startswith(stack[0].mark):
                # Press convention: a quotation running over paragraphs repeats the
                # opening mark at the start of each paragraph and closes only once.
                skip_first = pno + 1
            else:
                for op in stack:
                    issues.append(
                        QuoteIssue(
                            op.paragraph,
                            op.offset,
                            f"opening quotation mark {op.mark} is never closed",
                        )
                    )
                dropped = {op.key for op in stack}
                stack.clear()
                # Quotations nested inside a dropped one lose their parent.
                for s in spans:
                    if s.parent in dropped:
                        s.parent = None

    _link_interruptions(spans, paragraphs)
    spans.extend(_dialogue_spans(paragraphs, spans, next_key))
    return _number(spans, paragraphs), issues


def _link_interruptions(spans: list[_Span], paragraphs: list[str]) -> None:
    """Mark a quotation ending in a comma as continued by the next one in its paragraph."""
    top = sorted((s for s in spans if s.depth == 0), key=lambda s: (s.start, s.key))
    for a, b in itertools.pairwise(top):
        if a.end.paragraph != b.start.paragraph:
            continue
        text = paragraphs[a.end.paragraph - 1]
        i = a.end.offset - 2  # the character before the closing mark
        while i >= 0 and text[i].isspace():
            i -= 1
        if i >= 0 and text[i] == ",":
            b.prev = a.key


def _dialogue_spans(paragraphs: list[str], quotes: list[_Span], first_key: int) -> list[_Span]:
    """Speech parts of paragraphs that open with a dash, split at attributions."""
    out: list[_Span] = []
    key = first_key
    for p_index, text in enumerate(paragraphs):
        if not _DIALOGUE_START.match(text):
            continue
        pno = p_index + 1
        # Segments between " — ": speech, attribution, speech ... An attribution follows
        # speech ending in , ! ? or … and starts with a lower-case letter.
        cuts = [m.start() for m in _DIALOGUE_SPLIT.finditer(text)]
        parts: list[tuple[int, int]] = []
        start, speech = 0, True
        for cut in cuts:
            seg_start = cut + 3
            if speech:
                before = text[start:cut].rstrip()
                after = text[seg_start : seg_start + 1]
                if before and before[-1] in ",!?…" and after.islower():
                    parts.append((start, start + len(before)))
                    start, speech = seg_start, False
            else:
                start, speech = cut + 1, True
        if speech:
            end = len(text.rstrip())
            if end > start:
                parts.append((start, end))
        prev: int | None = None
        for s, e in parts:
            span = _Span(key, "dialogue", Position(pno, s), Position(pno, e), 0, None, None, prev)
            if _crosses(span, quotes):
                break
            out.append(span)
            prev = key
            key += 1
    return out


def _crosses(span: _Span, quotes: list[_Span]) -> bool:
    """True when ``span`` overlaps a quotation without nesting properly with it."""
    for q in quotes:
        inside = span.start <= q.start and q.end <= span.end
        outside = q.end <= span.start or span.end <= q.start
        if not inside and not outside:
            return True
    return False


def _slice(paragraphs: list[str], start: Position, end: Position) -> str:
    if start.paragraph == end.paragraph:
        return paragraphs[start.paragraph - 1][start.offset : end.offset]
    parts = [paragraphs[start.paragraph - 1][start.offset :]]
    parts.extend(paragraphs[p - 1] for p in range(start.paragraph + 1, end.paragraph))
    parts.append(paragraphs[end.paragraph - 1][: end.offset])
    return "\n".join(parts)


def _number(spans: list[_Span], paragraphs: list[str]) -> list[Quotation]:
    """Give spans ids q1, q2 ... in document order (outer before inner at one start)."""
    # Dialogue spans enclose the quotations inside them.
    for d in (s for s in spans if s.kind == "dialogue"):
        for q in spans:
            if q.kind == "quote" and q.parent is None and d.start <= q.start and q.end <= d.end:
                q.parent = d.key
    # Depth is the length of the chain of enclosing quotations, so it stays true when an
    # unclosed enclosing mark was dropped.
    by_key = {s.key: s for s in spans}
    for span in spans:
        depth, parent = 0, span.parent
        while parent is not None:
            depth += 1
            parent = by_key[parent].parent
        span.depth = depth
    ordered = sorted(spans, key=lambda s: (s.start, -_length(s), s.depth, s.key))
    ids = {s.key: f"q{n}" for n, s in enumerate(ordered, start=1)}
    return [
        Quotation(
            id=ids[s.key],
            kind=s.kind,
            start=s.start,
            end=s.end,
            text=_slice(paragraphs, s.start, s.end),
            depth=s.depth,
            marks=s.marks,
            parent=ids[s.parent] if s.parent is not None else None,
            prev=ids[s.prev] if s.prev is not None else None,
        )
        for s in ordered
    ]


def _length(s: _Span) -> int:
    return (s.end.paragraph - s.start.paragraph) * 1_000_000_000 + s.end.offset - s.start.offset
