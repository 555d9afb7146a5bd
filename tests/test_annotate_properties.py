"""Properties of the annotation engine on generated texts: it never fails, and what it
returns is consistent (offsets, links, persons)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_tools.annotate import annotate_document

_ALPHABET = "aeoAEO ьыжЖ,.:;!?—–-“”„«»‹›‘’‚'\"\u00a0 2 сказал said a dit dijo Иван Smith"
_WORDS = st.sampled_from(
    [
        "сказал",
        "said",
        "he",
        "она",
        "Иван Петров",
        "John Smith",
        "—",
        "– ",
        "“",
        "”",
        "«",
        "»",
        "„",
        "‘",
        "’",
        '"',
        "'",
        ",",
        ".",
        ":",
        ";",
        "?",
        "6'2\"",
        "the so-called",
        "компания",
        "MINSK, Nov 27 (Reuters) -",
        "Dr.",
        "г.",
    ]
)
_PARAGRAPH = (
    st.one_of(
        st.text(alphabet=_ALPHABET, min_size=1, max_size=80),
        st.lists(_WORDS, min_size=1, max_size=25).map(" ".join),
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PARAGRAPH, min_size=1, max_size=6), st.sampled_from([None, "ru", "en", "es"]))
def test_annotations_are_consistent(paragraphs: list[str], lang: str | None) -> None:
    a = annotate_document(paragraphs, doc_id="001_0123456789abcdef", lang_hint=lang)
    ids = [q.id for q in a.quotations]
    assert ids == [f"q{n}" for n in range(1, len(ids) + 1)]
    by_id = {q.id: q for q in a.quotations}
    person_ids = {p.id for p in a.persons}
    for q in a.quotations:
        text = paragraphs[q.start.paragraph - 1]
        assert q.start.paragraph == q.end.paragraph
        assert 0 <= q.start.offset < q.end.offset <= len(text)
        assert q.text == text[q.start.offset : q.end.offset]
        assert q.type in ("speech", "title", "name", "term")
        if q.prev is not None:
            assert by_id[q.prev].next == q.id
            assert by_id[q.prev].type == q.type
            assert by_id[q.prev].speaker == q.speaker
        if q.parent is not None:
            parent = by_id[q.parent]
            assert parent.start <= q.start
            assert q.end <= parent.end
            assert q.depth == parent.depth + 1
        if q.speaker is not None:
            assert q.type == "speech"
            assert q.speaker.ref in person_ids
    assert (
        a.to_dict()
        == annotate_document(paragraphs, doc_id="001_0123456789abcdef", lang_hint=lang).to_dict()
    )


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcdé雨市", max_size=14),
    st.lists(st.text(alphabet="abcdé雨市", max_size=6), min_size=16, max_size=40),
)
def test_a_compound_ends_with_a_stem_whatever_the_table_size(word: str, stems: list[str]) -> None:
    """The indexed test for a long table gives what the plain definition gives."""
    from corpus_tools.annotate.tables import ends_compound

    table = tuple(stems)
    expected = any(
        stem in word[max(2, len(word) - len(stem) - 3) :]
        for stem in table
        if len(word) >= len(stem) + 3
    )
    assert ends_compound(word, table) is expected
