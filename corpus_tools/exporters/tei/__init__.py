"""TEI P5 export: one TEI document per article, a streamed teiCorpus, reading and checking.

Files: ``tei/doc-<id>.xml`` (a ``TEI`` document per article, named by its ``xml:id``
as in ParlaMint) and ``corpus.tei.xml`` (a ``teiCorpus``: the corpus header, then every
article's ``TEI`` embedded, not XIncluded). ``schema/tei/corpus-tei.rng`` is the exact
grammar of both and is shipped beside them as ``corpus-tei.rng``, which each file's
``<?xml-model?>`` processing instruction names by a relative path; every file is also
valid against ``tei_all``.

The corpus header holds the corpus facts of ``corpus.toml`` and what the documents say:
``teiCorpus/@xml:id`` (the idno made an XML name), ``@xml:lang`` (the documents' one
language, or ``mul`` when they are in several), ``extent`` (documents, paragraphs,
words, characters and speech quotations), ``publicationStmt/date`` and
``revisionDesc/change/@when`` (the date of the newest article: never the clock; the
change names the tool's version), ``tagsDecl/namespace/tagUsage`` (each element of the
documents' ``text``, with how often it occurs, by name) and ``langUsage`` (each
language, with ``@usage`` its percentage of the corpus's words, rounded, and the text
its counts of documents and words).

Where each canonical field lives (``read_tei`` reads it back from there)::

    id               publicationStmt/idno[@type="document"]; TEI/@xml:id is "doc-" + id
                     and sourceDesc/bibl/idno[@type="seed"] repeats it
    seq, hash        the two parts of the id (NNN_<16 hex>), as the converter defines them
    date             sourceDesc/bibl/date/@when (and profileDesc/creation/date/@when)
    lang             profileDesc/langUsage/language/@ident (and TEI/@xml:lang); the
                     element's text names the language and, where lang_source is
                     default or override, says that it was not identified
    title            titleStmt/title (and sourceDesc/bibl/title[@level="a"] where
                     title_source is "headline": a derived title is not the source's)
    source           sourceDesc/bibl: author (author), title[@level="j"] (publication),
                     ptr/@target (url), availability/licence (licence), each only where
                     given; the headline is the title, where title_source is "headline"
    paragraphs       text/body/p: @n, the text as the element's character content
    stats            fileDesc/extent/measure[@unit=paragraph|word|character]/@quantity;
                     the count of quotations is that of the body's quotations (the
                     measure[@unit="quotation"] counts speech only)
    quotations       elements inside p (below)
    persons          profileDesc/particDesc/listPerson/person: @xml:id is
                     "doc-<id>-" + the person's id; persName (no @type) the name, then
                     persName[@type="mention"] per mention, in order
    seed_path        sourceDesc/bibl/idno[@type="seed-path"]
    seed_sha256      sourceDesc/bibl/idno[@type="sha256"]
    seed_bytes       sourceDesc/bibl/extent/measure[@unit="byte"]/@quantity
    converter        encodingDesc/appInfo/application/label
    normalisations   encodingDesc/editorialDecl/normalization/p/@n, in order
    schema_version,  teiHeader/xenoData[@type="application/json"]: one JSON object with
    lang_source,     "schema_version", "lang_source", "lang_confidence", "title_source",
    lang_confidence, "dateline", "paragraph_lines" (the seed line of each paragraph, in
    title_source,    order) and, only where needed, "quotation_speakers" (quotation id ->
    dateline,        the speaker's name and mention; the person is @who),
    paragraph line,  "quotation_count" (where stats.quotations is not the number of
    speaker name     quotations) and, where the nesting of the elements does not already
    and mention,     say it, "quotation_depths" / "quotation_parents" (quotation id ->
    irregular        value)
    depth/parent

A quotation is the element of its type: ``said direct="true"`` (speech; ``@who`` points
to the speaker's person where it has one; no ``@aloud``: the text seldom says whether
words were spoken), ``title``, ``name`` or ``soCalled`` (term), inside ``p``; the text is
not changed by a single character. ``@rendition`` points to the ``tagsDecl/rendition``
that says how the quotation is set off in the seed: ``doc-<id>-dash`` for
``kind="dialogue"``, ``doc-<id>-marks`` for a ``quote`` whose marks are not known, and
``doc-<id>-marks<N>`` (N = 1, 2 ... in order of first use) for a pair of marks, which
the rendition names in two ``mentioned`` elements. Start, end and text come from where
the elements sit; ``parent`` and ``depth`` from how they nest.

A quotation that runs over paragraphs is split into one element per paragraph. The
first part has the id ``doc-<id>-q<N>``, the others ``doc-<id>-q<N>-<k>`` (k = 2, 3,
...); consecutive parts are linked with ``@next``/``@prev``. A quotation that continues
another after an interruption (the model's ``prev``) is linked the same way, from the
last part of the earlier quotation to the first part of the later one: a link between
two ids with the same ``q<N>`` joins parts of one quotation, a link between different
``q<N>`` is a continuation. Paragraphs have the ids ``doc-<id>-p<n>``, persons
``doc-<id>-person<N>``, renditions ``doc-<id>-dash`` and ``doc-<id>-marks[<N>]``, so
every id is unique across the whole corpus.

The modules: ``render`` writes the bytes (the only renderer), ``read`` reads a file
back, ``check`` validates what was written (RELAX NG and pointers), ``names`` holds
what they share; this one holds the exporter and its sink.
"""

