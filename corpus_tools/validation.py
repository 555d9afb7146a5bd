"""All checks of a corpus, as a Report of Diagnostics; bad data never raises here.

Three levels run on every input: ``seed`` (the file reads as a seed), ``schema`` (the
canonical document satisfies the JSON Schema) and ``corpus`` (rules across documents).
Per-file work yields a small ``Summary``; corpus rules only look at summaries, so a
large corpus never has to be held in memory.
"""

from __future__ import annotations

import array
import bisect
import collections
import datetime as dt
import functools
import hashlib
import itertools
import json
import multiprocessing
import os
import signal
import stat
import sys
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from corpus_tools._version import __version__
from corpus_tools.cache import RACY_NS, Cache, context_key
from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic, Report
from corpus_tools.paths import display_path
from corpus_tools.procs import die_with_parent
from corpus_tools.rules import CorpusRules, Summary
from corpus_tools.schema import SchemaError, check_document, schema_fingerprint

if TYPE_CHECKING:
    from corpus_tools.model import Document
    from corpus_tools.seeds import SeedResult

SEEDS_DIR = "seeds"
_SKETCH = 4


@dataclass(frozen=True, slots=True)
class FileResult:
    """Findings and summaries of one input file (a JSONL file gives several summaries)."""

    path: str
    diagnostics: list[Diagnostic]
    summaries: list[Summary] = field(default_factory=list)
    document: Document | None = None
    fragments: dict[str, Any] | None = None
    document_id: str | None = None  # set with fragments when the document stayed away

    @property
    def rendered_id(self) -> str | None:
        """The id of the document this result's fragments render, if any."""
        if self.document is not None:
            return self.document.id
        return self.document_id


@dataclass(frozen=True, slots=True)
class Options:
    """How to run the checks."""

    today: dt.date | None = None
    lang_override: str | None = None


def sketch(doc: Document) -> tuple[int, ...]:
    """Bottom-k sketch of normalised paragraph hashes, for near-duplicate search.

    Case and white space are ignored; two documents sharing at least half of their
    sketch share about half of their paragraphs.
    """
    hashes = {
        zlib.crc32(" ".join(p.text.casefold().split()).encode("utf-8")) for p in doc.paragraphs
    }
    return tuple(sorted(hashes)[:_SKETCH])


def text_hash(doc: Document) -> str:
    """Hash of the canonical text, to find exact duplicate texts."""
    return hashlib.blake2b(doc.full_text.encode("utf-8"), digest_size=16).hexdigest()


def summarise(res: SeedResult) -> Summary:
    """The corpus-rule summary of a seed result."""
    doc = res.document
    return Summary(
        path=res.path,
        id=res.id,
        seq=res.seq,
        hash=res.hash,
        sha256=res.sha256,
        text_hash=text_hash(doc) if doc else None,
        sketch=sketch(doc) if doc else (),
        date=res.date,
        date_line=res.date_line,
        date_column=res.date_column,
    )


def _doc_summary(doc: Document, path: str, line: int | None) -> Summary:
    return Summary(
        path=path,
        id=doc.id,
        seq=doc.seq,
        hash=doc.hash,
        sha256=None,
        text_hash=text_hash(doc),
        sketch=sketch(doc),
        date=doc.date,
        date_line=line,
        date_column=None,
    )


def _schema_diagnostic(err: SchemaError, file: str, data: Any, line: int | None) -> Diagnostic:
    """A schema violation, pointing at the seed line of the paragraph where possible."""
    seed_line = line
    parts = err.pointer.split("/")
    if isinstance(data, dict) and len(parts) > 2 and parts[1] == "paragraphs":
        try:
            para = data["paragraphs"][int(parts[2])]
            if isinstance(para, dict) and isinstance(para.get("line"), int) and line is None:
                seed_line = para["line"]
        except (ValueError, IndexError, KeyError, TypeError):
            pass
    where = err.pointer or "(document)"
    return Diagnostic(
        "schema-violation", file, f"{where}: {err.message}", seed_line, None, pointer=err.pointer
    )


