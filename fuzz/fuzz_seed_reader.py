"""Coverage-guided fuzzing of the seed reader with atheris (libFuzzer for Python).

Each input is the bytes of one seed. The invariants are those of
tests/robustness/test_fuzz_seeds.py: ``convert_seed`` never raises; every diagnostic
has a catalogued code; a rejected seed has an error diagnostic; an accepted seed has
none, is schema-valid, records the SHA-256 and size of exactly its bytes, and exports
to TEI valid against schema/tei/corpus-tei.rng, CSV and JSONL that read back equal.
A broken invariant is an uncaught exception: libFuzzer saves the input as crash-*.

Usage (see fuzz/README.md)::

    python fuzz/fuzz_seed_reader.py WORK_CORPUS_DIR -max_total_time=600
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from lxml import etree

    from corpus_tools.config import Config
    from corpus_tools.diagnostics import CODES, Severity
    from corpus_tools.exporters.csv import read_csv_export
    from corpus_tools.exporters.jsonl import read_jsonl
    from corpus_tools.exporters.tei import corpus_tei_schema, read_tei, safe_parser
    from corpus_tools.exports import export_documents
    from corpus_tools.model import Document
    from corpus_tools.schema import check_document
    from corpus_tools.seeds import convert_seed

NAME = "seeds/001_0123456789abcdef.txt"
FORMATS = ["csv", "jsonl", "tei"]
# A small paragraph limit, so that the limit itself is reached often.
CONFIG = Config(default_lang="en", max_paragraph_chars=4000)


def _round_trip(doc: Document) -> None:
    """Export ``doc`` in every format; TEI is valid and every format reads back equal."""
    expected = doc.to_dict()
    with tempfile.TemporaryDirectory(prefix="corpus-fuzz-") as tmp:
        out = Path(tmp)
        export_documents([doc], FORMATS, out, CONFIG)
        schema = corpus_tei_schema()
        for path in (out / "tei" / f"{doc.id}.xml", out / "corpus.tei.xml"):
            tree = etree.parse(str(path), safe_parser())
            if not schema.validate(tree):
                raise AssertionError(f"{path.name} not valid: {schema.error_log.last_error}")
            if [d.to_dict() for d in read_tei(path)] != [expected]:
                raise AssertionError(f"{path.name} does not read back equal")
        if [d.to_dict() for d in read_csv_export(out)] != [expected]:
            raise AssertionError("CSV does not read back equal")
        if [d.to_dict() for d in read_jsonl(out / "corpus.jsonl")] != [expected]:
            raise AssertionError("JSONL does not read back equal")


def test_one_input(data: bytes) -> None:
    """Check every invariant of the seed reader for one input."""
    res = convert_seed(data, NAME, CONFIG)
    unknown = [d.code for d in res.diagnostics if d.code not in CODES]
    if unknown:
        raise AssertionError(f"uncatalogued codes {unknown}")
    errors = [d for d in res.diagnostics if d.effective_severity is Severity.ERROR]
    doc = res.document
    if doc is None:
        if not errors:
            raise AssertionError("rejected without an error diagnostic")
        return
    if errors:
        raise AssertionError(f"accepted with errors {[d.code for d in errors]}")
    problem = check_document(doc.to_dict())
    if problem is not None:
        raise AssertionError(f"schema-invalid document: {problem}")
    if doc.provenance.seed_sha256 != hashlib.sha256(data).hexdigest():
        raise AssertionError("recorded SHA-256 is not that of the bytes converted")
    if doc.provenance.seed_bytes != len(data):
        raise AssertionError("recorded size is not that of the bytes converted")
    if any(len(p.text) > CONFIG.max_paragraph_chars for p in doc.paragraphs):
        raise AssertionError("a paragraph over the limit was accepted")
    _round_trip(doc)


def main() -> None:
    """Run libFuzzer over ``test_one_input`` with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
