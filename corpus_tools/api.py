"""The library API: ``validate``, ``export`` and ``read``; the command line is a thin
shell over these.

Findings about the data come back as data (a ``Report``); what stops an operation
(no usable ``corpus.toml``, an unknown git ref, an export folder that cannot be
written) is raised as a ``corpus_tools.errors.CorpusError``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from corpus_tools.cache import Cache
from corpus_tools.diagnostics import Diagnostic, Report, Severity
from corpus_tools.errors import OutputError, ReadError, UsageError
from corpus_tools.exporters import (
    EXPORTERS,
    SCHEMATRON,
    CheckSettings,
    Rendered,
    Verdicts,
    VerdictStore,
    owner_of,
)
from corpus_tools.inputs import SEEDS_DIR, discover
from corpus_tools.journal import reading, settle, writing
from corpus_tools.locking import DEFAULT_TIMEOUT, Notify
from corpus_tools.paths import corpus_root, display_path
from corpus_tools.snapshots import snapshot_key, tool_key

# The pass itself (checks, pipeline, rules, exports, policy) and the configuration
# (config) are imported where they are used: a run answered from a snapshot loads none
# of it.
if TYPE_CHECKING:
    from corpus_tools.changes import ChangeSet
    from corpus_tools.checks import Options
    from corpus_tools.config import Config
    from corpus_tools.metadata import Metadata
    from corpus_tools.model import Document

EXPORTS_DIR = "exports"
# A change to any of these may change every result: re-check the whole corpus.
_GLOBAL_INPUTS = ("corpus.toml", "schema/", "corpus_tools/", "pyproject.toml")


@dataclass
class Validation:
    """A validation run: the report, the git changes it was scoped to, and (when asked
    for) the files checked as reports name them."""

    report: Report
    changes: ChangeSet | None = None
    checked: list[str] | None = None
    root: Path = Path(".")
    notes: list[str] = field(default_factory=list)


@dataclass
class ExportResult:
    """What ``export`` did: its findings, and the files written, left or removed.

    ``refused`` is true when the corpus has errors (nothing was written);
    ``up_to_date`` when every export file already held what it would write. ``strays``
    are the files in the folder that no format writes: left alone, never deleted.
    """

    report: Report
    formats: list[str]
    out_dir: Path
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: bool = False
    up_to_date: bool = False
    strays: list[str] = field(default_factory=list)


def formats_named(names: Iterable[str]) -> list[str]:
    """The export formats chosen by name (``all`` for every one), sorted."""
    names = list(names)
    unknown = sorted(set(names) - set(EXPORTERS) - {"all"})
    if unknown:
        raise UsageError(
            f"unknown export format {', '.join(unknown)}; choose from "
            f"{', '.join(sorted(EXPORTERS))} or all"
        )
    return sorted(EXPORTERS) if "all" in names else sorted(set(names))


def tracked_formats(config: Config) -> list[str]:
    """The export formats the corpus keeps (``[exports] formats``; default every one)."""
    if config.export_formats is None:
        return sorted(EXPORTERS)
    unknown = sorted(set(config.export_formats) - set(EXPORTERS))
    if unknown:
        from corpus_tools.config import ConfigError

        raise ConfigError(
            "corpus.toml",
            f"exports.formats: unknown export format {', '.join(unknown)}; choose from "
            f"{', '.join(sorted(EXPORTERS))}",
        )
    return sorted(config.export_formats)


def _scope(root: Path, ref: str | None, include_worktree: bool) -> tuple[ChangeSet | None, bool]:
    """The change set of ``changed_since`` and whether everything must be re-checked."""
    if ref is None:
        return None, True
    # Imported here: git and its subprocesses are for --changed-since alone.
    from corpus_tools.changes import ChangeError, changed_files

    try:
        changes = changed_files(root, ref, include_worktree=include_worktree).relative_to(root)
    except ChangeError as exc:
        raise UsageError(f"--changed-since {ref}: {exc}") from exc
    everything = any(
        p == g or (g.endswith("/") and p.startswith(g))
        for p in changes.paths
        for g in _GLOBAL_INPUTS
    )
    return changes, everything


def _in_seeds(path: Path, root: Path) -> bool:
    """True for a file directly inside the corpus's seeds folder."""
    parent = display_path(path, root).rpartition("/")[0]
    return parent == SEEDS_DIR and not path.is_dir()


