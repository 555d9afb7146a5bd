"""Checks of written TEI: RELAX NG validity and the pointers a schema cannot check."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from lxml import etree

from corpus_tools.config import ConfigError
from corpus_tools.diagnostics import Diagnostic, Severity
from corpus_tools.exporters import SCHEMATRON, CheckSettings
from corpus_tools.exporters.tei.names import CORPUS_FILE, DOC_DIR, SCHEMA_PATH, XML_ID, tag
from corpus_tools.exporters.tei.read import (
    TeiReadError,
    iterparse,
    read_tei,
    safe_parser,
    source_line,
)
from corpus_tools.exporters.tei.schematron import schema_key
from corpus_tools.model import Document
from corpus_tools.schema import schema_dir

# TEI attributes that hold pointers; tokens starting with '#' must name an xml:id.
POINTER_ATTRIBUTES = (
    "ana",
    "copyOf",
    "corresp",
    "decls",
    "exclude",
    "facs",
    "next",
    "prev",
    "ref",
    "rendition",
    "resp",
    "sameAs",
    "select",
    "source",
    "synch",
    "target",
    "toWhom",
    "who",
)
# corpus.tei.xml can only be validated as one tree; past this size only the per-article
# files (which it embeds unchanged) are, so that memory stays flat as the corpus grows.
_MAX_TREE_BYTES = 16 * 1024 * 1024
# At most this many schema errors are kept for one file: the first ones say what to fix.
_MAX_ERRORS = 20


@dataclass(frozen=True, slots=True)
class TeiProblem:
    """A finding of ``check_tei_references``: where, and what is wrong."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        loc = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{loc}: {self.message}"


# Pointers and ids ------------------------------------------------------------------------


def _defined_here(seen: dict[str, int], index: int, repeated: set[str], target: str) -> bool:
    """True when ``target`` is an xml:id of file number ``index``."""
    packed = seen.get(target)
    return (packed is not None and packed >> 32 == index) or target in repeated


def check_tei_references(sources: Iterable[Path | str | bytes]) -> list[TeiProblem]:
    """Check every ``#id`` pointer resolves in its file and ``xml:id``s are unique.

    ``sources`` are the files of one view of the corpus: either ``corpus.tei.xml`` or
    the ``tei/doc-<id>.xml`` files; ids must be unique across all of them. ``@next`` and
    ``@prev`` must also agree (A next B exactly when B prev A). Problems are returned,
    never raised; a file that cannot be parsed is one problem.
    """
    problems: list[TeiProblem] = []
    labels: list[str] = []
    # id -> file index and line, packed in one int: millions of ids stay affordable.
    seen: dict[str, int] = {}

    def where(packed: int) -> str:
        line = packed & 0xFFFFFFFF
        return labels[packed >> 32] + (f":{line}" if line else "")

    for index, source in enumerate(sources):
        label = f"<bytes #{index}>" if isinstance(source, bytes) else str(source)
        labels.append(label)
        repeated: set[str] = set()  # ids of this file first defined in an earlier one
        pointers: list[tuple[int | None, str, str]] = []
        links: dict[str, dict[str, tuple[int | None, str]]] = {"next": {}, "prev": {}}

        try:
            root: etree._Element | None = None
            for _, event, el in iterparse(source, ("start", "end")):
                if root is None:
                    root = el
                if event == "end":
                    if el.getparent() is root and el.tag == tag("TEI"):
                        el.clear()  # keep memory flat over a large corpus file
                        while el.getprevious() is not None:
                            del root[0]
                    continue
                line = source_line(el)
                xml_id = el.get(XML_ID)
                if xml_id is not None:
                    if xml_id in seen:
                        problems.append(
                            TeiProblem(
                                label,
                                line,
                                f"xml:id {xml_id!r} is already used at {where(seen[xml_id])}",
                            )
                        )
                        repeated.add(xml_id)
                    else:
                        seen[xml_id] = (index << 32) | (line or 0)
                for attr in POINTER_ATTRIBUTES:
                    value = el.get(attr)
                    if value is None:
                        continue
                    pointers.extend((line, attr, t[1:]) for t in value.split() if t[:1] == "#")
                    if xml_id is not None and attr in links:
                        links[attr][xml_id] = (line, value)
        except TeiReadError as exc:
            # libxml2 also refuses a repeated xml:id in one file; reported above already.
            dup = re.search(r"\bID (\S+) already defined", exc.message)
            if not (dup and dup.group(1) in repeated):
                problems.append(TeiProblem(label, exc.line, exc.message))
            continue
        for line, attr, target in pointers:
            if not _defined_here(seen, index, repeated, target):
                problems.append(
                    TeiProblem(
                        label, line, f"@{attr} points to #{target}, which no element here has"
                    )
                )
        for attr, back in (("next", "prev"), ("prev", "next")):
            for source_id, (line, value) in links[attr].items():
                target = value.removeprefix("#")
                if (
                    _defined_here(seen, index, repeated, target)
                    and links[back].get(target, (None, ""))[1] != f"#{source_id}"
                ):
                    problems.append(
                        TeiProblem(
                            label,
                            line,
                            f"#{source_id} has @{attr}={value} but #{target} has no @{back}=#{source_id}",
                        )
                    )
    return problems


