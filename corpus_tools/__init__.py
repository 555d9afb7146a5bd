"""corpus-tools: convert, validate and export a corpus of press-article seeds."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from corpus_tools._version import __version__

if TYPE_CHECKING:
    from corpus_tools.api import ExportResult, export, read, validate
    from corpus_tools.config import ConfigError
    from corpus_tools.diagnostics import CODES, Diagnostic, Report, Severity
    from corpus_tools.errors import CorpusError, ReadError, UsageError
    from corpus_tools.model import Document, Paragraph, Person, Position, Quotation, Speaker
    from corpus_tools.seeds import SeedResult, convert_seed, read_seed

# The public names and their modules, imported on first use: the command line starts
# faster when a warm run never needs the converter.
_PUBLIC = {
    "validate": "api",
    "export": "api",
    "read": "api",
    "ExportResult": "api",
    "ConfigError": "config",
    "CorpusError": "errors",
    "ReadError": "errors",
    "UsageError": "errors",
    "CODES": "diagnostics",
    "Diagnostic": "diagnostics",
    "Report": "diagnostics",
    "Severity": "diagnostics",
    "Document": "model",
    "Paragraph": "model",
    "Person": "model",
    "Position": "model",
    "Quotation": "model",
    "Speaker": "model",
    "SeedResult": "seeds",
    "convert_seed": "seeds",
    "read_seed": "seeds",
}

__all__ = [
    "CODES",
    "ConfigError",
    "CorpusError",
    "Diagnostic",
    "Document",
    "ExportResult",
    "Paragraph",
    "Person",
    "Position",
    "Quotation",
    "ReadError",
    "Report",
    "SeedResult",
    "Severity",
    "Speaker",
    "UsageError",
    "__version__",
    "convert_seed",
    "export",
    "read",
    "read_seed",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'corpus_tools' has no attribute {name!r}")
    return getattr(importlib.import_module(f"corpus_tools.{module}"), name)
