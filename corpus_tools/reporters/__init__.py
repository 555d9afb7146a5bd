"""Renderings of a Report: text, json, github, markdown, junit and sarif.

A reporter is a small class with a ``name`` (the CLI token), a ``description``, the
usual file ``extension`` and ``render(report, context) -> str``. Every output is a pure
function of the report and the context: no clock, no host name, no absolute paths, so
the same findings always give the same bytes. Each format is a module of this package
(named as the format) defining ``REPORTER``; adding one is its module and one line in
``_MODULES``. A format's module is imported when it is first used: a run that prints
the text report never loads the others (nor their regular expressions).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from corpus_tools._version import __version__
from corpus_tools.diagnostics import Diagnostic, Level, Report
from corpus_tools.registry import LazyRegistry

TOOL_NAME = "corpus-tools"
# Where a SARIF viewer sends readers for the tool; must be an absolute URI.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
# A PR comment holds at most 65536 characters; beyond this many rows the table is cut.
MARKDOWN_MAX_ROWS = 200
# Ids listed per kind of corpus change before the list is cut.
MARKDOWN_MAX_IDS = 50

LEVELS: tuple[str, ...] = tuple(level.value for level in Level)


@dataclass(frozen=True, slots=True)
class CorpusChanges:
    """What a pull request changes in the corpus: document ids and metadata files."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    metadata: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.added or self.removed or self.modified or self.metadata)


@dataclass(frozen=True)
class ReportContext:
    """Everything a reporter may use besides the report itself.

    ``root`` is the repository root that diagnostic paths are relative to; no format
    prints it, so outputs do not depend on where the checkout lives. ``checked`` maps a
    level (seed, schema, corpus, export) to the files checked at that level.
    """

    version: str = __version__
    root: Path = field(default_factory=lambda: Path("."))
    color: bool = False
    changes: CorpusChanges | None = None
    checked: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.checked) - set(LEVELS))
        if unknown:
            raise ValueError(f"unknown level(s) in checked: {', '.join(unknown)}")


class Reporter(Protocol):
    """A named output format of a report."""

    name: str
    description: str
    extension: str
    # True for a format that lists every file checked (the run then collects the list).
    lists_files: bool

    def render(self, report: Report, context: ReportContext) -> str:
        """The whole output, ending with a newline."""
        ...


# Control characters (C0, DEL, C1) and bidirectional overrides: seed text quoted in a
# message must not move the cursor, colour the terminal or reorder what is displayed.
# Lone surrogates (undecodable bytes of a file name) cannot be written as UTF-8 at all.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_INLINE = re.compile(r"(?![\n\r])" + _UNSAFE.pattern)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_unsafe(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control and bidi characters written as escapes (``\\n``, ``\\x1b``).

    With ``keep_newlines``, CR and LF stay for a later escaping step to handle.
    """
    if keep_newlines:
        return _UNSAFE_INLINE.sub(_escape_unsafe, text)
    return _UNSAFE.sub(_escape_unsafe, text)


def severity_of(d: Diagnostic) -> str:
    """The severity of a finding as reports write it (after the corpus's policy)."""
    return d.effective_severity.value


def line_col(d: Diagnostic) -> str:
    """``:line:col`` with the parts that are known."""
    return d.location()[len(d.file) :]


# One line per format: the module of this package that defines REPORTER, named as the
# format.
_MODULES = ("github", "json", "junit", "markdown", "sarif", "text")


# The reporters by name; a format's module is imported when it is first used.
REPORTERS: Mapping[str, Reporter] = LazyRegistry(__name__, _MODULES, "REPORTER")