# RELAX NG --------------------------------------------------------------------------------


@functools.cache
def project_schema_path() -> Path:
    """The project's RELAX NG schema of its TEI (``schema/tei/corpus-tei.rng``); found
    once per process, as every rendered document's verdict is keyed by it."""
    return schema_dir().joinpath(*SCHEMA_PATH)


def compile_schema(path: Path) -> etree.RelaxNG:
    """Compile the RELAX NG schema at ``path``; ConfigError when it cannot be used."""
    try:
        return etree.RelaxNG(etree.parse(str(path), safe_parser()))
    except (etree.XMLSyntaxError, etree.RelaxNGParseError, OSError) as exc:
        raise ConfigError(str(path), f"not a usable RELAX NG schema: {exc}") from exc


@functools.cache
def corpus_tei_schema() -> etree.RelaxNG:
    """The project's RELAX NG schema of its TEI, compiled once."""
    return compile_schema(project_schema_path())


Problem = tuple[int | None, int | None, str]


def _parse(source: Path | bytes) -> etree._ElementTree | Problem:
    """The tree of a TEI file, or the problem that it is not well-formed."""
    try:
        if isinstance(source, bytes):
            return etree.ElementTree(etree.fromstring(source, safe_parser()))
        return etree.parse(str(source), safe_parser())
    except etree.XMLSyntaxError as exc:
        return (exc.lineno, exc.offset, f"not well-formed XML: {exc.msg}")


def judge(source: Path | bytes, rng: etree.RelaxNG) -> list[Problem]:
    """Every way one TEI file (its path, or the bytes it holds) is wrong: against the
    schema, and its pointers and ids. Pure, so worker processes judge what they render.

    Each document's ids start with the document's own id, so ids unique within each
    file, documents' ids being unique, are unique across the corpus.
    """
    tree = _parse(source)
    if isinstance(tree, tuple):
        return [tree]
    problems: list[Problem] = []
    if not rng.validate(tree):
        problems.extend(
            (e.line or None, e.column or None, f"not valid against the TEI schema: {e.message}")
            for e in rng.error_log
        )
        del problems[_MAX_ERRORS:]
    problems.extend(_references(tree.getroot()))
    return problems


_POINTER_NAMES = frozenset(POINTER_ATTRIBUTES)


