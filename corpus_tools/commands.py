"""What each command does, given plain arguments; returns the exit code.

``cli.py`` only turns the command line into these argument objects, so every command
can be run and tested without click.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from corpus_tools.config import Config, ConfigError, load_config
from corpus_tools.diagnostics import Diagnostic, Report
from corpus_tools.exporters import EXPORTERS, check_export, stage_export
from corpus_tools.io import OutputError, Staging, exclusive_lock, remove_stale_temporaries
from corpus_tools.model import Document, dumps_canonical
from corpus_tools.seeds import SEED_NAME
from corpus_tools.validation import (
    SEEDS_DIR,
    Options,
    Summary,
    check_seed,
    corpus_rules,
    discover,
    validate_paths,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXPORTS_DIR = "exports"


@dataclass
class Streams:
    """Where a command writes."""

    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)


@dataclass
class ValidateArgs:
    """Arguments of ``corpus validate``."""

    paths: list[Path]
    root: Path
    formats: list[str] = field(default_factory=lambda: ["text"])
    outputs: list[Path | None] = field(default_factory=list)
    strict: bool = False
    lang: str | None = None
    today: dt.date | None = None
    check_exports: bool = True
    color: bool = False


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


def _config(root: Path, streams: Streams) -> Config | None:
    try:
        return load_config(root)
    except ConfigError as exc:
        print(str(exc), file=streams.err)
        return None


def render_text(report: Report) -> str:
    """The plain text report: one finding per line, then the summary."""
    lines = [
        f"{d.location()}: {d.effective_severity.value}[{d.code}] {d.message}; help: {d.effective_hint}"
        for d in report
    ]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def run_validate(args: ValidateArgs, streams: Streams) -> int:
    """``corpus validate``: check seeds, canonical JSON and JSONL files."""
    config = _config(args.root, streams)
    if config is None:
        return EXIT_USAGE
    options = Options(today=args.today, lang_override=args.lang)
    report = validate_paths(args.paths, args.root, config, options)
    if args.check_exports and not args.paths:
        out_dir = args.root / EXPORTS_DIR
        if out_dir.is_dir():
            report.extend(
                _export_check_diagnostics(args.root, config, out_dir, sorted(EXPORTERS), args.lang)
            )
    streams.out.write(render_text(report))
    return report.exit_code(strict=args.strict)


def _seed_paths(root: Path) -> list[Path]:
    return [p for p in discover([root / SEEDS_DIR], root)]


@dataclass
class _Collected:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    files: int = 0


def _documents(
    root: Path, config: Config, lang: str | None, sink: _Collected
) -> Iterator[Document]:
    """Stream the corpus's documents in id order, collecting findings on the way."""
    options = Options(lang_override=lang)
    for path in _seed_paths(root):
        result = check_seed(path, root, config, options)
        sink.files += 1
        sink.diagnostics.extend(result.diagnostics)
        sink.summaries.extend(result.summaries)
        if result.document is not None:
            yield result.document


def _export_check_diagnostics(
    root: Path, config: Config, out_dir: Path, formats: list[str], lang: str | None
) -> list[Diagnostic]:
    collected = _Collected()
    docs = _documents(root, config, lang, collected)
    problems = check_export(docs, formats, out_dir, config)
    if collected.diagnostics:
        return []  # the seeds are broken: their own findings say what to fix first
    rel = out_dir.relative_to(root).as_posix() if out_dir.is_relative_to(root) else str(out_dir)
    return [Diagnostic(code, f"{rel}/{name}", message) for code, name, message in problems]


def run_export(args: ExportArgs, streams: Streams) -> int:
    """``corpus export``: write (or with ``check``, compare) the exports."""
    config = _config(args.root, streams)
    if config is None:
        return EXIT_USAGE
    out_dir = args.out or args.root / EXPORTS_DIR
    formats = sorted(EXPORTERS) if "all" in args.formats else sorted(set(args.formats))
    if args.check:
        problems = _export_check_diagnostics(args.root, config, out_dir, formats, args.lang)
        report = Report(problems, files=len(_seed_paths(args.root)))
        streams.out.write(render_text(report))
        return report.exit_code()
    collected = _Collected()
    try:
        with exclusive_lock(out_dir):
            remove_stale_temporaries(out_dir)
            staging = stage_export(
                _documents(args.root, config, args.lang, collected), formats, out_dir, config
            )
            collected.diagnostics.extend(corpus_rules(collected.summaries, config, Options()))
            report = Report(collected.diagnostics, files=collected.files)
            if report.errors:
                staging.abort()
                streams.err.write(render_text(report))
                print(
                    "export refused: the corpus has errors; previous exports are unchanged",
                    file=streams.err,
                )
                return EXIT_FINDINGS
            staging.commit()
    except OutputError as exc:
        print(f"{exc.path}: error: {exc.message}", file=streams.err)
        return EXIT_USAGE
    written, unchanged = len(staging.written), len(staging.unchanged)
    print(
        f"exported {collected.files} document{'' if collected.files == 1 else 's'} as {', '.join(formats)} to {out_dir}: "
        f"{written} files written, {unchanged} unchanged, {len(staging.deletions)} removed",
        file=streams.err,
    )
    if report.warnings:
        streams.err.write(render_text(report))
    return EXIT_OK


def run_convert(args: ConvertArgs, streams: Streams) -> int:
    """``corpus convert``: write canonical JSON documents (or JSONL to stdout)."""
    config = _config(args.root, streams)
    if config is None:
        return EXIT_USAGE
    paths = args.paths or [args.root / SEEDS_DIR]
    options = Options(lang_override=args.lang)
    report = Report()
    out_dir = Path(args.out or "-")
    staging = None if args.out in (None, "-") else Staging()
    for path in discover(paths, args.root):
        if path.suffix != ".txt" and not SEED_NAME.match(path.name):
            continue
        result = check_seed(path, args.root, config, options)
        report.files += 1
        report.extend(result.diagnostics)
        doc = result.document
        if doc is None:
            continue
        if staging is None:
            streams.out.write(dumps_canonical(doc.to_dict()) + "\n")
        else:
            staged = staging.open(out_dir / f"{doc.id}.json")
            staged.write_text(dumps_canonical(doc.to_dict(), indent=2) + "\n")
    if staging is not None:
        staging.commit()
    if report.diagnostics:
        streams.err.write(render_text(report))
    return report.exit_code()


__all__ = [
    "ConvertArgs",
    "ExportArgs",
    "Streams",
    "ValidateArgs",
    "run_convert",
    "run_export",
    "run_validate",
]
