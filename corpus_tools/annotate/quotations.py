"""Quotation parts: spans between quotation marks and dialogue dash lines, split and linked.

A *part* is one stretch of quoted words in one paragraph. One quotation may have several
parts, linked by ``prev``/``next``:

* an interrupted quotation, ``“A,” she said, “B.”`` or „A“, sagte er. „B“;
* one pair of marks around an attribution, «A, — заявил он. — B» or « A, a dit le
  maire. B »: two parts, the attribution outside both;
* a quotation continued over paragraphs (an opening mark at the start of each paragraph,
  a closing mark only at the end): one part per paragraph;
* a dialogue line split by an attribution, ``— A, — сказал он. — B``; a dialogue line
  may also open after a sentence inside a paragraph, where it has an attribution of its
  own (``… dyżury. – Nie możemy – powiedziała dyrektorka.``).

What is not a quotation: apostrophes (``organization’s``, ``’90s``, ``l’État``), feet
and inches (``6'2"``, ``a 17" screen``), dash-started list items (a run of short dash
lines ending in ``;`` or ``,``, or introduced by a colon line without a speech verb),
and dash lines in languages whose press does not write dialogue with dashes.

Mark pairing is data (:data:`CLOSERS`): „…“ „…” «…» »…« »…» ”…” ‹…› ‚…‘ ‘…’ "…" '…'
「…」 『…』 《…》. The finder visits only marks and dashes, so it is linear in the text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from typing import Any

from corpus_tools.annotate import uncased_tables
from corpus_tools.annotate.tables import (
    Tables,
    is_abbreviation,
    tables_for,
    words,
    words_as_written,
)
from corpus_tools.model import Position

# Opening mark -> the marks that close it.
CLOSERS: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "”": "”",  # Swedish, Finnish: ”…”
    "«": "»",
    "»": "«»",  # German, Danish: »…«; Swedish, Finnish: »…»
    "‹": "›",
    "›": "‹›",
    "‘": "’",
    "‚": "‘’",
    "'": "'",
    '"': '"',
    "״": "״",  # Hebrew gershayim, which some papers quote with
    "「": "」",
    "『": "』",
    "《": "》",
    "〈": "〉",
    "‟": "”",
}
# Marks that open wherever they stand (unless they close the quotation they end).
_ALWAYS_OPEN = frozenset("„«“‹「『《〈‟")
# Single marks double as apostrophes: an unclosed one is dropped without a warning.
_SINGLE = frozenset("‘’‚'‹›")
_ALL_MARKS = "".join(sorted(set(CLOSERS) | set("".join(CLOSERS.values()) + "’")))
_MARK = re.compile("[" + re.escape(_ALL_MARKS) + "]")
_DASHES = "—–―"
_SPACE = " \u00a0\u202f\u2009"
_DIALOGUE_START = re.compile(r"^[—–―](?:[ \u00a0\u202f]+|(?=[^\W\d_]|[¿¡«„“\"]))")
# Where a quotation may open: after a space, an opening bracket, a dash or a slash.
_OPENING_CONTEXT = frozenset("([{—–-/:") | frozenset(_ALL_MARKS)
_CLOSING_CONTEXT = frozenset(".,;:!?…)]}—–-/") | frozenset(_ALL_MARKS)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks a ``speech`` part: the name, the words of the attribution, the person id."""

    name: str
    mention: str
    ref: str

    def to_dict(self) -> dict[str, str]:
        """Return the JSON form."""
        return {"name": self.name, "mention": self.mention, "ref": self.ref}


@dataclass(frozen=True, slots=True)
class QuotationPart:
    """One part of a quotation (always within one paragraph).

    ``kind`` is ``quote`` (between marks, marks included; a part of a quotation that
    goes on in the next paragraph or after an enclosed attribution holds only the marks
    that stand in it) or ``dialogue`` (dash line, dash included). ``marks`` is the
    quotation's pair of marks (``None`` for dialogue). ``parent`` is the enclosing part,
    ``depth`` the number of enclosing parts, ``prev``/``next`` the neighbouring parts of
    the same quotation. ``type`` (``speech``, ``title``, ``name``, ``term``) and
    ``speaker`` are filled by the later stages.
    """

    id: str
    kind: str
    start: Position
    end: Position
    text: str
    depth: int = 0
    marks: str | None = None
    parent: str | None = None
    prev: str | None = None
    next: str | None = None
    type: str | None = None
    speaker: Speaker | None = None

    @property
    def paragraph(self) -> int:
        """The 1-based paragraph number of the part."""
        return self.start.paragraph

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (optional fields left out when empty)."""
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "start": self.start.to_dict(),
            "end": self.end.to_dict(),
            "text": self.text,
            "depth": self.depth,
        }
        for key in ("marks", "parent", "prev", "next", "type"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.type == "speech":
            out["speaker"] = self.speaker.to_dict() if self.speaker else None
        return out


@dataclass(frozen=True, slots=True)
class QuoteIssue:
    """A quotation mark without a partner, at a paragraph offset."""

    paragraph: int
    offset: int
    message: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """Text the finder recognised as an attribution next to a part (between two parts of
    one quotation, or after the last speech of a dialogue line)."""

    part: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Found:
    """What :func:`find_parts` returns."""

    parts: tuple[QuotationPart, ...]
    issues: tuple[QuoteIssue, ...]
    attributions: tuple[Attribution, ...] = ()


# --- internal spans -----------------------------------------------------------------


@dataclass(slots=True)
class _Span:
    key: int
    kind: str
    paragraph: int
    start: int
    end: int
    marks: str | None
    parent: int | None
    prev: int | None = None
    chain: int = -1  # key of the first part of a paragraph-spanning quotation
    depth: int = 0


@dataclass(slots=True)
class _Open:
    mark: str
    offset: int
    key: int
    tentative: bool
    prev: int | None = None
    chain: int = -1


@dataclass(slots=True)
class _State:
    spans: list[_Span] = field(default_factory=list)
    issues: list[QuoteIssue] = field(default_factory=list)
    attributions: list[tuple[int, int, int, int]] = field(default_factory=list)
    next_key: int = 0
    children: dict[int, list[_Span]] = field(default_factory=dict)
    chains: dict[int, list[_Span]] = field(default_factory=dict)

    def new_key(self) -> int:
        self.next_key += 1
        return self.next_key - 1


def _flanks(text: str, i: int) -> tuple[bool, bool, str, str]:
    """(can open, can close, previous char, next char) for the mark at ``text[i]``."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _OPENING_CONTEXT)
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSING_CONTEXT)
    return left, right, prev, nxt