def _walked(path: Path, root: Path) -> bool:
    """True for a file the walk of the seeds folder lists (no dot-file on the way)."""
    parts = display_path(path, root).split("/")
    return parts[0] == SEEDS_DIR and not any(part.startswith(".") for part in parts[1:])


def _relative(out_dir: Path, root: Path) -> str:
    try:
        return out_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return out_dir.as_posix()


def _export_findings(
    expected: Mapping[str, str],
    out_dir: Path,
    formats: Sequence[str],
    root: Path,
    verdicts: VerdictStore,
    store: Cache,
    schemas: Mapping[str, Path],
    broken: frozenset[str] | None = None,
    errors: int = 0,
    keep: Sequence[str] = (),
) -> list[Diagnostic]:
    """Missing, stale and extra export files, the files no format writes (but those of
    ``keep``, formats not checked here that may be there too), then each format's own
    checks of the files that are fresh.

    When the corpus has ``errors``, the files that hold one document each are still
    compared (but for those of the ``broken`` seeds, which could not be converted), and
    each file of the whole corpus is reported as not checked, saying why.
    """
    from corpus_tools.exports import Subset, compare_exports, stray_files

    rel = _relative(out_dir, root)

    def doc_of(name: str) -> str | None:
        owner = owner_of(name)
        return owner.document_of(name) if owner is not None else None

    judged = None
    wide: list[str] = []
    if errors:
        gone = broken or frozenset()
        wide = sorted(k for k in expected if doc_of(k) is None)
        expected = Subset(expected, lambda k: doc_of(k) is not None)

        def judged(name: str) -> bool:
            doc = doc_of(name)
            return doc is not None and doc not in gone

    found = [
        Diagnostic(code, f"{rel}/{name}", message)
        for code, name, message in compare_exports(
            expected, out_dir, formats, store.output_sha256, judged
        )
    ]
    found.extend(_stray(name, rel, formats) for name in stray_files(out_dir, [*formats, *keep]))
    if wide:
        found.append(_not_compared(rel, wide, errors))
    bad = {d.file for d in found}
    settings = CheckSettings(rel, schemas, verdicts)
    for name in formats:
        exporter = EXPORTERS[name]
        # A view, not a copy: the exporter reads the digests of its own fresh files.
        mine = Subset(expected, _fresh_of(exporter.owns, rel, bad))
        found.extend(exporter.check(out_dir, mine, settings))
    return found


def _fresh_of(owns: Callable[[str], bool], rel: str, bad: set[str]) -> Callable[[str], bool]:
    """Whether an export file is one of an exporter's (``owns``) and no finding says it
    is missing or stale."""
    return lambda name: owns(name) and f"{rel}/{name}" not in bad


def _not_compared(rel: str, wide: list[str], errors: int) -> Diagnostic:
    """One finding for the files of the whole corpus that were not compared: one error
    in a seed would otherwise bring a warning for each of them."""
    noun = "error" if errors == 1 else "errors"
    shown = ", ".join(wide[:_NAMED])
    more = f" and {len(wide) - _NAMED} more" if len(wide) > _NAMED else ""
    files = "file" if len(wide) == 1 else "files"
    return Diagnostic(
        "export-not-checked",
        rel,
        f"{len(wide)} {files} of the whole corpus not compared ({shown}{more}): the corpus "
        f"has {errors} {noun}, so they cannot be what an export would write now",
    )


# How many of the files not compared a finding names.
_NAMED = 4


def _stray(name: str, rel: str, formats: Sequence[str]) -> Diagnostic:
    """An ``export-extra`` finding on a file that no checked format writes: corpus
    export would leave it there, so its usual hint would not help."""
    owner = owner_of(name)
    if owner is not None:
        return Diagnostic(
            "export-extra",
            f"{rel}/{name}",
            f"a file of the {owner.name} format, which is not exported here "
            f"(formats: {', '.join(formats)}): corpus export neither writes nor removes it",
            hint=f"delete it, or add {owner.name} to [exports] formats in corpus.toml "
            "and run: corpus export",
        )
    return Diagnostic(
        "export-extra",
        f"{rel}/{name}",
        "no export format writes this file: corpus export neither writes nor removes it",
        hint=f"delete it or move it out of {rel}/, which holds only what corpus export "
        "writes (dot-files such as .gitkeep are ignored)",
    )


