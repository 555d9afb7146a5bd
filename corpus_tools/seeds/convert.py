"""convert_seed: seed bytes to a canonical document, through the stages in order.

A pure function of the seed bytes, its path and the settings: no clock, no environment.
Each stage records its findings in one collector and the conversion stops after the
first stage that refuses the seed; later stages never see what an earlier one refused.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from corpus_tools._version import __version__
from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic
from corpus_tools.model import Document, Paragraph, Provenance, Source
from corpus_tools.seeds import annotate
from corpus_tools.seeds.decode import decode
from corpus_tools.seeds.findings import Findings
from corpus_tools.seeds.header import Header, has_second_date, read_header
from corpus_tools.seeds.names import parse_name
from corpus_tools.seeds.normalise import check_mojibake, normalise, scan
from corpus_tools.seeds.paragraphs import (
    Para,
    check_length,
    check_long_word,
    may_have_long_word,
    split_paragraphs,
)
from corpus_tools.seeds.result import SeedResult

CONVERTER = f"corpus-tools {__version__}"


def convert_seed(
    data: bytes,
    rel_path: str,
    config: Config | None = None,
    *,
    lang_override: str | None = None,
    source: Source | None = None,
) -> SeedResult:
    """Convert the bytes of one seed into a canonical document and its findings;
    ``source`` is the seed's row of the source metadata table, if any."""
    findings = Findings(rel_path)
    named = parse_name(rel_path)
    if isinstance(named, Diagnostic):
        findings.diagnostics.append(named)
        seq, hsh = None, None
    else:
        seq, hsh = named
    sha = hashlib.sha256(data).hexdigest()
    doc_id = rel_path.rsplit("/", 1)[-1].removesuffix(".txt")
    header, content = _read(data, doc_id, config or Config(), lang_override, findings)
    document = None
    if header and content and seq is not None and hsh is not None and not findings.has_errors:
        provenance = Provenance(
            rel_path, sha, len(data), CONVERTER, tuple(sorted(findings.normalisations))
        )
        document = _document(seq, hsh, header, content, provenance, source)
    return SeedResult(
        rel_path,
        document,
        findings.diagnostics,
        sha,
        len(data),
        seq,
        hsh,
        header.date if header else None,
        header.line if header else None,
        header.column if header else None,
    )


@dataclass(frozen=True, slots=True)
class _Content:
    """What the stages made of a seed's text."""

    paras: list[Para]
    texts: list[str]
    notes: annotate.Annotated


def _read(
    data: bytes, doc_id: str, config: Config, lang_override: str | None, findings: Findings
) -> tuple[Header | None, _Content | None]:
    """The header (once its date is read) and the content (when every stage accepted it)."""
    text = decode(data, config.max_seed_bytes, findings)
    if text is None:
        return None, None
    lines = text.split("\n")
    header = read_header(lines, findings)
    if header is None:
        return None, None
    if has_second_date(lines, header, findings):
        return header, None
    paras = split_paragraphs(lines, header, findings)
    if not paras:
        return header, None
    texts = _canonical_texts(text, paras, config, findings)
    notes = annotate.annotate(doc_id, paras, texts, config, lang_override, findings)
    return header, _Content(paras, texts, notes)


def _document(
    seq: int,
    hsh: str,
    header: Header,
    content: _Content,
    provenance: Provenance,
    source: Source | None,
) -> Document:
    """The canonical document of a seed that every stage accepted; the original
    headline, where the source metadata gives one, is its title."""
    texts, notes = content.texts, content.notes
    title, title_source = notes.title, notes.title_source
    if source is not None and source.headline is not None:
        title, title_source = source.headline, "headline"
    return Document(
        id=provenance.seed_path.rsplit("/", 1)[-1][:-4],
        seq=seq,
        hash=hsh,
        date=header.date,
        lang=notes.lang,
        lang_source=notes.lang_source,
        title=title,
        title_source=title_source,
        paragraphs=tuple(
            Paragraph(n, para.line, t)
            for n, (para, t) in enumerate(zip(content.paras, texts, strict=True), start=1)
        ),
        quotations=tuple(notes.quotations),
        stats=annotate.stats(texts, len(notes.quotations)),
        provenance=provenance,
        persons=notes.persons,
        lang_confidence=notes.lang_confidence,
        dateline=notes.dateline,
        source=source,
    )


def _canonical_texts(text: str, paras: list[Para], config: Config, findings: Findings) -> list[str]:
    """Each paragraph's canonical text, checked paragraph by paragraph.

    Normalising and checking one paragraph before the next keeps the findings in the
    order a reader meets them in the seed.
    """
    seen = scan(text)
    long_words = may_have_long_word(text)
    texts: list[str] = []
    for para in paras:
        canonical = normalise(para, seen, findings)
        if seen.mojibake:
            check_mojibake(para, canonical, findings)
        check_length(para, canonical, config.max_paragraph_chars, findings)
        if long_words:
            check_long_word(para, canonical, findings)
        texts.append(canonical)
    return texts
