"""Stage 2, header: the ``date YYYY-MM-DD`` that opens a seed, and where the lead starts."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from corpus_tools.seeds.findings import Findings

# The white space allowed around the header's words: what editors and pasted press
# text put there, non-breaking and ideographic spaces included.
HEADER_SPACE = " \t\u00a0\u202f\u2007\u3000"
_HEADER = re.compile(rf"^(?P<lead>[{HEADER_SPACE}]*)date(?:[{HEADER_SPACE}]+|$)")
_TOKEN = re.compile(r"\S+")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATE_LIKE = re.compile(r"^(?:date$|[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}[,;.]?$)")


@dataclass(frozen=True, slots=True)
class Header:
    """The date header: its line, the date and where it is, and where the lead starts."""

    index: int  # 0-based index of the header among the lines
    date: str
    line: int
    column: int
    lead_start: int  # offset in the header line of the first character after the date


def read_header(lines: list[str], findings: Findings) -> Header | None:
    """The header of a seed's lines (blank lines before it tolerated), else None."""
    first = 0
    while not lines[first].strip():
        first += 1
    head = lines[first]
    hm = _HEADER.match(head)
    if not hm:
        token = _TOKEN.search(head)
        what = f"found {token.group()[:30]!r}" if token else "found nothing"
        findings.add(
            "seed-missing-date",
            f"line {first + 1} must start with 'date YYYY-MM-DD'; {what}",
            first + 1,
            token.start() + 1 if token else 1,
        )
        return None
    pos = hm.end()
    tok = _TOKEN.match(head, pos) if pos < len(head) else None
    if tok is None:
        findings.add("seed-malformed-date", "'date' is not followed by a date", first + 1, pos + 1)
        return None
    raw_date = tok.group()
    column = tok.start() + 1
    if not _ISO_DATE.match(raw_date):
        findings.add(
            "seed-malformed-date",
            f"date {raw_date[:40]!r} is not written as YYYY-MM-DD",
            first + 1,
            column,
        )
        return None
    try:
        dt.date.fromisoformat(raw_date)
    except ValueError:
        findings.add(
            "seed-invalid-date",
            f"date {raw_date} does not exist in the calendar",
            first + 1,
            column,
            _date_hint(raw_date),
        )
        return None
    lead_start = tok.end()
    while lead_start < len(head) and head[lead_start] in HEADER_SPACE:
        lead_start += 1
    return Header(first, raw_date, first + 1, column, lead_start)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in HEADER_SPACE:
        pos += 1
    return pos


def _date_hint(raw: str) -> str:
    """A hint that fits what is wrong with a YYYY-MM-DD that is not a calendar date."""
    year, month, day = (int(part) for part in raw.split("-"))
    if year == 0:
        return "the year 0000 does not exist: write the year of publication"
    if not 1 <= month <= 12:
        return f"the month is {month:02d}; months run from 01 to 12 (is it YYYY-DD-MM?)"
    last = calendar.monthrange(year, month)[1]
    name = calendar.month_name[month]
    if day == 0:
        return f"the day is 00; days run from 01 to {last:02d} in {name} {year}"
    return f"{name} {year} has {last} days: the day must be 01 to {last:02d}"


def has_second_date(lines: list[str], header: Header, findings: Findings) -> bool:
    """True (with the finding) when the lead starts with another date, or with the word
    ``date`` followed by one (a lead may well start with the word: "date palms")."""
    head = lines[header.index]
    nxt = _TOKEN.match(head, header.lead_start)
    second = nxt.group() if nxt else ""
    if nxt and nxt.group() == "date":
        after = _TOKEN.match(head, _skip_space(head, nxt.end()))
        if after is None or not _DATE_LIKE.match(after.group()) or after.group() == "date":
            return False
        second = head[nxt.start() : after.end()]  # the word and its date, not 'date' alone
    if nxt and _DATE_LIKE.match(nxt.group()):
        findings.add(
            "seed-duplicate-date",
            f"a second date {second[:40]!r} follows the date {header.date}",
            header.line,
            nxt.start() + 1,
        )
        return True
    return False