_LANG_TAG = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
)


def _check_lang(lang: str | None) -> None:
    """A BCP 47 tag, or a usage error: an override applies to every document."""
    if lang is not None and (not _LANG_TAG.fullmatch(lang) or len(lang.split("-")[0]) > 3):
        raise UsageError(
            f"--lang {lang!r} is not a BCP 47 language tag; use a tag such as en, ru, be, "
            "de-CH or sr-Latn"
        )


def check(
    root: Path | str | None = None,
    paths: Sequence[Path | str] | None = None,
    *,
    changed_since: str | None = None,
    include_worktree: bool = True,
    lang: str | None = None,
    today: dt.date | None = None,
    exports: bool = True,
    jobs: int | None = None,
    cache: bool = True,
    schemas: Mapping[str, Path] | None = None,
    list_files: bool = False,
    lock_timeout: float = DEFAULT_TIMEOUT,
    notify: Notify | None = None,
) -> Validation:
    """``validate`` with what the reports need besides the findings: the git changes
    and, with ``list_files``, the files checked."""
    _check_lang(lang)
    root = corpus_root(Path(root) if root is not None else None)
    changes, everything = _scope(root, changed_since, include_worktree)
    given = [Path(p) for p in paths or ()]
    if changes is not None and not include_worktree:
        from corpus_tools.changes import ChangeError, committed_tree

        # --committed-only: judge the committed bytes, in a folder of their own.
        with contextlib.ExitStack() as stack:
            try:
                tree, differing = stack.enter_context(committed_tree(root))
            except ChangeError as exc:
                raise UsageError(f"--committed-only: {exc}") from exc
            result = _check(
                tree,
                [tree / display_path(p, root) for p in given],
                changes,
                everything,
                lang,
                today,
                exports,
                jobs,
                False,
                schemas,
                list_files,
                lock_timeout,
                notify,
            )
        if differing:
            noun = "file differs" if differing == 1 else "files differ"
            result.notes.append(
                f"note: {differing} {noun} from HEAD in the working tree under {root}; "
                "--committed-only checked the committed versions"
            )
        result.root = root
        return result
    return _check(
        root,
        given,
        changes,
        everything,
        lang,
        today,
        exports,
        jobs,
        cache,
        schemas,
        list_files,
        lock_timeout,
        notify,
    )