def _references(root: etree._Element) -> list[Problem]:
    """Pointers that resolve in no element of the tree, ``@next``/``@prev`` that do not
    agree, repeated ids, and ids outside their document's prefix.

    One walk over the elements gathers ids, pointers and links in document order (what
    the XPath ``descendant-or-self::*/@...`` queries gave, at a third of the cost: this
    runs on every document a cold validation renders); lines are looked up for problems
    only."""
    problems: list[Problem] = []
    all_ids: list[tuple[str, etree._Element]] = []
    pointers: list[tuple[str, str, etree._Element]] = []
    linked: list[etree._Element] = []
    # "*": elements only, no comments or processing instructions.
    for el in root.iter("*"):
        xml_id = None
        linking = False
        # lxml gives attribute names and values as str (its stubs also allow bytes).
        for name, value in cast("list[tuple[str, str]]", el.items()):
            if name == XML_ID:
                xml_id = value
                all_ids.append((value, el))
            elif name in _POINTER_NAMES:
                pointers.append((name, value, el))
                if name in ("next", "prev"):
                    linking = True
        if linking and xml_id is not None:
            linked.append(el)
    ids = {value for value, _ in all_ids}
    if len(ids) != len(all_ids):
        seen: dict[str, int | None] = {}
        for value, el in all_ids:
            line = source_line(el)
            if value in seen:
                at = f" (line {seen[value]})" if seen[value] else ""
                problems.append((line, None, f"xml:id {value!r} is already used{at}"))
            else:
                seen[value] = line
    documents = [root] if root.tag == tag("TEI") else list(root.iterchildren(tag("TEI")))
    for document in documents:
        own = document.get(XML_ID)
        if own is None:
            continue
        prefix = own + "-"
        inside = all_ids if document is root else _ids_below(document)
        for value, el in inside:
            if value != own and not value.startswith(prefix):
                problems.append(
                    (
                        source_line(el),
                        None,
                        f"xml:id {value!r} does not start with its document's id "
                        f"{own!r} and a hyphen, so it may clash with another document's",
                    )
                )
    for name, value, el in pointers:
        for token in value.split():
            if token[:1] == "#" and token[1:] not in ids:
                problems.append(
                    (source_line(el), None, f"@{name} points to {token}, which no element here has")
                )
    links: dict[str, dict[str, tuple[int | None, str]]] = {"next": {}, "prev": {}}
    for el in linked:
        for attr in ("next", "prev"):
            link = el.get(attr)
            if link is not None:
                links[attr][el.get(XML_ID) or ""] = (source_line(el), link)
    for attr, back in (("next", "prev"), ("prev", "next")):
        for source_id, (line, value) in links[attr].items():
            target = value.removeprefix("#")
            if target in ids and links[back].get(target, (None, ""))[1] != f"#{source_id}":
                problems.append(
                    (
                        line,
                        None,
                        f"#{source_id} has @{attr}={value} but #{target} has no @{back}=#{source_id}",
                    )
                )
    return problems


def _ids_below(el: etree._Element) -> list[tuple[str, etree._Element]]:
    """The xml:ids of ``el`` and its descendants, in document order, with their elements."""
    return [(value, e) for e in el.iter("*") if (value := e.get(XML_ID)) is not None]


# Whitespace as XML (and RELAX NG, which ignores it between elements) defines it; str.strip
# would also take no-break and other Unicode spaces for whitespace.
_XML_SPACE = " \t\r\n"


def judge_corpus_file(path: Path, rng: etree.RelaxNG) -> list[Problem]:
    """``judge(path, rng)`` for a ``corpus.tei.xml`` checked against the project's schema,
    without holding the whole tree when the file is valid.

    Held as one tree, the corpus file costs about eight times its size (74 MB of memory
    at 1,000 documents). It is streamed instead: each embedded ``TEI`` is validated on
    its own as soon as it is parsed, then dropped; the rest (the ``teiCorpus`` with its
    header and first ``TEI``) is validated at the end; ids, pointers and links are
    gathered over the whole file exactly as ``_references`` gathers them. In
    corpus-tei.rng a ``TEI`` is the same pattern at the root and inside ``teiCorpus``
    (whose content is the header, then ``TEI`` one or more times), so the file is valid
    exactly when every part is: tests/test_tei.py holds the schema to that shape. Only
    a clean answer comes from the stream; when anything at all is wrong the whole tree
    is judged, so every finding, and its wording and line, is what ``judge`` gives.
    """
    if _streamed_clean(path, rng):
        return []
    return judge(path, rng)


