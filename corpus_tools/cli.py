"""The ``corpus`` command line: parses arguments and hands them to ``commands``."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from corpus_tools import commands
from corpus_tools._version import __version__
from corpus_tools.exporters import EXPORTERS
from corpus_tools.io import abort_pending
from corpus_tools.locking import DEFAULT_TIMEOUT
from corpus_tools.reporters import REPORTERS

_ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Corpus root: the folder holding corpus.toml, seeds/ and exports/ "
    "(default: the current folder or the nearest one above it holding corpus.toml).",
)
_LANG = click.option(
    "--lang",
    metavar="TAG",
    default=None,
    help="Use this BCP 47 language tag for every document instead of detecting it.",
)


_JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for checking seeds (default: the number of cores).",
)
_NO_CACHE = click.option(
    "--no-cache",
    is_flag=True,
    help="Neither use nor update the result cache in .corpus-cache/.",
)


_LOCK_TIMEOUT = click.option(
    "--lock-timeout",
    metavar="SECONDS",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="How long to wait for another run that holds the export folder's lock (it is "
    "named at once); then exit with 2. 0: do not wait.",
)


_TEI_SCHEMA = click.option(
    "--tei-schema",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="RELAX NG schema to validate the TEI exports against, e.g. the official "
    "tei_all.rng (compiling it takes seconds); default: schema/tei/corpus-tei.rng.",
)


_TEI_SCHEMATRON = click.option(
    "--tei-schematron",
    metavar="SCHEMA",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Also run the Schematron rules embedded in this TEI schema, e.g. the official "
    "tei_all.rng, on the TEI files (the exports, or the TEI files given); the rules need "
    "XPath 2, run by the saxonche package: pip install 'corpus-tools[schematron]'.",
)


class _LazyHelpOption(click.Option):
    """An option whose help text is built only when it is read (listing the formats'
    descriptions imports every exporter or reporter module)."""

    def __init__(self, *args: Any, help_factory: Callable[[], str], **kwargs: Any) -> None:
        self._help_factory = help_factory
        super().__init__(*args, **kwargs)

    @property
    def help(self) -> str:
        return self._help_factory()

    @help.setter
    def help(self, _value: str | None) -> None:
        """click sets the static help here; the factory's text is used instead."""


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date as YYYY-MM-DD") from exc


# 128 + SIGINT, what shells and CI runners expect of a program stopped by Ctrl-C.
EXIT_INTERRUPTED = 130


class _Group(click.Group):
    """Ctrl-C ends every command with exit code 130 (click's default is 1, "Aborted!")."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _interrupted()


def _interrupted() -> NoReturn:
    # One Ctrl-C is enough: a second one during the clean-up must not kill the process
    # by SIGINT (exit -2) instead of the exit code 130 that says what happened.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Workers have been joined on the way out; staged files are thrown away (a switch
    # in progress was finished first: see journal.switch).
    abort_pending()
    click.echo("corpus: interrupted", err=True)
    _exit_interrupted()


def _exit_interrupted() -> NoReturn:
    """End with 130 now, the output flushed, without the interpreter's finalisation.

    The random Ctrl-C test of the robustness suite met, under load, runs that printed
    "interrupted" and then died by SIGINT (exit -2) on the way out of the interpreter
    (likely CPython's mark of an unhandled KeyboardInterrupt, set where an extension
    module ran code that the interrupt went through). Ending here leaves no later step
    in which that can happen, and nothing to finalise: workers were joined (and die
    with this process in any case), staged files were thrown away, locks go with the
    process.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(EXIT_INTERRUPTED)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="corpus-tools")