def _reachable(stack: list[_Open], mark: str) -> int | None:
    """Index of the innermost open quotation ``mark`` closes, passing only over
    tentative single marks (likely apostrophes)."""
    for k in range(len(stack) - 1, -1, -1):
        if mark in CLOSERS[stack[k].mark]:
            return k
        if not stack[k].tentative:
            return None
    return None


def _add(state: _State, span: _Span) -> None:
    """Record a span with the indexes that keep the pairing linear."""
    state.spans.append(span)
    if span.parent is not None:
        state.children.setdefault(span.parent, []).append(span)
    if span.chain >= 0:
        state.chains.setdefault(span.chain, []).append(span)


def _reparent(state: _State, old: int, new: int | None) -> None:
    """The spans inside ``old`` (an opening mark that was dropped) move to ``new``."""
    for s in state.children.pop(old, []):
        s.parent = new
        if new is not None:
            state.children.setdefault(new, []).append(s)


def _close_chain(state: _State, chain: int, marks: str) -> None:
    """A paragraph-spanning quotation closed: every part gets the pair of marks."""
    for s in state.chains.get(chain, []):
        s.marks = marks


def _drop_chain(state: _State, chain: int, mark: str) -> None:
    """A paragraph-spanning quotation never closed: drop all its parts, report it."""
    doomed_spans = state.chains.pop(chain, [])
    first = next((s for s in doomed_spans if s.key == chain), None)
    doomed = {s.key for s in doomed_spans}
    if first is not None:
        state.issues.append(
            QuoteIssue(
                first.paragraph, first.start, f"opening quotation mark {mark} is never closed"
            )
        )
    state.spans = [s for s in state.spans if s.key not in doomed]
    for key in doomed:
        _reparent(state, key, None)


def _classify_mark(
    mark: str, text: str, i: int, stack: list[_Open], skip: set[int]
) -> tuple[str, int | None]:
    """('close', index in stack) | ('open', None) | ('skip', None) | ('stray', None)."""
    left, right, prev, nxt = _flanks(text, i)
    if mark in '"״' and _HEBREW_LETTER.match(prev) and _HEBREW_LETTER.match(nxt):
        if _hebrew_prefixed_open(text, i, mark) and _reachable(stack, mark) is None:
            return "open", None  # 'ב"כלכליסט"', 'ל״ידיעות אחרונות״': a prefix, then marks
        return "skip", None  # the gershayim of an acronym: 'צה״ל', 'יו"ר', 'מנכ״ל'
    if mark in '"“«' and _arabic_prefixed_open(text, i, mark) and _reachable(stack, mark) is None:
        return "open", None  # 'لـ"بترا"', 'و"الغد"': a prefix written onto the marks
    if prev.isdigit() and mark in "'’\"”״":
        # Feet and inches: 6'2", 5’11”, a 17" screen (a quotation may still end in a digit).
        if mark in "'’":
            j = i + 1
            while j < len(text) and text[j].isdigit():
                j += 1
            if j > i + 1 and j < len(text) and text[j] in '"”״':
                skip.add(j)
            return "skip", None
        k = _reachable(stack, mark)
        return ("close", k) if k is not None and right else ("skip", None)
    if mark in "’'":
        if prev.isalnum() and nxt.isalnum() and not _NO_APOSTROPHE.match(prev + nxt):
            return "skip", None  # inside a word: organization’s, l’État, don't
        if mark == "’" and not prev.isalnum() and nxt.isalnum():
            return "skip", None  # elision before a word: ’90s, ’tis
        if prev.isalnum() and _reachable(stack, mark) is None:
            return "skip", None  # a plural possessive: leaders’ summit
        if prev.isalnum() and nxt == " " and _closes_later(text, i, mark):
            # ‘It is about the players’ future,’ she said: the first ’ is a plural
            # possessive when another ’ closes the quotation later in the sentence.
            return "skip", None
    k = _reachable(stack, mark)
    # A mark that only closes the open quotation (» after «, “ after „) closes it even
    # where spacing is odd (French « A », ...); a mark that opens and closes alike (" ”)
    # closes where it stands at the end of a word.
    if k is not None and (stack[k].mark != mark or right or not left):
        return "close", k
    if mark in ("‘", "'", "“", '"') and _NO_APOSTROPHE.match(nxt or " ") and k is None:
        return "open", None  # "只看‘流量’的": no space before a mark in Chinese
    if mark in CLOSERS:
        if mark in _ALWAYS_OPEN:
            closes_elsewhere = any(mark in c for c in CLOSERS.values())
            if closes_elsewhere and right and not left:
                return ("skip", None) if mark in _SINGLE else ("stray", None)
            return "open", None
        if left:
            return "open", None
    if mark in _SINGLE or mark == "’":
        return "skip", None
    return "stray", None


# Scripts that write no apostrophe inside a word: a single mark between two of their
# letters closes or opens a quotation ("‘한빛유통’이", "‘流量’的", "'매진 행렬'을").
_NO_APOSTROPHE = re.compile(
    "[\u0900-\u097f\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u3130-\u318f"
    "\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]"
)


# For each closing mark, the other marks that open a quotation it closes (’: ‘ and ‚).
_OPENERS_OF = {
    mark: tuple(o for o, c in CLOSERS.items() if mark in c and o != mark)
    for mark in set("".join(CLOSERS.values()))
}


# A Hebrew letter, with its points, or a Yiddish ligature.
_HEBREW_LETTER = re.compile("[\u0591-\u05c7\u05d0-\u05ea\u05f0-\u05f2]")
# The gershayim of a Hebrew acronym, no quotation mark: 'מנכ״ל', 'יו"ר'.
_ACRONYM = re.compile('(?<=[\u0591-\u05c7\u05d0-\u05ea\u05f0-\u05f2])["״](?=[\u05d0-\u05ea])')
# The one-letter words Hebrew writes onto the next: in, to, the, and, from, that, as.
_HEBREW_PREFIXES = frozenset("בלהומשכ")