def _streamed_clean(path: Path, rng: etree.RelaxNG) -> bool:
    """True when the corpus file at ``path`` is valid against ``rng`` (corpus-tei.rng)
    and ``_references`` would find nothing in it, judged streaming; False when anything
    is wrong or not the expected shape (the whole tree then says what)."""
    tei_tag = tag("TEI")
    ids: set[str] = set()
    targets: set[str] = set()
    links: dict[str, dict[str, str]] = {"next": {}, "prev": {}}
    root: etree._Element | None = None
    kept: etree._Element | None = None
    done: etree._Element | None = None  # the last TEI judged and emptied, still in the tree
    try:
        for _, event, el in iterparse(path, ("start", "end")):
            if root is None:
                root = el
                if el.tag != tag("teiCorpus"):
                    return False
            if event == "start":
                xml_id = None
                linking = False
                for name, value in cast("list[tuple[str, str]]", el.items()):
                    if name == XML_ID:
                        if value in ids:
                            return False
                        ids.add(value)
                        xml_id = value
                    elif name in _POINTER_NAMES:
                        targets.update(t[1:] for t in value.split() if t[:1] == "#")
                        linking = linking or name in ("next", "prev")
                if linking and xml_id is not None:
                    for attr in ("next", "prev"):
                        link = el.get(attr)
                        if link is not None:
                            links[attr][xml_id] = link
                continue
            if el.tag != tei_tag or el.getparent() is not root:
                continue
            own = el.get(XML_ID)
            if own is not None and any(
                value != own and not value.startswith(own + "-") for value, _ in _ids_below(el)
            ):
                return False
            if not rng.validate(el):
                return False
            if kept is None:
                kept = el  # the teiCorpus is validated with its header and this TEI
                continue
            # Emptied now, removed once its tail is parsed whole (when the next TEI ends):
            # the parser may still be adding to the tail of the element it just closed.
            el.clear(keep_tail=True)  # type: ignore[call-arg]  # lxml-stubs lack keep_tail
            if done is not None and not _dropped(root, done):
                return False
            done = el
    except TeiReadError:
        return False
    if root is None or (done is not None and not _dropped(root, done)):
        return False
    if not rng.validate(root):
        return False
    if not targets <= ids:
        return False
    for attr, back in (("next", "prev"), ("prev", "next")):
        for source_id, value in links[attr].items():
            target = value.removeprefix("#")
            if target in ids and links[back].get(target) != f"#{source_id}":
                return False
    return True


def _dropped(root: etree._Element, el: etree._Element) -> bool:
    """Remove ``el``, a judged TEI, from ``root`` with its tail; False (nothing removed)
    when the tail is not whitespace, which the schema would refuse there."""
    if (el.tail or "").strip(_XML_SPACE):
        return False
    root.remove(el)
    return True


@functools.cache
def _compiled(path: Path | None) -> etree.RelaxNG:
    return corpus_tei_schema() if path is None else compile_schema(path)


def judge_rendered(standalone: bytes, doc_id: str, settings: CheckSettings) -> dict[str, str]:
    """The verdict on the per-document file that ``standalone`` becomes, keyed as
    ``check_files`` looks it up: worker processes judge what they render, so a check
    finds every verdict known (the schema is compiled once per process)."""
    given = settings.schema_for("tei")
    key = verdict_key(
        hashlib.sha256(standalone).hexdigest(), schema_key(given or project_schema_path())
    )
    return {key: json.dumps(judge(standalone, _compiled(given)))}


# What a verdict covers; a new name when that changes, so older verdicts are not reused.
_VERDICT = "tei-judged"


# json.dumps(..., sort_keys=True, ensure_ascii=True, default=str), made once (a key is
# made for every rendered document).
_KEY_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=True, default=str)