def _check(
    root: Path,
    given: list[Path],
    changes: ChangeSet | None,
    everything: bool,
    lang: str | None,
    today: dt.date | None,
    exports: bool,
    jobs: int | None,
    cache: bool,
    schemas: Mapping[str, Path] | None,
    list_files: bool,
    lock_timeout: float,
    notify: Notify | None,
) -> Validation:
    schemas = dict(schemas or {})
    if not given and changes is None and exports and cache and SCHEMATRON not in schemas:
        # Nothing changed since the last run, seeds, exports, settings and tool alike:
        # the report is known from the stamps of the files, before corpus.toml is read.
        settle(root / EXPORTS_DIR, timeout=lock_timeout, notify=notify)
        answered = _answered(root, _settings(today, lang, schemas), list_files)
        if answered is not None:
            return answered
    from corpus_tools.checks import Options
    from corpus_tools.config import load_config
    from corpus_tools.pipeline import (
        check_corpus,
        default_jobs,
        run_context,
        stored_inputs_key,
        with_metadata,
    )
    from corpus_tools.policy import apply_policy

    # The tool's stamps (corpus.toml's among them) before the configuration is read:
    # a snapshot is stored under what was read, never under a file swapped in since.
    tool = tool_key(root) if cache else None
    config = load_config(root)
    if given and all(_same_folder(p, root / EXPORTS_DIR) for p in given):
        # The export folder named alone: its files are views of the seeds (each document
        # several times over), checked the one way that means anything, against the
        # seeds, as a run without paths does.
        given = []
    # An export file named, or the export folder: a switch that a killed export left
    # half-done is finished (or undone) first, so no mix of two exports is ever judged.
    for target in [*given, root / EXPORTS_DIR]:
        settle(target, timeout=lock_timeout, notify=notify)
    missing = [
        Diagnostic(
            "path-missing",
            display_path(p, root),
            f"{p}: no such file or folder; nothing was checked for it",
        )
        for p in given
        if not p.exists() and not p.is_symlink()
    ]
    present = [p for p in given if p.exists() or p.is_symlink()]
    if SCHEMATRON in schemas:
        # Checked before anything runs: a missing package or rules that do not compile
        # stop the run (exit 2), never a finding per file.
        from corpus_tools.exporters.tei import schematron

        schematron.compile_rules(schemas[SCHEMATRON])
    chosen = tuple(sorted((name, os.fspath(p)) for name, p in schemas.items()))
    plain = Options(today=today, lang_override=lang, schemas=chosen)
    # The options with the source metadata table, read and checked; a run answered
    # from the cache only needs the stamp of the table's file.
    options: Options | None = None
    table = config.metadata_table
    # The metadata table named is checked as the table, with the seeds it describes.
    named_table = [p for p in present if display_path(p, root) == table]
    only = None
    inputs = [p for p in present if display_path(p, root) != table]
    gone: frozenset[str] = frozenset()
    if changes is not None and not everything:
        only = frozenset(p for p in changes.present if p.startswith(SEEDS_DIR + "/"))
        # A deleted seed has no file to report on, but it can open a sequence gap.
        gone = frozenset(p for p in changes.deleted if p.startswith(SEEDS_DIR + "/"))
        if table in changes.paths:
            # A change to the table re-checks the table and the documents whose rows
            # it changed (added, edited or removed since the merge base).
            before = _table_at(changes, table)
            options = with_metadata(plain, root, config)
            if options.metadata is not None:
                touched = options.metadata.touched(before)
            else:  # the table was deleted: every row it had is gone
                touched = frozenset(before.sources) if before is not None else frozenset()
            only = only | {f"{SEEDS_DIR}/{i}.txt" for i in touched} | {table}
    elif named_table and not inputs:
        only = frozenset({table})
    elif any(_in_seeds(p, root) for p in inputs) or named_table:
        # Seeds named one by one (as a pre-commit hook does) are still checked against
        # the whole corpus: duplicates and sequence gaps involve the other seeds. So are
        # the other paths named beside them, and a file the walk of seeds/ skips (a
        # dot-file): every path given is checked or reported, never dropped.
        named = discover(inputs, root)
        only = frozenset(display_path(p, root) for p in named) | {
            display_path(p, root) for p in named_table
        }
        inputs = [root / SEEDS_DIR, *(p for p in named if not _walked(p, root))]
    elif given and not present:
        only = frozenset()  # every path given is missing: check nothing else
    with_seeds = not inputs or any(
        _in_seeds(p, root) or display_path(p, root) == SEEDS_DIR for p in inputs
    )
    if not with_seeds:
        # Only other files (canonical JSON, JSONL, TEI): the seeds and their table are
        # not part of the run.
        options = plain
    folders = inputs or [root / SEEDS_DIR]
    out_dir = root / EXPORTS_DIR
    wanted = exports and not given and config.exports_tracked
    formats = tracked_formats(config) if wanted and out_dir.is_dir() else []
    jobs = jobs or default_jobs()
    store = Cache(root, run_context(config, plain), enabled=cache)
    try:
        # A warm run with nothing changed, seeds and exports alike, is answered from
        # file stamps: the whole report is stored under them.
        whole = stamps = None
        if store.enabled and formats and not inputs:
            whole = _run_key(root, _settings(today, lang, schemas, only, gone), tool)
            # The seeds folder is listed and its files stamped, not sorted: a run
            # answered from the snapshot never needs the list of seeds.
            stamps = _inputs_key(root, whole, table) if whole else None
            known = _stored(store, whole, stamps, table) if whole and stamps else None
            if known is not None:
                report, shown = known
                listed = discover(folders, root) if list_files else []
                return Validation(
                    report, changes, _checked(listed, root, only, list_files, shown), root
                )
        files = discover(folders, root)
        if options is None:
            options = with_metadata(plain, root, config)
        expected = None
        key = ""
        if formats:
            key = stored_inputs_key(files, store, store.context, formats, options)
            expected = store.manifest(key)
        render = tuple(formats) if formats and expected is None else ()
        judged = Verdicts(store if store.enabled else None, schemas)
        report, fresh, broken = check_corpus(
            files,
            root,
            config,
            options,
            store,
            jobs=jobs,
            only=only,
            render=render,
            verdicts=judged if render else None,
            gone=gone,
        )
        if formats:
            if fresh is not None:
                expected = fresh
                # Remembered only for a whole corpus without errors: export --check and
                # export take a known manifest to mean that no seed and no corpus rule
                # fails, and then look at the seeds no further.
                clean = not apply_policy(Report(list(report.diagnostics)), config).errors
                if broken is None and only is None and clean:
                    store.put_manifest(key, expected)
            assert expected is not None
            with reading(out_dir, timeout=lock_timeout, notify=notify):
                found = _export_findings(
                    expected, out_dir, formats, root, judged, store, schemas, broken, report.errors
                )
            report.extend(found)
            judged.flush()
        elif wanted:
            report.append(
                Diagnostic(
                    "exports-absent",
                    EXPORTS_DIR,
                    f"the corpus has no {EXPORTS_DIR}/ folder, so no export was checked",
                )
            )
        elif exports and not given and not config.exports_tracked:
            report.not_checked.append(f"{EXPORTS_DIR}/ ([exports] tracked = false in corpus.toml)")
        report.extend(missing)
        apply_policy(report, config)
        shown = options.metadata.path if options.metadata is not None else None
        if whole and stamps:
            store.put_snapshot(
                whole,
                {"inputs": stamps, "table": table, "shown": shown, "report": report.to_dict()},
            )
    finally:
        store.close()
    return Validation(report, changes, _checked(files, root, only, list_files, shown), root)