def _sentence_end(text: str, i: int, within: int | None = None) -> int:
    """Where the sentence that ``text[i]`` stands in ends (past its stop and space),
    looking ``within`` characters at most (a mark's closing one is near, and a paragraph
    of megabytes is no reason to read to its end for each mark)."""
    stop_at = len(text) if within is None else min(len(text), i + within)
    ends = (text.find(stop, i, stop_at) for stop in (". ", "! ", "? "))
    return min((j + 2 for j in ends if j != -1), default=stop_at)


# How far a mark written onto a prefix looks for the mark that closes it.
_PREFIXED_REACH = 400


def _hebrew_prefixed_open(text: str, i: int, mark: str) -> bool:
    """A Hebrew prefix letter written onto an opening mark ('ב"כלכליסט"'), where the
    same mark closes at a word's end later in the sentence; not an acronym ('צה"ל',
    'ב"כ' with no closing mark)."""
    if text[i - 1] not in _HEBREW_PREFIXES or (i >= 2 and not text[i - 2].isspace()):
        return False
    if not _HEBREW_LETTER.match(text[i + 2 : i + 3] or " "):
        return False  # 'ש"ח', 'מ"מ', 'ב"כ': one letter after the mark, an acronym
    end = _sentence_end(text, i, _PREFIXED_REACH)
    j = text.find(mark, i + 2, end + 1)
    while j != -1:
        after = text[j + 1 : j + 2]
        if (not after or not _HEBREW_LETTER.match(after)) and text[j - 1] != " ":
            return True
        j = text.find(mark, j + 1, end + 1)
    return False


def _arabic_prefixed_open(text: str, i: int, mark: str) -> bool:
    """An Arabic one-letter prefix (with or without a tatweel) or the article with a
    tatweel written onto an opening mark ('لـ"بترا"', 'بـ«…»', 'و"الغد"', 'الـ"…"'),
    where a mark that closes it ends a word later in the sentence."""
    if not _ARABIC_LETTER.match(text[i + 1 : i + 2] or " "):
        return False
    j = i  # the word before the mark: one to three letters or tatweels
    while j > 0 and i - j < 4 and (_ARABIC_LETTER.match(text[j - 1]) or text[j - 1] == "ـ"):
        j -= 1
    if not 1 <= i - j <= 3 or (j > 0 and not (text[j - 1].isspace() or text[j - 1] == "(")):
        return False
    w = text[j:i]
    if not (
        w in _ARABIC_PREFIXES or (w.endswith("ـ") and w.rstrip("ـ") in (*_ARABIC_PREFIXES, "ال"))
    ):
        return False
    closer = CLOSERS.get(mark, mark)
    end = _sentence_end(text, i, _PREFIXED_REACH)
    for j in range(i + 2, min(end + 1, len(text))):
        if (
            text[j] in closer
            and text[j - 1] != " "
            and not _ARABIC_LETTER.match(text[j + 1 : j + 2] or " ")
        ):
            return True
    return False


# An Arabic letter; the one-letter words Arabic writes onto the next: and, so, with, to, as.
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ARABIC_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"})


def _closes_later(text: str, i: int, mark: str) -> bool:
    """True when a later ``mark`` in the same sentence could close the quotation, and
    the word after ``text[i]`` is lower-case (the sentence goes on)."""
    after = text[i + 1 : i + 3].strip()
    if not after[:1].islower():
        return False
    end = _sentence_end(text, i)
    # A quotation opened before that later mark is the one it closes ("told the
    # ‘Westmorland Courier’ last month that it was ‘losing money’").
    j = text.find(mark, i + 1, end + 1)
    while j != -1:
        if any(o in text[i + 1 : j] for o in _OPENERS_OF.get(mark, ())):
            return False
        nxt = text[j + 1 : j + 2]
        if not nxt or nxt.isspace() or nxt in _CLOSING_CONTEXT:
            return True
        j = text.find(mark, j + 1, end + 1)
    return False


def _pair_paragraph(
    state: _State, pno: int, text: str, following: str, carried: _Open | None
) -> _Open | None:
    """Pair the marks of one paragraph; return the quotation that goes on in the next."""
    stack: list[_Open] = []
    skip: set[int] = set()
    for m in _MARK.finditer(text):
        i = m.start()
        if i in skip:
            continue
        mark = m.group()
        action, k = _classify_mark(mark, text, i, stack, skip)
        if action == "close" and k is not None:
            for dropped in stack[k + 1 :]:
                _reparent(state, dropped.key, stack[k].key)
            op = stack[k]
            del stack[k:]
            parent = stack[-1].key if stack else None
            span = _Span(op.key, "quote", pno, op.offset, i + 1, op.mark + mark, parent, op.prev)
            span.chain = op.chain
            _add(state, span)
            if op.chain >= 0:
                _close_chain(state, op.chain, op.mark + mark)
        elif action == "open":
            op = _Open(mark, i, state.new_key(), mark in _SINGLE)
            if carried is not None and not stack and not text[:i].strip():
                op.prev, op.chain = carried.key, carried.chain
                op.tentative = False
                carried = None
            stack.append(op)
        elif action == "stray":
            state.issues.append(
                QuoteIssue(pno, i, f"closing quotation mark {mark} has no opening mark")
            )
    if carried is not None:
        _drop_chain(state, carried.chain, carried.mark)
    return _finish_paragraph(state, pno, text, following, stack)


# What an apostrophe written as an opening mark stands before: an elided word or a year.
_ELIDED = re.compile(r"(?i:tis|twas|twere|twill|em|n)\b|\d")
_FOLLOWING_OPENER = re.compile(r"\s*([“„”«»‹›‘‚'\"「『《〈‟])")


