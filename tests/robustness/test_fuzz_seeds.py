"""Fuzzing the seed reader: arbitrary bytes and structured mutations of real seeds.

Invariants, for every input: ``convert_seed`` returns (never raises); every diagnostic
has a catalogued code; a rejected seed has at least one error diagnostic (no silent
rejection); an accepted seed has no error, is schema-valid, records the SHA-256 and
size of exactly the bytes converted, keeps every paragraph within the limit, and
exports to TEI valid against corpus-tei.rng, CSV and JSONL that all read back equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from corpus_tools.config import Config
from corpus_tools.diagnostics import CODES, Severity
from corpus_tools.schema import check_document
from corpus_tools.seeds import convert_seed, read_seed

from ._support import (
    CONFIG,
    PARAGRAPH_LIMIT,
    SEED_NAME,
    export_and_read_back,
    fuzz_settings,
    sample_seeds,
    scratch_dir,
    sha256,
)

pytestmark = pytest.mark.fuzz

HEADER = b" date 2024-05-17 "


def check_seed_bytes(data: bytes, rel: str = SEED_NAME, config: Config = CONFIG) -> None:
    """Every invariant of the seed reader for one input."""
    res = convert_seed(data, rel, config)
    unknown = [d.code for d in res.diagnostics if d.code not in CODES]
    assert not unknown, f"uncatalogued codes {unknown}"
    errors = [d for d in res.diagnostics if d.effective_severity is Severity.ERROR]
    doc = res.document
    if doc is None:
        assert errors, "rejected without an error diagnostic"
        return
    assert not errors, f"accepted with errors {[d.code for d in errors]}"
    data_dict = doc.to_dict()
    assert check_document(data_dict) is None, check_document(data_dict)
    assert doc.provenance.seed_sha256 == sha256(data)
    assert doc.provenance.seed_bytes == len(data)
    assert res.sha256 == sha256(data)
    assert all(len(p.text) <= config.max_paragraph_chars for p in doc.paragraphs)
    with scratch_dir() as out:
        export_and_read_back(doc, out, config)


# --- arbitrary input -------------------------------------------------------------------


@fuzz_settings(300)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    check_seed_bytes(data)


@fuzz_settings(300)
@given(st.binary(max_size=2048))
def test_header_then_arbitrary_bytes(data: bytes) -> None:
    # A valid header first, so that the body, not the header check, meets the noise.
    check_seed_bytes(HEADER + data)


@fuzz_settings(300)
@given(st.lists(st.text(max_size=300), min_size=1, max_size=6))
def test_header_then_arbitrary_unicode(paragraphs: list[str]) -> None:
    # Every code point but surrogates: what the reader accepts must be exportable.
    check_seed_bytes(HEADER + "\n\n".join(paragraphs).encode("utf-8"))


_VALID_NAME = re.compile(r"[0-9]{3,}_[0-9a-f]{16}\.txt")


@fuzz_settings(200)
@given(
    st.text(max_size=60)
    | st.builds(
        "{}_{}.txt{}".format,
        st.from_regex(r"[0-9]{1,5}", fullmatch=True),
        st.from_regex(r"[0-9a-fA-F]{15,17}", fullmatch=True),
        st.sampled_from(["", " ", "\t"]),
    )
)
@example("001_0123456789abcdef.txt\n")
def test_arbitrary_file_names(name: str) -> None:
    data = sample_seeds()[0][1]
    rel = f"seeds/{name}"
    res = convert_seed(data, rel, CONFIG)
    codes = {d.code for d in res.diagnostics}
    assert codes <= set(CODES)
    if _VALID_NAME.fullmatch(name):
        assert res.document is not None
        assert res.document.id == name[:-4]
    else:
        assert res.document is None
        assert "seed-bad-filename" in codes


def test_file_name_with_a_final_line_feed_is_a_bad_name() -> None:
    # '$' in a pattern also matches before a final line feed; the name check must not.
    res = convert_seed(sample_seeds()[0][1], "seeds/001_0123456789abcdef.txt\n", CONFIG)
    assert res.document is None
    assert [d.code for d in res.diagnostics] == ["seed-bad-filename"]


# --- structured mutations of real seeds --------------------------------------------------

CONTROLS = [bytes([b]) for b in range(32) if b not in (9, 10, 13)] + [
    b"\x7f",
    *(chr(c).encode() for c in range(0x80, 0xA0)),
    "\ufffe".encode(),
    "\uffff".encode(),
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xef\xbb\xbf",  # a byte order mark in the middle
    "\u2028".encode(),
    "\u2029".encode(),
    "\u200b".encode(),
    "\u00a0".encode(),
    b"\t",
    b"\r",
    b"\n\n",
]
FRAGMENTS = [
    "café déjà vu à Zürich, ß",
    "“Quoted,” he said — «цитата» „Zitat“",
    "Прэзідэнт ўрад ї ґ",
    "日本語のテキスト",
    "😀 👍🏽 👨‍👩‍👧",
]
ENCODINGS = ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8-r"]
MARKS = list("“”«»„‘’\"'‹›「」—–-")
COMBINING = ["\u0301", "\u0308", "\u0327", "\u1100\u1161", "e\u0301", "\u0345", "q\u0307"]

Mutation = Callable[[st.DrawFn, bytes], bytes]


def _pos(draw: st.DrawFn, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


def _insert(draw: st.DrawFn, data: bytes, piece: bytes) -> bytes:
    at = _pos(draw, data)
    return data[:at] + piece + data[at:]


def truncate(draw: st.DrawFn, data: bytes) -> bytes:
    return data[: _pos(draw, data)]


def truncate_header(draw: st.DrawFn, data: bytes) -> bytes:
    end = data.find(b"\n")
    end = len(data) if end < 0 else end
    cut = draw(st.integers(0, min(end, 40)))
    keep_body = draw(st.booleans())
    return data[:cut] + (data[end:] if keep_body else b"")


def delete_span(draw: st.DrawFn, data: bytes) -> bytes:
    i = _pos(draw, data)
    j = draw(st.integers(i, min(len(data), i + 200)))
    return data[:i] + data[j:]


def insert_control(draw: st.DrawFn, data: bytes) -> bytes:
    return _insert(draw, data, draw(st.sampled_from(CONTROLS)))


def splice_encoding(draw: st.DrawFn, data: bytes) -> bytes:
    text = draw(st.sampled_from(FRAGMENTS))
    encoding = draw(st.sampled_from(ENCODINGS))
    return _insert(draw, data, text.encode(encoding, errors="replace"))


def huge_paragraph(draw: st.DrawFn, data: bytes) -> bytes:
    unit = draw(st.sampled_from(["word ", "ў", "x", "“a” ", "e\u0301"]))
    size = draw(
        st.sampled_from([PARAGRAPH_LIMIT - 1, PARAGRAPH_LIMIT, PARAGRAPH_LIMIT + 1])
        | st.integers(PARAGRAPH_LIMIT // 2, PARAGRAPH_LIMIT * 3)
    )
    text = (unit * (size // len(unit) + 1))[:size].strip() or "x"
    # A paragraph of its own at a line start, or glued into the text anywhere.
    if draw(st.booleans()):
        return data.rstrip(b"\n") + b"\n\n" + text.encode() + b"\n"
    return _insert(draw, data, text.encode())


def flip_byte(draw: st.DrawFn, data: bytes) -> bytes:
    if not data:
        return data
    i = draw(st.integers(0, len(data) - 1))
    return data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]


def insert_text(draw: st.DrawFn, data: bytes) -> bytes:
    return _insert(draw, data, draw(st.text(max_size=40)).encode("utf-8"))


def insert_marks(draw: st.DrawFn, data: bytes) -> bytes:
    marks = draw(st.lists(st.sampled_from(MARKS), min_size=1, max_size=4))
    return _insert(draw, data, "".join(marks).encode())


def insert_combining(draw: st.DrawFn, data: bytes) -> bytes:
    return _insert(draw, data, draw(st.sampled_from(COMBINING)).encode())


def line_endings(draw: st.DrawFn, data: bytes) -> bytes:
    return data.replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\n\n\n", b" \n"])))


def duplicate_span(draw: st.DrawFn, data: bytes) -> bytes:
    i = _pos(draw, data)
    j = draw(st.integers(i, min(len(data), i + 300)))
    return data[:j] + data[i:j] + data[j:]


def second_header(draw: st.DrawFn, data: bytes) -> bytes:
    header = draw(st.sampled_from([b" date 2020-01-01 ", b"date 1999-12-31\n", b"2020/01/01 "]))
    return _insert(draw, data, header)


# Characters that white-space rules disagree on (Python's str.isspace, the schema's
# ECMA-262 \s, XML), put where paragraphs start and end.
EDGE_CHARS = [
    "\ufeff",
    "\u00a0",
    "\u1680",
    "\u180e",
    "\u2000",
    "\u200b",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u3000",
    "\u0085",
]


def edge_insert(draw: st.DrawFn, data: bytes) -> bytes:
    starts = [0, len(data)] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
    ends = [i for i, b in enumerate(data) if b == 0x0A]
    at = draw(st.sampled_from(sorted(set(starts + ends))))
    char = draw(st.sampled_from(EDGE_CHARS)).encode()
    return data[:at] + char * draw(st.integers(1, 3)) + data[at:]


def blank_prefix(draw: st.DrawFn, data: bytes) -> bytes:
    return draw(st.sampled_from([b"\n", b"\n\n  \n", b"\xef\xbb\xbf", b"\t\n"])) + data


MUTATIONS: list[Mutation] = [
    truncate,
    truncate_header,
    delete_span,
    insert_control,
    splice_encoding,
    huge_paragraph,
    flip_byte,
    insert_text,
    insert_marks,
    insert_combining,
    line_endings,
    duplicate_span,
    second_header,
    blank_prefix,
    edge_insert,
]


@st.composite
def mutated_seed(draw: st.DrawFn, count: tuple[int, int] = (1, 4)) -> bytes:
    """A real seed with one to four mutations applied in turn."""
    data = draw(st.sampled_from(sample_seeds()))[1]
    for _ in range(draw(st.integers(*count))):
        mutate = draw(st.sampled_from(MUTATIONS))
        data = mutate(draw, data)
    return data


@fuzz_settings(500)
@given(mutated_seed())
def test_mutated_real_seeds(data: bytes) -> None:
    check_seed_bytes(data)


# A U+FEFF at a paragraph edge is trimmed like white space (the schema's ECMA-262 \s
# counts it as space); found by CORPUS_FUZZ_EXAMPLES=20000.


@pytest.mark.parametrize(
    "text",
    ["\ufeff", "The minister spoke today.\ufeff", "The minister spoke today.\n\n\ufeffThen left."],
    ids=["alone", "at-the-end", "at-a-start"],
)
def test_bom_at_a_paragraph_edge(text: str) -> None:
    res = convert_seed(HEADER + text.encode(), SEED_NAME, CONFIG)
    if res.document is None:
        assert any(d.effective_severity is Severity.ERROR for d in res.diagnostics)
    else:
        assert check_document(res.document.to_dict()) is None


@pytest.mark.parametrize(("rel", "data"), sample_seeds(), ids=[r for r, _ in sample_seeds()])
def test_unmutated_samples_round_trip(rel: str, data: bytes) -> None:
    # The baseline of the mutations: every sample seed is accepted and round-trips.
    res = convert_seed(data, rel, CONFIG)
    assert res.document is not None, [d.code for d in res.diagnostics]
    check_seed_bytes(data, rel)


@fuzz_settings(100)
@given(mutated_seed(count=(0, 2)))
def test_read_seed_matches_convert_seed(data: bytes) -> None:
    # The file-system reader adds nothing but reading: same findings, same document.
    with scratch_dir() as root:
        path = root / SEED_NAME
        path.parent.mkdir()
        path.write_bytes(data)
        from_file = read_seed(path, root, CONFIG)
        from_bytes = convert_seed(data, SEED_NAME, CONFIG)
        assert from_file.diagnostics == from_bytes.diagnostics
        assert from_file.document == from_bytes.document
