"""Stage 3, paragraphs: lines into paragraphs (wrapped lines joined), and their limits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus_tools.seeds.findings import Findings
from corpus_tools.seeds.header import Header

# Trimmed from the ends of lines: Unicode white space as str.isspace() sees it, plus
# U+FEFF (a byte order mark left inside pasted text), which the schema's ECMA-262 \s
# also counts as space.
EDGE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
LONG_WORD_MAX = 200
_LONG_WORD = re.compile(r"\S{201,}")


@dataclass(slots=True)
class Para:
    """One paragraph as the trimmed pieces of its seed lines, each with where it starts."""

    line: int
    pieces: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, text)

    @property
    def column(self) -> int:
        """The seed column of the paragraph's first character."""
        return self.pieces[0][1]

    def joined(self) -> str:
        """The paragraph's text: its lines joined with one space."""
        return " ".join(piece[2] for piece in self.pieces)

    def locate(self, offset: int) -> tuple[int, int]:
        """Seed line and column of a character offset in the joined text."""
        pos = 0
        for line, col, piece in self.pieces:
            if offset <= pos + len(piece):
                return line, col + max(offset - pos, 0)
            pos += len(piece) + 1
        line, col, piece = self.pieces[-1]
        return line, col + len(piece)


def split_paragraphs(lines: list[str], header: Header, findings: Findings) -> list[Para]:
    """The paragraphs from the lead on; none (with the finding) when there is no text."""
    paras: list[Para] = []
    current: Para | None = None
    blank_run = 0
    first = header.index
    starts = [(first, header.lead_start)] + [(i, 0) for i in range(first + 1, len(lines))]
    for idx, start_col in starts:
        segment = lines[idx][start_col:]
        stripped = segment.strip(EDGE)
        if not stripped:
            if current is not None:
                paras.append(current)
                current = None
            blank_run += 1
            continue
        if blank_run > 1 and paras:
            findings.normalised("blank-lines")
        blank_run = 0
        lead = len(segment) - len(segment.lstrip(EDGE))
        if segment != segment.rstrip(EDGE):
            findings.normalised("trailing-space")
        if lead and idx != first:
            findings.normalised("leading-space")
        if current is None:
            current = Para(idx + 1)
        else:
            findings.normalised("line-join")
        current.pieces.append((idx + 1, start_col + lead + 1, stripped))
    if current is not None:
        paras.append(current)
    if paras and paras[0].line != header.line:
        findings.add(
            "seed-lead-not-on-date-line",
            f"the lead paragraph starts on line {paras[0].line}, not on the date line "
            f"{header.line}",
            paras[0].line,
            1,
            f"move the lead paragraph up onto line {header.line}, after the date and a space",
        )
    if not paras:
        findings.add(
            "seed-missing-body",
            f"no article text follows the date {header.date}",
            header.line,
            header.column + len(header.date),
        )
    return paras


def check_length(para: Para, text: str, max_chars: int, findings: Findings) -> None:
    """A finding when the paragraph's text is longer than the limit."""
    if len(text) > max_chars:
        findings.add(
            "seed-paragraph-too-long",
            f"paragraph has {len(text)} characters; the limit is {max_chars}",
            para.line,
            para.column,
        )


def may_have_long_word(text: str) -> bool:
    """False when no run of characters in the whole text can be too long (one scan)."""
    return len(text) > LONG_WORD_MAX and max(map(len, text.split())) > LONG_WORD_MAX


def check_long_word(para: Para, text: str, findings: Findings) -> None:
    """A warning (once per seed) for a run of more than 200 characters without a space."""
    if findings.warned("seed-long-word") or len(text) <= LONG_WORD_MAX:
        return
    lw = _LONG_WORD.search(text)
    if lw:
        line, col = para.locate(lw.start())
        findings.warn_once(
            "seed-long-word", f"{lw.end() - lw.start()} characters without a space", line, col
        )