def verdict_key(sha256: str, schema_key: str) -> str:
    """The cache key of a verdict on a file's content against a schema's content."""
    # The digest corpus_tools.cache.context_key(_VERDICT, ...) gives.
    parts = (_VERDICT, sha256, schema_key)
    blob = _KEY_ENCODER.encode(parts)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_files(
    out_dir: Path, files: Mapping[str, str], settings: CheckSettings
) -> list[Diagnostic]:
    """RELAX NG and pointer checks of the TEI files among ``files``, as diagnostics.

    ``files`` maps paths relative to ``out_dir`` to their SHA-256; only files already
    known to be fresh are given. A verdict is cached by content (file and schema) in
    ``settings.verdicts``; a ``corpus.tei.xml`` too large to hold as one tree is left
    to the per-article files it embeds. Files are judged in the order ``files`` gives
    them (an export's digests come in path order), a batch at a time.
    """
    given = settings.schema_for("tei")
    key = schema_key(given or project_schema_path())
    out: list[Diagnostic] = []
    relax_ng = _verdicts(out_dir, files, settings, key, lambda path: _judged(path, given))
    for name, verdict in relax_ng:
        if verdict is None:
            # Never silently: held as one tree it would cost memory in proportion to the
            # corpus; every TEI it embeds is judged as its own file instead.
            what = "the TEI schema"
            if settings.schema_for(SCHEMATRON) is not None:
                what += " nor its Schematron rules"
            size = (out_dir / name).stat().st_size
            out.append(
                Diagnostic(
                    "export-not-validated",
                    f"{settings.rel}/{name}",
                    f"not validated against {what} as one tree: it is "
                    f"{size / 2**20:.0f} MiB, over the {_MAX_TREE_BYTES // 2**20} MiB "
                    "held in memory; each TEI in it was validated as its tei/ file",
                )
            )
            continue
        for line, column, message in json.loads(verdict):
            out.append(
                Diagnostic("export-invalid", f"{settings.rel}/{name}", message, line, column)
            )
    rules = settings.schema_for(SCHEMATRON)
    if rules is not None:
        out.extend(_schematron_files(out_dir, files, settings, rules))
    return out


def _judged(path: Path, given: Path | None) -> str:
    """The verdict on the TEI file at ``path`` against schema ``given`` (None: the
    project's), the corpus file streamed where that gives the same answer."""
    if given is None and path.name == CORPUS_FILE:
        return json.dumps(judge_corpus_file(path, _compiled(None)))
    return json.dumps(judge(path, _compiled(given)))


# Files whose verdicts are looked up at once: the keys and verdicts of a batch are held,
# never those of every file of a large corpus.
_BATCH = 2000


def _verdicts(
    out_dir: Path,
    files: Mapping[str, str],
    settings: CheckSettings,
    key: str,
    judge_file: Callable[[Path], str],
) -> Iterator[tuple[str, str | None]]:
    """(name, verdict) for each TEI file among ``files``, in the order given: the
    verdict cached by content and ``key``, else ``judge_file``'s, stored a batch at a
    time; None for a ``corpus.tei.xml`` too large to hold as one tree."""
    store = settings.verdicts
    for targets in _batches(files):
        keys = {name: verdict_key(files[name], key) for name in targets}
        known = store.verdicts(list(keys.values())) if store is not None else {}
        fresh: dict[str, str] = {}
        for name in targets:
            verdict = known.get(keys[name])
            if verdict is None:
                path = out_dir / name
                if name == CORPUS_FILE and path.stat().st_size > _MAX_TREE_BYTES:
                    yield name, None
                    continue
                verdict = judge_file(path)
                fresh[keys[name]] = verdict
            yield name, verdict
        if store is not None and fresh:
            store.put_verdicts(fresh)


