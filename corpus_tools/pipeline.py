"""The pass over a corpus: list the files, convert each once (in worker processes, with
the cache), and feed every consumer from that one stream: the report, the corpus rules,
the export key and, where an export is written or checked, the exporters' sinks.

Results come back in input order whatever the number of workers, so reports and exports
are byte-identical between serial and parallel runs.
"""

from __future__ import annotations

import array
import bisect
import collections
import datetime as dt
import functools
import hashlib
import itertools
import os
import re
import signal
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from corpus_tools._version import __version__
from corpus_tools.cache import Cache, Digests, context_key, stamp_of
from corpus_tools.checks import FileResult, Options, check_file, decode, encode
from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic, Report, Severity
from corpus_tools.exporters import CheckSettings, Rendered, Verdicts, judge_all, render_all
from corpus_tools.exports import expected_files
from corpus_tools.inputs import SEEDS_DIR, FileList
from corpus_tools.langmodel import model_path
from corpus_tools.paths import display_path
from corpus_tools.procs import die_with_parent
from corpus_tools.progress import Progress
from corpus_tools.rules import CorpusRules
from corpus_tools.schema import schema_fingerprint
from corpus_tools.snapshots import snapshot_key

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from corpus_tools.metadata import Metadata

_PARALLEL_MIN = 256
# Files per task, and tasks per worker queued ahead of the consumer. The results of a
# task (each document's fragments in every format, tens of KB a document) wait in the
# main process until written: 32 x 2 hold a quarter of what 64 x 4 did, and still keep
# every worker busy.
_CHUNK = 32
_IN_FLIGHT = 2
# One worker per this many files at most, so a small corpus does not start every core.
_FILES_PER_WORKER = 64


class Computed(NamedTuple):
    """One file checked: the seed's SHA-256, the encoded result (the cache payload; empty
    when checked in this process), the result itself when checked in this process, and
    the document's id and fragments when rendering."""

    sha: str | None
    payload: str
    result: FileResult | None
    rendered: Rendered | None
    verdicts: dict[str, str] | None


class Checked(NamedTuple):
    """A file's result, with its document rendered in the formats asked for and the
    verdicts on the files it becomes (when judging)."""

    result: FileResult
    rendered: Rendered | None
    verdicts: dict[str, str] | None = None


# Work shared with worker processes; set once per process by _init_worker.
_WORK: tuple[Path, Config, Options, tuple[str, ...], CheckSettings | None] | None = None


def _init_worker(
    root: Path,
    config: Config,
    options: Options,
    render: tuple[str, ...],
    judge: CheckSettings | None,
) -> None:
    global _WORK
    _WORK = (root, config, options, render, judge)
    import multiprocessing  # here: a run answered from the cache starts no worker

    if multiprocessing.parent_process() is not None:
        die_with_parent()  # never outlive a killed run (procs.py)
        # Ctrl-C is the main process's to handle: a worker interrupted mid-message would
        # leave a torn result in the pipe and hang the executor's shutdown.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if hasattr(signal, "pthread_sigmask"):
            # born with SIGINT blocked (_submit): a Ctrl-C that came while it started is
            # dropped now it is ignored
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _compute(
    path: Path,
    root: Path,
    config: Config,
    options: Options,
    render: tuple[str, ...],
    judge: CheckSettings | None,
) -> tuple[FileResult, Rendered | None, dict[str, str] | None]:
    result = check_file(path, root, config, options)
    doc = result.document
    rendered = (doc.id, render_all(doc, render, config)) if doc is not None and render else None
    verdicts = judge_all(rendered, judge) if rendered is not None and judge is not None else None
    return result, rendered, verdicts


def _work(paths: list[Path]) -> list[Computed]:
    """Check a chunk of files in a worker. The main process gets the encoded result and
    the rendered fragments, never the document: pickling it both ways would cost more
    than everything the main process does with it."""
    assert _WORK is not None
    root, config, options, render, judge = _WORK
    out: list[Computed] = []
    for path in paths:
        result, rendered, verdicts = _compute(path, root, config, options, render, judge)
        out.append(Computed(result.sha256, encode(result), None, rendered, verdicts))
    return out