from __future__ import annotations

import os
import tempfile
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic
from corpus_tools.exporters import CheckSettings, VerdictStore
from corpus_tools.exporters.datapackage import (
    FORMAT_MEDIATYPES,
    Written,
    file_resource,
    folder_resource,
)
from corpus_tools.exporters.tei.check import (
    POINTER_ATTRIBUTES,
    TeiProblem,
    check_files,
    check_tei_references,
    compile_schema,
    corpus_tei_schema,
    judge_rendered,
    project_schema_path,
)
from corpus_tools.exporters.tei.names import (
    CORPUS_FILE,
    DOC_DIR,
    SCHEMA_FILE,
    SCHEMA_PATH,
    TEI_NS,
    XENO_TYPE,
    XML_NS,
    doc_file,
    file_document,
)
from corpus_tools.exporters.tei.read import TeiReadError, read_tei, safe_parser
from corpus_tools.exporters.tei.render import (
    NORMALISATIONS,
    CorpusCounts,
    DocumentCounts,
    TeiExportError,
    document_counts,
    render_corpus_header,
    render_corpus_start,
    render_document,
    render_fragments,
)
from corpus_tools.io import Staging
from corpus_tools.model import Document

# corpus.tei.xml's documents are held here until its header, which counts them all, is
# written: in memory up to this size, then in an unnamed temporary file in the export
# folder (removed by the system however the run ends), so memory stays flat.
_SPOOL_BYTES = 32 * 1024
_COPY_BYTES = 32 * 1024


class TeiSink:
    """Writes ``tei/doc-<id>.xml`` per document, ``corpus.tei.xml`` and the schema
    both point to.

    The corpus header comes first in ``corpus.tei.xml`` but counts every document, so
    the embedded documents are spooled as they come and the file is written at
    ``close``: header, then the spooled documents. Only running totals are kept.
    """

    def __init__(self, out_dir: Path, config: Config, staging: Staging) -> None:
        self._out_dir = out_dir
        self._doc_dir = out_dir / DOC_DIR  # joined once: add runs for every document
        self._config = config
        self._staging = staging
        self._body: IO[bytes] | None = None
        self._counts = CorpusCounts()

    def _start_body(self) -> IO[bytes]:
        self._out_dir.mkdir(parents=True, exist_ok=True)
        # Open until close(), across add() calls: no with block can hold it.
        body: IO[bytes] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=_SPOOL_BYTES, mode="w+b", dir=os.fspath(self._out_dir)
        )
        # A run that fails before close (the staging is aborted) drops the sink: the
        # spool is closed with it.
        weakref.finalize(self, body.close)
        self._body = body
        return body

    def add(self, doc_id: str, fragment: tuple[bytes, bytes, DocumentCounts]) -> None:
        """Write one document's file and spool its part of the corpus file."""
        target = self._doc_dir / doc_file(doc_id)
        # The staging knows the files given: a set of the ids seen would grow with the
        # corpus.
        if self._staging.holds(target):
            raise TeiExportError(doc_id, "two documents have this id")
        standalone, embedded, counts = fragment
        # Given whole and closed at once: an unchanged file is not rewritten, and 100,000
        # open files until commit would exhaust file descriptors.
        self._staging.put_bytes(target, standalone)
        body = self._body or self._start_body()
        body.write(b"\n  " + embedded)
        self._counts.add(counts)

    def close(self) -> None:
        """Write ``corpus.tei.xml`` and the schema; schedule stale files for deletion."""
        corpus_path = self._out_dir / CORPUS_FILE
        schema_path = self._out_dir / SCHEMA_FILE
        if self._body is not None:
            corpus = self._staging.open(corpus_path)
            corpus.write(render_corpus_start(self._config, self._counts))
            self._body.seek(0)
            while chunk := self._body.read(_COPY_BYTES):
                corpus.write(chunk)
            self._body.close()
            self._body = None
            corpus.write(b"\n</teiCorpus>\n")
            corpus.close()  # flushed: what is staged is complete from here on
            self._staging.put_bytes(schema_path, project_schema_path().read_bytes())
        else:
            # teiCorpus needs at least one TEI: no documents, no corpus file (nor schema).
            for path in (corpus_path, schema_path):
                if path.is_file():
                    self._staging.delete(path)
        folder = self._out_dir / DOC_DIR
        if folder.is_dir():
            # Listed as it comes (a folder of one file per document, and as many
            # temporaries now), and only the stale names kept, then sorted.
            stale: list[str] = []
            with os.scandir(folder) as entries:
                for entry in entries:
                    doc_id = file_document(entry.name)
                    if doc_id is not None and (
                        entry.name != doc_file(doc_id)
                        or not self._staging.holds(self._doc_dir / entry.name)
                    ):
                        stale.append(entry.name)
            for name in sorted(stale):
                self._staging.delete(folder / name)