def _table_at(changes: ChangeSet, table: str) -> Metadata | None:
    """The source metadata table as it was at the merge base (None: there was none)."""
    from corpus_tools.changes import file_at
    from corpus_tools.metadata import parse_metadata

    data = file_at(changes, table)
    return parse_metadata(data, table) if data is not None else None


def _checked(
    files: Sequence[Path],
    root: Path,
    only: frozenset[str] | None,
    wanted: bool,
    table: str | None = None,
) -> list[str] | None:
    """The files checked, as reports name them (a JUnit report lists each), the source
    metadata table (its path, when the run read one) included."""
    if not wanted:
        return None
    shown = [display_path(p, root) for p in files]
    if table is not None:
        shown.append(table)
    return sorted(p for p in shown if only is None or p in only)


def _settings(
    today: dt.date | None,
    lang: str | None,
    schemas: Mapping[str, Path],
    only: frozenset[str] | None = None,
    gone: frozenset[str] = frozenset(),
) -> list[object]:
    """The settings of a validation with exports that its report depends on, for its
    snapshot key: the day, the language override, the chosen schemas and the scope."""
    day = (today or dt.date.today()).isoformat()
    scope = None if only is None else sorted(only)
    return ["validate", day, lang, _schema_stamps(schemas), scope, sorted(gone)]


def _run_key(root: Path, settings: list[object], tool: str | None = None) -> str | None:
    """The key a snapshot of a run is stored under: the tool, its schemas and
    ``corpus.toml`` (by stamps; ``tool`` when taken already), and the run's
    ``settings``."""
    if tool is None:
        tool = tool_key(root)
    return snapshot_key(tool, settings) if tool is not None else None


def _inputs_key(root: Path, run: str, table: str | None) -> str | None:
    """The stamps of what the run of key ``run`` reads: every file of the seeds and
    export folders, and the source metadata table ``table`` (its path in corpus.toml)."""
    return snapshot_key(
        run,
        table,
        trees=[root / SEEDS_DIR, root / EXPORTS_DIR],
        single=[root / table] if table is not None else [],
    )


def _stored(
    store: Cache, run: str, stamps: str, table: str | None
) -> tuple[Report, str | None] | None:
    """The report stored for run key ``run`` when its inputs had these ``stamps`` and
    its table this path, and the table's path as the report names it (None: none)."""
    record = store.snapshot(run)
    if record is None or record.get("inputs") != stamps or record.get("table") != table:
        return None
    shown = record.get("shown")
    return Report.from_dict(record["report"]), shown if isinstance(shown, str) else None


