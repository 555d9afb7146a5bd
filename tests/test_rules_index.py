"""The streamed, SQLite-backed corpus rules against a plain in-memory oracle.

``oracle`` is a copy of the in-memory algorithm the streamed rules replace (sort every
summary, then one pass with a dict per rule and a sketch index), kept here so the
comparison outlives it; ``test_oracle_matches_validation`` checks the copy against the
original while the original is still there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_tools import rules
from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic
from corpus_tools.rules import CorpusRules, Summary, corpus_rules

TODAY = dt.date(2024, 6, 1)
CONFIG = Config()

# --- the oracle ------------------------------------------------------------------------

_ORACLE_RULES: tuple[
    tuple[str, Callable[[Summary], object], Callable[[Summary, Summary], str], bool, bool],
    ...,
] = (
    (
        "duplicate-id",
        lambda s: s.id,
        lambda s, f: f"id {s.id} is also used by {f.path}",
        True,
        True,
    ),
    (
        "duplicate-file",
        lambda s: s.sha256,
        lambda s, f: f"the file is byte-identical to {f.path}",
        False,
        True,
    ),
    (
        "duplicate-hash",
        lambda s: s.hash,
        lambda s, f: f"hash part {s.hash} is also used by {f.path} (sequence {f.seq} and {s.seq})",
        False,
        False,
    ),
    (
        "duplicate-text",
        lambda s: s.text_hash,
        lambda s, f: f"the text is the same as that of {f.path}",
        True,
        True,
    ),
    (
        "sequence-repeat",
        lambda s: s.seq,
        lambda s, f: f"sequence number {s.seq} is also used by {f.path}",
        False,
        False,
    ),
)


def _oracle_near(s: Summary, ordered: list[Summary], index: dict[int, list[int]]) -> Summary | None:
    mine = set(s.sketch)
    seen: set[int] = set()
    for value in s.sketch[:2]:
        for j in index.get(value, ()):
            if j in seen:
                continue
            seen.add(j)
            other = ordered[j]
            shared = len(mine & set(other.sketch))
            if shared >= 2 and shared * 2 >= max(len(mine), len(other.sketch)):
                return other
    return None


def oracle(summaries: list[Summary], config: Config, today: dt.date) -> list[Diagnostic]:
    """The corpus rules as the in-memory implementation applied them."""
    # The original compared summaries by identity: give it one object per entry.
    summaries = [dataclasses.replace(s) for s in summaries]
    diags: list[Diagnostic] = []
    today_s = today.isoformat()
    earliest = config.earliest_date
    seen: list[dict[object, Summary]] = [{} for _ in _ORACLE_RULES]
    index: dict[int, list[int]] = {}
    ordered = sorted(summaries, key=lambda s: (s.path, s.date_line or 0))
    for i, s in enumerate(ordered):
        if s.date is not None:
            if s.date > today_s:
                message = f"date {s.date} is after today ({today_s})"
                diags.append(
                    Diagnostic("date-in-future", s.path, message, s.date_line, s.date_column)
                )
            elif s.date < earliest:
                message = f"date {s.date} is before the corpus's earliest date {earliest}"
                diags.append(
                    Diagnostic("date-too-early", s.path, message, s.date_line, s.date_column)
                )
        duplicate = False
        for (code, key, message_of, at_line, final), firsts in zip(
            _ORACLE_RULES, seen, strict=True
        ):
            value = key(s)
            if value is None:
                continue
            first = firsts.setdefault(value, s)
            if first is not s:
                line = s.date_line if at_line else None
                diags.append(
                    Diagnostic(
                        code, s.path, message_of(s, first), line, None, related=(first.path,)
                    )
                )
                if final:
                    duplicate = True
                    break
        if duplicate:
            continue
        if s.sketch:
            near = _oracle_near(s, ordered, index)
            if near is not None:
                diags.append(
                    Diagnostic(
                        "near-duplicate",
                        s.path,
                        f"the text is nearly the same as that of {near.path}",
                        s.date_line,
                        None,
                        related=(near.path,),
                    )
                )
            for value in s.sketch[:2]:
                index.setdefault(value, []).append(i)
    by_seq = {k: v for k, v in seen[-1].items() if isinstance(k, int)}
    seqs = sorted(by_seq)
    for a, b in itertools.pairwise(seqs):
        if b - a > 1:
            missing = f"{a + 1}" if b - a == 2 else f"{a + 1} to {b - 1}"
            diags.append(
                Diagnostic(
                    "sequence-gap",
                    by_seq[b].path,
                    f"sequence number {b} follows {a}; {missing} missing",
                    None,
                    None,
                )
            )
    return diags


# --- helpers ---------------------------------------------------------------------------


def S(
    path: str,
    id: str | None = None,
    seq: int | None = None,
    hash: str | None = None,
    sha256: str | None = None,
    text_hash: str | None = None,
    sketch: tuple[int, ...] = (),
    date: str | None = None,
    date_line: int | None = None,
    date_column: int | None = None,
) -> Summary:
    """A summary with everything not given left out (None, or an empty sketch)."""
    return Summary(path, id, seq, hash, sha256, text_hash, sketch, date, date_line, date_column)


def _streamed(summaries: list[Summary], config: Config = CONFIG) -> list[Diagnostic]:
    return corpus_rules(summaries, config, TODAY)


def check(summaries: list[Summary], config: Config = CONFIG) -> list[Diagnostic]:
    """Assert the streamed rules find what the oracle finds; return the findings."""
    got = _streamed(summaries, config)
    want = oracle(summaries, config, TODAY)
    assert Counter(got) == Counter(want)
    return sorted(want, key=repr)


def codes(found: list[Diagnostic]) -> list[tuple[str, str, str]]:
    return sorted((d.code, d.file, d.related[0] if d.related else "") for d in found)


# --- hand-written cases ----------------------------------------------------------------


def test_no_summaries() -> None:
    with CorpusRules(CONFIG, TODAY) as r:
        assert r.findings() == []
    assert check([]) == []


def test_dates() -> None:
    found = check(
        [
            S("a.txt", date="2030-01-01", date_line=1, date_column=7),
            S("b.txt", date="1850-05-05", date_line=2, date_column=7),
            S("c.txt", date="2000-01-01", date_line=1),
            S("d.json", date=TODAY.isoformat()),
        ]
    )
    assert [(d.code, d.file, d.line, d.column) for d in found] == [
        ("date-in-future", "a.txt", 1, 7),
        ("date-too-early", "b.txt", 2, 7),
    ]
    early = check([S("b.txt", date="1950-01-01")], Config(earliest_date="1960-01-01"))
    assert [d.code for d in early] == ["date-too-early"]


def test_today_defaults_to_the_current_date() -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    found = corpus_rules([S("a.txt", date=tomorrow)], CONFIG, None)
    assert [d.code for d in found] == ["date-in-future"]


@pytest.mark.parametrize(
    ("field", "code"),
    [
        ("id", "duplicate-id"),
        ("sha256", "duplicate-file"),
        ("hash", "duplicate-hash"),
        ("text_hash", "duplicate-text"),
    ],
)
def test_each_uniqueness_rule(field: str, code: str) -> None:
    values: dict[str, str | None] = {f: None for f in ("id", "sha256", "hash", "text_hash")}
    values[field] = "same"
    summaries = [
        S(
            path,
            id=values["id"],
            sha256=values["sha256"],
            hash=values["hash"],
            text_hash=values["text_hash"],
            date_line=1,
        )
        for path in ("a.txt", "b.txt", "c.txt")
    ]
    found = check(summaries)
    assert codes(found) == [(code, "b.txt", "a.txt"), (code, "c.txt", "a.txt")]


def test_sequence_repeat_and_gaps() -> None:
    found = check(
        [S("a.txt", seq=1), S("b.txt", seq=1), S("c.txt", seq=3), S("d.txt", seq=7), S("e")]
    )
    assert sorted(d.message for d in found) == [
        "sequence number 1 is also used by a.txt",
        "sequence number 3 follows 1; 2 missing",
        "sequence number 7 follows 3; 4 to 6 missing",
    ]


def test_huge_and_negative_sequence_numbers() -> None:
    big = 10**30
    found = check(
        [
            S("a", seq=big + 3),
            S("b", seq=big),
            S("c", seq=2**63 - 1),
            S("d", seq=-(10**25)),
            S("e", seq=-5),
            S("f", seq=big),
        ]
    )
    assert sum(d.code == "sequence-gap" for d in found) == 4


def test_hash_collisions_are_told_apart() -> None:
    # hash(-1) == hash(-2) and hash(2**61) == hash(1): the database holds hashes, the
    # comparison must still be exact.
    assert hash(-1) == hash(-2)
    assert hash(2**61) == hash(1)
    found = check(
        [
            S("a", seq=-1, sketch=(-1, 5, 6)),
            S("b", seq=-2, sketch=(-2, 5, 6)),
            S("c", seq=2**61, sketch=(-2, 2**61, 7)),
            S("d", seq=1, sketch=(-1, 1, 7)),
            S("e", seq=-2, sketch=(-2, 1, 7)),
        ]
    )
    assert ("sequence-repeat", "e", "b") in codes(found)
    assert not any(d.code == "sequence-repeat" and d.file in "bcd" for d in found)


def test_huge_date_lines() -> None:
    # Line numbers past SQLite's 64 bits still order the documents of one path.
    check(
        [
            S("x.jsonl", id="x", date_line=2**70),
            S("x.jsonl", id="x", date_line=-(2**70)),
            S("x.jsonl", id="x", date_line=2**64),
            S("x.jsonl", id="x", date_line=5),
            S("x.jsonl", id="x", date_line=-(2**65)),
        ]
    )


def test_order_is_path_then_date_line_then_input() -> None:
    # The earlier document (by path, then date line) is the "first": input order is not.
    check([S("b.txt", id="x", date_line=1), S("a.txt", id="x", date_line=9)])
    jsonl = [
        S("all.jsonl", id="x", date_line=3),
        S("all.jsonl", id="x", date_line=2),
        S("all.jsonl", id="x", date_line=None),
        S("all.jsonl", id="x", date_line=0),
    ]
    found = check(jsonl)
    assert sorted(d.line or 0 for d in found) == [0, 2, 3]


def test_final_rule_stops_the_later_rules() -> None:
    found = check(
        [
            S("a", id="x", sha256="s", hash="h", text_hash="t", seq=1, sketch=(1, 2, 3, 4)),
            S("b", id="x", sha256="s", hash="h", text_hash="t", seq=1, sketch=(1, 2, 3, 4)),
            # A duplicate file claims no values: c's hash and seq are first for "c" onwards.
            S("c", sha256="s", hash="h2", seq=2, sketch=(5, 6)),
            S("d", hash="h2", seq=2),
        ]
    )
    assert codes(found) == [
        ("duplicate-file", "c", "a"),
        ("duplicate-id", "b", "a"),
    ]


def test_non_final_rules_go_on() -> None:
    found = check(
        [
            S("a", hash="h", seq=1, text_hash="t", sketch=(1, 2, 3)),
            S("b", hash="h", seq=1, text_hash="t2", sketch=(1, 2, 3)),
            S("c", hash="h", seq=1, text_hash="t", sketch=(1, 2, 3)),
        ]
    )
    assert codes(found) == [
        ("duplicate-hash", "b", "a"),
        ("duplicate-hash", "c", "a"),
        ("duplicate-text", "c", "a"),
        ("near-duplicate", "b", "a"),
        ("sequence-repeat", "b", "a"),
    ]


def test_duplicate_hash_message_with_missing_sequence_numbers() -> None:
    found = check([S("a", hash="h"), S("b", hash="h", seq=4)])
    assert [d.message for d in found] == ["hash part h is also used by a (sequence None and 4)"]


def test_duplicates_leave_the_sequence_gaps() -> None:
    # b's number 2 never registers (duplicate id), so 3 follows 1 with 2 missing.
    found = check([S("a", id="x", seq=1), S("b", id="x", seq=2), S("c", seq=3)])
    assert codes(found) == [("duplicate-id", "b", "a"), ("sequence-gap", "c", "")]


def test_near_duplicates() -> None:
    found = check(
        [
            S("a", sketch=(1, 2, 3, 4)),
            S("b", sketch=(1, 2, 8, 9)),  # half shared
            S("c", sketch=(1, 9)),  # shares 1 and 9 with b only
            S("d", sketch=(1, 5, 6, 7)),  # one shared value is not enough
            S("e", sketch=(1,)),  # too short to share two
            S("f", sketch=(3, 4, 20, 21)),  # shares 3 and 4, but not by its first two values
        ]
    )
    assert codes(found) == [("near-duplicate", "b", "a"), ("near-duplicate", "c", "b")]


def test_near_duplicate_chain_and_candidate_order() -> None:
    # Candidates come by the first sketch value, then the second, each in order: zz
    # matches z (by its first value) although y, earlier, matches too (by the second).
    found = check(
        [
            S("y", sketch=(6, 9, 10)),
            S("z", sketch=(5, 9, 10)),
            S("zz", sketch=(5, 6, 9, 10)),
        ]
    )
    assert codes(found) == [("near-duplicate", "z", "y"), ("near-duplicate", "zz", "z")]
    chain = [S(f"{i:03}", sketch=(i, i + 1, i + 2)) for i in range(20)]
    found = check(chain)
    assert len(found) == 19


def test_near_duplicate_search_skips_final_duplicates() -> None:
    found = check(
        [
            S("a", id="x", sketch=(1, 2, 3)),
            S("b", id="x", sketch=(1, 2, 3)),
            S("c", text_hash="t", sketch=(7, 8)),
            S("d", text_hash="t", sketch=(7, 8)),
            S("e", sketch=(7, 8)),
        ]
    )
    assert codes(found) == [
        ("duplicate-id", "b", "a"),
        ("duplicate-text", "d", "c"),
        ("near-duplicate", "e", "c"),
    ]


def test_repeated_and_unsorted_sketch_values() -> None:
    # Not what sketch() makes, but the rule is defined on any tuple: the earlier
    # document's length counts its repeats, and the first two values are the first two.
    check(
        [
            S("a", sketch=(3, 3, 1, 2)),
            S("b", sketch=(1, 2, 2)),
            S("c", sketch=(2, 1)),
            S("d", sketch=(3, 1)),
            S("e", sketch=(9, 9, 9)),
            S("f", sketch=(9, 8)),
            S("g", sketch=(2**70, -(2**70), 1)),
            S("h", sketch=(-(2**70), 2**70)),
        ]
    )


def test_json_and_jsonl_summaries() -> None:
    # JSON summaries have no file digest nor date column; failed seeds no text.
    found = check(
        [
            S("x.jsonl", id="a", seq=1, hash="h1", text_hash="t1", sketch=(1, 2), date_line=1),
            S("x.jsonl", id="b", seq=2, hash="h2", text_hash="t1", sketch=(1, 2), date_line=2),
            S("y.json", id="c", seq=2, hash="h3", text_hash="t3", sketch=(1, 2, 3)),
            S("001_bad.txt", seq=1, hash="h1", sha256="f"),
            S("002_bad.txt", seq=5, hash="h5", sha256="f"),
        ]
    )
    assert codes(found) == [
        ("duplicate-file", "002_bad.txt", "001_bad.txt"),
        ("duplicate-hash", "x.jsonl", "001_bad.txt"),
        ("duplicate-text", "x.jsonl", "x.jsonl"),
        ("near-duplicate", "y.json", "x.jsonl"),
        # Line 2's 2 and 002's 5 never register (final duplicates): y's 2 repeats
        # nothing, and no gap follows 2.
        ("sequence-repeat", "x.jsonl", "001_bad.txt"),
    ]


def test_odd_paths_and_values() -> None:
    # Lone surrogates (undecodable file names) and code point order beyond ASCII.
    check(
        [
            S("\udcff.txt", id="\ud800", sketch=(1, 2)),
            S("\U0001f600.txt", id="\ud800", sketch=(1, 2)),
            S("\ue000.txt", id="é", sketch=(1, 2)),
            S("a\x00b", id="é"),
            S("a", id="ids", hash="ids"),
            S("ab", hash="ids"),
        ]
    )


def test_many_summaries_in_batches() -> None:
    summaries = [
        S(
            f"{i % 700:05}.txt",
            id=f"id{i % 1500}",
            seq=i % 2000 if i % 11 else None,
            hash=f"h{i % 1800}",
            sha256=None if i % 3 else f"s{i % 2500}",
            text_hash=f"t{i % 2200}",
            sketch=tuple(sorted({(i * 7) % 4001, (i * 13) % 4003, i % 5, 9000 + i % 3})),
            date_line=i % 4,
        )
        for i in range(9000)
    ]
    check(summaries)


def test_one_object_added_twice_is_two_documents() -> None:
    x = S("a.txt", id="x", sketch=(1, 2, 3))
    found = corpus_rules([x, x], CONFIG, TODAY)
    assert codes(found) == [("duplicate-id", "a.txt", "a.txt")]


def test_findings_once_and_closed() -> None:
    r = CorpusRules(CONFIG, TODAY)
    r.add(S("a", id="x"))
    r.add(S("b", id="x"))
    first = r.findings()
    assert r.findings() == first
    assert len(first) == 1
    with pytest.raises(ValueError, match="after findings"):
        r.add(S("c"))
    r.close()
    r.close()
    assert r.findings() == first
    fresh = CorpusRules(CONFIG, TODAY)
    fresh.close()
    with pytest.raises(ValueError, match="closed"):
        fresh.add(S("a"))
    with pytest.raises(ValueError, match="closed"):
        fresh.findings()


def _sqlite_temp_files() -> int:
    """Open files of this process that are SQLite temporary files."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if "etilqs_" in Path(target.removesuffix(" (deleted)")).name:
            count += 1
    return count


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc/self/fd")
def test_close_removes_the_database() -> None:
    before = _sqlite_temp_files()
    # A tiny page cache: the database has to spill to its file.
    rules_ = CorpusRules(CONFIG, TODAY, cache_kib=64)
    for i in range(3000):
        rules_.add(S(f"{i:06}_{'x' * 100}.txt", id=f"{i}", seq=i, sketch=(i, i + 1)))
    rules_.findings()
    assert _sqlite_temp_files() > before
    rules_.close()
    assert _sqlite_temp_files() == before


