"""What each command does, given plain arguments; returns the exit code.

``cli.py`` only turns the command line into these argument objects; each command calls
the library API (``corpus_tools.api``) and turns its result into output and an exit
code, so every command can be run and tested without click.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from corpus_tools import api
from corpus_tools.diagnostics import Report
from corpus_tools.errors import UsageError
from corpus_tools.exporters import SCHEMATRON
from corpus_tools.inputs import SEEDS_DIR, discover
from corpus_tools.io import OutputError, Staging
from corpus_tools.locking import DEFAULT_TIMEOUT
from corpus_tools.paths import corpus_root
from corpus_tools.reporters import REPORTERS, CorpusChanges, ReportContext

# The configuration (config) is imported where it is read: a validate answered from a
# snapshot never reads it.
if TYPE_CHECKING:
    from corpus_tools.changes import ChangeSet
    from corpus_tools.config import Config

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


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
    root: Path | None
    formats: list[str] = field(default_factory=lambda: ["text"])
    outputs: list[str] = field(default_factory=list)
    fail_on: str = "error"
    lang: str | None = None
    today: dt.date | None = None
    check_exports: bool = True
    changed_since: str | None = None
    include_worktree: bool = True
    # None: the library's default (one worker per usable core).
    jobs: int | None = 1
    cache: bool = True
    tei_schema: Path | None = None
    tei_schematron: Path | None = None
    lock_timeout: float = DEFAULT_TIMEOUT


@dataclass
class ConvertArgs:
    """Arguments of ``corpus convert``."""

    paths: list[Path]
    root: Path | None
    out: str | None = None
    lang: str | None = None


@dataclass
class ExportArgs:
    """Arguments of ``corpus export``."""

    root: Path | None
    formats: list[str]
    out: Path | None = None
    check: bool = False
    lang: str | None = None
    cache: bool = True
    jobs: int | None = 1
    tei_schema: Path | None = None
    lock_timeout: float = DEFAULT_TIMEOUT


def _config(root: Path, streams: Streams) -> Config | None:
    from corpus_tools.config import ConfigError, load_config

    try:
        return load_config(root)
    except ConfigError as exc:
        print(str(exc), file=streams.err)
        return None


def _usage(exc: UsageError, streams: Streams) -> int:
    """Print why the run cannot proceed; the exit code for that."""
    from corpus_tools.config import ConfigError

    # A ConfigError names its file and code itself.
    print(str(exc) if isinstance(exc, ConfigError) else f"error: {exc}", file=streams.err)
    return EXIT_USAGE


def render_text(report: Report, *, color: bool = False) -> str:
    """The plain text report: one finding per line, then the summary."""
    return REPORTERS["text"].render(report, ReportContext(color=color))


def _schemas(tei_schema: Path | None, tei_schematron: Path | None = None) -> dict[str, Path]:
    # The one format whose schema (and Schematron rules) can be chosen on the command line.
    schemas = {"tei": tei_schema} if tei_schema is not None else {}
    if tei_schematron is not None:
        schemas[SCHEMATRON] = tei_schematron
    return schemas


# --- validate ----------------------------------------------------------------------


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
    """``corpus validate``: check seeds, canonical JSON and JSONL files, and exports."""
    if len(args.outputs) > len(args.formats):
        print(
            "error: more --output than --format options; pair each --output with a --format",
            file=streams.err,
        )
        return EXIT_USAGE
    targets = [args.outputs[i] if i < len(args.outputs) else "-" for i in range(len(args.formats))]
    for target in sorted(set(targets)):
        sharing = [name for name, t in zip(args.formats, targets, strict=True) if t == target]
        if len(sharing) > 1:
            where = "standard output" if target == "-" else target
            print(
                f"error: the {' and '.join(sharing)} reports would both go to {where}, and "
                "neither could be read; give each --format its own --output FILE",
                file=streams.err,
            )
            return EXIT_USAGE
    try:
        result = api.check(
            args.root,
            args.paths,
            changed_since=args.changed_since,
            include_worktree=args.include_worktree,
            lang=args.lang,
            today=args.today,
            exports=args.check_exports,
            jobs=args.jobs,
            cache=args.cache,
            schemas=_schemas(args.tei_schema, args.tei_schematron),
            list_files=any(REPORTERS[name].lists_files for name in args.formats),
            lock_timeout=args.lock_timeout,
            notify=streams.notice,
        )
    except OutputError as exc:  # the export folder stayed locked
        print(f"{exc.path}: error: {exc.message}", file=streams.err)
        return EXIT_USAGE
    except UsageError as exc:
        return _usage(exc, streams)
    report = result.report
    for note in result.notes:
        print(note, file=streams.err)
    context = ReportContext(
        root=result.root,
        color=False,
        changes=_corpus_changes(result.changes) if result.changes is not None else None,
        checked={"seed": result.checked} if result.checked is not None else {},
    )
    code = report.exit_code(strict=args.fail_on == "warning")
    try:
        _write_reports(report, args, context, streams)
    except OSError as exc:
        print(f"error: cannot write the report: {exc}", file=streams.err)
        return EXIT_USAGE
    return code


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


# --- export ------------------------------------------------------------------------


def run_export(args: ExportArgs, streams: Streams) -> int:
    """``corpus export``: write (or with ``check``, compare) the exports."""
    try:
        result = api.export(
            args.root,
            args.formats or None,
            args.out,
            check=args.check,
            lang=args.lang,
            jobs=args.jobs,
            cache=args.cache,
            schemas=_schemas(args.tei_schema),
            progress=streams.err if streams.progress_enabled() else None,
            lock_timeout=args.lock_timeout,
            notify=streams.notice,
        )
    except OutputError as exc:
        print(f"{exc.path}: error: {exc.message}", file=streams.err)
        return EXIT_USAGE
    except UsageError as exc:
        return _usage(exc, streams)
    report = result.report
    if args.check:
        streams.out.write(render_text(report, color=streams.color()))
        return report.exit_code()
    for name in result.strays:
        print(
            f"{result.out_dir / name}: warning: no export format writes this file; "
            "left in place: delete it (corpus validate reports it until it is gone)",
            file=streams.err,
        )
    if result.up_to_date:
        print(
            f"exports in {result.out_dir} are up to date ({report.files} seeds); nothing written",
            file=streams.err,
        )
        return EXIT_OK
    if result.refused:
        streams.err.write(render_text(report))
        print(
            "export refused: the corpus has errors; previous exports are unchanged",
            file=streams.err,
        )
        return EXIT_FINDINGS
    noun = "document" if report.files == 1 else "documents"
    print(
        f"exported {report.files} {noun} as {', '.join(result.formats)} to {result.out_dir}: "
        f"{len(result.written)} files written, {len(result.unchanged)} unchanged, "
        f"{len(result.removed)} removed",
        file=streams.err,
    )
    if report.warnings:
        streams.err.write(render_text(report))
    return EXIT_OK


# --- convert -----------------------------------------------------------------------


def run_convert(args: ConvertArgs, streams: Streams) -> int:
    """``corpus convert``: write canonical JSON documents (or JSONL to stdout)."""
    # Imported here: the converter is for the commands that convert, never for a
    # validate answered from the cache.
    from corpus_tools.checks import Options, check_seed
    from corpus_tools.model import dumps_canonical

    try:
        root = corpus_root(args.root)
    except UsageError as exc:
        return _usage(exc, streams)
    config = _config(root, streams)
    if config is None:
        return EXIT_USAGE
    paths = args.paths or [root / SEEDS_DIR]
    from corpus_tools.pipeline import with_metadata

    # Documents carry their rows of the source metadata table (the table itself is
    # checked by corpus validate).
    options = with_metadata(Options(lang_override=args.lang), root, config)
    report = Report()
    out_dir = Path(args.out or "-")
    staging = None if args.out in (None, "-") else Staging()
    try:
        for path in discover(paths, root):
            result = check_seed(path, root, config, options)
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


# --- package and verify ------------------------------------------------------------


@dataclass
class PackageArgs:
    """Arguments of ``corpus package``."""

    root: Path | None
    out: Path
    jobs: int | None = 1
    cache: bool = True


@dataclass
class VerifyArgs:
    """Arguments of ``corpus verify``."""

    path: Path


def run_package(args: PackageArgs, streams: Streams) -> int:
    """``corpus package``: make a BagIt bag of the corpus."""
    from corpus_tools.package import package

    try:
        result = package(args.root, args.out, jobs=args.jobs, cache=args.cache)
    except OutputError as exc:
        print(f"{exc.path}: error: {exc.message}", file=streams.err)
        return EXIT_USAGE
    except UsageError as exc:
        return _usage(exc, streams)
    if result.refused:
        streams.err.write(render_text(result.report))
        print("package refused: the corpus has errors; nothing was made", file=streams.err)
        return EXIT_FINDINGS
    print(f"bag made in {result.out}: {len(result.files)} files", file=streams.err)
    if result.report.warnings:
        streams.err.write(render_text(result.report))
    return EXIT_OK


def run_verify(args: VerifyArgs, streams: Streams) -> int:
    """``corpus verify``: the fixity of a bag or an export folder."""
    from corpus_tools.package import verify

    try:
        report = verify(args.path)
    except UsageError as exc:
        return _usage(exc, streams)
    streams.out.write(render_text(report, color=streams.color()))
    return report.exit_code()