def default_jobs() -> int:
    """The number of worker processes to use by default: one per usable core."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _parallel(
    paths: Sequence[Path],
    pending: Sequence[int],
    jobs: int,
    initargs: tuple[Path, Config, Options, tuple[str, ...], CheckSettings | None],
) -> Iterator[Computed]:
    """Worker results in input order, with a bounded number of chunks in flight: results
    never pile up in memory when the consumer (writing files) is the slower side."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    # An executor, not multiprocessing.Pool: a worker that dies (killed, out of memory)
    # fails the run with BrokenProcessPool instead of hanging it forever.
    pool = ProcessPoolExecutor(
        min(jobs, len(pending) // _FILES_PER_WORKER + 1),
        mp_context=ctx,
        initializer=_init_worker,
        initargs=initargs,
    )
    chunks = ([paths[i] for i in pending[k : k + _CHUNK]] for k in range(0, len(pending), _CHUNK))
    window: collections.deque[Future[list[Computed]]] = collections.deque()
    try:
        for chunk in itertools.islice(chunks, jobs * _IN_FLIGHT):
            window.append(_submit(pool, chunk))
        while window:
            done = window.popleft().result()
            for chunk in itertools.islice(chunks, 1):
                window.append(_submit(pool, chunk))
            yield from done
    finally:
        _shut_down(pool)


def _submit(pool: ProcessPoolExecutor, chunk: list[Path]) -> Future[list[Computed]]:
    """``pool.submit`` with SIGINT blocked while it may start a worker: a Ctrl-C in the
    worker's first moments, before _init_worker ignores it, would kill it and report a
    dead worker instead of an interrupted run. The main process gets the signal as soon
    as the submit is done."""
    if not hasattr(signal, "pthread_sigmask"):
        return pool.submit(_work, chunk)
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(_work, chunk)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _shut_down(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool``'s workers and wait for them."""
    try:
        pool.shutdown(wait=True, cancel_futures=True)
    except RuntimeError:
        # Ctrl-C inside the first submit, after the executor forked its workers and
        # named its manager thread but before it started it: shutdown cannot join that
        # thread. The workers ignore SIGINT (_init_worker) and would wait forever for
        # work: they are ended here, and the interrupt goes on.
        processes = getattr(pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
            process.join()


def _in_process(
    path: Path,
    root: Path,
    config: Config,
    options: Options,
    render: tuple[str, ...],
    judge: CheckSettings | None,
) -> Computed:
    result, rendered, verdicts = _compute(path, root, config, options, render, judge)
    return Computed(result.sha256, "", result, rendered, verdicts)


def check_files(
    paths: Sequence[Path],
    root: Path,
    config: Config,
    options: Options,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    render: tuple[str, ...] = (),
    judge: CheckSettings | None = None,
) -> Iterator[Checked]:
    """Check each file once (cached, in parallel where worth it), yielding results in
    order. With ``render``, each document comes with its fragments in those formats
    (and with ``judge``, the verdicts on the files they become); such a run looks
    nothing up in the cache (a cached result has no document) but still stores what it
    computes."""
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
                hit = None if render else cache.get(rel, st, path, options.source_key(path))
                if hit is not None:
                    hits[i] = hit[1]
                    continue
                pending.append(i)
                stamps.extend(stamp_of(st))
                continue
        pending.append(i)
        stamps.extend((-1, 0, 0, 0))

    computed: Iterator[Computed]
    if jobs > 1 and len(pending) >= _PARALLEL_MIN:
        computed = _parallel(paths, pending, jobs, (root, config, options, render, judge))
    else:
        computed = (_in_process(paths[i], root, config, options, render, judge) for i in pending)
    try:
        k = 0  # the next entry of pending
        for i in range(len(paths)):
            if i in hits:
                yield Checked(decode(hits.pop(i)), None)
                continue
            size, mtime, ctime, ino = stamps[4 * k : 4 * k + 4]
            k += 1
            item = next(computed)
            result = item.result if item.result is not None else decode(item.payload)
            if cache is not None and size >= 0 and item.sha is not None:
                rel = display_path(paths[i], root)
                payload = item.payload or encode(result)
                cache.put(
                    rel, (size, mtime, ctime, ino), item.sha, payload, options.source_key(paths[i])
                )
            yield Checked(result, item.rendered, item.verdicts)
    finally:
        close = getattr(computed, "close", None)
        if close is not None:
            close()


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
    """A digest of the package's own files, its code and its data (the annotation
    tables), and of the language model file: an edited tool, table or model never
    reuses old results."""
    digest = hashlib.sha256(tree_digest(Path(__file__).parent).encode())
    try:
        # The model's bytes (0.9 MB, 2 ms), not its path or time: two installs of the
        # same model share their cached results (a CI job restores the cache into a
        # fresh install).
        digest.update(model_path().read_bytes())
    except OSError:
        digest.update(b"no language model")
    return digest.hexdigest()


def tree_digest(folder: Path) -> str:
    """A digest of every file below ``folder`` (names and bytes), compiled files and
    their ``__pycache__`` folders left out."""
    found: list[str] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found.extend(os.path.join(top, f) for f in files if not f.endswith((".pyc", ".pyo")))
    digest = hashlib.sha256()
    for path in sorted(found):
        digest.update(os.path.relpath(path, folder).replace(os.sep, "/").encode() + b"\0")
        with open(path, "rb") as fh:
            digest.update(fh.read())
    return digest.hexdigest()


class InputsKey:
    """The key of an export's inputs: settings, formats, the source metadata table and
    every seed's name and hash (with its row's digest), hashed as they come (at 100,000
    seeds a list of them is tens of megabytes)."""

    def __init__(
        self, context: str, formats: Sequence[str], metadata: Metadata | None = None
    ) -> None:
        # The whole table, not only the rows that apply: a row with an error changes no
        # document, but the corpus is then not exportable, which a known manifest denies.
        parts: list[object] = [context, list(formats)]
        if metadata is not None:
            parts.append([metadata.path, metadata.sha256])
        self._digest = hashlib.sha256(context_key(*parts).encode())

    def add(self, name: str, sha: str | None, source: str | None = None) -> None:
        """Add the next seed (in file order), with the digest of its source metadata row
        where it has one."""
        extra = "" if source is None else f" {source}"
        self._digest.update(f"{len(name)} {name} {sha}{extra}\n".encode("utf-8", "surrogateescape"))

    def hexdigest(self) -> str:
        """The key."""
        return self._digest.hexdigest()


def stored_inputs_key(
    files: Sequence[Path],
    cache: Cache,
    context: str,
    formats: Sequence[str],
    options: Options | None = None,
) -> str:
    """The export key of ``files`` as they are now (hashes known to the cache by stamp),
    with their rows of the source metadata table in ``options``."""
    from corpus_tools.inputs import SEEDS_DIR

    key = InputsKey(context, formats, options.metadata if options is not None else None)
    for path in files:
        source = options.source_key(path) if options is not None else None
        key.add(path.name, cache.sha256(f"{SEEDS_DIR}/{path.name}", path), source)
    return key.hexdigest()


class Tally:
    """What a pass learns from the stream: findings for the files in scope, the corpus
    rules over every file, and the export key of the seeds as converted."""

    def __init__(
        self,
        rules: CorpusRules | None,
        only: frozenset[str] | None = None,
        key: InputsKey | None = None,
        metadata: Metadata | None = None,
        *,
        gone: frozenset[str] = frozenset(),
    ) -> None:
        self.rules = rules
        self.only = only
        # Seeds deleted by the change judged with ``only``: a sequence gap one opens is
        # reported on the seed after it, although that seed did not change.
        self.gone = gone
        self.key = key
        # The source metadata table of the corpus, checked with it (None: none).
        self.metadata = metadata
        # The ids of the table that name a seed: the rest of the seeds' ids are not
        # needed (the table's ``unknown_ids`` asks only about its own).
        self.seed_ids: set[str] = set()
        self.report = Report()
        self.file_errors = False  # an error in a file's own findings, in or out of scope
        # Ids of the seeds that could not be converted: their export files are unknown.
        self.broken: set[str] = set()
        # Sequence numbers in use, and the bytes' hashes of misnamed seeds: their hints
        # propose a name that fits the corpus. Packed (8 bytes a seed; a set of ints
        # costs ten times that), those beyond 64 bits aside: they are read only for
        # those hints and for the gaps deleted seeds open.
        self._seqs = array.array("q")
        self._wide_seqs: set[int] = set()
        self.misnamed: dict[str, str | None] = {}

    def add(self, path: Path, result: FileResult) -> None:
        """Take one file's result (in file order)."""
        for summary in result.summaries:
            if summary.seq is not None:
                if -(1 << 63) <= summary.seq < 1 << 63:
                    self._seqs.append(summary.seq)
                else:
                    self._wide_seqs.add(summary.seq)
        if any(d.code == "seed-bad-filename" for d in result.diagnostics):
            self.misnamed[result.path] = result.sha256
        if self.rules is not None:
            for summary in result.summaries:
                self.rules.add(summary)
        if self.key is not None:
            digest = self.metadata.digest(path.name[:-4]) if self.metadata is not None else None
            self.key.add(path.name, result.sha256, digest)
        if self.metadata is not None:
            ids = self.metadata.ids
            self.seed_ids.update(
                s.id
                for s in result.summaries
                if s.id is not None and s.id in ids and s.path.rpartition("/")[0] == SEEDS_DIR
            )
        if any(d.effective_severity is Severity.ERROR for d in result.diagnostics):
            self.file_errors = True
            self.broken.update(s.id for s in result.summaries if s.id is not None)
        if self.only is not None and result.path not in self.only:
            return
        self.report.files += 1
        self.report.extend(result.diagnostics)

    @property
    def seqs(self) -> set[int]:
        """The sequence numbers in use (a set made when asked)."""
        return {*self._seqs, *self._wide_seqs}

    def finish(self) -> Report:
        """The report, corpus findings included: those involving a file in scope, on
        that file (a pull request fixes the file it changed, not the one on main)."""
        found = self.rules.findings() if self.rules is not None else []
        if self.only is not None:
            opened = _opened_gaps(self.gone, self.seqs) if self.gone else {}
            found = [d for d in (_in_scope(d, self.only, opened) for d in found) if d is not None]
        self.report.extend(found)
        table = self.metadata
        if table is not None and (self.only is None or table.path in self.only):
            self.report.files += 1
            self.report.extend(table.findings)
            self.report.extend(table.unknown_ids(self.seed_ids))
        if self.misnamed:
            taken = set(self.seqs)
            self.report.diagnostics[:] = [
                _with_name_hint(d, self.misnamed.get(d.file), taken)
                if d.code == "seed-bad-filename"
                else d
                for d in self.report.diagnostics
            ]
        return self.report


_SEQ = re.compile(r"^([0-9]+)")
_HEX16 = re.compile(r"([0-9A-Fa-f]{16})")


def _with_name_hint(d: Diagnostic, sha: str | None, taken: set[int]) -> Diagnostic:
    """A misnamed seed's finding with the name to give it: its own number when that is
    free, else the next free one; its own 16 hex digits in lowercase, else the first 16
    of its bytes' SHA-256."""
    folder, _, name = d.file.rpartition("/")
    m = _SEQ.match(name)
    seq = int(m.group(1)) if m else None
    if seq is None or seq in taken:
        seq = max(taken, default=-1) + 1
    taken.add(seq)
    h = _HEX16.search(name)
    digits = h.group(1).lower() if h else (sha or "0" * 16)[:16]
    proposed = f"{seq:03d}_{digits}.txt"
    hint = f"rename it to {folder + '/' if folder else ''}{proposed}"
    if proposed == name:
        return d
    return Diagnostic(
        d.code, d.file, d.message, d.line, d.column, d.pointer, hint, d.severity, d.related
    )


def _opened_gaps(gone: frozenset[str], seqs: set[int]) -> dict[int, list[str]]:
    """The deleted seeds whose number no seed left holds, by the number of the first
    seed after them: the seed a sequence gap they open is reported on."""
    from corpus_tools.seeds.names import parse_name  # here: the seeds package loads the converter

    numbers = sorted(seqs)
    opened: dict[int, list[str]] = {}
    for path in sorted(gone):
        parsed = parse_name(path)
        if isinstance(parsed, Diagnostic) or parsed[0] in seqs:
            continue
        at = bisect.bisect_right(numbers, parsed[0])
        if at < len(numbers):
            opened.setdefault(numbers[at], []).append(path)
    return opened


def _in_scope(
    d: Diagnostic, only: frozenset[str], opened: dict[int, list[str]] | None = None
) -> Diagnostic | None:
    """A corpus finding as the files in scope see it: kept where it is in scope, moved
    to the file in scope it involves (naming the other), or dropped. A sequence gap that
    a deleted seed of ``opened`` opens is kept where it is, naming the deleted seed: no
    changed file is left to carry it."""
    if d.file in only:
        return d
    if opened and d.code == "sequence-gap":
        from corpus_tools.seeds.names import parse_name

        parsed = parse_name(d.file)
        deleted = None if isinstance(parsed, Diagnostic) else opened.get(parsed[0])
        if deleted:
            noun = "seed" if len(deleted) == 1 else "seeds"
            message = f"{d.message}: the change deletes the {noun} {', '.join(deleted)}"
            hint = (
                "restore the deleted seed, or renumber the seeds after it (or turn "
                "sequence-gap down in corpus.toml if the withdrawal is on purpose)"
            )
            return Diagnostic(
                d.code, d.file, message, d.line, d.column, d.pointer, hint, d.severity, d.related
            )
    mine = next((r for r in d.related if r in only), None)
    if mine is None:
        return None
    # Corpus messages name the other file; seen from ``mine``, the other is ``d.file``.
    message = d.message.replace(mine, d.file)
    others = tuple(r for r in d.related if r != mine)
    return Diagnostic(d.code, mine, message, None, None, related=(d.file, *others))


def stream(
    files: Sequence[Path],
    root: Path,
    config: Config,
    options: Options,
    tally: Tally,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    render: tuple[str, ...] = (),
    progress: Progress | None = None,
    verdicts: Verdicts | None = None,
) -> Iterator[Rendered]:
    """The one pass: every file checked once and taken by ``tally``; the documents,
    rendered in ``render``, are yielded in file order for the exporters' sinks. With
    ``verdicts``, the workers also judge the files each document becomes (the export
    check then finds them known)."""
    judge = CheckSettings("", verdicts.schemas) if verdicts is not None else None
    checked = check_files(
        files, root, config, options, jobs=jobs, cache=cache, render=render, judge=judge
    )
    for path, (result, rendered, judged) in zip(files, checked, strict=True):
        tally.add(path, result)
        if verdicts is not None and judged:
            verdicts.add(judged)
        if progress is not None:
            progress.advance()
        if rendered is not None:
            yield rendered


def check_corpus(
    files: Sequence[Path],
    root: Path,
    config: Config,
    options: Options,
    store: Cache,
    *,
    jobs: int,
    only: frozenset[str] | None,
    render: tuple[str, ...] = (),
    verdicts: Verdicts | None = None,
    gone: frozenset[str] = frozenset(),
) -> tuple[Report, Digests | None, frozenset[str] | None]:
    """The one pass of a validation: every file checked once, the corpus rules, and,
    with ``render``, the digests of the exports in those formats from the same stream.
    ``gone`` are the seeds a change deleted (see ``Tally``).
    Returns the report, those digests, and the ids of the seeds that had errors of their
    own (None when no file had one)."""
    snapshot = None
    if store.enabled:
        today = (options.today or dt.date.today()).isoformat()
        scope = None if only is None else sorted(only)
        names = (
            files.groups() if isinstance(files, FileList) else [(None, list(map(os.fspath, files)))]
        )
        snapshot = snapshot_key(
            store.context, [today, scope, sorted(gone), metadata_stamp(options)], files=names
        )
    if not render and snapshot:
        stored = store.snapshot(snapshot)
        if stored is not None:
            report = Report.from_dict(stored)
            # Reached only without rendering: no export is checked, or the exports of these
            # very seeds are known, which is stored only when every seed converted.
            return report, None, None
    expected = None
    with CorpusRules(config, options.today) as rules:
        tally = Tally(rules, only, metadata=options.metadata, gone=gone)
        documents = stream(
            files,
            root,
            config,
            options,
            tally,
            jobs=jobs,
            cache=store,
            render=render,
            verdicts=verdicts,
        )
        if render:
            expected = expected_files(documents, render, config)
        else:
            for _ in documents:
                pass
        report = tally.finish()
    if snapshot:
        store.put_snapshot(snapshot, report.to_dict())
    return report, expected, frozenset(tally.broken) if tally.file_errors else None


def validate_files(
    paths: Sequence[Path],
    root: Path,
    config: Config,
    options: Options | None = None,
    *,
    jobs: int = 1,
    use_cache: bool = False,
    only: frozenset[str] | None = None,
) -> Report:
    """Check the given files and folders (default: the seeds folder) at the seed, schema
    and corpus levels with ``config`` as it is given (no ``corpus.toml`` is read, no
    export is checked): ``corpus_tools.validate`` without the exports.

    With ``only``, per-file findings are reported for those paths alone, and corpus
    findings only where they involve one of them; every file still takes part in the
    corpus rules.
    """
    from corpus_tools.inputs import discover

    options = options or Options()
    seeds = root / SEEDS_DIR
    if options.metadata is None and any(Path(p) == seeds for p in list(paths) or [seeds]):
        options = with_metadata(options, root, config)
    files = discover(list(paths) or [seeds], root)
    store = Cache(root, run_context(config, options), enabled=use_cache)
    try:
        return check_corpus(files, root, config, options, store, jobs=jobs, only=only)[0]
    finally:
        store.close()


def with_metadata(options: Options, root: Path, config: Config) -> Options:
    """``options`` with the corpus's source metadata table (``[metadata] table``), read
    and checked, when the corpus has one."""
    import dataclasses

    from corpus_tools.metadata import read_metadata

    table = read_metadata(root, config.metadata_table)
    return dataclasses.replace(options, metadata=table) if table is not None else options


def metadata_stamp(options: Options) -> list[str] | None:
    """What identifies the source metadata table of a run in a snapshot key: its path
    and the SHA-256 of its bytes (None: no table)."""
    table = options.metadata
    return None if table is None else [table.path, table.sha256]
