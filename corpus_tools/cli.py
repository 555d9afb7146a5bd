"""The ``corpus`` command line: parses arguments and hands them to ``commands``."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from corpus_tools import commands
from corpus_tools._version import __version__
from corpus_tools.exporters import EXPORTERS
from corpus_tools.pipeline import default_jobs
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


_TEI_SCHEMA = click.option(
    "--tei-schema",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="RELAX NG schema to validate the TEI exports against, e.g. the official "
    "tei_all.rng (compiling it takes seconds); default: schema/tei/corpus-tei.rng.",
)


class _LazyHelpOption(click.Option):
    """An option whose help text is built only when it is read (listing the export
    formats' descriptions imports every exporter)."""

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    help="Report format; repeat for several. "
    + "; ".join(f"{name}: {r.description}" for name, r in sorted(REPORTERS.items())),
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
@_JOBS
@_NO_CACHE
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
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Check seeds, canonical JSON and JSONL files (default: the whole seeds/ folder).

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
        jobs=jobs or default_jobs(),
        cache=not no_cache,
        tei_schema=tei_schema,
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
def export(
    root: Path | None,
    formats: tuple[str, ...],
    out: Path | None,
    check: bool,
    lang: str | None,
    tei_schema: Path | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Export the corpus as TEI-XML, CSV, JSONL and Parquet into exports/.

    Every file is written to a temporary file first and all are moved into place only
    when the whole export succeeded; files whose bytes did not change are not touched.
    """
    args = commands.ExportArgs(
        root=root,
        formats=list(formats),
        out=out,
        check=check,
        lang=lang,
        cache=not no_cache,
        jobs=jobs or default_jobs(),
        tei_schema=tei_schema,
    )
    sys.exit(commands.run_export(args, commands.Streams()))


def main() -> None:
    """Console-script entry point; an unexpected failure is reported, not dumped."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        # Ctrl-C: click reports it as Abort. Staged files were removed on the way out.
        click.echo("corpus: interrupted; nothing was changed", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("corpus: interrupted; nothing was changed", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:
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