def read_seed(
    path: Path, root: Path, config: Config, *, lang_override: str | None = None
) -> SeedResult:
    """``seeds.read_seed``, imported on first use: a run answered from the cache never
    loads the converter (its regular expressions and classes cost start-up time)."""
    from corpus_tools.seeds import read_seed as read

    return read(path, root, config, lang_override=lang_override)


def check_seed(path: Path, root: Path, config: Config, options: Options) -> FileResult:
    """Seed and schema levels for one seed file."""
    res = read_seed(path, root, config, lang_override=options.lang_override)
    diags = list(res.diagnostics)
    doc = res.document
    if doc is not None:
        data = doc.to_dict()
        err = check_document(data)
        if err is not None:
            diags.append(_schema_diagnostic(err, res.path, data, None))
            doc = None
    return FileResult(res.path, diags, [summarise(res)], doc)


def _check_json_value(
    data: Any, file: str, line: int | None
) -> tuple[list[Diagnostic], Document | None]:
    from corpus_tools.model import Document

    err = check_document(data)
    if err is not None:
        return [_schema_diagnostic(err, file, data, line)], None
    return [], Document.from_dict(data)


def parse_json(text: str) -> tuple[Any, tuple[str, int | None, int | None] | None]:
    """Parse JSON; a failure is ``(message, line, column)``, never an exception.

    Besides syntax errors, json refuses integers of over 4,300 digits (ValueError) and
    deep nesting (RecursionError); both are bad input, not bugs.
    """
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, (exc.msg, exc.lineno, exc.colno)
    except RecursionError:
        return None, ("nesting too deep", None, None)
    except ValueError as exc:
        return None, (str(exc), None, None)


def _json_limit(config: Config) -> int:
    # A canonical document repeats quoted text: allow a few times the largest seed.
    return 16 * config.max_seed_bytes


def check_json(path: Path, root: Path, config: Config | None = None) -> FileResult:
    """Schema level for a canonical JSON file."""
    rel = display_path(path, root)
    limit = _json_limit(config or Config())
    try:
        with path.open("rb") as fh:
            raw = fh.read(limit + 1)
        if len(raw) > limit:
            return FileResult(
                rel,
                [
                    Diagnostic(
                        "seed-too-large",
                        rel,
                        f"the file is larger than {limit} bytes, the limit for one canonical document",
                    )
                ],
            )
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return FileResult(rel, [Diagnostic("seed-unreadable", rel, f"cannot read: {exc}")])
    data, problem = parse_json(text)
    if problem is not None:
        message, line, column = problem
        return FileResult(rel, [Diagnostic("json-invalid", rel, message, line, column)])
    diags, doc = _check_json_value(data, rel, None)
    if doc is None:
        return FileResult(rel, diags)
    return FileResult(rel, diags, [_doc_summary(doc, rel, None)])


def check_jsonl(path: Path, root: Path, config: Config | None = None) -> FileResult:
    """Schema level for each line of a JSONL file of canonical documents (streamed)."""
    rel = display_path(path, root)
    limit = _json_limit(config or Config())
    diags: list[Diagnostic] = []
    summaries: list[Summary] = []
    try:
        fh = path.open("rb")
    except OSError as exc:
        return FileResult(rel, [Diagnostic("seed-unreadable", rel, f"cannot read: {exc}")])
    with fh:
        lineno = 0
        while raw := fh.readline(limit + 1):
            lineno += 1
            if len(raw) > limit:
                diags.append(
                    Diagnostic(
                        "seed-too-large",
                        rel,
                        f"line longer than {limit} bytes, the limit for one canonical document",
                        lineno,
                    )
                )
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = fh.readline(limit + 1)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                diags.append(
                    Diagnostic(
                        "seed-unreadable", rel, f"not UTF-8: {exc.reason}", lineno, exc.start + 1
                    )
                )
                continue
            if not line.strip():
                continue
            data, problem = parse_json(line)
            if problem is not None:
                diags.append(Diagnostic("json-invalid", rel, problem[0], lineno, problem[2]))
                continue
            found, doc = _check_json_value(data, rel, lineno)
            diags.extend(found)
            if doc is not None:
                summaries.append(_doc_summary(doc, rel, lineno))
    return FileResult(rel, diags, summaries)


