"""Behaviour that no other test pinned down, found by mutation testing
(``python benchmarks/mutate.py``): each test here kills mutants that survived the rest
of the fast tests. Equivalent survivors are listed in benchmarks/mutation-survivors.md.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import tarfile
from pathlib import Path

import pytest

from corpus_tools.changes import (
    ChangeError,
    ChangeSet,
    _fetch_hint,
    _link,
    changed_files,
    committed_tree,
)
from corpus_tools.rules import Summary

# --- changes: git ------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one commit on main (a.txt) and a branch ``feature``."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "t")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "t@t")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.txt").write_text("a\n", encoding="utf-8")
    for args in (["init", "-q", "-b", "main"], ["add", "a.txt"], ["commit", "-qm", "a"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    subprocess.run(["git", "switch", "-qc", "feature"], cwd=repo, check=True)
    return repo


def test_an_untracked_one_character_name_is_a_change(repo: Path) -> None:
    (repo / "b").write_text("b\n", encoding="utf-8")
    assert changed_files(repo, "main").added == frozenset({"b"})


def test_a_failing_git_diff_is_reported_with_gits_last_line(repo: Path) -> None:
    (repo / ".git" / "index").write_bytes(b"x" * 100)  # git: two lines, then exit 128
    with pytest.raises(ChangeError) as failed:
        changed_files(repo, "main")
    assert str(failed.value) == "git diff failed (git said: fatal: index file corrupt)"


def test_a_failing_git_status_is_reported(repo: Path) -> None:
    (repo / ".git" / "index").write_bytes(b"x" * 100)
    failing = pytest.raises(ChangeError, match=r"^git status failed \(git said: fatal: index")
    with failing, committed_tree(repo):
        pass


def test_a_failing_git_archive_is_reported(tmp_path: Path, repo: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=empty, check=True)
    failing = pytest.raises(ChangeError, match=r"git archive HEAD failed \(git said: fatal: ")
    with failing, committed_tree(empty):
        pass


@pytest.mark.parametrize(
    ("ref", "hint"),
    [
        ("origin/main", "git fetch origin main"),
        ("upstream/dev", "git fetch upstream dev"),
        ("fork/main", "git fetch origin fork/main"),
        ("origin", "git fetch origin origin"),
        ("main", "git fetch origin main"),
    ],
)
def test_the_fetch_hint_names_the_remote_and_branch(ref: str, hint: str) -> None:
    assert _fetch_hint(ref) == hint


@pytest.mark.parametrize("name", ["../outside.txt", "/etc/outside.txt", "a/../../b.txt"])
def test_a_committed_link_with_an_unsafe_path_is_refused(tmp_path: Path, name: str) -> None:
    member = tarfile.TarInfo(name)
    member.type = tarfile.SYMTYPE
    member.linkname = "target"
    with pytest.raises(ChangeError, match="unsafe path"):
        _link(member, str(tmp_path / "tree"))
    assert not (tmp_path / "outside.txt").is_symlink()


def test_a_change_set_is_a_frozen_value() -> None:
    changes = ChangeSet("main", "0" * 40, Path("."), frozenset(), frozenset(), frozenset())
    with pytest.raises(dataclasses.FrozenInstanceError):
        changes.ref = "other"  # type: ignore[misc]
    assert not hasattr(changes, "__dict__")  # slots: a large change set stays small


# --- seeds: decode ----------------------------------------------------------------------

SEED = "seeds/001_0123456789abcdef.txt"


def _found(data: bytes) -> list[tuple[str, int | None, int | None, str]]:
    from corpus_tools.seeds import convert_seed

    res = convert_seed(data, SEED)
    return [(d.code, d.line, d.column, d.message) for d in res.diagnostics]


def test_a_nul_byte_after_a_leading_blank_line_is_on_line_2() -> None:
    assert _found(b"\n date 2025-05-14 Lead\x00 text.\n") == [
        ("seed-nul-byte", 2, 22, "NUL byte at byte offset 22 (1 in the file)")
    ]


def test_a_control_character_after_a_leading_blank_line_is_on_line_2() -> None:
    assert _found(b"\n date 2025-05-14 Lead\x07 text.\n") == [
        ("seed-forbidden-char", 2, 22, "forbidden control character U+0007")
    ]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        # 410 control bytes in the first 4096: more than one in ten, binary.
        (b"a" * 3686 + b"\x01" * 410 + b"\x00", "seed-binary"),
        # 409 in the first 4096 (the 410th is the 4097th byte): damage, not binary.
        (b"a" * 3687 + b"\x01" * 410 + b"\x00", "seed-nul-byte"),
        # Exactly one in ten (400 of 4000, the NUL included): not more, so damage.
        (b"a" * 3600 + b"\x01" * 399 + b"\x00", "seed-nul-byte"),
        # 11 NULs at odd offsets of 40 bytes (more than a quarter): UTF-16 LE.
        (b"a\x00" * 11 + b"b" * 18, "seed-not-utf8"),
        # 10 NULs at odd offsets of 40 (a quarter, not more): binary.
        (b"a\x00" * 10 + b"b" * 20, "seed-binary"),
        # UTF-16 BE puts its NULs at even offsets: not told as UTF-16, so binary.
        (" date 2025-05-14 Lead.".encode("utf-16-be"), "seed-binary"),
    ],
)
def test_the_company_a_nul_byte_keeps(data: bytes, code: str) -> None:
    assert [f[0] for f in _found(data)] == [code]


@pytest.mark.parametrize(
    ("tail", "surrogate"),
    [
        (b"\xed\xa0\x80", True),  # the lowest surrogate
        (b"\xed\xbf\xbf", True),  # the highest
        (b"\xed\xa0", True),  # cut short at the end of the file
        (b"\xed\x9f\x41", False),  # below the surrogates: a bad continuation byte
        (b"\xed\xc0\x80", False),  # above them: not a continuation byte at all
        (b"\xed", False),  # a lone lead byte at the end of the file
    ],
)
def test_an_encoded_surrogate_is_told_from_other_bad_bytes(tail: bytes, surrogate: bool) -> None:
    ((code, line, column, message),) = _found(b" date 2025-05-14 Lead " + tail)
    assert (code, line, column) == ("seed-not-utf8", 1, 23)
    assert message.startswith("an encoded UTF-16 surrogate") is surrogate


# --- seeds: header ------------------------------------------------------------------------


def test_one_blank_line_before_the_header() -> None:
    from corpus_tools.seeds import convert_seed

    res = convert_seed(b"\n date 2025-05-14 The council met on Monday.\n", SEED)
    assert res.diagnostics == []
    assert (res.date, res.date_line, res.date_column) == ("2025-05-14", 2, 7)
    assert res.document is not None
    assert res.document.paragraphs[0].line == 2


def test_a_long_first_word_is_quoted_cut_at_30_characters() -> None:
    word = "Supercalifragilisticexpialidocious-and-more"
    assert _found(f"{word} text.\n".encode()) == [
        (
            "seed-missing-date",
            1,
            1,
            f"line 1 must start with 'date YYYY-MM-DD'; found {word[:30]!r}",
        )
    ]


def test_a_long_malformed_date_is_quoted_cut_at_40_characters() -> None:
    token = "2025-05-14T10:00:00+02:00/2025-05-15T10:00:00+02:00"
    assert _found(f" date {token} Lead.\n".encode()) == [
        ("seed-malformed-date", 1, 7, f"date {token[:40]!r} is not written as YYYY-MM-DD")
    ]


def test_a_second_date_after_many_spaces_is_quoted_cut_at_40_characters() -> None:
    second = "date" + " " * 40 + "2025-05-15"
    assert _found(f" date 2025-05-14 {second} Lead.\n".encode()) == [
        (
            "seed-duplicate-date",
            1,
            18,
            f"a second date {second[:40]!r} follows the date 2025-05-14",
        )
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "date",  # the word alone ends the line
        "date 12025-05-15 was the code of the order.",  # five digits: no date
    ],
)
def test_a_lead_starting_with_the_word_date_is_no_second_date(lead: str) -> None:
    codes = [f[0] for f in _found(f" date 2025-05-14 {lead}\n".encode())]
    assert "seed-duplicate-date" not in codes


@pytest.mark.parametrize(
    ("date", "hint"),
    [
        ("2025-01-32", "January 2025 has 31 days: the day must be 01 to 31"),
        ("2025-12-32", "December 2025 has 31 days: the day must be 01 to 31"),
        ("2025-12-00", "the day is 00; days run from 01 to 31 in December 2025"),
        ("2025-00-10", "the month is 00; months run from 01 to 12 (is it YYYY-DD-MM?)"),
    ],
)
def test_the_hint_of_an_impossible_date_at_the_ends_of_the_year(date: str, hint: str) -> None:
    from corpus_tools.seeds import convert_seed

    (d,) = convert_seed(f" date {date} Text of the lead.\n".encode(), SEED).diagnostics
    assert (d.code, d.effective_hint) == ("seed-invalid-date", hint)


# --- seeds: names ------------------------------------------------------------------------


def test_the_id_of_a_seed_is_its_name_without_txt() -> None:
    from corpus_tools.seeds.names import seed_id

    assert seed_id("seeds/001_0123456789abcdef.txt") == "001_0123456789abcdef"
    assert seed_id("seeds/001_0123456789ABCDEF.txt") is None


# --- seeds: paragraphs, reader, title ----------------------------------------------------


def test_a_long_wrapped_paragraph_is_reported_where_it_starts() -> None:
    from corpus_tools.config import Config
    from corpus_tools.seeds import convert_seed

    data = " date 2025-05-14 The council met.\n\n   First line of it,\nsecond line.\n"
    res = convert_seed(data.encode(), SEED, Config(max_paragraph_chars=20))
    assert [(d.code, d.line, d.column) for d in res.diagnostics] == [
        ("seed-paragraph-too-long", 3, 4)
    ]


def test_a_lead_below_the_date_line_is_located_at_the_first_paragraph() -> None:
    data = b" date 2025-05-14\n\nThe council met on Monday.\n\nIt approved the budget.\n"
    assert _found(data) == [
        (
            "seed-lead-not-on-date-line",
            3,
            1,
            "the lead paragraph starts on line 3, not on the date line 1",
        )
    ]


def test_a_seed_that_is_no_regular_file_cannot_be_read(tmp_path: Path) -> None:
    from corpus_tools.seeds import read_seed

    folder = tmp_path / SEED
    folder.mkdir(parents=True)
    (d,) = read_seed(folder, tmp_path).diagnostics
    assert (d.code, d.message) == ("seed-unreadable", "cannot read: Is a directory")
    pipe = tmp_path / "seeds" / "002_0123456789abcdef.txt"
    os.mkfifo(pipe)
    (d,) = read_seed(pipe, tmp_path).diagnostics
    assert (d.code, d.message) == (
        "seed-unreadable",
        "cannot read: not a regular file (a folder, pipe or device)",
    )


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "… Президент сказал, что всё идёт по плану. Потом он уехал.",
            "… Президент сказал, что всё идёт по плану.",
        ),
        ("... The talks went on. Then he left.", "... The talks went on."),
        ("?! … Why now? Nobody knows.", "?! … Why now?"),
        ("— Nein. Das ist alles.", "— Nein."),
        # A lead with no letter at all is its own title: there is nothing better.
        ("… …", "… …"),
    ],
)
def test_a_title_holds_a_letter_or_digit_whatever_punctuation_opens_the_lead(
    lead: str, title: str
) -> None:
    from corpus_tools.annotate import make_title

    got = make_title(lead, lang="ru" if "Президент" in lead else "en")
    assert (got.title, got.title_source) == (title, "first-sentence")


def test_an_abbreviation_inside_the_lead_does_not_end_the_title() -> None:
    from corpus_tools.annotate import make_title

    got = make_title("The talks with Mr. Smith ended well. Then he left.", lang="en")
    assert (got.title, got.title_source) == (
        "The talks with Mr. Smith ended well.",
        "first-sentence",
    )


# --- value objects ------------------------------------------------------------------------


def _value_classes() -> list[type]:
    from corpus_tools.diagnostics import CodeInfo, Diagnostic
    from corpus_tools.rules import Summary, _Uniqueness
    from corpus_tools.seeds.convert import _Content
    from corpus_tools.seeds.header import Header
    from corpus_tools.seeds.normalise import Scan
    from corpus_tools.seeds.result import SeedResult

    return [
        ChangeSet,
        CodeInfo,
        Diagnostic,
        Summary,
        _Uniqueness,
        _Content,
        Header,
        Scan,
        SeedResult,
    ]


@pytest.mark.parametrize("cls", _value_classes(), ids=lambda c: c.__name__)
def test_findings_and_summaries_are_frozen_slotted_values(cls: type) -> None:
    # Frozen: a finding or a summary handed to a report, a cache or a rule cannot change
    # under it. Slotted: 100,000 of them stay small.
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert "__slots__" in cls.__dict__


def test_a_paragraph_is_slotted() -> None:
    from corpus_tools.seeds.paragraphs import Para

    assert "__slots__" in Para.__dict__


# --- rules ----------------------------------------------------------------------------------


def _summary(path: str, **values: object) -> Summary:
    fields = {
        "id": None,
        "seq": None,
        "hash": None,
        "sha256": None,
        "text_hash": None,
        "sketch": (),
        "date": None,
        "date_line": None,
        "date_column": None,
    }
    fields.update(values)
    return Summary(path, **fields)  # type: ignore[arg-type]


def test_leaving_the_with_block_closes_the_rules() -> None:
    from corpus_tools.config import Config
    from corpus_tools.rules import CorpusRules

    with CorpusRules(Config(), None) as rules:
        rules.add(_summary("a.txt", seq=1))
    with pytest.raises(ValueError, match="closed"):
        rules.findings()


@pytest.mark.parametrize("n", [2**63 - 1, 2**63, -(2**63), -(2**63) - 1])
def test_numbers_at_the_edges_of_sqlite_integers(n: int) -> None:
    from corpus_tools.config import Config
    from corpus_tools.rules import corpus_rules

    found = corpus_rules(
        [
            _summary("a.txt", seq=n, date_line=n),
            _summary("b.txt", seq=n + 2, date_line=n),
            _summary("b.txt", seq=n + 2, date_line=n + 1),
        ],
        Config(),
    )
    assert sorted((d.code, d.file) for d in found) == [
        ("sequence-gap", "b.txt"),
        ("sequence-repeat", "b.txt"),
    ]


def test_near_duplicates_are_searched_by_the_first_two_sketch_values() -> None:
    # As the in-memory rules did: a document is compared with the earlier ones that hold
    # one of its own first two sketch values among their first two. Here b shares half of
    # its sketch with a, but through its third and fourth values: not searched, not found.
    from corpus_tools.config import Config
    from corpus_tools.rules import corpus_rules

    a = _summary("a.txt", sketch=(5, 6, 7, 8))
    b = _summary("b.txt", sketch=(1, 2, 5, 6))
    assert corpus_rules([a, b], Config()) == []
    c = _summary("c.txt", sketch=(5, 9, 10, 11))
    assert [d.code for d in corpus_rules([a, c], Config())] == []
    d = _summary("d.txt", sketch=(5, 6, 10, 11))
    assert [(x.code, x.file) for x in corpus_rules([a, d], Config())] == [
        ("near-duplicate", "d.txt")
    ]


# --- diagnostics -------------------------------------------------------------------------


def test_findings_without_a_line_or_column_sort_first() -> None:
    from corpus_tools.diagnostics import Diagnostic, Report

    f = "seeds/001_0123456789abcdef.txt"
    items = [
        Diagnostic("date-in-future", f, "m", line=1, column=1),
        Diagnostic("duplicate-text", f, "m", line=1),
        Diagnostic("seed-bad-filename", f, "m"),
    ]
    report = Report(list(reversed(items)))
    assert [d.code for d in report] == ["seed-bad-filename", "duplicate-text", "date-in-future"]


def test_report_validity_exit_code_and_counts_by_level() -> None:
    from corpus_tools.diagnostics import Diagnostic, Report

    f = "seeds/001_0123456789abcdef.txt"
    clean = Report(files=1)
    assert (clean.valid, clean.exit_code(), clean.to_dict()["valid"]) == (True, 0, True)
    warned = Report([Diagnostic("seed-tab", f, "m", 1, 1)], files=1)
    assert (warned.valid, warned.exit_code(), warned.exit_code(strict=True)) == (True, 0, 1)
    failed = Report(
        [
            Diagnostic("seed-tab", f, "m", 1, 1),
            Diagnostic("seed-not-nfc", f, "m", 1, 1),
            Diagnostic("duplicate-file", f, "m"),
        ],
        files=1,
    )
    assert (failed.valid, failed.exit_code(), failed.to_dict()["valid"]) == (False, 1, False)
    assert failed.to_dict()["levels"] == {
        "seed": {"errors": 0, "warnings": 2},
        "schema": {"errors": 0, "warnings": 0},
        "corpus": {"errors": 1, "warnings": 0},
        "export": {"errors": 0, "warnings": 0},
    }


def test_a_stored_report_without_a_suppressed_count_has_none() -> None:
    from corpus_tools.diagnostics import Report

    report = Report.from_dict({"diagnostics": [], "summary": {"files": 3}})
    assert (report.files, report.suppressed) == (3, 0)


def test_a_third_sketch_value_is_not_searched() -> None:
    # z shares half of its sketch with a (9 and 10), but 9 is z's third value: z is
    # searched (through 5, shared with x) by its first two values only, as the
    # in-memory rules did, so a is not found.
    from corpus_tools.config import Config
    from corpus_tools.rules import corpus_rules

    found = corpus_rules(
        [
            _summary("a.txt", sketch=(9, 10, 11, 12)),
            _summary("x.txt", sketch=(5, 20, 21, 22)),
            _summary("y.txt", sketch=(3, 9, 30, 31)),
            _summary("z.txt", sketch=(1, 5, 9, 10)),
        ],
        Config(),
    )
    assert found == []


def test_the_rules_bound_their_memory() -> None:
    # SQLite's page cache is what the rules hold; rows wait in memory 4096 at most.
    from corpus_tools.config import Config
    from corpus_tools.rules import CorpusRules

    with CorpusRules(Config(), None) as rules:
        assert rules._conn().execute("PRAGMA cache_size").fetchone() == (-4000,)
        for i in range(4095):
            rules.add(_summary(f"{i:05d}.txt", seq=i))
        assert len(rules._rows) == 4095
        rules.add(_summary("99999.txt", seq=4095))
        assert len(rules._rows) == 0
    for kib, pragma in ((10, -64), (64, -64), (65, -65)):
        with CorpusRules(Config(), None, cache_kib=kib) as rules:
            assert rules._conn().execute("PRAGMA cache_size").fetchone() == (pragma,)


def test_the_storage_keys_of_integers() -> None:
    # The storage format of the rules' temporary database: 64-bit integers as they are
    # (class 0), others as length-prefixed bytes (class -1 and 1) that sort as the
    # integers do. Pinned so that a change to it is made on purpose.
    from corpus_tools.rules import _from_wide_int, _sql_int, _wide_int

    for n in (0, 5, -5, 2**62, 2**63 - 1, -(2**63)):
        assert _sql_int(n) == (0, n)
    assert _sql_int(2**63) == (1, b"\x02" + (8).to_bytes(8, "big") + (2**63).to_bytes(8, "big"))
    assert _sql_int(-(2**63) - 1)[0] == -1
    assert _wide_int(2**64) == b"\x02" + (9).to_bytes(8, "big") + (2**64).to_bytes(9, "big")
    assert _wide_int(-(2**64)) == b"\x00" + (2**64 - 1 - 9).to_bytes(8, "big") + (
        (1 << 72) - 2**64
    ).to_bytes(9, "big")
    for n in (2**63, 2**64, -(2**64), -(2**63) - 1, 10**40, -(10**40)):
        assert _from_wide_int(_wide_int(n)) == n


def test_the_wide_integer_keys_order_and_read_back_every_integer() -> None:
    # Both sides of every length boundary (0, ±1, ±255, ±256, ±65536) and of the sign.
    from corpus_tools.rules import _from_wide_int, _wide_int

    numbers = sorted(
        {
            *range(-300, 301),
            *(s * (1 << k) + d for k in (16, 63, 64, 72) for s in (1, -1) for d in (-1, 0, 1)),
        }
    )
    keys = [_wide_int(n) for n in numbers]
    assert [_from_wide_int(k) for k in keys] == numbers
    assert sorted(keys) == keys
    assert _wide_int(0) == b"\x02" + bytes(8)
    assert _wide_int(-1) == b"\x00" + (2**64 - 2).to_bytes(8, "big") + b"\xff"
