"""Every limit, tested on both sides of its boundary: the last value accepted and the
first refused (N and N+1), so that a ``<`` written as ``<=`` is noticed.

Limits: ``max_seed_bytes`` (both the reader and the decoder), ``max_paragraph_chars``,
``earliest_date`` and today, the near-duplicate threshold, the long-word length (200),
the title length (160) and its word-boundary cut, the number of forbidden characters
reported (5), the canonical JSON size (16 x max_seed_bytes), the sequence number's
digits (3) and the hash part's (16).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from corpus_tools.annotate import make_title as annotate_title
from corpus_tools.checks import check_json
from corpus_tools.config import Config
from corpus_tools.rules import Summary, _near, corpus_rules
from corpus_tools.seeds import convert_seed, read_seed

NAME = "seeds/001_0123456789abcdef.txt"
HEADER = " date 2025-05-14 "
LEAD = "The council met on Monday."


def _codes(data: bytes | str, config: Config | None = None) -> list[str]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return [d.code for d in convert_seed(raw, NAME, config or Config()).diagnostics]


def _seed_of(size: int) -> bytes:
    """A valid seed of exactly ``size`` bytes (a lead, then a paragraph of words)."""
    head = f"{HEADER}{LEAD}\n\n".encode()
    body = (b"word " * size)[: size - len(head) - 2] + b"s"
    return head + body + b"\n"


# --- max_seed_bytes -------------------------------------------------------------------


@pytest.mark.parametrize(("limit", "too_large"), [(300, False), (299, True)])
def test_seed_size_limit_in_the_decoder(limit: int, too_large: bool) -> None:
    assert len(_seed_of(300)) == 300
    codes = _codes(_seed_of(300), Config(max_seed_bytes=limit))
    assert codes == (["seed-too-large"] if too_large else [])


@pytest.mark.parametrize(("limit", "too_large"), [(300, False), (299, True)])
def test_seed_size_limit_in_the_reader(tmp_path: Path, limit: int, too_large: bool) -> None:
    path = tmp_path / NAME
    path.parent.mkdir()
    path.write_bytes(_seed_of(300))
    res = read_seed(path, tmp_path, Config(max_seed_bytes=limit))
    assert [d.code for d in res.diagnostics] == (["seed-too-large"] if too_large else [])
    if too_large:
        assert res.diagnostics[0].message == "the file has 300 bytes; the limit is 299"
        assert res.size == 300
    else:
        assert res.document is not None


def test_canonical_json_at_exactly_the_limit(tmp_path: Path) -> None:
    body = b'{"x": "' + b"y" * (160 - 9) + b'"}'
    assert len(body) == 160
    path = tmp_path / "doc.json"
    path.write_bytes(body)
    # A canonical document may be 16 times the seed limit: 160 bytes are read, 161 not.
    at = check_json(path, tmp_path, Config(max_seed_bytes=10))
    assert "seed-too-large" not in [d.code for d in at.diagnostics]
    path.write_bytes(body[:-2] + b'y"}')  # 161 bytes
    over = check_json(path, tmp_path, Config(max_seed_bytes=10))
    assert [d.code for d in over.diagnostics] == ["seed-too-large"]


# --- max_paragraph_chars --------------------------------------------------------------


@pytest.mark.parametrize(("chars", "too_long"), [(40, False), (41, True)])
def test_paragraph_limit(chars: int, too_long: bool) -> None:
    para = "ў" * chars  # two bytes each: the limit counts characters
    codes = _codes(f"{HEADER}{LEAD}\n\n{para}\n", Config(max_paragraph_chars=40))
    assert ("seed-paragraph-too-long" in codes) is too_long


def test_a_lead_at_the_paragraph_limit() -> None:
    lead = "The council met on Monday and the mayor spoke."
    assert len(lead) == 46
    assert _codes(f"{HEADER}{lead}\n", Config(max_paragraph_chars=46)) == []
    assert _codes(f"{HEADER}{lead}\n", Config(max_paragraph_chars=45)) == [
        "seed-paragraph-too-long"
    ]


# --- earliest_date and today ------------------------------------------------------------


def _dated(date: str) -> Summary:
    return Summary("a.txt", "001_a", 1, "a", "s", "t", (), date, 1, 7)


@pytest.mark.parametrize(
    ("date", "codes"),
    [("1990-12-31", ["date-too-early"]), ("1991-01-01", []), ("1991-01-02", [])],
)
def test_earliest_date_is_allowed_the_day_before_is_not(date: str, codes: list[str]) -> None:
    found = corpus_rules([_dated(date)], Config(earliest_date="1991-01-01"), dt.date(2025, 1, 1))
    assert [d.code for d in found] == codes


@pytest.mark.parametrize(
    ("date", "codes"),
    [("2025-06-30", []), ("2025-07-01", []), ("2025-07-02", ["date-in-future"])],
)
def test_today_is_allowed_tomorrow_is_not(date: str, codes: list[str]) -> None:
    found = corpus_rules([_dated(date)], Config(), dt.date(2025, 7, 1))
    assert [d.code for d in found] == codes


# --- the near-duplicate threshold ---------------------------------------------------------


@pytest.mark.parametrize(
    ("mine", "other", "near"),
    [
        ((1, 2, 3, 4), (1, 2, 7, 8), True),  # half of four: 2 * 2 >= 4
        ((1, 2, 3, 4), (1, 6, 7, 8), False),  # one shared: below two
        ((1, 2, 3), (1, 2, 7, 8), True),  # the longer sketch counts: 2 * 2 >= 4
        ((1, 2, 3, 4, 5), (1, 2, 7, 8, 9), False),  # 2 * 2 < 5
        ((1, 2, 3, 4, 5), (1, 2, 3, 8, 9), True),  # 3 * 2 >= 5
        ((1, 2), (1, 2), True),  # two shared: the least that counts
        ((1,), (1,), False),  # one shared, whatever the share
        ((1, 1, 2, 3), (1, 2), True),  # repeated values count once in mine
    ],
)
def test_near_duplicate_threshold(
    mine: tuple[int, ...], other: tuple[int, ...], near: bool
) -> None:
    assert _near(mine, other) is near
    assert _near(other, mine) is near


# --- seed-long-word -------------------------------------------------------------------------


@pytest.mark.parametrize(("run", "warned"), [(200, False), (201, True)])
def test_long_word_length(run: int, warned: bool) -> None:
    codes = _codes(f"{HEADER}{LEAD}\n\nSee {'b' * run} here.\n")
    assert ("seed-long-word" in codes) is warned


@pytest.mark.parametrize(("run", "warned"), [(200, False), (201, True)])
def test_long_word_alone_in_a_paragraph(run: int, warned: bool) -> None:
    # The paragraph is the run itself: its length is the run's, on both sides.
    codes = _codes(f"{HEADER}{LEAD}\n\n{'b' * run}\n")
    assert ("seed-long-word" in codes) is warned


def test_long_word_found_in_a_later_paragraph_once() -> None:
    text = f"{HEADER}{LEAD}\n\n{'b' * 201}\n\n{'c' * 300}\n"
    res = convert_seed(text.encode(), NAME, Config())
    assert [(d.code, d.line, d.column) for d in res.diagnostics] == [("seed-long-word", 3, 1)]


# --- the title ------------------------------------------------------------------------


def make_title(lead: str) -> tuple[str, str]:
    """The title and its source, as the converter makes them for an English lead."""
    found = annotate_title(lead, lang="en")
    return found.title, found.title_source


def test_a_sentence_of_160_characters_is_the_whole_title() -> None:
    sentence = ("abcd " * 32)[:159] + "."
    assert len(sentence) == 160
    assert make_title(sentence) == (sentence, "first-sentence")


def test_a_sentence_of_161_characters_is_cut_at_a_word_boundary() -> None:
    sentence = ("abcd " * 33)[:160] + "."
    assert len(sentence) == 161
    title, source = make_title(sentence)
    assert source == "first-sentence-truncated"
    # The last space before character 160 is at 159: the cut keeps 159 characters.
    assert title == sentence[:159].rstrip() + "…"


@pytest.mark.parametrize(("space", "cut"), [(80, 80), (79, 159)])
def test_the_cut_falls_back_to_a_hard_cut_before_half_the_length(space: int, cut: int) -> None:
    # One space only: at 80 (half of 160) it is the cut; at 79 the title is cut at 159.
    sentence = "a" * space + " " + "b" * (200 - space)
    title, source = make_title(sentence)
    assert source == "first-sentence-truncated"
    assert title == sentence[:cut] + "…"


# --- counts and name parts ------------------------------------------------------------------


@pytest.mark.parametrize(("bad", "reported"), [(5, 5), (6, 5), (4, 4)])
def test_forbidden_characters_are_reported_five_at_most(bad: int, reported: int) -> None:
    codes = _codes(f"{HEADER}{LEAD}{chr(7) * bad}\n")
    assert codes == ["seed-forbidden-char"] * reported


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("seeds/01_0123456789abcdef.txt", False),
        ("seeds/001_0123456789abcdef.txt", True),
        ("seeds/1000_0123456789abcdef.txt", True),
        ("seeds/001_0123456789abcde.txt", False),
        ("seeds/001_0123456789abcdef0.txt", False),
    ],
)
def test_name_digits(name: str, ok: bool) -> None:
    res = convert_seed(f"{HEADER}{LEAD}\n".encode(), name, Config())
    assert ([d.code for d in res.diagnostics] == []) is ok


def test_json_limit_message_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"x": "y" * 40}), encoding="utf-8")
    (d,) = check_json(path, tmp_path, Config(max_seed_bytes=1)).diagnostics
    assert d.message == "the file is larger than 16 bytes, the limit for one canonical document"