def test_rules_module_stands_alone() -> None:
    # The integrator moves these out of validation.py: rules.py must not need it.
    source = Path(rules.__file__).read_text(encoding="utf-8")
    assert "validation" not in source.replace("validation.py", "")
    assert [f.name for f in dataclasses.fields(Summary)] == [
        "path",
        "id",
        "seq",
        "hash",
        "sha256",
        "text_hash",
        "sketch",
        "date",
        "date_line",
        "date_column",
    ]


# --- properties ------------------------------------------------------------------------

_PATHS = ["a", "a/b", "ab", "b.jsonl", "é", "\udcff", "\U0001f600"]
# -1 and -2 hash alike, as do 2**61 + 1 and 2.
_small_ints = st.sampled_from([1, 2, 3, 4, 5, -1, -2, 2**61 + 1])


def _summaries() -> st.SearchStrategy[Summary]:
    def maybe(values: list[object]) -> st.SearchStrategy[object]:
        return st.sampled_from([None, *values])

    return st.builds(
        Summary,
        path=st.sampled_from(_PATHS),
        id=maybe(["x", "y"]),
        seq=maybe([0, 1, 2, 4, 7, -1, -2, 2**61 + 2, 2**64, 2**64 + 2, -(2**64)]),
        hash=maybe(["h", "g"]),
        sha256=maybe(["s"]),
        text_hash=maybe(["t", "u"]),
        sketch=st.one_of(
            st.lists(_small_ints, max_size=4).map(tuple),
            st.sets(_small_ints, max_size=4).map(lambda v: tuple(sorted(v))),
        ),
        date=maybe(["1800-01-01", "2000-01-01", TODAY.isoformat(), "2100-01-01"]),
        date_line=maybe([0, 1, 2, 3, 2**64, -(2**64)]),
        date_column=maybe([1, 9]),
    )


@given(st.lists(_summaries(), max_size=12))
def test_property_matches_oracle(summaries: list[Summary]) -> None:
    check(summaries)