def _finish_paragraph(
    state: _State, pno: int, text: str, following: str, stack: list[_Open]
) -> _Open | None:
    """Deal with the quotations still open at the end of a paragraph."""
    fm = _FOLLOWING_OPENER.match(following)
    for op in stack:
        if (
            op.tentative
            and fm is not None
            and fm.group(1) == op.mark
            and not text[: op.offset].strip()
            and not _ELIDED.match(text, op.offset + 1)  # "‘Tis the season", "‘90s"
        ):
            # A single mark that opens the paragraph and opens the next one too is the
            # press convention for a quotation over paragraphs (British ‘…), not an
            # apostrophe.
            op.tentative = False
    firm = [op for op in stack if not op.tentative]
    for op in stack:
        if op.tentative:
            _reparent(state, op.key, None)
    if not firm:
        return None
    outer = firm[0]
    for op in firm[1:]:
        state.issues.append(
            QuoteIssue(pno, op.offset, f"opening quotation mark {op.mark} is never closed")
        )
        _reparent(state, op.key, outer.key)
    if fm is not None and fm.group(1) == outer.mark:
        # Press convention: a quotation running over paragraphs repeats the opening mark
        # at the start of each paragraph and closes only once. This paragraph's part ends
        # with the paragraph.
        chain = outer.chain if outer.chain >= 0 else outer.key
        span = _Span(outer.key, "quote", pno, outer.offset, len(text.rstrip()), outer.mark, None)
        span.prev, span.chain = outer.prev, chain
        _add(state, span)
        return _Open(outer.mark, outer.offset, outer.key, False, outer.prev, chain)
    if outer.chain >= 0:
        _drop_chain(state, outer.chain, outer.mark)
    else:
        state.issues.append(
            QuoteIssue(pno, outer.offset, f"opening quotation mark {outer.mark} is never closed")
        )
    _reparent(state, outer.key, None)
    return None


# --- attributions inside a span: «A, — заявил он. — B», « A, a dit le maire. B » -------


@dataclass(frozen=True, slots=True)
class _Incise:
    cut: int  # end of the speech before the attribution
    attr_start: int
    attr_end: int
    resume: int | None  # where the speech goes on (None: the attribution runs to the end)
    dash: int | None  # the dash that re-opens the speech, where there is one


def _is_attribution(attr: str, t: Tables, pre: str, *, verb_within: int = 12) -> bool:
    """True when ``attr`` reads as an attribution (``сказал он``, ``a dit le maire``)."""
    ws = words(attr)
    verbs = [start for start, _ in t.speech_verbs.find(ws)] if ws else []
    # An attribution is short, unless it opens with its verb and then says who the
    # speaker is ("said Tom Brown, a former rugby player who runs a pub in Leeds").
    if not ws or len(ws) > (20 if any(v <= 2 for v in verbs) else 12):
        return False
    stripped = attr.lstrip(_SPACE + "(")
    if not stripped:
        return False
    if not (stripped[0].islower() or stripped[0] in "¿¡"):
        # A name and then the verb: "Virtanen sanoi", "Salo sanoi" (subject first), or a
        # role and a name, every word capitalised ("Foreign Minister Andrii Sybiha told
        # reporters").
        if t.lang is None:
            return False
        capitalised = [w[:1].isupper() for w in words_as_written(attr)]
        return any(
            0 < v <= 2 or (v <= 5 and len(capitalised) == len(ws) and all(capitalised[:v]))
            for v in verbs
        )
    if ws[0] in t.relatives:
        return False  # "…», qui dénonce une «…»": a clause about what was quoted
    if any(start < verb_within for start in verbs):
        return True
    # No table for the language: a short lower-case clause after , ! ? is an attribution.
    return t.lang is None and pre in ",!?…" and len(ws) <= 5


_DASH_ONLY = re.compile(f"[{_DASHES}]")
_DASH_OR_HYPHEN = re.compile(f"[{_DASHES}-]")


def _dash_incises(
    text: str, lo: int, hi: int, t: Tables, *, hyphens: bool = False
) -> list[_Incise]:
    """Attributions set off by dashes in ``text[lo:hi]`` (``, — сказал он. —``, ``—dijo—``);
    with ``hyphens``, also by a hyphen between spaces, as Italian agencies write inside
    marks («A - ha detto il sindaco - B»)."""

    def is_dash(j: int, opening: bool) -> bool:
        if text[j] in _DASHES:
            return True
        if not hyphens or text[j] != "-":
            return False
        # An opening hyphen has a space after it; a closing one, a space before it.
        side = j + 1 if opening else j - 1
        return 0 <= side < len(text) and text[side] in _SPACE

    # Only a dash (or a hyphen) can be one: the scans jump from one to the next instead
    # of testing every character of the quotation.
    candidates = _DASH_OR_HYPHEN if hyphens else _DASH_ONLY

    def next_dash(j: int, end: int) -> int | None:
        while (found := candidates.search(text, j, end)) is not None:
            j = found.start()
            if is_dash(j, False):
                return j
            j += 1
        return None

    out: list[_Incise] = []
    d = lo
    while d < hi:
        found = candidates.search(text, d, hi)
        if found is None:
            break
        d = found.start()
        if not is_dash(d, True) or d == 0 or text[d - 1] not in _SPACE:
            d += 1
            continue
        b0 = out[-1].resume if out and out[-1].resume is not None else lo
        before = text[b0:d].rstrip(_SPACE)
        a0 = d + 1
        while a0 < hi and text[a0] in _SPACE:
            a0 += 1
        d2 = next_dash(a0, min(hi, a0 + 160))
        a1 = d2 if d2 is not None else hi
        attr = text[a0:a1].rstrip(_SPACE)
        # After a sentence that a full stop ends, a capitalised clause behind a dash that
        # runs to the end of the line is the speaker's next sentence ("– A. B, säger hon.
        # – Och C."), not a subject and its verb. Between two dashes it is the narrator's
        # ("— A. — Семак вздохнул. — B.").
        new_sentence = (
            d2 is None
            and before.endswith(".")
            and attr[:1].isupper()
            and _stop(text, b0 + len(before) - 1, t)
        )
        if not before or a0 >= hi or new_sentence or not _is_attribution(attr, t, before[-1]):
            d += 1
            continue
        attr_end = a0 + len(attr.rstrip(".,:;"))
        resume: int | None = None
        if d2 is not None:
            r = d2 + 1
            while r < hi and (text[r] in _SPACE or text[r] in ".,;:"):
                r += 1
            resume = r if r < hi else None
        cut = d - (len(text[:d]) - len(text[:d].rstrip(_SPACE)))
        out.append(_Incise(cut, a0, attr_end, resume, d2))
        if resume is None:
            break
        d = d2 + 1 if d2 is not None else hi
    return out


def _replied(text: str, first: _Incise, second: _Incise, t: Tables) -> bool:
    """True when a dash line's next piece is a new quotation: "– A – said X. – B –
    replied Y." The first attribution ends its sentence and the second names someone
    (a capitalised word) whom the first does not; "— B, — добавил он." goes on with the
    same speaker's words."""
    if not _stop(text, first.attr_end, t):
        return False
    named = {
        w for w in words_as_written(text[second.attr_start : second.attr_end]) if w[:1].isupper()
    }
    return bool(named - set(words_as_written(text[first.attr_start : first.attr_end])))