def _answered(root: Path, settings: list[object], list_files: bool) -> Validation | None:
    """The validation of a run with exports whose report is known from a snapshot,
    before ``corpus.toml`` is read: a snapshot, passing or failing, is stored with the
    table's path that the configuration gives (the key holds the stamps of
    ``corpus.toml``)."""
    # The per-file results are not read: no context is needed.
    store = Cache(root, "", enabled=True)
    try:
        run = _run_key(root, settings)
        record = store.snapshot(run) if run is not None else None
        if run is None or record is None:
            return None
        table = record.get("table")
        if table is not None and not isinstance(table, str):
            return None
        stamps = _inputs_key(root, run, table)
        found = _stored(store, run, stamps, table) if stamps else None
    finally:
        store.close()
    if found is None:
        return None
    report, shown = found
    listed = discover([root / SEEDS_DIR], root) if list_files else []
    return Validation(report, None, _checked(listed, root, None, list_files, shown), root)


def _schema_stamps(schemas: Mapping[str, Path]) -> list[list[object]]:
    """What identifies the chosen schemas' content cheaply: path, size and times of
    each schema and of every file it includes."""
    if not schemas:
        return []
    from corpus_tools.exporters.tei.schematron import schema_files

    out: list[list[object]] = []
    for name, schema in sorted(schemas.items()):
        for path in schema_files(schema):
            try:
                st = path.stat()
            except OSError:
                out.append([name, str(path), None])
                continue
            out.append(
                [name, str(path.resolve()), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
            )
    return out


def validate(
    root: Path | str | None = None,
    paths: Sequence[Path | str] | None = None,
    *,
    changed_since: str | None = None,
    include_worktree: bool = True,
    lang: str | None = None,
    today: dt.date | None = None,
    exports: bool = True,
    jobs: int | None = None,
    cache: bool = True,
    schemas: Mapping[str, Path] | None = None,
    lock_timeout: float = DEFAULT_TIMEOUT,
) -> Report:
    """Check the corpus at ``root`` at every level: seeds (or the ``paths`` given),
    the JSON Schema, the corpus rules and, with no paths, the exports.

    ``changed_since`` (a git ref) limits the findings to the files changed since the
    merge base with HEAD (plus staged and untracked ones unless ``include_worktree`` is
    false), with every corpus rule that involves them. Each seed is converted at most
    once. Raises ``UsageError`` (``ConfigError`` for ``corpus.toml``) when the run
    cannot proceed.
    """
    return check(
        root,
        paths,
        changed_since=changed_since,
        include_worktree=include_worktree,
        lang=lang,
        today=today,
        exports=exports,
        jobs=jobs,
        cache=cache,
        schemas=schemas,
        lock_timeout=lock_timeout,
    ).report


def _writable_out(out_dir: Path, root: Path) -> None:
    """Refuse an export folder that is not a folder, or that lies in ``seeds/``, where
    corpus validate would read every file written as a misplaced seed."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(out_dir, "is not a folder: give --out a folder (it is made if missing)")
    if out_dir.resolve().is_relative_to((root / SEEDS_DIR).resolve()):
        raise OutputError(
            out_dir,
            f"is inside {SEEDS_DIR}/, where corpus validate would read each file written as a "
            "misplaced seed: export outside it, e.g. to exports/ (the default)",
        )


def export(
    root: Path | str | None = None,
    formats: Iterable[str] | None = None,
    out: Path | str | None = None,
    *,
    check: bool = False,
    lang: str | None = None,
    jobs: int | None = None,
    cache: bool = True,
    schemas: Mapping[str, Path] | None = None,
    progress: TextIO | None = None,
    lock_timeout: float = DEFAULT_TIMEOUT,
    notify: Notify | None = None,
) -> ExportResult:
    """Write the exports of the corpus at ``root`` into ``out`` (default ``exports/``),
    or with ``check`` compare what they would be with what is there (nothing written).
    ``formats`` are format names or ``all``; by default the formats ``corpus.toml``
    tracks (``[exports] formats``, every format unless it says otherwise).

    The export is refused (``refused``, nothing written) when the corpus has errors;
    files whose bytes would not change are left alone, and all files land or none.
    Raises ``OutputError`` when the folder cannot be written.
    """
    from corpus_tools.checks import Options
    from corpus_tools.config import load_config
    from corpus_tools.exports import linked_folder, stray_files
    from corpus_tools.io import describe_os_error
    from corpus_tools.pipeline import default_jobs, run_context, with_metadata

    _check_lang(lang)
    root = corpus_root(Path(root) if root is not None else None)
    config = load_config(root)
    out_dir = Path(out) if out is not None else root / EXPORTS_DIR
    chosen = _formats_for(config, formats, out_dir, root / EXPORTS_DIR, check)
    files = discover([root / SEEDS_DIR], root)
    jobs = jobs or default_jobs()
    if not check:
        _writable_out(out_dir, root)
    linked = linked_folder(out_dir, chosen)
    if linked is not None:
        raise OutputError(
            linked,
            f"is a symbolic link (to {os.readlink(linked)}); corpus export writes and deletes "
            "files only in real folders: replace the link with a folder",
        )
    options = with_metadata(Options(lang_override=lang), root, config)
    if check:
        store = Cache(root, run_context(config, options), enabled=cache)
        try:
            settle(out_dir, timeout=lock_timeout, notify=notify)
            problems = _export_problems(
                files,
                root,
                config,
                options,
                store,
                chosen,
                out_dir,
                jobs,
                schemas or {},
                lock_timeout,
                notify,
                # The files of the formats the corpus tracks are not strays when only
                # some formats are asked for.
                keep=tracked_formats(config) if formats is not None else (),
            )
        finally:
            store.close()
        return ExportResult(Report(problems, files=len(files)), chosen, out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with writing(out_dir, timeout=lock_timeout, notify=notify):
            result = _export_locked(
                files, root, config, options, chosen, out_dir, jobs, cache, progress
            )
            # A file corpus export does not own may be the user's own: it is named, not
            # deleted (validate and export --check report it until it is removed).
            keep = tracked_formats(config) if formats is not None else []
            result.strays = stray_files(out_dir, [*chosen, *keep])
            return result
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(out_dir, describe_os_error(exc)) from exc


def _formats_for(
    config: Config, formats: Iterable[str] | None, out_dir: Path, tracked_dir: Path, check: bool
) -> list[str]:
    """The formats an export writes (or checks) in ``out_dir``.

    The corpus's own export folder holds the formats ``corpus.toml`` tracks, which
    ``datapackage.json`` and the dataset card describe together: there ``all`` means
    those, and writing some of them only, or another format, is refused, as it would
    leave a folder that ``corpus validate`` fails. Elsewhere (``--out``) any formats go.
    """
    tracked = tracked_formats(config)
    if formats is None:
        return tracked
    names = list(formats)
    chosen = formats_named(names)
    if check or not config.exports_tracked or not _same_folder(out_dir, tracked_dir):
        return chosen
    if "all" in names:
        return tracked
    if chosen != tracked:
        raise UsageError(
            f"{EXPORTS_DIR}/ holds the formats corpus.toml tracks ({', '.join(tracked)}), "
            "which datapackage.json and README.md describe together: run corpus export "
            f"to write them all, write {', '.join(chosen)} to another folder with --out DIR, "
            "or change [exports] formats in corpus.toml"
        )
    return chosen


def _same_folder(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same folder (or would, once made)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _export_problems(
    files: Sequence[Path],
    root: Path,
    config: Config,
    options: Options,
    store: Cache,
    formats: list[str],
    out_dir: Path,
    jobs: int,
    schemas: Mapping[str, Path],
    lock_timeout: float = DEFAULT_TIMEOUT,
    notify: Notify | None = None,
    keep: Sequence[str] = (),
) -> list[Diagnostic]:
    """Findings on the export files (nothing is written): one pass over the seeds only
    when the exports they make are not known from an earlier run. The errors of the
    seeds come first: exports cannot be up to date with a corpus that cannot be
    exported."""
    from corpus_tools.exports import expected_files
    from corpus_tools.pipeline import Tally, stored_inputs_key, stream
    from corpus_tools.policy import apply_policy
    from corpus_tools.rules import CorpusRules

    key = stored_inputs_key(files, store, store.context, formats, options)
    expected = store.manifest(key)
    judged = Verdicts(store if store.enabled else None, schemas)
    report = Report()
    broken: frozenset[str] | None = None
    if expected is None:
        with CorpusRules(config, None) as rules:
            tally = Tally(rules, metadata=options.metadata)
            documents = stream(
                files,
                root,
                config,
                options,
                tally,
                jobs=jobs,
                cache=store,
                render=tuple(formats),
                verdicts=judged,
            )
            expected = expected_files(documents, formats, config)
            report = apply_policy(tally.finish(), config)
        if tally.file_errors:
            broken = frozenset(tally.broken)
        elif not report.errors:
            store.put_manifest(key, expected)
    errors = [d for d in report.diagnostics if d.effective_severity is Severity.ERROR]
    with reading(out_dir, timeout=lock_timeout, notify=notify):
        found = _export_findings(
            expected, out_dir, formats, root, judged, store, schemas, broken, len(errors), keep
        )
    judged.flush()
    return errors + found


def _export_locked(
    files: Sequence[Path],
    root: Path,
    config: Config,
    options: Options,
    formats: list[str],
    out_dir: Path,
    jobs: int,
    cache: bool,
    progress_to: TextIO | None,
) -> ExportResult:
    from corpus_tools.exports import compare_exports, stage_export
    from corpus_tools.io import remove_stale_temporaries
    from corpus_tools.pipeline import InputsKey, Tally, run_context, stored_inputs_key, stream
    from corpus_tools.policy import apply_policy
    from corpus_tools.progress import Progress
    from corpus_tools.rules import CorpusRules

    remove_stale_temporaries(out_dir)
    store = Cache(root, run_context(config, options), enabled=cache)
    try:
        key = stored_inputs_key(files, store, store.context, formats, options)
        expected = store.manifest(key)
        if expected is not None and not compare_exports(
            expected, out_dir, formats, store.output_sha256
        ):
            return ExportResult(Report(files=len(files)), formats, out_dir, up_to_date=True)
        progress = Progress(len(files), "exporting", progress_to) if progress_to else None
        with CorpusRules(config, None) as rules:
            inputs = InputsKey(store.context, formats, options.metadata)
            tally = Tally(rules, None, inputs, options.metadata)
            documents: Iterator[Rendered] = stream(
                files,
                root,
                config,
                options,
                tally,
                jobs=jobs,
                cache=store,
                render=tuple(formats),
                progress=progress,
            )
            staging = stage_export(documents, formats, out_dir, config)
            if progress is not None:
                progress.close()
            report = apply_policy(tally.finish(), config)
        if report.errors:
            staging.abort()
            return ExportResult(report, formats, out_dir, refused=True)
        manifest = staging.digests(out_dir)
        try:
            staging.commit()
        except BaseException:
            staging.abort()  # no temporary file is left behind by a failed commit
            raise
        # The key of what was converted: a seed edited during the run gets a new key.
        assert tally.key is not None
        store.put_manifest(tally.key.hexdigest(), manifest)
    finally:
        store.close()
    return ExportResult(
        report,
        formats,
        out_dir,
        # Each property makes a new list: no copy (100,000 paths at 100,000 seeds).
        written=staging.written,
        unchanged=staging.unchanged,
        removed=[os.fspath(p) for p in staging.deletions],
    )


def read(path: Path | str, *, format: str | None = None) -> Iterator[Document]:
    """The documents of an export file (its format told by its name), of an export
    folder in ``format``, or of a canonical JSON file. Raises ``ReadError`` (each
    reader's own subclass) when the file is not what it should be."""
    path = Path(path)
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if format is not None:
        if format not in EXPORTERS:
            raise UsageError(f"unknown export format {format}; choose from {', '.join(EXPORTERS)}")
        return EXPORTERS[format].read(path)
    if path.is_dir():
        raise UsageError(
            f"{path} is a folder: name the format to read from it ({', '.join(EXPORTERS)})"
        )
    if path.name.endswith(".json"):
        return _read_canonical(path)
    for rel in (path.name, f"{path.parent.name}/{path.name}"):
        exporter = owner_of(rel)
        if exporter is not None:
            return exporter.read(path)
    raise UsageError(f"{path}: not a file of any export format ({', '.join(EXPORTERS)})")


def _read_canonical(path: Path) -> Iterator[Document]:
    from corpus_tools.checks import check_json

    result = check_json(path, path.parent)
    if result.diagnostics:
        first = result.diagnostics[0]
        raise ReadError(path, first.line, first.message)
    if result.document is not None:
        yield result.document