class FileList(Sequence[Path]):
    """Input files as folder and name strings, a ``Path`` made only when asked for.

    A ``Path`` costs about 330 bytes and a name about 70: at 100,000 seeds this list is
    most of what a run holds per file.
    """

    def __init__(self) -> None:
        self._groups: list[tuple[str | None, list[str]]] = []
        self._starts: list[int] = []
        self._size = 0

    def add(self, folder: str | None, names: list[str]) -> None:
        """Append ``names`` in ``folder`` (None: each name is a path as given)."""
        if names:
            self._groups.append((folder, names))
            self._starts.append(self._size)
            self._size += len(names)

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        g = bisect.bisect_right(self._starts, index) - 1
        folder, names = self._groups[g]
        name = names[index - self._starts[g]]
        return Path(name if folder is None else os.path.join(folder, name))

    def __iter__(self) -> Iterator[Path]:
        for name in self.fspaths():
            yield Path(name)

    def fspaths(self) -> Iterator[str]:
        """The paths as strings: a warm run only stats them, and a Path costs more."""
        for folder, names in self._groups:
            if folder is None:
                yield from names
            else:
                join = os.path.join
                for name in names:
                    yield join(folder, name)


def discover(paths: Iterable[Path], root: Path) -> FileList:
    """The input files: given files as they are, folders' visible files, sorted."""
    found = FileList()
    for p in paths:
        if p.is_dir() and not p.is_symlink():
            names = sorted(
                entry.name
                for entry in os.scandir(p)
                if not entry.name.startswith(".") and not entry.is_dir(follow_symlinks=False)
            )
            found.add(os.fspath(p), names)
        else:
            found.add(None, [os.fspath(p)])
    return found


def check_file(path: Path, root: Path, config: Config, options: Options) -> FileResult:
    """Run the per-file levels that fit the file's kind."""
    name = path.name
    if name.endswith(".jsonl"):
        return check_jsonl(path, root, config)
    if name.endswith(".json"):
        return check_json(path, root, config)
    return check_seed(path, root, config, options)