_COMMA_INCISE = re.compile(r",[ \u00a0]+")


def _stop(text: str, j: int, t: Tables) -> bool:
    """Whether ``text[j]`` is a full stop that ends a sentence: not one after an
    abbreviation or an initial with a word going on after it ("a spus dr. Ioana Rusu,
    …"); a dash or a mark after it ends the sentence ("säger rederiets vd. – Ingen")."""
    if text[j] != ".":
        return False
    after = text[j + 1 : j + 3].lstrip(" \u00a0")[:1]
    return not (after.isalnum() and is_abbreviation(text, j, t))


def _clause_end(text: str, lo: int, hi: int, t: Tables) -> int | None:
    """Where the first punctuation mark that ends a clause in ``text[lo:hi]`` stands (a
    comma, a colon, a full stop that :func:`_stop` says ends a sentence, …), or None."""
    return next((j for j in range(lo, hi) if text[j] in ",;:!?" or _stop(text, j, t)), None)


def _comma_incises(
    text: str, lo: int, hi: int, t: Tables, *, allow_tail: bool = False
) -> list[_Incise]:
    """Attributions set off by commas inside marks (« A, a dit le maire. B »), or, with
    ``allow_tail``, ending a dialogue line (``– Vi är redo, säger han.``)."""
    out: list[_Incise] = []
    for m in _COMMA_INCISE.finditer(text, lo, hi):
        a0 = m.end()
        if out and a0 < (out[-1].resume or hi):
            continue
        end = _clause_end(text, a0, min(hi, a0 + 90), t)
        if end is None:
            continue
        attr = text[a0:end]
        ws = words(attr)
        if not ws or len(ws) > 12 or any(w in t.complementizers for w in ws):
            continue
        # Inside marks a comma clause is an attribution only with a speech verb up front
        # (a dit, explique-t-il, he said; "Virtanen sanoi" after a name), whatever the
        # language.
        verbs_up_front = any(start < 3 for start, _ in t.speech_verbs.find(ws))
        if not verbs_up_front or not _is_attribution(attr, t, ",", verb_within=3):
            continue
        end = _apposition_end(text, end, hi, t)
        r = end + 1
        while r < hi and text[r] in _SPACE:
            r += 1
        rest = text[r:hi]
        if (
            allow_tail
            and rest[:1].islower()
            and len(words(rest)) <= 10
            and not re.search(r"[.!?…][ \u00a0]", rest.rstrip())
        ):
            # "– A, säger Johan Lind, vd för kedjan ”X”.": the apposition ends the
            # attribution, and with it the line.
            out.append(_Incise(m.start() + 1, a0, hi, None, None))
            break
        if r >= hi or not any(ch.isalpha() for ch in text[r:hi]):
            if allow_tail and not text[end + 1 : hi].strip():
                out.append(_Incise(m.start() + 1, a0, end, None, None))
                break
            continue  # the attribution ends the quotation: nothing resumes
        if r == end + 1:
            continue
        out.append(_Incise(m.start() + 1, a0, end, r, None))
    return out


_APPOSITION = re.compile(
    r",[ \u00a0]+((?:[^\W\d_][\w'’.-]*[ \u00a0]+){0,3}[^\W\d_][\w'’-]*)(?=[.,;])"
)


def _apposition_end(text: str, end: int, hi: int, t: Tables) -> int:
    """Where an attribution ends when a name in apposition follows its comma (« A, a
    réagi la secrétaire générale, Martine Declercq. B »): after the name; or a role in
    apposition up to the stop ending the sentence („A, a spus dr. Ioana Rusu, medic
    primar la Spitalul Clinic. B”); else ``end``."""
    m = _APPOSITION.match(text, end, hi)
    if m is not None:
        names = m.group(1).split()
        particles = {"van", "von", "de", "da", "di", "del", "der", "den", "du", "la", "le", "y"}
        if all(w[:1].isupper() or w in particles for w in names) and names[0][:1].isupper():
            return m.end()
    return _role_apposition_end(text, end, hi, t)


def _role_apposition_end(text: str, end: int, hi: int, t: Tables) -> int:
    """After an attribution's comma, a lower-case apposition without a verb of speech
    that a full stop ends before a capitalised sentence: the attribution ends there."""
    if text[end : end + 1] != ",":
        return end
    rest = text[end + 1 : hi].lstrip(" \u00a0")
    if not rest[:1].islower():
        return end
    start = hi - len(rest)
    stop = _clause_end(text, start, min(hi, start + 120), t)
    if stop is None or text[stop] != ".":
        return end
    after = text[stop + 1 : hi].lstrip(" \u00a0")
    ws = words(text[start:stop])
    if not after[:1].isupper() or len(ws) > 10 or t.speech_verbs.find(ws):
        return end
    return stop


def _split_incises(state: _State, paragraphs: list[str], t: Tables) -> None:
    """Split a quote whose marks enclose an attribution into parts, attribution outside."""
    children: dict[int, list[_Span]] = {}
    followers: dict[int, list[_Span]] = {}
    for s in state.spans:
        if s.parent is not None:
            children.setdefault(s.parent, []).append(s)
        if s.prev is not None:
            followers.setdefault(s.prev, []).append(s)
    for span in sorted(state.spans, key=lambda s: (s.paragraph, s.start)):
        if span.kind != "quote" or span.parent is not None:
            continue
        text = paragraphs[span.paragraph - 1]
        closed = span.marks is not None and len(span.marks) == 2
        lo = span.start + 1
        hi = span.end - 1 if closed and text[span.end - 1] in _ALL_MARKS else span.end
        inner = children.get(span.key, [])
        found = _dash_incises(text, lo, hi, t, hyphens=True) or _comma_incises(text, lo, hi, t)
        found = [
            f
            for f in found
            if f.resume is not None
            and not any(c.start < f.attr_end and f.attr_start < c.end for c in inner)
        ]
        if not found:
            continue
        pieces: list[tuple[int, int]] = []
        start = span.start
        for f in found:
            pieces.append((start, f.cut))
            start = f.resume if f.resume is not None else span.end
        pieces.append((start, span.end))
        span.end = pieces[0][1]
        new_parts = [span]
        for (s0, s1), f in zip(pieces[1:], found, strict=True):
            state.attributions.append((new_parts[-1].key, span.paragraph, f.attr_start, f.attr_end))
            part = _Span(state.new_key(), "quote", span.paragraph, s0, s1, span.marks, None)
            part.prev, part.chain = new_parts[-1].key, span.chain
            state.spans.append(part)
            new_parts.append(part)
        for s in followers.get(span.key, []):
            s.prev = new_parts[-1].key
        for child in inner:
            owner = next(
                (p for p in new_parts if p.start <= child.start and child.end <= p.end), None
            )
            child.parent = owner.key if owner is not None else None


