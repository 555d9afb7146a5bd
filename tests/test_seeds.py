"""The seed reader: normalisation, line numbers, limits and the cases that need code."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from corpus_tools.annotate import make_title
from corpus_tools.checks import Options
from corpus_tools.config import Config
from corpus_tools.model import dumps_canonical
from corpus_tools.pipeline import validate_files as validate_paths
from corpus_tools.seeds import convert_seed, read_seed

from .conftest import GOLDENS, REPO

NAME = "seeds/001_0123456789abcdef.txt"
CONFIG = Config(default_lang="en")


def codes(data: bytes, config: Config = CONFIG) -> list[tuple[str, int | None, int | None]]:
    res = convert_seed(data, NAME, config)
    return [(d.code, d.line, d.column) for d in res.diagnostics]


def test_real_seed_matches_golden_canonical_json(golden) -> None:  # type: ignore[no-untyped-def]
    path = REPO / "seeds" / "000_8817f6bb585a9fd5.txt"
    res = read_seed(path, REPO, Config())
    assert res.diagnostics == []
    assert res.document is not None
    text = dumps_canonical(res.document.to_dict(), indent=2) + "\n"
    golden(GOLDENS / "canonical" / "000_8817f6bb585a9fd5.json", text.encode("utf-8"))


def test_real_seed_fields() -> None:
    path = REPO / "seeds" / "000_8817f6bb585a9fd5.txt"
    doc = read_seed(path, REPO, Config()).document
    assert doc is not None
    assert (doc.id, doc.seq, doc.hash, doc.date, doc.lang) == (
        "000_8817f6bb585a9fd5",
        0,
        "8817f6bb585a9fd5",
        "2025-11-27",
        "en",
    )
    assert [p.line for p in doc.paragraphs] == [1, 3, 5, 7, 9, 11, 13, 15, 17]
    assert doc.paragraphs[0].text.startswith("Belarusian President")
    assert doc.provenance.seed_bytes == path.stat().st_size
    assert doc.stats.paragraphs == 9
    assert doc.title_source == "first-sentence"


def test_crlf_trailing_newline_and_wrapped_lines_are_normalised_silently() -> None:
    data = b" date 2025-11-27 The minister said   \r\nthe plan works.\r\n\r\n\r\n  Second paragraph.\r\n"
    res = convert_seed(data, NAME, CONFIG)
    assert res.diagnostics == []
    assert res.document is not None
    assert [(p.line, p.text) for p in res.document.paragraphs] == [
        (1, "The minister said the plan works."),
        (5, "Second paragraph."),
    ]
    assert res.document.provenance.normalisations == (
        "blank-lines",
        "crlf",
        "leading-space",
        "line-join",
        "trailing-space",
    )


def test_missing_leading_space_and_nbsp_are_tolerated() -> None:
    data = "date 2025-11-27 Le maire a dit\u00a0: « Oui ».\n\nLe pont est ouvert et la ville est contente.".encode()
    res = convert_seed(data, NAME, CONFIG)
    assert res.diagnostics == []
    assert res.document is not None
    assert res.document.paragraphs[0].text == "Le maire a dit\u00a0: « Oui »."


def test_bom_is_a_warning_and_is_dropped() -> None:
    res = convert_seed(
        b"\xef\xbb\xbf date 2025-11-27 Body text of the article is here.", NAME, CONFIG
    )
    assert [d.code for d in res.diagnostics] == ["seed-bom"]
    assert res.document is not None
    assert res.document.provenance.normalisations == ("bom",)


def test_latin1_message_names_offset_and_encoding() -> None:
    res = convert_seed(" date 2025-11-27 Caf\u00e9".encode("latin-1"), NAME, CONFIG)
    (d,) = res.diagnostics
    assert d.code == "seed-not-utf8"
    assert "byte 0xE9 at byte offset 20" in d.message
    assert "Latin-1" in d.message
    assert (d.line, d.column) == (1, 21)


def test_invalid_byte_on_a_later_line_has_that_line() -> None:
    data = b" date 2025-11-27 Fine.\n\nStill fine.\n\nBad \xff byte."
    res = convert_seed(data, NAME, CONFIG)
    assert [(d.code, d.line, d.column) for d in res.diagnostics] == [("seed-not-utf8", 5, 5)]


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "001_0123456789abcdef.txt"
    path.write_bytes(b" date 2025-11-27 " + b"word " * 1_000_000)  # 5 MB, one paragraph
    started = time.monotonic()
    res = read_seed(path, tmp_path, Config(max_seed_bytes=1_048_576))
    assert [d.code for d in res.diagnostics] == ["seed-too-large"]
    assert "5000017 bytes; the limit is 1048576" in res.diagnostics[0].message
    del started  # no timing assertions: speed is measured by benchmarks/, not tests


def test_five_megabyte_paragraph_with_a_raised_limit_converts() -> None:
    # One paragraph of 5,000,017 bytes with a quotation every twenty-odd words (a
    # quotation in every word made this test cost two minutes of CI for nothing more).
    unit = "Слово “цитата” ".encode() + "слово ".encode() * 20
    data = b" date 2025-11-27 " + unit * 20_000
    assert len(data) == 5_000_017
    res = convert_seed(
        data, NAME, Config(max_seed_bytes=10_000_000, max_paragraph_chars=10_000_000)
    )
    assert res.document is not None
    assert res.document.stats.quotations == 20_000
    assert res.diagnostics == []


def test_one_megabyte_line_without_spaces() -> None:
    data = b" date 2025-11-27 " + b"x" * 1_000_000
    got = codes(data)
    assert got == [
        ("seed-paragraph-too-long", 1, 18),
        ("seed-long-word", 1, 18),
        ("lang-undetected", 1, 18),
    ]


def test_long_word_alone_is_a_warning() -> None:
    data = b" date 2025-11-27 The link is " + b"a" * 300 + b" and the text goes on."
    # Too few letters to tell the language, too: that is said as well.
    assert codes(data) == [("seed-long-word", 1, 30), ("lang-undetected", 1, 18)]


def test_symlink_outside_the_corpus_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b" date 2025-11-27 Secret text outside the corpus.")
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    link = root / "seeds" / "001_0123456789abcdef.txt"
    os.symlink(outside, link)
    report = validate_paths([], root, CONFIG, Options(today=dt.date(2026, 1, 1)))
    assert [(d.code, d.file) for d in report.sorted()] == [
        ("seed-symlink-outside", "seeds/001_0123456789abcdef.txt")
    ]


def test_symlink_inside_the_corpus_is_read(tmp_path: Path) -> None:
    root = tmp_path
    (root / "seeds").mkdir()
    (root / "store").mkdir()
    target = root / "store" / "a.txt"
    target.write_bytes(b" date 2025-11-27 The minister said that the plan works.")
    os.symlink(target, root / "seeds" / "001_0123456789abcdef.txt")
    report = validate_paths([], root, CONFIG, Options(today=dt.date(2026, 1, 1)))
    assert report.sorted() == []


def test_duplicate_id_across_folders(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "001_0123456789abcdef.txt").write_bytes(
            f" date 2025-11-27 Article from folder {folder} about the roads.".encode()
        )
    report = validate_paths(
        [tmp_path / "a", tmp_path / "b"], tmp_path, CONFIG, Options(today=dt.date(2026, 1, 1))
    )
    assert [(d.code, d.file, d.related) for d in report.sorted()] == [
        ("duplicate-id", "b/001_0123456789abcdef.txt", ("a/001_0123456789abcdef.txt",))
    ]


def test_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    report = validate_paths([tmp_path / "nope.txt"], tmp_path, CONFIG, Options())
    assert [(d.code, d.file) for d in report.sorted()] == [("seed-unreadable", "nope.txt")]


def test_unreadable_file_is_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "001_0123456789abcdef.txt"
    path.mkdir()
    res = read_seed(path, tmp_path, CONFIG)
    assert [d.code for d in res.diagnostics] == ["seed-unreadable"]


def test_validator_never_modifies_a_seed(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "seeds" / "001_0123456789abcdef.txt"
    data = b"\xef\xbb\xbf date 2025-11-27 The\tminister said the plan works.\r\n"
    path.write_bytes(data)
    before = path.stat().st_mtime_ns
    validate_paths([], tmp_path, CONFIG, Options())
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("lead", "title", "source"),
    [
        ("Short lead.", "Short lead.", "first-sentence"),
        ("One sentence. Another one.", "One sentence.", "first-sentence"),
        ("“Quoted,” he said. Next.", "“Quoted,” he said.", "first-sentence"),
        ("Mr. Smith arrived. Then left.", "Mr. Smith arrived.", "first-sentence"),
        ("A. Lukashenko spoke. Then left.", "A. Lukashenko spoke.", "first-sentence"),
        ("word " * 60, ("word " * 32).strip() + "…", "first-sentence-truncated"),
    ],
)
def test_title_heuristic(lead: str, title: str, source: str) -> None:
    got = make_title(lead.strip(), lang="en")
    assert (got.title, got.title_source) == (title, source)
