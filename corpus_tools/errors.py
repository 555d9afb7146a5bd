"""The exceptions corpus-tools raises on purpose: what stops an operation.

Findings about the data are never exceptions (they are ``Diagnostic`` values in a
``Report``); these are for "cannot proceed": a missing corpus, a bad setting, an export
file that cannot be read back.
"""

from __future__ import annotations

import os


class CorpusError(Exception):
    """Base of every exception the library raises on purpose."""


class UsageError(CorpusError):
    """The call cannot be carried out as given (bad option, no corpus, unreadable schema)."""


class ReadError(CorpusError):
    """A file cannot be read back into documents; every reader's errors derive from it."""

    def __init__(self, path: str | os.PathLike[str], line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = os.fspath(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        loc = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{loc}: {self.message}"


class OutputError(CorpusError):
    """An output cannot be written (or its folder stays locked): the run cannot proceed."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        super().__init__(f"{os.fspath(path)}: {message}")
        self.path = os.fspath(path)
        self.message = message