# --- interrupted quotations: “A,” she said, “B.” / „A“, sagte er. „B“ ------------------

_SENTENCE_INSIDE = re.compile(r"[.!?…][ \u00a0]+\S")


# Punctuation that ends the noun phrase before a quotation.
_PHRASE_END = re.compile(r"[,.;:!?()\[\]" + _DASHES + r"]")


def _name_like(text: str, span: _Span) -> bool:
    """True when the quotation at ``span`` reads as a name: a short run of words, the
    first capitalised, nothing that ends a phrase inside."""
    inner = text[span.start + 1 : span.end - 1]
    written = words_as_written(inner)
    if not written or len(written) > 5 or _PHRASE_END.search(inner):
        return False
    # A number belongs to a name as its words do ("Riego Sostenible 2030"); a short
    # name may go on in lower case ("dienraštis „Lietuvos rytas“", "„Морски бриз“").
    return written[0][:1].isupper() and (
        len(written) <= 3 or all(w[:1].isupper() or w.isdigit() or len(w) <= 3 for w in written)
    )


def _named_by_cue(text: str, span: _Span, t: Tables) -> bool:
    """True when the quotation at ``span`` is a short run of capitalised words that a
    name or title noun governs within its phrase ("компания „Тракия Софт“", "companhia
    de saneamento “Águas de Campinas”"): a name or a title, which is never the first
    part of an interrupted speech."""
    if not _name_like(text, span):
        return False
    before = text[max(0, span.start - 80) : span.start]
    ends = [m.end() for m in _PHRASE_END.finditer(before)]
    phrase = words(before[ends[-1] :] if ends else before)[-3:]
    return bool(t.name_cues.find(phrase) or t.title_cues.find(phrase))


def _attributed_after(text: str, span: _Span, t: Tables) -> bool:
    """True when an attribution that opens with its verb follows the quotation at
    ``span`` in its sentence ("«…;» αναρωτιέται ο πρόεδρος", "“…?” asked the coach")."""
    after = text[span.end : span.end + 160]
    clause = after.lstrip(_SPACE + "," + _DASHES + "-")
    if not clause[:1].islower():
        return False
    end = _SENTENCE_INSIDE.search(clause)
    clause = clause[: end.start() + 1] if end else clause
    ws = words(clause)
    return any(start <= 1 for start, _ in t.speech_verbs.find(ws[:4])) and _is_attribution(
        clause.rstrip(".!?… " + _SPACE), t, ","
    )


def _unlinked_neighbours(state: _State) -> Iterator[tuple[_Span, _Span]]:
    """Two quotations next to each other in a paragraph, in the same pair of marks,
    neither linked yet: what an interrupted quotation may be."""
    top = sorted(
        (s for s in state.spans if s.kind == "quote" and s.parent is None),
        key=lambda s: (s.paragraph, s.start),
    )
    has_next = {s.prev for s in state.spans if s.prev is not None}
    for a, b in itertools.pairwise(top):
        if a.paragraph != b.paragraph or b.prev is not None or a.key in has_next:
            continue
        if not a.marks or not b.marks or len(a.marks) != 2 or a.marks[0] != b.marks[0]:
            continue
        yield a, b


def _link_interruptions(state: _State, paragraphs: list[str], t: Tables) -> None:
    """Link a quotation to the one it goes on in after a short attribution."""
    for a, b in _unlinked_neighbours(state):
        text = paragraphs[a.paragraph - 1]
        between = text[a.end : b.start]
        core = between.strip(_SPACE + ",.:;" + _DASHES + "-")
        if not core or _SENTENCE_INSIDE.search(core) or any(ch in _ALL_MARKS for ch in core):
            continue
        last_inner = text[a.end - 2] if a.end - 2 > a.start else ""
        outside = between.lstrip(_SPACE)[:1]
        # The first part ends with a comma, colon, dash or ellipsis, inside the marks
        # (“A,” she said) or just outside them („A“, sagte er / „A” – powiedział).
        open_end = last_inner in ",:;…" + _DASHES or outside in "," + _DASHES
        if not open_end or last_inner in ".!?":
            continue
        if not _is_attribution(core, t, ",") or t.term_cues.find(words(core)):
            continue  # "… a tak zwany „B”" is not an attribution
        if _named_by_cue(text, a, t) or _named_by_cue(text, b, t):
            # "компания „Тракия Софт“, чийто директор … обеща", "admitiu rever o plano
            # “Ferrovia 2030”": a name or a title, not speech going on.
            continue
        if text[: b.start].rstrip(_SPACE)[-1:].isalpha() and _name_like(text, b):
            continue  # "… dalla «Lanterna»": a name the sentence governs, not a new part
        if _attributed_after(text, b, t):
            continue  # "„A“, sagte X. „B?“, fragte Y.": the second has its own speaker
        b.prev = a.key
        offset = text.index(core, a.end)
        state.attributions.append((a.key, a.paragraph, offset, offset + len(core)))


# What an attribution between two parts ends with in a language without capitals: a
# comma, a stop or a colon ("“A，”陈志远说，“B”", '"A," אמר. "B"', "“A,” … ने कहा। “B”"),
# the Thai "ว่า" (that), or the Korean connectives ("A"이라며 "B").
_UNCASED_ATTRIBUTION_END = re.compile(r"(?:[,，、.。:：;；،।]|ว่า)\s*$")
_KOREAN_CONNECTIVE = re.compile(r"(?:이?라며|며|이?라고 했고|고)\s+$")


# What may follow a Thai verb of saying at the end of an attribution: "(และ)ว่า".
_THAI_ATTRIBUTION_END = re.compile(r"\s*(?:และ|ต่อ|อีก)?\s*(?:ว่า)?\s*")