def _batches(files: Mapping[str, str]) -> Iterator[list[str]]:
    """The TEI files among ``files`` (the corpus file and the per-document files), in
    the order given, a batch at a time."""
    batch: list[str] = []
    for name in files:
        if name == CORPUS_FILE or (name.startswith(DOC_DIR + "/") and name.endswith(".xml")):
            batch.append(name)
            if len(batch) >= _BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def schematron_verdict(source: Path | bytes, rules: Path) -> str:
    """The Schematron findings on one file as a verdict: JSON of (line, message,
    warning) triples."""
    from corpus_tools.exporters.tei import schematron

    found = schematron.check(source, rules)
    return json.dumps([[f.line, _rule_message(f.message, f.pattern), f.warning] for f in found])


def _rule_message(message: str, pattern: str) -> str:
    return f"{message} (Schematron pattern {pattern})" if pattern else message


def schematron_diagnostics(verdict: str, file: str) -> list[Diagnostic]:
    """The diagnostics of a Schematron verdict on ``file``."""
    return [
        Diagnostic(
            "tei-schematron", file, message, line, None, severity=Severity.WARNING if warn else None
        )
        for line, message, warn in json.loads(verdict)
    ]


def _schematron_files(
    out_dir: Path,
    files: Mapping[str, str],
    settings: CheckSettings,
    rules: Path,
) -> list[Diagnostic]:
    """The Schematron findings on the TEI files among ``files``, cached by content like
    the RELAX NG verdicts (a ``corpus.tei.xml`` too large for one tree is left to the
    per-article files it embeds, as for RELAX NG)."""

    rules_key = "schematron:" + schema_key(rules)
    out: list[Diagnostic] = []
    found = _verdicts(
        out_dir, files, settings, rules_key, lambda path: schematron_verdict(path, rules)
    )
    for name, verdict in found:
        if verdict is not None:  # a corpus file too large: reported by the RELAX NG check
            out.extend(schematron_diagnostics(verdict, f"{settings.rel}/{name}"))
    return out


def check_tei_path(
    path: Path, rel: str, schema: Path | None
) -> tuple[list[Diagnostic], Iterator[Document] | None, bool]:
    """A TEI file given to ``corpus validate``: its findings as the export check makes
    them (RELAX NG against ``schema`` or the project's, pointers and ids), and when it
    is valid, its documents as they are read back (streamed, so a large corpus file is
    never held whole); and whether it is a TEI file at all. XML whose root is not TEI's
    ``TEI`` or ``teiCorpus`` is a ``file-kind-mismatch``, and nothing else is checked."""
    events: Any = iterparse(path, ("start",))  # a generator: closed below
    try:
        root = next((el for _, _, el in events), None)
    except TeiReadError as exc:
        return [Diagnostic("export-invalid", rel, exc.message, exc.line)], None, False
    finally:
        events.close()  # only the root element was wanted
    if root is None or root.tag not in (tag("TEI"), tag("teiCorpus")):
        found = "none" if root is None else f"<{etree.QName(root).localname}> in "
        found += "" if root is None else (etree.QName(root).namespace or "no namespace")
        message = (
            f"the file name says TEI XML but its root element is {found}, not a TEI "
            "<TEI> or <teiCorpus>: only TEI files are read (rename the file if it is "
            "not meant as TEI)"
        )
        line = source_line(root) if root is not None else None
        return [Diagnostic("file-kind-mismatch", rel, message, line)], None, False
    diags: list[Diagnostic] = []
    size = path.stat().st_size
    if size > _MAX_TREE_BYTES:
        diags.append(
            Diagnostic(
                "export-not-validated",
                rel,
                f"not validated against the TEI schema as one tree: it is "
                f"{size / 2**20:.0f} MiB, over the {_MAX_TREE_BYTES // 2**20} MiB held in "
                "memory; its pointers and ids were checked, streaming",
            )
        )
        diags.extend(
            Diagnostic("export-invalid", rel, p.message, p.line)
            for p in check_tei_references([path])
        )
    else:
        judged = judge_corpus_file if schema is None else judge
        diags.extend(
            Diagnostic("export-invalid", rel, message, line, column)
            for line, column, message in judged(path, _compiled(schema))
        )
    if any(d.code == "export-invalid" for d in diags):
        return diags, None, True
    return diags, read_tei(path), True