def _encode(result: FileResult) -> str:
    """A file result as compact JSON (the cache payload); documents are not kept."""
    return json.dumps(
        [
            result.path,
            [d.to_dict() for d in result.diagnostics],
            [
                [
                    x.path,
                    x.id,
                    x.seq,
                    x.hash,
                    x.sha256,
                    x.text_hash,
                    list(x.sketch),
                    x.date,
                    x.date_line,
                    x.date_column,
                ]
                for x in result.summaries
            ],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _decode(payload: str) -> FileResult:
    path, diags, summaries = json.loads(payload)
    return FileResult(
        path,
        [Diagnostic.from_dict(d) for d in diags],
        [_summary_from_row(row) for row in summaries],
    )


def _summary_from_row(row: list[Any]) -> Summary:
    path, id_, seq, hash_, sha, text, sketch_, date, line, column = row
    return Summary(path, id_, seq, hash_, sha, text, tuple(sketch_), date, line, column)


# Work shared with worker processes; set once per process by _init_worker.
_WORK: tuple[Path, Config, Options, bool, tuple[str, ...]] | None = None


def _init_worker(
    root: Path, config: Config, options: Options, want_documents: bool, render: tuple[str, ...]
) -> None:
    global _WORK
    _WORK = (root, config, options, want_documents, render)
    if multiprocessing.parent_process() is not None:
        die_with_parent()  # never outlive a killed run (procs.py)
        # Ctrl-C is the main process's to handle: a worker interrupted mid-message would
        # leave a torn result in the pipe and hang the executor's shutdown.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(paths: list[Path]) -> list[tuple[str | None, str, Any]]:
    """Check a chunk of files in a worker: ``(sha256, encoded result, extra)`` each, where
    ``extra`` is the document, or its id and rendered fragments when rendering."""
    assert _WORK is not None
    root, config, options, want_documents, render = _WORK
    out: list[tuple[str | None, str, Any]] = []
    for path in paths:
        result = check_file(path, root, config, options)
        sha = result.summaries[0].sha256 if len(result.summaries) == 1 else None
        doc = result.document if want_documents else None
        extra: Any = None
        if doc is not None and render:
            from corpus_tools.exporters import render_all

            # The main process only writes: sending it the document would cost more
            # (pickling both ways) than everything it does with it.
            extra = (doc.id, render_all(doc, render, config))
        elif doc is not None:
            extra = doc
        out.append((sha, _encode(result), extra))
    return out


def _in_process(
    path: Path, root: Path, config: Config, options: Options, render: tuple[str, ...]
) -> tuple[str | None, str, FileResult]:
    result = check_file(path, root, config, options)
    sha = result.summaries[0].sha256 if len(result.summaries) == 1 else None
    if result.document is not None and render:
        from corpus_tools.exporters import render_all

        fragments = render_all(result.document, render, config)
        result = FileResult(
            result.path, result.diagnostics, result.summaries, result.document, fragments
        )
    return sha, "", result


def default_jobs() -> int:
    """The number of worker processes to use by default: one per usable core."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _parallel(
    paths: Sequence[Path],
    pending: Sequence[int],
    jobs: int,
    initargs: tuple[Path, Config, Options, bool, tuple[str, ...]],
) -> Iterator[tuple[str | None, str, Any]]:
    """Worker results in input order, with a bounded number of chunks in flight: results
    never pile up in memory when the consumer (writing files) is the slower side."""
    from concurrent.futures import Future, ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    # An executor, not multiprocessing.Pool: a worker that dies (killed, out of memory)
    # fails the run with BrokenProcessPool instead of hanging it forever.
    pool = ProcessPoolExecutor(
        min(jobs, len(pending) // _CHUNK + 1),
        mp_context=ctx,
        initializer=_init_worker,
        initargs=initargs,
    )
    chunks = ([paths[i] for i in pending[k : k + _CHUNK]] for k in range(0, len(pending), _CHUNK))
    window: collections.deque[Future[list[tuple[str | None, str, Any]]]] = collections.deque()
    try:
        for chunk in itertools.islice(chunks, jobs * _IN_FLIGHT):
            window.append(pool.submit(_work, chunk))
        while window:
            done = window.popleft().result()
            for chunk in itertools.islice(chunks, 1):
                window.append(pool.submit(_work, chunk))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def check_files(
    paths: Sequence[Path],
    root: Path,
    config: Config,
    options: Options,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    want_documents: bool = False,
    render: tuple[str, ...] = (),
) -> Iterator[FileResult]:
    """Check each file (cached, in parallel where worth it), yielding results in order.

    Results come back in input order whatever the number of workers, so reports and
    exports are byte-identical between serial and parallel runs. A cached result has no
    document: callers that need documents pass ``want_documents`` (cache lookups are
    then skipped). With ``render``, each document comes with its fragments in those
    formats, and worker results carry the fragments and the document's id only.
    """
    # Runs that need documents look nothing up, but still store what they compute.
    use_cache = cache is not None and cache.enabled
    hits: dict[int, str] = {}  # payloads, decoded only when their turn comes
    # Files to check, by index (Paths are made again when their chunk is sent), and the
    # stamp (size, mtime, inode; size -1: none) each had before it was read: packed,
    # as a cold run over 100,000 seeds would otherwise hold 100,000 stat results.
    pending = array.array("q")
    stamps = array.array("q")
    for i, path in enumerate(paths):
        name = os.fspath(path)
        if use_cache and cache is not None and name.endswith(".txt"):
            try:
                st: os.stat_result | None = os.lstat(name)
            except OSError:
                st = None
            if st is not None and stat.S_ISREG(st.st_mode):  # links are always re-checked
                rel = display_path(path, root)
                hit = None if want_documents else cache.get(rel, st, path)
                if hit is not None:
                    hits[i] = hit[1]
                    continue
                pending.append(i)
                stamps.extend((st.st_size, st.st_mtime_ns, st.st_ino))
                continue
        pending.append(i)
        stamps.extend((-1, 0, 0))

    computed: Iterator[tuple[str | None, str, Any]]
    if jobs > 1 and len(pending) >= _PARALLEL_MIN:
        computed = _parallel(paths, pending, jobs, (root, config, options, want_documents, render))
    else:
        computed = (_in_process(paths[i], root, config, options, render) for i in pending)
    try:
        k = 0  # the next entry of pending
        for i in range(len(paths)):
            if i in hits:
                yield _decode(hits.pop(i))
                continue
            size, mtime, ino = stamps[3 * k : 3 * k + 3]
            k += 1
            sha, payload, found = next(computed)
            if isinstance(found, FileResult):
                result = found  # checked in this process: nothing to decode
            else:
                result = _decode(payload)
                if found is not None and not isinstance(found, tuple):  # a Document
                    result = FileResult(result.path, result.diagnostics, result.summaries, found)
                elif found is not None:
                    doc_id, fragments = found
                    result = FileResult(
                        result.path,
                        result.diagnostics,
                        result.summaries,
                        None,
                        fragments,
                        doc_id,
                    )
            if cache is not None and size >= 0 and sha is not None:
                rel = display_path(paths[i], root)
                cache.put(rel, (size, mtime, ino), sha, payload or _encode(result))
            yield result
    finally:
        close = getattr(computed, "close", None)
        if close is not None:
            close()


_PARALLEL_MIN = 256
_CHUNK = 64
_IN_FLIGHT = 4  # chunks per worker queued ahead of the consumer


def run_context(config: Config, options: Options) -> str:
    """The cache context: everything besides file content that results depend on."""
    return context_key(
        __version__,
        code_fingerprint(),
        schema_fingerprint(),
        config.to_dict(),
        options.lang_override,
    )


@functools.cache
def code_fingerprint() -> str:
    """A digest of the package's own source: an edited tool never reuses old results."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def validate_corpus(
    paths: list[Path],
    root: Path,
    config: Config,
    options: Options | None = None,
    *,
    jobs: int = 1,
    use_cache: bool = False,
    only: frozenset[str] | None = None,
) -> tuple[Report, FileList]:
    """Check the given files and folders (default: the seeds folder) at every level.

    With ``only``, per-file findings are reported for those paths alone, and corpus
    findings only where they involve one of them; every file still takes part in the
    corpus rules. Returns the report and the files checked.
    """
    options = options or Options()
    if not paths:
        paths = [root / SEEDS_DIR]
    files = discover(paths, root)
    context = run_context(config, options)
    cache = Cache(root, context, enabled=use_cache)
    try:
        snapshot = _snapshot_key(files, root, context, options, only) if cache.enabled else None
        stored = cache.snapshot(snapshot) if snapshot else None
        if stored is not None:
            return Report.from_dict(stored), files
        report = Report()
        with CorpusRules(config, options.today) as rules:
            for result in check_files(files, root, config, options, jobs=jobs, cache=cache):
                for summary in result.summaries:
                    rules.add(summary)
                if only is not None and result.path not in only:
                    continue
                report.files += 1
                report.extend(result.diagnostics)
            found = rules.findings()
        if only is not None:
            found = [d for d in found if d.file in only or any(r in only for r in d.related)]
        report.extend(found)
        if snapshot:
            cache.put_snapshot(snapshot, report.to_dict())
    finally:
        cache.close()
    return report, files


def _snapshot_key(
    files: Sequence[Path], root: Path, context: str, options: Options, only: frozenset[str] | None
) -> str | None:
    """A key for the whole run's inputs from file stamps alone, as git's index does; None
    when a file is too fresh for its stamp to be trusted, or is not a plain file."""
    now = time.time_ns()
    today = (options.today or dt.date.today()).isoformat()
    scope = None if only is None else sorted(only)
    digest = hashlib.sha256(context_key("snapshot", context, today, scope).encode())
    names = files.fspaths() if isinstance(files, FileList) else map(os.fspath, files)
    for name in names:
        try:
            st = os.lstat(name)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode) or now - st.st_mtime_ns < RACY_NS:
            return None
        # Hashed as it goes: a list of 100,000 stamps would be held for nothing.
        digest.update(f"{st.st_size} {st.st_mtime_ns} {st.st_ino} {len(name)} ".encode())
        digest.update(name.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def validate_paths(
    paths: list[Path],
    root: Path,
    config: Config,
    options: Options | None = None,
    *,
    jobs: int = 1,
    use_cache: bool = False,
) -> Report:
    """The report of ``validate_corpus``."""
    return validate_corpus(paths, root, config, options, jobs=jobs, use_cache=use_cache)[0]