def _content_clause(rest: str, t: uncased_tables.Table) -> bool:
    """What follows the verb between two quotations is what was said, not who said it:
    "“A”, סבור כי להחלטה … “B”" (believes that …), "“A” มองว่าราคา … ถือว่า “B”";
    not "«A»، قال X، مشيراً إلى أن … «B»", where "that" opens another verb's words."""
    if t.lang == "th":
        return not _THAI_ATTRIBUTION_END.fullmatch(rest)
    return any(w.strip(_SPACE + ",،") in t.that for w in rest.split()[:2])


def _link_uncased(state: _State, paragraphs: list[str], t: uncased_tables.Table) -> None:
    """Link a quotation to the one it goes on in after an attribution with a verb of
    saying, in a language written without capitals; the attribution ends where the
    second part starts and holds no sentence of its own (not '"A," he said of the "B"
    plan')."""
    for a, b in _unlinked_neighbours(state):
        text = paragraphs[a.paragraph - 1]
        between = text[a.end : b.start]
        core = between.strip(_SPACE + ",，、.。:：;；،।" + _DASHES + "-")
        if not core or len(core) > 90 or any(ch in _ALL_MARKS for ch in _ACRONYM.sub("", core)):
            continue
        if core.startswith(uncased_tables.CONJUNCTIONS):
            continue  # '"A", אך הזהיר: "B"' (but warned): a second quotation of the same
        if t.while_words and (
            core.startswith(t.while_words) or uncased_tables.after_while(core, t)
        ):
            continue  # "“A” ขณะที่ Y กล่าวว่า “B”", "“A” X กล่าว ขณะที่ Y ระบุว่า “B”": two people
        last_inner = text[a.end - 2] if a.end - 2 > a.start else ""
        # The first part stays open: “A，”/"A," inside the marks or «A»، outside them
        # (Thai writes no commas); «A.» وی افزود: «B» is two quotations.
        if t.lang not in ("th", "ko") and not (
            last_inner in ",，、:：;…" or between.lstrip(_SPACE)[:1] in ",，،"
        ):
            continue
        if t.lang == "ko":
            if not _KOREAN_CONNECTIVE.fullmatch(between.lstrip()):
                continue
        elif (
            not _UNCASED_ATTRIBUTION_END.search(between)
            or uncased_tables.END.search(core)
            or (verb := uncased_tables.find_verb(core, t, last=False)) is None
            or _content_clause(core[verb[1] :], t)
        ):
            continue
        b.prev = a.key
        offset = text.index(core, a.end)
        state.attributions.append((a.key, a.paragraph, offset, offset + len(core)))


# --- dialogue dash lines, and the dash lists that are not dialogue ---------------------


def _ends_like_list_item(text: str) -> bool:
    end = text.rstrip()[-1:]
    return end in ";," or end.isalnum() or end in ")%"


# A dash line that opens after a sentence inside a paragraph: "… na nocne dyżury. – Nie
# możemy ryzykować … – powiedziała dyrektorka." (the Polish and Scandinavian agencies).
_INNER_DIALOGUE = re.compile(r"(?<=[.!?…])[ \u00a0]+([—–―])[ \u00a0]+(?=[^\W\d_]|[¿¡«„“\"])")


def _inner_dialogue(text: str, t: Tables) -> tuple[int, list[_Incise]] | None:
    """(where the dash is, its attributions) for the first dash line that opens after a
    sentence inside ``text`` and has an attribution with a speech verb (a dash after a
    sentence without one may be a parenthesis or a list), else None."""
    end = len(text.rstrip())
    for m in _INNER_DIALOGUE.finditer(text):
        dash = m.start(1)
        incises = _dash_incises(text, dash + 1, end, t) or _comma_incises(
            text, dash + 1, end, t, allow_tail=True
        )
        if incises:
            return dash, incises
    return None


def _dialogue_paragraphs(paragraphs: list[str], t: Tables) -> dict[int, tuple[int, list[_Incise]]]:
    """Paragraph index -> where its dialogue starts (0 for a dash line, the dash for one
    inside the paragraph) and the dash attributions of the dash lines that are
    dialogue."""
    out: dict[int, tuple[int, list[_Incise]]] = {}
    if not t.dialogue_dash:
        return out
    n = len(paragraphs)
    i = 0
    while i < n:
        if not _DIALOGUE_START.match(paragraphs[i]):
            i += 1
            continue
        j = i
        while j < n and _DIALOGUE_START.match(paragraphs[j]):
            j += 1
        run = list(range(i, j))
        incises = {}
        for k in run:
            end = len(paragraphs[k].rstrip())
            incises[k] = _dash_incises(paragraphs[k], 1, end, t) or _comma_incises(
                paragraphs[k], 1, end, t, allow_tail=True
            )
        intro = paragraphs[i - 1].rstrip() if i > 0 else ""
        intro_speech = False
        if intro.endswith(":"):
            last = re.split(r"[.!?…][ \u00a0]", intro)[-1]
            intro_speech = bool(t.speech_verbs.find(words(last)))
        list_like = sum(1 for k in run if _ends_like_list_item(paragraphs[k]))
        is_list = (intro.endswith(":") and not intro_speech) or 2 * list_like >= len(run)
        for k in run:
            if incises[k] or not is_list:
                out[k] = (0, incises[k])
        i = j
    for k, text in enumerate(paragraphs):
        if k not in out and not _DIALOGUE_START.match(text):
            inner = _inner_dialogue(text, t)
            if inner is not None:
                out[k] = inner
    return out


def _inside_quotation(at: int, quotes: list[_Span]) -> bool:
    """True when offset ``at`` is inside one of ``quotes`` or in the attribution between
    two parts of one (« A, — сказаў ён. — B »)."""
    by_key = {q.key: q for q in quotes}
    for q in quotes:
        if q.start < at < q.end:
            return True
        before = by_key.get(q.prev) if q.prev is not None else None
        if before is not None and before.end <= at <= q.start:
            return True
    return False


