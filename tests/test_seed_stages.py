"""Each stage of the seed converter alone: decode, header, paragraphs, normalise, annotate."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic
from corpus_tools.model import Person, Speaker
from corpus_tools.seeds import annotate, parse_name
from corpus_tools.seeds.decode import (
    check_characters,
    decode,
    refuse_non_text,
    to_text,
    unify_line_ends,
)
from corpus_tools.seeds.findings import Findings
from corpus_tools.seeds.header import Header, has_second_date, read_header
from corpus_tools.seeds.normalise import Scan, check_mojibake, normalise, scan
from corpus_tools.seeds.paragraphs import (
    Para,
    check_length,
    check_long_word,
    may_have_long_word,
    split_paragraphs,
)

NAME = "seeds/001_0123456789abcdef.txt"


def found(findings: Findings) -> list[tuple[str, int | None, int | None]]:
    return [(d.code, d.line, d.column) for d in findings.diagnostics]


# --- the collector -------------------------------------------------------------------


def test_findings_keep_order_and_warn_once() -> None:
    f = Findings(NAME)
    f.warn_once("seed-tab", "first", 1, 2)
    f.add("seed-long-word", "long", 3, 4)
    f.warn_once("seed-tab", "second", 5, 6)
    assert [(d.code, d.message, d.file) for d in f.diagnostics] == [
        ("seed-tab", "first", NAME),
        ("seed-long-word", "long", NAME),
    ]
    assert f.warned("seed-tab")
    assert not f.warned("seed-long-word")  # only warn_once marks a code as warned
    assert not f.has_errors
    f.add("seed-blank", "blank", 1, 1)
    assert f.has_errors


def test_findings_record_normalisations_as_a_set() -> None:
    f = Findings(NAME)
    for what in ("tab", "nfc", "tab"):
        f.normalised(what)
    assert f.normalisations == {"tab", "nfc"}


def test_an_unknown_code_fails_in_the_collector() -> None:
    with pytest.raises(ValueError, match="seed-tabs"):
        Findings(NAME).add("seed-tabs", "typo", 1, 1)


# --- decode --------------------------------------------------------------------------


def _decode(data: bytes, limit: int = 1000) -> tuple[str | None, Findings]:
    f = Findings(NAME)
    return decode(data, limit, f), f


def test_decode_returns_text_with_lf_line_ends() -> None:
    text, f = _decode(b" date 2025-11-27 A.\r\nB.\r\n")
    assert text == " date 2025-11-27 A.\nB.\n"
    assert (found(f), f.normalisations) == ([], {"crlf"})


@pytest.mark.parametrize(
    ("data", "norms"),
    [(b"a\r\nb", {"crlf"}), (b"a\rb", {"cr"}), (b"a\r\nb\rc", {"crlf"}), (b"a\nb", set())],
)
def test_line_ends(data: bytes, norms: set[str]) -> None:
    f = Findings(NAME)
    assert unify_line_ends(data.decode(), f) == data.decode().replace("\r\n", "\n").replace(
        "\r", "\n"
    )
    assert f.normalisations == norms


def test_decode_refuses_a_seed_over_the_size_limit() -> None:
    text, f = _decode(b"x" * 11, limit=10)
    assert text is None
    assert found(f) == [("seed-too-large", None, None)]
    assert f.diagnostics[0].message == "the file has 11 bytes; the limit is 10"


@pytest.mark.parametrize(
    ("data", "code", "where"),
    [
        (b"", "seed-empty", (1, 1)),
        (b"%PDF-1.7 ...", "seed-binary", (1, 1)),
        (b"\xff\xfed\x00a\x00", "seed-not-utf8", (1, 1)),
        ("date 2025".encode("utf-16-le"), "seed-not-utf8", (1, 2)),
        (b"\x01\x02\x03\x00\x04\x05\x06", "seed-binary", (1, 1)),
        (b" date 2025-11-27 ok\nbad\x00 here", "seed-nul-byte", (2, 4)),
    ],
)
def test_non_text_is_refused(data: bytes, code: str, where: tuple[int, int]) -> None:
    f = Findings(NAME)
    assert refuse_non_text(data, f) is False
    assert found(f) == [(code, *where)]


def test_text_is_not_refused() -> None:
    f = Findings(NAME)
    assert refuse_non_text(b" date 2025-11-27 text", f) is True
    assert found(f) == []


def test_a_byte_order_mark_is_dropped_with_a_warning() -> None:
    f = Findings(NAME)
    assert to_text(b"\xef\xbb\xbf date", f) == " date"
    assert (found(f), f.normalisations) == ([("seed-bom", 1, 1)], {"bom"})


def test_bad_utf8_offsets_count_the_byte_order_mark() -> None:
    f = Findings(NAME)
    assert to_text(b"\xef\xbb\xbfab\ncaf\xe9", f) is None
    assert found(f) == [("seed-bom", 1, 1), ("seed-not-utf8", 2, 4)]
    assert f.diagnostics[1].message == (
        "byte 0xE9 at byte offset 9 is not valid UTF-8 (the file looks like Latin-1 or Windows-1252)"
    )


def test_an_encoded_surrogate_is_named() -> None:
    f = Findings(NAME)
    assert to_text(b"ab\xed\xa0\x80", f) is None
    assert "an encoded UTF-16 surrogate (bytes ed a0 80) at byte offset 2" in (
        f.diagnostics[0].message
    )


def test_decode_refuses_blank_text() -> None:
    text, f = _decode(b" \r\n\t\n")
    assert text is None
    assert found(f) == [("seed-blank", 1, 1)]


def test_forbidden_characters_are_reported_five_at_most() -> None:
    f = Findings(NAME)
    assert check_characters("ok\n\x01\x02\x03\x7f\x85\ufffe", f) is False
    assert found(f) == [("seed-forbidden-char", 2, col) for col in range(1, 6)]
    assert f.diagnostics[0].message == "forbidden control character U+0001"
    assert check_characters("tab\tand\nlines\r", Findings(NAME)) is True


# --- header --------------------------------------------------------------------------


def _header(*lines: str) -> tuple[Header | None, Findings]:
    f = Findings(NAME)
    return read_header(list(lines), f), f


def test_header_after_blank_lines() -> None:
    header, f = _header("", "  ", " date 2025-11-27 \u00a0Lead text.")
    assert header == Header(index=2, date="2025-11-27", line=3, column=7, lead_start=18)
    assert found(f) == []


@pytest.mark.parametrize(
    ("line", "code", "column"),
    [
        ("Lead without a date", "seed-missing-date", 1),
        ("   dated 2025-11-27", "seed-missing-date", 4),
        (" date", "seed-malformed-date", 6),
        (" date 27.11.2025 Lead", "seed-malformed-date", 7),
        (" date 2025-02-30 Lead", "seed-invalid-date", 7),
    ],
)
def test_header_problems(line: str, code: str, column: int) -> None:
    header, f = _header(line)
    assert header is None
    assert found(f) == [(code, 1, column)]


@pytest.mark.parametrize(
    ("line", "second"),
    [
        (" date 2025-11-27 2025-11-28 Lead", True),
        (" date 2025-11-27 date Lead", False),
        (" date 2025-11-27 date 2025-11-28 Lead", True),
        (" date 2025-11-27 27/11/2025, Lead", True),
        (" date 2025-11-27 2025 was a year", False),
        (" date 2025-11-27", False),
    ],
)
def test_a_second_date(line: str, second: bool) -> None:
    header, f = _header(line)
    assert header is not None
    assert has_second_date([line], header, f) is second
    assert found(f) == ([("seed-duplicate-date", 1, 18)] if second else [])


# --- paragraphs ----------------------------------------------------------------------


def _split(*lines: str) -> tuple[list[Para], Findings]:
    f = Findings(NAME)
    header = read_header(list(lines), f)
    assert header is not None
    return split_paragraphs(list(lines), header, f), f


def test_paragraphs_join_wrapped_lines_and_keep_positions() -> None:
    paras, f = _split(" date 2025-11-27 The lead ", "  goes on.", "", "", "", "Second.")
    assert [(p.line, p.pieces) for p in paras] == [
        (1, [(1, 18, "The lead"), (2, 3, "goes on.")]),
        (6, [(6, 1, "Second.")]),
    ]
    assert [p.joined() for p in paras] == ["The lead goes on.", "Second."]
    assert f.normalisations == {"trailing-space", "leading-space", "line-join", "blank-lines"}
    assert found(f) == []


def test_spaces_after_the_date_are_not_a_leading_space() -> None:
    paras, f = _split(" date 2025-11-27   Lead.")
    assert paras[0].pieces == [(1, 20, "Lead.")]
    assert f.normalisations == set()


def test_a_header_without_text_has_no_body() -> None:
    paras, f = _split(" date 2025-11-27 ", "", "\ufeff")
    assert paras == []
    assert found(f) == [("seed-missing-body", 1, 17)]


def test_locate_maps_offsets_back_to_seed_lines() -> None:
    para = Para(3, [(3, 5, "abc"), (4, 1, "de")])
    assert [para.locate(i) for i in (0, 2, 3, 4, 5, 99)] == [
        (3, 5),
        (3, 7),
        (3, 8),
        (4, 1),
        (4, 2),
        (4, 3),
    ]


def test_paragraph_length_limit() -> None:
    f = Findings(NAME)
    para = Para(2, [(2, 3, "x" * 11)])
    check_length(para, "x" * 10, 10, f)
    check_length(para, "x" * 11, 10, f)
    assert found(f) == [("seed-paragraph-too-long", 2, 3)]
    assert f.diagnostics[0].message == "paragraph has 11 characters; the limit is 10"


def test_long_words_warn_once() -> None:
    assert not may_have_long_word("a " * 300)
    assert may_have_long_word("a " + "b" * 201)
    f = Findings(NAME)
    for line in (1, 2):
        text = "see " + "b" * 201
        check_long_word(Para(line, [(line, 1, text)]), text, f)
    assert found(f) == [("seed-long-word", 1, 5)]
    assert f.diagnostics[0].message == "201 characters without a space"


# --- normalise -----------------------------------------------------------------------


def test_scan_tells_which_checks_can_be_skipped() -> None:
    assert scan("plain ascii") == Scan(tab=False, not_nfc=False, mojibake=False)
    assert scan("a\tCafe\u0301 â€œ") == Scan(tab=True, not_nfc=True, mojibake=True)


def test_tabs_become_spaces_with_one_warning() -> None:
    f = Findings(NAME)
    seen = scan("\t")
    first = normalise(Para(1, [(1, 18, "a\tb\tc")]), seen, f)
    second = normalise(Para(3, [(3, 1, "d\te")]), seen, f)
    assert (first, second) == ("a b c", "d e")
    assert found(f) == [("seed-tab", 1, 19)]
    assert "(2 in this paragraph)" in f.diagnostics[0].message
    assert f.normalisations == {"tab"}


def test_text_is_made_nfc_with_one_warning() -> None:
    f = Findings(NAME)
    seen = scan("e\u0301")
    texts = [normalise(Para(n, [(n, 2, "Cafe\u0301")]), seen, f) for n in (1, 2)]
    assert texts == ["Caf\u00e9", "Caf\u00e9"]
    assert found(f) == [("seed-not-nfc", 1, 2)]
    assert f.normalisations == {"nfc"}


def test_a_clean_scan_skips_the_paragraph_checks() -> None:
    f = Findings(NAME)
    # The scan said there is nothing to do, so the paragraph is taken as it is.
    assert normalise(Para(1, [(1, 1, "a\tb")]), scan("no tab"), f) == "a\tb"
    assert found(f) == []


def test_mojibake_warns_once() -> None:
    f = Findings(NAME)
    check_mojibake(Para(1, [(1, 1, "ascii")]), "ascii", f)
    check_mojibake(Para(2, [(2, 1, "He said â€œyesâ€")]), "He said â€œyesâ€", f)
    check_mojibake(Para(3, [(3, 1, "CafÃ©")]), "CafÃ©", f)
    assert found(f) == [("seed-mojibake", 2, 9)]
    assert f.diagnostics[0].message == "'â€œ' looks like UTF-8 text decoded as Windows-1252"


# --- annotate ------------------------------------------------------------------------


def test_unbalanced_quotation_marks_are_located_in_the_seed() -> None:
    f = Findings(NAME)
    paras = [Para(1, [(1, 18, "He said")]), Para(3, [(3, 1, "a"), (4, 2, "“never closed.")])]
    texts = ["He said", "a “never closed."]
    notes = annotate.annotate(NAME[6:-4], paras, texts, Config(), "en", f)
    assert notes.quotations == []
    assert found(f) == [("quote-unbalanced", 4, 2)]


ENGLISH = "The minister said that the plan will work for the people of the city and the region."


@pytest.mark.parametrize(
    ("texts", "override", "default", "expected", "warned"),
    [
        ([ENGLISH], "fr", None, ("fr", "override"), False),
        ([ENGLISH], None, None, ("en", "detected"), False),
        (["12 34"], None, "de", ("de", "default"), True),
        (["12 34"], None, None, ("und", "undetermined"), True),
    ],
)
def test_language(
    texts: list[str],
    override: str | None,
    default: str | None,
    expected: tuple[str, str],
    warned: bool,
) -> None:
    f = Findings(NAME)
    paras = [Para(2, [(2, 7, t)]) for t in texts]
    notes = annotate.annotate(NAME[6:-4], paras, texts, Config(default_lang=default), override, f)
    assert (notes.lang, notes.lang_source) == expected
    # A confidence only where the model decided, never for a default or an override.
    assert (notes.lang_confidence is not None) == (expected[1] == "detected")
    assert found(f) == ([("lang-undetected", 2, 7)] if warned else [])


def test_the_corpus_languages_restrict_the_candidates() -> None:
    # English is not among the corpus's languages: the text is not "en" then.
    f = Findings(NAME)
    paras = [Para(2, [(2, 7, ENGLISH)])]
    notes = annotate.annotate(NAME[6:-4], paras, [ENGLISH], Config(languages=("de", "fr")), None, f)
    assert (notes.lang, notes.lang_source, notes.lang_confidence) == ("und", "undetermined", None)
    assert found(f) == [("lang-undetected", 2, 7)]


def test_types_speakers_and_persons_come_from_the_engine() -> None:
    # The unattributed speech comes first: a quotation standing alone after someone's
    # words is often theirs, and the ranker may give it to them.
    texts = [
        "“Nobody knows what happens next.”",
        "She was reading the novel “War and Peace” on the train.",
        "“We will build the bridge,” said Transport Minister Anna Kowalska on Monday.",
    ]
    paras = [Para(n * 2 + 1, [(n * 2 + 1, 1, t)]) for n, t in enumerate(texts)]
    notes = annotate.annotate(NAME[6:-4], paras, texts, Config(), "en", Findings(NAME))
    got = [(q.type, q.speaker) for q in notes.quotations]
    kowalska = Speaker("Anna Kowalska", "Transport Minister Anna Kowalska", "person1")
    # A title is not speech and has no speaker; an unattributed speech has none either.
    assert got == [("speech", None), ("title", None), ("speech", kowalska)]
    assert notes.persons == (
        Person("person1", "Anna Kowalska", ("Anna Kowalska", "Transport Minister Anna Kowalska")),
    )


def test_title_and_stats() -> None:
    texts = ["First sentence here. Second one.", "It’s a well-known “fact”."]
    paras = [Para(1, [(1, 18, texts[0])]), Para(3, [(3, 1, texts[1])])]
    notes = annotate.annotate(NAME[6:-4], paras, texts, Config(), "en", Findings(NAME))
    assert (notes.title, notes.title_source, notes.dateline) == (
        "First sentence here.",
        "first-sentence",
        None,
    )
    stats = annotate.stats(texts, 1)
    assert (stats.paragraphs, stats.words, stats.characters, stats.quotations) == (
        2,
        9,
        len(texts[0]) + len(texts[1]),
        1,
    )


# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "problem"),
    [
        ("seeds/001_0123456789abcdef.md", "does not end in .txt"),
        ("seeds/01_0123456789abcdef.txt", "sequence number '01' has fewer than 3 digits"),
        ("seeds/001_0123.txt", "hash part '0123' has 4 hex digits, not 16"),
        ("seeds/001_0123456789ABCDEF.txt", "hash part '0123456789ABCDEF' has upper-case"),
        ("seeds/article.txt", "has no '_<16 hex>' id part"),
    ],
)
def test_bad_names(rel: str, problem: str) -> None:
    named = parse_name(rel)
    assert isinstance(named, Diagnostic)
    assert (named.code, named.file, named.line) == ("seed-bad-filename", rel, None)
    assert problem in named.message


def test_good_name() -> None:
    assert parse_name("seeds/1000_0123456789abcdef.txt") == (1000, "0123456789abcdef")


@pytest.mark.parametrize(
    ("date", "hint"),
    [
        ("2025-02-30", "February 2025 has 28 days: the day must be 01 to 28"),
        ("2024-02-30", "February 2024 has 29 days: the day must be 01 to 29"),
        ("2025-13-01", "the month is 13; months run from 01 to 12 (is it YYYY-DD-MM?)"),
        ("2025-00-10", "the month is 00; months run from 01 to 12 (is it YYYY-DD-MM?)"),
        ("2025-04-00", "the day is 00; days run from 01 to 30 in April 2025"),
        ("0000-01-01", "the year 0000 does not exist: write the year of publication"),
    ],
)
def test_an_impossible_date_gets_a_hint_that_fits(date: str, hint: str) -> None:
    from corpus_tools.seeds import convert_seed

    res = convert_seed(
        f" date {date} Text of the lead.\n".encode(), "seeds/001_0123456789abcdef.txt"
    )
    (d,) = res.diagnostics
    assert (d.code, d.effective_hint) == ("seed-invalid-date", hint)


def test_a_misnamed_seed_is_told_the_name_to_take(tmp_path: Path) -> None:
    from corpus_tools.checks import Options
    from corpus_tools.config import Config
    from corpus_tools.pipeline import validate_files

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = " date 2025-06-01 A lead paragraph of the article.\n"
    (seeds / "000_0123456789abcdef.txt").write_text(text.replace("A lead", "One lead"), "utf-8")
    (seeds / "001_0123456789abcdef.txt").write_text(text.replace("A lead", "Two lead"), "utf-8")
    (seeds / "1_ABCDEF0123456789.txt").write_text(text.replace("A lead", "Red lead"), "utf-8")
    (seeds / "notes.txt").write_text(text.replace("A lead", "Blue lead"), "utf-8")
    report = validate_files([], tmp_path, Config(), Options())
    hints = {d.file: d.effective_hint for d in report if d.code == "seed-bad-filename"}
    sha = hashlib.sha256((seeds / "notes.txt").read_bytes()).hexdigest()[:16]
    assert hints == {
        "seeds/1_ABCDEF0123456789.txt": "rename it to seeds/002_abcdef0123456789.txt",
        "seeds/notes.txt": f"rename it to seeds/003_{sha}.txt",
    }


def test_findings_of_one_code_are_listed_twenty_times_then_summed_up() -> None:
    """A paragraph of thousands of stray marks gives 21 lines, not thousands."""
    from corpus_tools import convert_seed

    seed = (" date 2025-06-01 " + "“" * 5000 + " text.\n").encode()
    found = convert_seed(seed, "seeds/001_0123456789abcdef.txt").diagnostics
    unbalanced = [d for d in found if d.code == "quote-unbalanced"]
    assert len(unbalanced) == Findings.MAX_PER_CODE + 1 == 21
    assert [d.column for d in unbalanced[:3]] == [18, 19, 20]
    assert unbalanced[-1].message == (
        "and more like the 20 above from here on, not listed: fix those first"
    )
    assert unbalanced[-1].column == 38
