"""TEI P5 export: one TEI document per article, a streamed teiCorpus, reading and checking.

Files: ``tei/<id>.xml`` (a ``TEI`` document per article) and ``corpus.tei.xml`` (a
``teiCorpus``: the corpus header, then every article's ``TEI`` embedded, not
XIncluded). ``schema/tei/corpus-tei.rng`` is the exact grammar of both; every file is
also valid against ``tei_all``.

Where each canonical field lives (``read_tei`` reads it back from there)::

    id               publicationStmt/idno[@type="document"]; TEI/@xml:id is "doc-" + id
                     and sourceDesc/bibl/idno[@type="seed"] repeats it
    seq, hash        the two parts of the id (NNN_<16 hex>), as the converter defines them
    date             sourceDesc/bibl/date/@when (and profileDesc/creation/date/@when)
    lang             profileDesc/langUsage/language/@ident (and TEI/@xml:lang); the
                     element's text names the language and, where lang_source is
                     default or override, says that it was not identified
    title            titleStmt/title (and sourceDesc/bibl/title[@level="a"])
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

from collections.abc import Iterator, Mapping
from pathlib import Path

from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic
from corpus_tools.exporters import CheckSettings, VerdictStore
from corpus_tools.exporters.tei.check import (
    POINTER_ATTRIBUTES,
    TeiProblem,
    check_files,
    check_tei_references,
    compile_schema,
    corpus_tei_schema,
    judge_rendered,
)
from corpus_tools.exporters.tei.names import (
    CORPUS_FILE,
    DOC_DIR,
    DOC_FILE,
    SCHEMA_PATH,
    TEI_NS,
    XENO_TYPE,
    XML_NS,
)
from corpus_tools.exporters.tei.read import TeiReadError, read_tei, safe_parser
from corpus_tools.exporters.tei.render import (
    NORMALISATIONS,
    TeiExportError,
    render_corpus_header,
    render_document,
    render_fragments,
)
from corpus_tools.io import StagedFile, Staging
from corpus_tools.model import Document


class TeiSink:
    """Writes ``tei/<id>.xml`` per document and streams ``corpus.tei.xml``."""

    def __init__(self, out_dir: Path, config: Config, staging: Staging) -> None:
        self._out_dir = out_dir
        self._doc_dir = out_dir / DOC_DIR  # joined once: add runs for every document
        self._config = config
        self._staging = staging
        self._ids: set[str] = set()
        self._corpus: StagedFile | None = None

    def _start_corpus(self) -> StagedFile:
        corpus = self._staging.open(self._out_dir / CORPUS_FILE)
        corpus.write(
            b"<?xml version='1.0' encoding='UTF-8'?>\n"
            + f'<teiCorpus xmlns="{TEI_NS}">\n  '.encode()
            + render_corpus_header(self._config)
        )
        self._corpus = corpus
        return corpus

    def add(self, doc_id: str, fragment: tuple[bytes, bytes]) -> None:
        """Write one document's file and append it to the corpus file."""
        if doc_id in self._ids:
            raise TeiExportError(doc_id, "two documents have this id")
        standalone, embedded = fragment
        # Given whole and closed at once: an unchanged file is not rewritten, and 100,000
        # open files until commit would exhaust file descriptors.
        self._staging.put_bytes(self._doc_dir / f"{doc_id}.xml", standalone)
        self._ids.add(doc_id)
        corpus = self._corpus or self._start_corpus()
        corpus.write(b"\n  " + embedded)

    def close(self) -> None:
        """Finish ``corpus.tei.xml``; schedule stale files for deletion."""
        if self._corpus is not None:
            self._corpus.write(b"\n</teiCorpus>\n")
            self._corpus.close()  # flushed: what is staged is complete from here on
        elif (self._out_dir / CORPUS_FILE).is_file():
            # teiCorpus needs at least one TEI: no documents, no corpus file.
            self._staging.delete(self._out_dir / CORPUS_FILE)
        folder = self._out_dir / DOC_DIR
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if DOC_FILE.match(path.name) and path.name[:-4] not in self._ids:
                    self._staging.delete(path)


class TeiExporter:
    """``exports/tei/<id>.xml`` and ``exports/corpus.tei.xml``."""

    name = "tei"
    subfolders: tuple[str, ...] = (DOC_DIR,)
    description = "TEI P5 XML: tei/<id>.xml per article and corpus.tei.xml with all of them"

    def open(self, out_dir: Path, config: Config, staging: Staging) -> TeiSink:
        """Start the TEI export."""
        return TeiSink(out_dir, config, staging)

    def render(self, doc: Document, config: Config) -> tuple[bytes, bytes]:
        """The document's fragments (see ``render_fragments``)."""
        return render_fragments(doc, config)

    def owns(self, rel_path: str) -> bool:
        """``corpus.tei.xml`` and ``tei/<id>.xml``."""
        if rel_path == CORPUS_FILE:
            return True
        folder, _, name = rel_path.partition("/")
        return folder == DOC_DIR and bool(DOC_FILE.match(name))

    def document_of(self, rel_path: str) -> str | None:
        """``tei/<id>.xml`` holds document ``<id>``; ``corpus.tei.xml`` them all."""
        folder, _, name = rel_path.partition("/")
        return name[:-4] if folder == DOC_DIR and DOC_FILE.match(name) else None

    def read(self, path: Path) -> Iterator[Document]:
        """The documents of a file this exporter wrote (see ``read_tei``), or of the
        ``corpus.tei.xml`` of an export folder."""
        return read_tei(path / CORPUS_FILE if path.is_dir() else path)

    def judge(
        self, doc_id: str, fragment: tuple[bytes, bytes], settings: CheckSettings
    ) -> dict[str, str]:
        """The verdict on ``tei/<id>.xml`` as rendered (see ``judge_rendered``)."""
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
    "SCHEMA_PATH",
    "TEI_NS",
    "XENO_TYPE",
    "XML_NS",
    "CheckSettings",
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
    "read_tei",
    "render_corpus_header",
    "render_document",
    "render_fragments",
    "safe_parser",
]