def cli() -> None:
    """Convert, validate and export a corpus of press-article seeds."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_ROOT
@click.option(
    "--format",
    "formats",
    type=click.Choice(sorted(REPORTERS)),
    multiple=True,
    default=("text",),
    show_default=True,
    cls=_LazyHelpOption,
    help_factory=lambda: (
        "Report format; repeat for several. "
        + "; ".join(f"{name}: {r.description}" for name, r in sorted(REPORTERS.items()))
    ),
)
@click.option(
    "--output",
    "outputs",
    metavar="FILE",
    multiple=True,
    help="Write the report of the --format in the same position to FILE ('-' for standard "
    "output). When every report goes to a file, the text report still goes to the terminal.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="Exit with 1 when a finding of this severity or worse is found.",
)
@click.option("--strict", is_flag=True, help="Same as --fail-on warning.")
@click.option(
    "--changed-since",
    metavar="REF",
    help="Check only the seeds added or modified since the merge base of REF and HEAD "
    "(with every corpus rule that involves them); a change to corpus.toml, schema/ or the "
    "tool re-checks everything.",
)
@click.option(
    "--committed-only",
    is_flag=True,
    help="With --changed-since, ignore staged, unstaged and untracked changes.",
)
@_LANG
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    callback=_date,
    help="The date that counts as today for the future-date rule (default: the real today).",
)
@click.option(
    "--no-exports",
    is_flag=True,
    help="Do not check that exports/ is up to date with the seeds.",
)
@_TEI_SCHEMA
@_TEI_SCHEMATRON
@_JOBS
@_NO_CACHE
@_LOCK_TIMEOUT
def validate(
    paths: tuple[Path, ...],
    root: Path | None,
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    fail_on: str,
    strict: bool,
    changed_since: str | None,
    committed_only: bool,
    lang: str | None,
    today: dt.date | None,
    no_exports: bool,
    tei_schema: Path | None,
    tei_schematron: Path | None,
    jobs: int | None,
    no_cache: bool,
    lock_timeout: float,
) -> None:
    """Check seeds, canonical JSON, JSONL and TEI files (default: the whole seeds/ folder).

    A file is checked as what its extension and content say it is: a seed (.txt), a
    canonical document or JSONL export (.json, .jsonl) or a TEI export (.xml); a file
    whose extension and content disagree is a finding.

    Exit codes: 0 no errors, 1 errors (or warnings with --fail-on warning), 2 usage or
    configuration error.
    """
    args = commands.ValidateArgs(
        paths=list(paths),
        root=root,
        formats=list(formats),
        outputs=list(outputs),
        fail_on="warning" if strict else fail_on,
        lang=lang,
        today=today,
        check_exports=not no_exports,
        changed_since=changed_since,
        include_worktree=not committed_only,
        jobs=jobs,
        cache=not no_cache,
        tei_schema=tei_schema,
        tei_schematron=tei_schematron,
        lock_timeout=lock_timeout,
    )
    sys.exit(commands.run_validate(args, commands.Streams()))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_ROOT
@click.option(
    "--out",
    metavar="DIR",
    default="-",
    show_default=True,
    help="Folder for one ID.json per document; '-' writes JSONL to standard output.",
)
@_LANG
def convert(paths: tuple[Path, ...], root: Path, out: str, lang: str | None) -> None:
    """Convert seeds into canonical JSON documents (default: the whole seeds/ folder)."""
    args = commands.ConvertArgs(paths=list(paths), root=root, out=out, lang=lang)
    sys.exit(commands.run_convert(args, commands.Streams()))


@cli.command()
@_ROOT
@click.option(
    "--format",
    "formats",
    type=click.Choice([*sorted(EXPORTERS), "all"]),
    multiple=True,
    cls=_LazyHelpOption,
    help_factory=lambda: (
        "Export format; repeat for several (default: the formats corpus.toml tracks, "
        "[exports] formats, every format unless it says otherwise). "
        + "; ".join(f"{name}: {e.description}" for name, e in sorted(EXPORTERS.items()))
    ),
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Export folder (default: exports/ under the root).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; report missing, stale or extra export files (exit 1 if any).",
)
@_LANG
@_TEI_SCHEMA
@_JOBS
@_NO_CACHE
@_LOCK_TIMEOUT
def export(
    root: Path | None,
    formats: tuple[str, ...],
    out: Path | None,
    check: bool,
    lang: str | None,
    tei_schema: Path | None,
    jobs: int | None,
    no_cache: bool,
    lock_timeout: float,
) -> None:
    """Export the corpus as TEI-XML, CSV, JSONL and Parquet into exports/.

    Every file is written to a temporary file first and all are moved into place as one
    switch when the whole export succeeded: after a kill or a failure the folder holds
    the previous exports or the new ones, never a mix (the next command finishes or
    undoes a switch cut short). Files whose bytes did not change are not touched.
    """
    args = commands.ExportArgs(
        root=root,
        formats=list(formats),
        out=out,
        check=check,
        lang=lang,
        cache=not no_cache,
        jobs=jobs,
        tei_schema=tei_schema,
        lock_timeout=lock_timeout,
    )
    sys.exit(commands.run_export(args, commands.Streams()))


@cli.command()
@_ROOT
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    metavar="DIR",
    help="Folder for the bag: new or empty.",
)
@_JOBS
@_NO_CACHE
def package(root: Path | None, out: Path, jobs: int | None, no_cache: bool) -> None:
    """Make a BagIt bag of the corpus for an archive: a fresh export, the seeds, the
    schemas, corpus.toml, CITATION.cff, croissant.json and ro-crate-metadata.json.

    Exit codes: 0 bag made, 1 the corpus has errors (no bag), 2 usage error.
    """
    args = commands.PackageArgs(root=root, out=out, jobs=jobs, cache=not no_cache)
    sys.exit(commands.run_package(args, commands.Streams()))


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
def verify(path: Path) -> None:
    """Check the fixity of a bag (its manifests) or an export folder (its
    datapackage.json): name every changed, missing or extra file.

    Exit codes: 0 intact, 1 a file changed, missing or extra, 2 neither a bag nor an
    export folder.
    """
    sys.exit(commands.run_verify(commands.VerifyArgs(path=path), commands.Streams()))


def main() -> None:
    """Console-script entry point; an unexpected failure is reported, not dumped."""
    # What the imports made lives until the process ends: the collector need not go
    # through it again, in the run or when the interpreter exits (whose collections
    # went through all of it: about 10 ms of a warm validate's 0.16 s).
    freeze = getattr(gc, "freeze", None)  # CPython 3.7+; PyPy has none
    if freeze is not None:
        freeze()
    try:
        _main()
    except KeyboardInterrupt:
        # A Ctrl-C that reached past the handlers (a pending signal delivered while the
        # command was already ending) still ends with 130, never a death by SIGINT.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        abort_pending()
        _exit_interrupted()


def _main() -> None:
    try:
        cli(standalone_mode=True)
    except SystemExit:
        # The command is over: a Ctrl-C now (while the interpreter joins the worker pool's
        # threads and exits) would only turn its exit code into a death by SIGINT.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise
    except KeyboardInterrupt:
        _interrupted()  # between two commands' steps, outside the group's handler
    except Exception as exc:
        abort_pending()  # no staged file outlives a failed run
        # Imported here: the executor's module is only loaded by runs that use workers.
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(exc, BrokenProcessPool):
            click.echo(
                "corpus: error: a worker process died (killed, or out of memory); nothing "
                "was written. Run again, or with --jobs 1.",
                err=True,
            )
            sys.exit(2)
        # Anything else is a bug in corpus-tools: say so plainly, exit 2.
        if os.environ.get("CORPUS_DEBUG"):
            raise
        click.echo(
            f"corpus: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in corpus-tools. Run again with CORPUS_DEBUG=1 for details "
            "and report it with the command you ran.",
            err=True,
        )
        sys.exit(2)
