"""corpus-tools: convert, validate and export a corpus of press-article seeds."""

from corpus_tools._version import __version__
from corpus_tools.diagnostics import CODES, Diagnostic, Report, Severity
from corpus_tools.model import Document, Paragraph, Position, Quotation
from corpus_tools.seeds import SeedResult, convert_seed, read_seed

__all__ = [
    "CODES",
    "Diagnostic",
    "Document",
    "Paragraph",
    "Position",
    "Quotation",
    "Report",
    "SeedResult",
    "Severity",
    "__version__",
    "convert_seed",
    "read_seed",
]
