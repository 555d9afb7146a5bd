"""Property tests: the reader never raises, and conversion is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_tools.config import Config
from corpus_tools.diagnostics import CODES
from corpus_tools.model import Document, dumps_canonical
from corpus_tools.schema import check_document
from corpus_tools.seeds import convert_seed

NAME = "seeds/001_0123456789abcdef.txt"
CONFIG = Config(default_lang="en")
PROFILE = settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)

_words = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "Президент",
        "сказаў",
        "ўрад",
        "café",
        "e\u0301",
        "&",
        "<",
        ">",
        "😀",
        "—",
        "“",
        "”",
        "«",
        "»",
        "„",
        "‘",
        "’",
        '"',
        ",",
        ".",
        "\u00a0",
        "\t",
    ]
)
_paragraph = st.lists(_words, min_size=1, max_size=25).map(" ".join)
seed_text = st.builds(
    lambda date, paras, nl: f" date {date} " + (nl + nl).join(paras) + nl,
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.lists(_paragraph, min_size=1, max_size=6),
    st.sampled_from(["\n", "\r\n"]),
)


@PROFILE
@given(st.binary(max_size=2000))
def test_reader_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    res = convert_seed(data, NAME, CONFIG)
    assert all(d.code in CODES for d in res.diagnostics)
    if res.document is not None:
        assert check_document(res.document.to_dict()) is None


@PROFILE
@given(seed_text)
def test_generated_seeds_convert_to_schema_valid_documents(text: str) -> None:
    data = text.encode("utf-8")
    res = convert_seed(data, NAME, CONFIG)
    errors = [d for d in res.diagnostics if d.effective_severity.value == "error"]
    if errors:
        return
    assert res.document is not None
    data_dict = res.document.to_dict()
    assert check_document(data_dict) is None
    assert Document.from_dict(data_dict) == res.document
    for q in res.document.quotations:
        paras = res.document.paragraphs
        assert (
            q.text.split("\n")[0]
            == paras[q.start.paragraph - 1].text[q.start.offset :][: len(q.text.split("\n")[0])]
        )


@PROFILE
@given(st.binary(max_size=500) | seed_text.map(str.encode))
def test_conversion_is_deterministic(data: bytes) -> None:
    a = convert_seed(data, NAME, CONFIG)
    b = convert_seed(data, NAME, CONFIG)
    assert a.diagnostics == b.diagnostics
    if a.document is not None:
        assert b.document is not None
        assert dumps_canonical(a.document.to_dict()) == dumps_canonical(b.document.to_dict())