class TeiExporter:
    """``exports/tei/doc-<id>.xml``, ``exports/corpus.tei.xml`` and the schema of both,
    ``exports/corpus-tei.rng``."""

    name = "tei"
    subfolders: tuple[str, ...] = (DOC_DIR,)
    description = (
        "TEI P5 XML: tei/doc-<id>.xml per article and corpus.tei.xml with all of them, "
        "and corpus-tei.rng, the RELAX NG schema both point to"
    )

    def open(self, out_dir: Path, config: Config, staging: Staging) -> TeiSink:
        """Start the TEI export."""
        return TeiSink(out_dir, config, staging)

    def render(self, doc: Document, config: Config) -> tuple[bytes, bytes, DocumentCounts]:
        """The document's fragments (see ``render_fragments``) and what the corpus
        header counts of it (``document_counts``)."""
        standalone, embedded = render_fragments(doc, config)
        return standalone, embedded, document_counts(doc)

    def owns(self, rel_path: str) -> bool:
        """``corpus.tei.xml``, ``corpus-tei.rng`` and ``tei/doc-<id>.xml`` (and
        ``tei/<id>.xml``, as earlier versions named them: an export removes them)."""
        if rel_path in (CORPUS_FILE, SCHEMA_FILE):
            return True
        folder, _, name = rel_path.partition("/")
        return folder == DOC_DIR and file_document(name) is not None

    def document_of(self, rel_path: str) -> str | None:
        """``tei/doc-<id>.xml`` holds document ``<id>``; ``corpus.tei.xml`` them all."""
        folder, _, name = rel_path.partition("/")
        return file_document(name) if folder == DOC_DIR else None

    def describe(self, written: Written) -> list[dict[str, Any]]:
        """The files of ``tei/`` as one resource, ``corpus.tei.xml`` and the schema."""
        out: list[dict[str, Any]] = []
        documents = folder_resource(
            "tei-tei",
            DOC_DIR,
            written,
            title="TEI documents",
            description="One TEI P5 document per article: tei/doc-<id>.xml, named by the "
            f"TEI element's xml:id; each is valid against {SCHEMA_FILE} and tei_all.",
            mediatype=FORMAT_MEDIATYPES["tei"],
        )
        if documents is not None:
            out.append(documents)
        if CORPUS_FILE in written.files:
            out.append(
                file_resource(
                    "tei-corpus.tei.xml",
                    CORPUS_FILE,
                    written,
                    title="TEI corpus",
                    description="A teiCorpus: the corpus header (extent, languages, "
                    "element counts, the date of the newest article), then every "
                    f"article's TEI; valid against {SCHEMA_FILE} and tei_all.",
                    mediatype=FORMAT_MEDIATYPES["tei"],
                )
            )
        if SCHEMA_FILE in written.files:
            out.append(
                file_resource(
                    "tei-schema",
                    SCHEMA_FILE,
                    written,
                    title="RELAX NG schema of the TEI files",
                    description="The exact grammar of corpus.tei.xml and tei/doc-<id>.xml "
                    "(a subset of tei_all); their <?xml-model?> points here.",
                    mediatype="application/xml",
                )
            )
        return out

    def read(self, path: Path) -> Iterator[Document]:
        """The documents of a file this exporter wrote (see ``read_tei``), or of the
        ``corpus.tei.xml`` of an export folder (or beside the schema)."""
        if path.is_dir():
            path = path / CORPUS_FILE
        elif path.name == SCHEMA_FILE:
            path = path.parent / CORPUS_FILE
        return read_tei(path)

    def judge(
        self, doc_id: str, fragment: tuple[bytes, bytes, DocumentCounts], settings: CheckSettings
    ) -> dict[str, str]:
        """The verdict on ``tei/doc-<id>.xml`` as rendered (see ``judge_rendered``)."""
        return judge_rendered(fragment[0], doc_id, settings)

    def check(
        self, out_dir: Path, files: Mapping[str, str], settings: CheckSettings
    ) -> list[Diagnostic]:
        """Validity of the TEI files among ``files``, which are known fresh (``check_files``)."""
        return check_files(out_dir, files, settings)


EXPORTER = TeiExporter()

__all__ = [
    "CORPUS_FILE",
    "DOC_DIR",
    "EXPORTER",
    "NORMALISATIONS",
    "POINTER_ATTRIBUTES",
    "SCHEMA_FILE",
    "SCHEMA_PATH",
    "TEI_NS",
    "XENO_TYPE",
    "XML_NS",
    "CheckSettings",
    "CorpusCounts",
    "DocumentCounts",
    "TeiExportError",
    "TeiExporter",
    "TeiProblem",
    "TeiReadError",
    "TeiSink",
    "VerdictStore",
    "check_files",
    "check_tei_references",
    "compile_schema",
    "corpus_tei_schema",
    "doc_file",
    "document_counts",
    "read_tei",
    "render_corpus_header",
    "render_corpus_start",
    "render_document",
    "render_fragments",
    "safe_parser",
]
