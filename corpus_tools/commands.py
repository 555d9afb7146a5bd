"""What each command does, given plain arguments; returns the exit code.

``cli.py`` only turns the command line into these argument objects, so every command
can be run and tested without click.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from corpus_tools.cache import Cache, context_key
from corpus_tools.changes import ChangeError, ChangeSet, changed_files
from corpus_tools.config import Config, ConfigError, load_config
from corpus_tools.diagnostics import Diagnostic, Report, Severity
from corpus_tools.exporters import (
    EXPORTERS,
    Rendered,
    compare_exports,
    expected_files,
    stage_export,
)
from corpus_tools.io import OutputError, Staging, remove_stale_temporaries
from corpus_tools.journal import reading, settle, writing
from corpus_tools.locking import DEFAULT_TIMEOUT
from corpus_tools.paths import display_path
from corpus_tools.progress import Progress
from corpus_tools.reporters import REPORTERS, CorpusChanges, ReportContext
from corpus_tools.rules import CorpusRules
from corpus_tools.schema import schema_dir
from corpus_tools.validation import (
    SEEDS_DIR,
    Options,
    check_files,
    check_seed,
    discover,
    run_context,
    validate_corpus,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXPORTS_DIR = "exports"
# A change to any of these may change every result: re-check the whole corpus.
_GLOBAL_INPUTS = ("corpus.toml", "schema/", "corpus_tools/", "pyproject.toml")


@dataclass
class Streams:
    """Where a command writes, and whether its standard output is a terminal."""

    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def color(self) -> bool:
        """Colour only on a terminal, and never when NO_COLOR or CI is set."""
        isatty = getattr(self.out, "isatty", None)
        tty = bool(isatty and isatty())
        return tty and not os.environ.get("NO_COLOR") and not os.environ.get("CI")

    def progress_enabled(self) -> bool:
        """A progress bar only on an interactive terminal, never in pipes or CI logs."""
        isatty = getattr(self.err, "isatty", None)
        return bool(isatty and isatty()) and not os.environ.get("CI")

    def notice(self, message: str) -> None:
        """A line for the user about the run itself (a lock wait, a repaired folder)."""
        print(f"corpus: {message}", file=self.err)


@dataclass
class ValidateArgs:
    """Arguments of ``corpus validate``."""

    paths: list[Path]
    root: Path
    formats: list[str] = field(default_factory=lambda: ["text"])
    outputs: list[str] = field(default_factory=list)
    fail_on: str = "error"
    lang: str | None = None
    today: dt.date | None = None
    check_exports: bool = True
    changed_since: str | None = None
    include_worktree: bool = True
    jobs: int = 1
    cache: bool = True
    tei_schema: Path | None = None
    lock_timeout: float = DEFAULT_TIMEOUT


@dataclass
class ConvertArgs:
    """Arguments of ``corpus convert``."""

    paths: list[Path]
    root: Path
    out: str | None = None
    lang: str | None = None


@dataclass
class ExportArgs:
    """Arguments of ``corpus export``."""

    root: Path
    formats: list[str]
    out: Path | None = None
    check: bool = False
    lang: str | None = None
    cache: bool = True
    jobs: int = 1
    tei_schema: Path | None = None
    lock_timeout: float = DEFAULT_TIMEOUT


def _config(root: Path, streams: Streams) -> Config | None:
    try:
        return load_config(root)
    except ConfigError as exc:
        print(str(exc), file=streams.err)
        return None


def render_text(report: Report, *, color: bool = False) -> str:
    """The plain text report: one finding per line, then the summary."""
    return REPORTERS["text"].render(report, ReportContext(color=color))


def _seed_files(root: Path) -> Sequence[Path]:
    return discover([root / SEEDS_DIR], root)


def _formats(names: list[str]) -> list[str]:
    return sorted(EXPORTERS) if "all" in names else sorted(set(names))


# --- validate ----------------------------------------------------------------------


def _scope(args: ValidateArgs, streams: Streams) -> tuple[ChangeSet | None, bool] | None:
    """The change set of ``--changed-since`` and whether everything must be re-checked."""
    if args.changed_since is None:
        return None, True
    try:
        changes = changed_files(
            args.root, args.changed_since, include_worktree=args.include_worktree
        ).relative_to(args.root)
    except ChangeError as exc:
        print(f"error: --changed-since {args.changed_since}: {exc}", file=streams.err)
        return None
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


def _corpus_changes(changes: ChangeSet) -> CorpusChanges:
    def ids(paths: frozenset[str]) -> tuple[str, ...]:
        return tuple(
            sorted(
                p.rsplit("/", 1)[-1].removesuffix(".txt")
                for p in paths
                if p.startswith(SEEDS_DIR + "/") and p.endswith(".txt")
            )
        )

    metadata = tuple(
        sorted(p for p in changes.paths if p == "corpus.toml" or p.startswith("schema/"))
    )
    return CorpusChanges(
        added=ids(changes.added),
        removed=ids(changes.deleted),
        modified=ids(changes.modified),
        metadata=metadata,
    )


def run_validate(args: ValidateArgs, streams: Streams) -> int:
    """``corpus validate``: check seeds, canonical JSON and JSONL files."""
    if len(args.outputs) > len(args.formats):
        print(
            "error: more --output than --format options; pair each --output with a --format",
            file=streams.err,
        )
        return EXIT_USAGE
    config = _config(args.root, streams)
    if config is None:
        return EXIT_USAGE
    scope = _scope(args, streams)
    if scope is None:
        return EXIT_USAGE
    changes, everything = scope
    only = None
    paths = list(args.paths)
    if changes is not None and not everything:
        only = frozenset(p for p in changes.present if p.startswith(SEEDS_DIR + "/"))
    elif paths and all(_in_seeds(p, args.root) for p in paths):
        # Seeds named one by one (as a pre-commit hook does) are still checked against
        # the whole corpus: duplicates and sequence gaps involve the other seeds.
        only = frozenset(display_path(p, args.root) for p in paths)
        paths = []
    options = Options(today=args.today, lang_override=args.lang)
    try:
        for named in args.paths:  # an export file, in a folder a killed run left half-switched
            settle(named, timeout=args.lock_timeout, notify=streams.notice)
    except OutputError as exc:
        print(f"{exc.path}: error: {exc.message}", file=streams.err)
        return EXIT_USAGE
    report, files = validate_corpus(
        paths, args.root, config, options, jobs=args.jobs, use_cache=args.cache, only=only
    )
    if args.check_exports and not args.paths:
        out_dir = args.root / EXPORTS_DIR
        if out_dir.is_dir() and not report.errors:
            try:
                problems = export_problems(
                    args.root,
                    config,
                    out_dir,
                    _formats(["all"]),
                    args.lang,
                    args.cache,
                    args.tei_schema,
                    args.jobs,
                    lock_timeout=args.lock_timeout,
                    notify=streams.notice,
                )
            except ConfigError as exc:
                print(str(exc), file=streams.err)
                return EXIT_USAGE
            except OutputError as exc:  # the export folder stayed locked
                print(f"{exc.path}: error: {exc.message}", file=streams.err)
                return EXIT_USAGE
            report.extend(problems)
    context = ReportContext(
        root=args.root,
        color=False,
        changes=_corpus_changes(changes) if changes is not None else None,
        checked={"seed": _checked(files, args.root, only)} if "junit" in args.formats else {},
    )
    code = report.exit_code(strict=args.fail_on == "warning")
    try:
        _write_reports(report, args, context, streams)
    except OSError as exc:
        print(f"error: cannot write the report: {exc}", file=streams.err)
        return EXIT_USAGE
    return code


def _checked(files: Sequence[Path], root: Path, only: frozenset[str] | None) -> list[str]:
    """The files checked, as reports show them (a JUnit report lists each)."""
    shown = (display_path(p, root) for p in files)
    return sorted(p for p in shown if only is None or p in only)


def _write_reports(
    report: Report, args: ValidateArgs, context: ReportContext, streams: Streams
) -> None:
    to_terminal = False
    for i, name in enumerate(args.formats):
        target = args.outputs[i] if i < len(args.outputs) else "-"
        if target == "-":
            to_terminal = True
            use_color = streams.color() and name == "text"
            ctx = ReportContext(
                context.version, context.root, use_color, context.changes, context.checked
            )
            streams.out.write(REPORTERS[name].render(report, ctx))
        else:
            text = REPORTERS[name].render(report, context)
            path = Path(target)
            if path.parent != Path("."):
                path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    if not to_terminal:
        # Every report went to a file: the terminal still gets the text report.
        ctx = ReportContext(
            context.version, context.root, streams.color(), context.changes, context.checked
        )
        streams.out.write(REPORTERS["text"].render(report, ctx))


# --- exports -----------------------------------------------------------------------


class _InputsKey:
    """The key of an export's inputs: settings, formats and every seed's name and hash,
    hashed as they come (at 100,000 seeds a list of them is tens of megabytes)."""

    def __init__(self, config: Config, formats: list[str], lang: str | None) -> None:
        context = run_context(config, Options(lang_override=lang))
        self._digest = hashlib.sha256(context_key(context, formats).encode())

    def add(self, name: str, sha: str | None) -> None:
        """Add the next seed (in file order)."""
        self._digest.update(f"{len(name)} {name} {sha}\n".encode("utf-8", "surrogateescape"))

    def hexdigest(self) -> str:
        """The key."""
        return self._digest.hexdigest()


def _inputs_key(
    config: Config,
    formats: list[str],
    lang: str | None,
    shas: Iterable[tuple[str, str | None]],
) -> str:
    key = _InputsKey(config, formats, lang)
    for name, sha in shas:
        key.add(name, sha)
    return key.hexdigest()


@dataclass
class _Collected:
    """What a streamed export run learns besides the documents: per-file findings, the
    corpus rules (fed as results come) and the key of the seeds as converted."""

    rules: CorpusRules | None
    key: _InputsKey
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0


def _documents(
    files: Sequence[Path],
    root: Path,
    config: Config,
    lang: str | None,
    sink: _Collected,
    progress: Progress | None = None,
    jobs: int = 1,
    formats: tuple[str, ...] = (),
    cache: Cache | None = None,
) -> Iterator[Rendered]:
    """Stream the corpus's documents in order (pre-rendered in ``formats`` by the
    workers), collecting findings on the way (and storing them in ``cache``)."""
    options = Options(lang_override=lang)
    results = check_files(
        files, root, config, options, jobs=jobs, cache=cache, want_documents=True, render=formats
    )
    # One result per file, in file order.
    for path, result in zip(files, results, strict=True):
        sink.files += 1
        sink.diagnostics.extend(result.diagnostics)
        for summary in result.summaries:
            if sink.rules is not None:
                sink.rules.add(summary)
        sha = result.summaries[0].sha256 if len(result.summaries) == 1 else None
        sink.key.add(path.name, sha)
        if progress is not None:
            progress.advance()
        doc_id = result.rendered_id
        if doc_id is not None and result.fragments is not None:
            yield doc_id, result.fragments


def _relative(out_dir: Path, root: Path) -> str:
    try:
        return out_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return out_dir.as_posix()


def export_problems(
    root: Path,
    config: Config,
    out_dir: Path,
    formats: list[str],
    lang: str | None,
    use_cache: bool,
    tei_schema: Path | None = None,
    jobs: int = 1,
    *,
    lock_timeout: float = DEFAULT_TIMEOUT,
    notify: Callable[[str], None] | None = None,
) -> list[Diagnostic]:
    """Diagnostics for missing, stale or extra export files (nothing is written).

    The folder is read under its lock for reading, after any switch a killed export
    left half-done is finished: never a mix of two exports.
    """
    files = _seed_files(root)
    cache = Cache(root, run_context(config, Options(lang_override=lang)), enabled=use_cache)
    try:
        # After a validate run the cache knows every seed's hash by its stamp.
        shas = ((p.name, cache.sha256(f"{SEEDS_DIR}/{p.name}", p)) for p in files)
        key = _inputs_key(config, formats, lang, shas)
        expected = cache.manifest(key)
        if expected is None:
            collected = _Collected(None, _InputsKey(config, formats, lang))
            expected = expected_files(
                _documents(files, root, config, lang, collected, None, jobs, tuple(formats), cache),
                formats,
                config,
            )
            if any(d.effective_severity is Severity.ERROR for d in collected.diagnostics):
                return []  # the seeds are broken: their own findings say what to fix first
            cache.put_manifest(key, expected)
        rel = _relative(out_dir, root)
        with reading(out_dir, timeout=lock_timeout, notify=notify):
            found = [
                Diagnostic(code, f"{rel}/{name}", message)
                for code, name, message in compare_exports(
                    expected, out_dir, formats, cache.output_sha256
                )
            ]
            if "tei" in formats:
                bad = {d.file for d in found}
                fine = {k: v for k, v in expected.items() if f"{rel}/{k}" not in bad}
                found.extend(tei_validity(out_dir, rel, fine, tei_schema, cache))
    finally:
        cache.close()
    return found


# corpus.tei.xml can only be validated as one tree; past this size only the per-article
# files (which it embeds unchanged) are, so that memory stays flat as the corpus grows.
_MAX_TREE_BYTES = 16 * 1024 * 1024


def tei_validity(
    out_dir: Path, rel: str, files: dict[str, str], schema: Path | None, cache: Cache
) -> list[Diagnostic]:
    """RELAX NG and pointer checks of the TEI exports; verdicts are cached by content."""
    import json

    from corpus_tools.exporters import tei

    schema_path = schema or schema_dir().joinpath(*tei.SCHEMA_PATH)
    try:
        schema_key = hashlib.sha256(schema_path.read_bytes()).hexdigest()
    except OSError as exc:
        raise ConfigError(str(schema_path), f"cannot read the TEI schema: {exc.strerror}") from exc
    targets = [
        name
        for name in sorted(files)
        if name == tei.CORPUS_FILE or (name.startswith(tei.DOC_DIR + "/") and name.endswith(".xml"))
    ]
    keys = {name: context_key("tei-valid", files[name], schema_key) for name in targets}
    known = cache.verdicts(list(keys.values()))
    fresh: dict[str, str] = {}
    rng = None
    out: list[Diagnostic] = []
    for name in targets:
        verdict = known.get(keys[name])
        if verdict is None:
            path = out_dir / name
            if name == tei.CORPUS_FILE and path.stat().st_size > _MAX_TREE_BYTES:
                continue
            if rng is None:
                rng = _relaxng(schema_path)
            verdict = json.dumps(_rng_problems(path, rng))
            fresh[keys[name]] = verdict
        for line, column, message in json.loads(verdict):
            out.append(Diagnostic("export-invalid", f"{rel}/{name}", message, line, column))
    if fresh:
        articles = [out_dir / n for n in targets if n != tei.CORPUS_FILE]
        for problem in tei.check_tei_references(articles):
            name = _relative(Path(problem.file), out_dir)
            out.append(Diagnostic("export-invalid", f"{rel}/{name}", problem.message, problem.line))
    cache.put_verdicts(fresh)
    return out


def _relaxng(path: Path) -> Any:
    from lxml import etree

    from corpus_tools.exporters.tei import safe_parser

    try:
        return etree.RelaxNG(etree.parse(str(path), safe_parser()))
    except (etree.XMLSyntaxError, etree.RelaxNGParseError, OSError) as exc:
        raise ConfigError(str(path), f"not a usable RELAX NG schema: {exc}") from exc


def _rng_problems(path: Path, rng: Any) -> list[tuple[int | None, int | None, str]]:
    from lxml import etree

    from corpus_tools.exporters.tei import safe_parser

    try:
        doc = etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        return [(exc.lineno, exc.offset, f"not well-formed XML: {exc.msg}")]
    if rng.validate(doc):
        return []
    return [
        (e.line or None, e.column or None, f"not valid against the TEI schema: {e.message}")
        for e in rng.error_log
    ][:20]


def run_export(args: ExportArgs, streams: Streams) -> int:
    """``corpus export``: write (or with ``check``, compare) the exports."""
    config = _config(args.root, streams)
    if config is None:
        return EXIT_USAGE
    out_dir = args.out or args.root / EXPORTS_DIR
    formats = _formats(args.formats)
    files = _seed_files(args.root)
    linked = _linked_output(out_dir)
    if linked is not None:
        print(
            f"{linked}: error: is a symbolic link (to {os.readlink(linked)}); corpus export "
            "writes and deletes files only in real folders: replace the link with a folder",
            file=streams.err,
        )
        return EXIT_USAGE
    if args.check:
        try:
            problems = export_problems(
                args.root,
                config,
                out_dir,
                formats,
                args.lang,
                args.cache,
                args.tei_schema,
                args.jobs,
                lock_timeout=args.lock_timeout,
                notify=streams.notice,
            )
        except ConfigError as exc:
            print(str(exc), file=streams.err)
            return EXIT_USAGE
        except OutputError as exc:  # the export folder stayed locked
            print(f"{exc.path}: error: {exc.message}", file=streams.err)
            return EXIT_USAGE
        report = Report(problems, files=len(files))
        streams.out.write(render_text(report, color=streams.color()))
        return report.exit_code()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with writing(out_dir, timeout=args.lock_timeout, notify=streams.notice):
            return _export_locked(args, config, out_dir, formats, files, streams)
    except OutputError as exc:
        print(f"{exc.path}: error: {exc.message}", file=streams.err)
        return EXIT_USAGE
    except OSError as exc:
        print(
            f"{out_dir}: error: {exc.strerror or exc}; previous exports are intact",
            file=streams.err,
        )
        return EXIT_USAGE


def _linked_output(out_dir: Path) -> Path | None:
    """The export folder, or one of its sub-folders, where it is a symbolic link."""
    for folder in (out_dir, *(out_dir / name for name in _SUBFOLDERS)):
        if folder.is_symlink():
            return folder
    return None


# Folders the exporters write into below the export folder.
_SUBFOLDERS = ("tei",)


def _export_locked(
    args: ExportArgs,
    config: Config,
    out_dir: Path,
    formats: list[str],
    files: Sequence[Path],
    streams: Streams,
) -> int:
    remove_stale_temporaries(out_dir)
    cache = Cache(
        args.root, run_context(config, Options(lang_override=args.lang)), enabled=args.cache
    )
    rules_stack = contextlib.ExitStack()  # the corpus rules' temporary database
    try:
        shas = ((p.name, cache.sha256(f"{SEEDS_DIR}/{p.name}", p)) for p in files)
        key = _inputs_key(config, formats, args.lang, shas)
        expected = cache.manifest(key)
        if expected is not None and not compare_exports(
            expected, out_dir, formats, cache.output_sha256
        ):
            print(
                f"exports in {out_dir} are up to date ({len(files)} seeds); nothing written",
                file=streams.err,
            )
            return EXIT_OK
        collected = _Collected(
            rules_stack.enter_context(CorpusRules(config, None)),
            _InputsKey(config, formats, args.lang),
        )
        progress = (
            Progress(len(files), "exporting", streams.err) if streams.progress_enabled() else None
        )
        staging = stage_export(
            _documents(
                files,
                args.root,
                config,
                args.lang,
                collected,
                progress,
                args.jobs,
                tuple(formats),
                cache,
            ),
            formats,
            out_dir,
            config,
        )
        if progress is not None:
            progress.close()
        assert collected.rules is not None
        collected.diagnostics.extend(collected.rules.findings())
        rules_stack.close()
        report = Report(collected.diagnostics, files=collected.files)
        if report.errors:
            staging.abort()
            streams.err.write(render_text(report))
            print(
                "export refused: the corpus has errors; previous exports are unchanged",
                file=streams.err,
            )
            return EXIT_FINDINGS
        manifest = _manifest_of(staging, out_dir)
        try:
            staging.commit()
        except BaseException:
            staging.abort()  # no temporary file is left behind by a failed commit
            raise
        # The key of what was converted: a seed edited during the run gets a new key.
        cache.put_manifest(collected.key.hexdigest(), manifest)
    finally:
        rules_stack.close()
        cache.close()
    written, unchanged = len(staging.written), len(staging.unchanged)
    noun = "document" if collected.files == 1 else "documents"
    print(
        f"exported {collected.files} {noun} as {', '.join(formats)} to {out_dir}: "
        f"{written} files written, {unchanged} unchanged, {len(staging.deletions)} removed",
        file=streams.err,
    )
    if report.warnings:
        streams.err.write(render_text(report))
    return EXIT_OK


def _manifest_of(staging: Staging, out_dir: Path) -> dict[str, str]:
    return staging.digests(out_dir)


# --- convert -----------------------------------------------------------------------


def run_convert(args: ConvertArgs, streams: Streams) -> int:
    """``corpus convert``: write canonical JSON documents (or JSONL to stdout)."""
    from corpus_tools.model import dumps_canonical

    config = _config(args.root, streams)
    if config is None:
        return EXIT_USAGE
    paths = args.paths or [args.root / SEEDS_DIR]
    options = Options(lang_override=args.lang)
    report = Report()
    out_dir = Path(args.out or "-")
    staging = None if args.out in (None, "-") else Staging()
    try:
        for path in discover(paths, args.root):
            result = check_seed(path, args.root, config, options)
            report.files += 1
            report.extend(result.diagnostics)
            doc = result.document
            if doc is None:
                continue
            if staging is None:
                streams.out.write(dumps_canonical(doc.to_dict()) + "\n")
            else:
                # Written whole and closed at once: holding one open file per document
                # until the commit ran out of file descriptors at about 20,000.
                data = dumps_canonical(doc.to_dict(), indent=2) + "\n"
                staging.put_bytes(out_dir / f"{doc.id}.json", data.encode("utf-8"))
        if staging is not None:
            staging.commit()
    except OutputError as exc:
        if staging is not None:
            staging.abort()
        print(f"{exc.path}: error: {exc.message}", file=streams.err)
        return EXIT_USAGE
    if report.diagnostics:
        streams.err.write(render_text(report))
    return report.exit_code()