def _dialogue_spans(state: _State, paragraphs: list[str], t: Tables) -> None:
    """Speech parts of dash lines, split at attributions."""
    by_paragraph: dict[int, list[_Span]] = {}
    for s in state.spans:
        if s.kind == "quote":
            by_paragraph.setdefault(s.paragraph, []).append(s)
    for k, (opening, incises) in sorted(_dialogue_paragraphs(paragraphs, t).items()):
        text = paragraphs[k]
        pno = k + 1
        quotes = by_paragraph.get(pno, [])
        usable: list[_Incise] = []
        for f in incises:
            if any(q.start < f.attr_start < q.end for q in quotes):
                break  # the dash is inside a quotation (not a quotation in the attribution)
            usable.append(f)
        if opening and _inside_quotation(opening, quotes):
            continue  # the dash is inside a quotation, or between two of its parts
        pieces: list[tuple[int, int]] = []
        start = opening
        for f in usable:
            pieces.append((start, f.cut))
            if f.resume is None:
                start = -1
                break
            spaced = f.dash is not None and f.dash + 1 < len(text) and text[f.dash + 1] in _SPACE
            start = f.dash if spaced and f.dash is not None else f.resume
        if start >= 0:
            pieces.append((start, len(text.rstrip())))
        prev: int | None = None
        for idx, (s0, s1) in enumerate(pieces):
            if s1 <= s0:
                break
            crosses = any(
                not (s0 <= q.start and q.end <= s1) and not (q.end <= s0 or s1 <= q.start)
                for q in quotes
            )
            if crosses:
                break
            if idx and idx < len(usable) and _replied(text, usable[idx - 1], usable[idx], t):
                prev = None
            span = _Span(state.new_key(), "dialogue", pno, s0, s1, None, None, prev)
            state.spans.append(span)
            if idx < len(usable):
                f = usable[idx]
                state.attributions.append((span.key, pno, f.attr_start, f.attr_end))
            prev = span.key


# --- the finder -----------------------------------------------------------------------


def find_parts(
    paragraphs: list[str], *, lang: str | None = None, marks_only: bool = False
) -> Found:
    """Find the quotation parts of a document whose paragraph texts are given in order.

    ``lang`` (BCP 47) chooses the word tables (speech verbs for attributions; whether
    dash lines can be dialogue); ``None`` uses all tables. ``marks_only`` pairs the
    marks and stops there (no attributions, links or dialogue: language-neutral).
    Deterministic; the parts come in document order (an enclosing part before the parts
    inside it), numbered q1, q2 ...
    """
    t = tables_for(lang)
    state = _paired(paragraphs)
    if marks_only:
        return _number(state, paragraphs)
    _split_incises(state, paragraphs, t)
    if lang is not None and uncased_tables.handles(lang):
        _link_uncased(state, paragraphs, uncased_tables.tables()[lang])
    else:
        _link_interruptions(state, paragraphs, t)
    _dialogue_spans(state, paragraphs, t)
    return _number(state, paragraphs)


# The marks of the last document paired: (its paragraphs, its spans, its issues, the
# next key). Pairing is language-neutral, and annotate_document() pairs every document
# twice (marks only, to cut quotations out before identifying the language, then with
# the language's tables): the second time starts from copies of the first's spans.
_LAST_PAIRED: tuple[tuple[str, ...], tuple[_Span, ...], tuple[QuoteIssue, ...], int] | None = None


def _copy_span(s: _Span) -> _Span:
    return _Span(
        s.key, s.kind, s.paragraph, s.start, s.end, s.marks, s.parent, s.prev, s.chain, s.depth
    )


def _paired(paragraphs: list[str]) -> _State:
    """The state after the marks of every paragraph are paired (see _pair_paragraph);
    what the later steps read of it: the spans, the issues and the next key."""
    global _LAST_PAIRED
    key = tuple(paragraphs)
    last = _LAST_PAIRED
    if last is not None and last[0] == key:
        _, spans, issues, next_key = last
        return _State([_copy_span(s) for s in spans], list(issues), next_key=next_key)
    state = _State()
    carried: _Open | None = None
    for index, text in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        carried = _pair_paragraph(state, index + 1, text, following, carried)
    _LAST_PAIRED = (
        key,
        tuple(_copy_span(s) for s in state.spans),
        tuple(state.issues),
        state.next_key,
    )
    return state


def _number(state: _State, paragraphs: list[str]) -> Found:
    """Number the spans in document order and build the parts."""
    spans = state.spans
    dialogue: dict[int, list[_Span]] = {}
    for s in spans:
        if s.kind == "dialogue":
            dialogue.setdefault(s.paragraph, []).append(s)
    if dialogue:
        # Dialogue parts enclose the quotations inside them.
        for q in spans:
            if q.kind == "quote" and q.parent is None:
                for d in dialogue.get(q.paragraph, ()):
                    if d.start <= q.start and q.end <= d.end:
                        q.parent = d.key
    by_key = {s.key: s for s in spans}
    for span in spans:
        depth, parent = 0, span.parent
        while parent is not None and parent in by_key:
            depth += 1
            parent = by_key[parent].parent
        span.depth = depth
    ordered = sorted(spans, key=lambda s: (s.paragraph, s.start, s.start - s.end, s.depth, s.key))
    ids = {s.key: f"q{n}" for n, s in enumerate(ordered, start=1)}
    nexts = {s.prev: s.key for s in ordered if s.prev is not None and s.prev in ids}
    parts = tuple(
        QuotationPart(
            id=ids[s.key],
            kind=s.kind,
            start=Position(s.paragraph, s.start),
            end=Position(s.paragraph, s.end),
            text=paragraphs[s.paragraph - 1][s.start : s.end],
            depth=s.depth,
            marks=s.marks,
            parent=ids.get(s.parent) if s.parent is not None else None,
            prev=ids.get(s.prev) if s.prev is not None else None,
            next=ids.get(nexts[s.key]) if s.key in nexts else None,
        )
        for s in ordered
    )
    attributions = tuple(
        sorted(
            (Attribution(ids[key], p, a, b) for key, p, a, b in state.attributions if key in ids),
            key=lambda a: (a.paragraph, a.start),
        )
    )
    issues = tuple(sorted(state.issues, key=lambda i: (i.paragraph, i.offset)))
    return Found(parts, issues, attributions)


_FIELD_NAMES = tuple(f.name for f in fields(QuotationPart))
_PART_FIELDS = frozenset(_FIELD_NAMES)


def with_fields(part: QuotationPart, **changes: Any) -> QuotationPart:
    """A copy of ``part`` with some fields changed (for the later stages)."""
    if not changes.keys() <= _PART_FIELDS:
        return replace(part, **changes)  # its error for a field the part does not have
    # The constructor called directly, with the fields in their declared order:
    # dataclasses.replace() walks the fields in Python for every part, and the later
    # stages copy every part of every document.
    get = changes.get
    return QuotationPart(*[get(name, getattr(part, name)) for name in _FIELD_NAMES])
