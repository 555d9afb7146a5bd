"""Diagnostics: the catalogue of stable codes, one finding, and a report of findings."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    """How bad a finding is."""

    ERROR = "error"
    WARNING = "warning"


class Level(str, enum.Enum):
    """Which validation level produced a finding."""

    SEED = "seed"
    SCHEMA = "schema"
    CORPUS = "corpus"
    EXPORT = "export"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What a diagnostic code means and how to fix it."""

    code: str
    severity: Severity
    level: Level
    title: str
    hint: str


E, W = Severity.ERROR, Severity.WARNING
S, J, C, X = Level.SEED, Level.SCHEMA, Level.CORPUS, Level.EXPORT

_CATALOGUE: tuple[CodeInfo, ...] = (
    CodeInfo(
        "seed-unreadable",
        E,
        S,
        "The file cannot be read",
        "check that the file exists and is readable, then run again",
    ),
    CodeInfo(
        "seed-symlink-outside",
        E,
        S,
        "A symbolic link points outside the corpus folder",
        "replace the link with the seed file itself",
    ),
    CodeInfo(
        "path-missing",
        E,
        S,
        "A path given on the command line does not exist",
        "correct the path (the other paths were still checked)",
    ),
    CodeInfo(
        "seed-misplaced",
        E,
        S,
        "A file in a sub-folder of seeds/ is not read as a seed",
        "move the file into seeds/ itself (seeds/NNN_<16 hex>.txt), or delete it",
    ),
    CodeInfo(
        "file-kind-mismatch",
        E,
        S,
        "The file's content is not of the kind its extension says",
        "rename the file to the extension of what it holds (.txt for a seed, .json or .jsonl for JSON, .xml for TEI), or replace its content",
    ),
    CodeInfo(
        "file-kind-unsupported",
        E,
        S,
        "The file is of a kind corpus validate does not check on its own",
        "give corpus validate seeds (.txt), JSON or JSON Lines (.json, .jsonl) or TEI (.xml) files; the other files of the export folder are checked with it: run corpus validate without paths, or corpus export --check",
    ),
    CodeInfo(
        "seed-bad-filename",
        E,
        S,
        "The file name is not NNN_<16 lowercase hex>.txt",
        "rename the file to a zero-padded sequence number of 3+ digits, '_', 16 lowercase hex digits and '.txt', e.g. 001_0123456789abcdef.txt",
    ),
    CodeInfo(
        "seed-too-large",
        E,
        S,
        "The file is larger than the size limit",
        "split the article or raise max_seed_bytes in corpus.toml",
    ),
    CodeInfo(
        "seed-empty",
        E,
        S,
        "The file is empty",
        "write ' date YYYY-MM-DD ' followed by the article text, or delete the file",
    ),
    CodeInfo(
        "seed-blank",
        E,
        S,
        "The file holds only white space",
        "write ' date YYYY-MM-DD ' followed by the article text, or delete the file",
    ),
    CodeInfo(
        "seed-binary", E, S, "The file is binary, not text", "save the article as plain UTF-8 text"
    ),
    CodeInfo(
        "seed-nul-byte",
        E,
        S,
        "The file contains a NUL byte",
        "remove the NUL byte (often left by a UTF-16 editor or a broken copy) and save as UTF-8",
    ),
    CodeInfo(
        "seed-not-utf8",
        E,
        S,
        "The file is not valid UTF-8",
        "re-save the file as UTF-8 (in most editors: Save As, encoding UTF-8)",
    ),
    CodeInfo(
        "seed-bom",
        W,
        S,
        "The file starts with a UTF-8 byte order mark",
        "re-save as UTF-8 without BOM; the mark is ignored meanwhile",
    ),
    CodeInfo(
        "seed-forbidden-char",
        E,
        S,
        "A control character that XML 1.0 or the corpus forbids",
        "delete the character; it is invisible in most editors and cannot be exported to TEI",
    ),
    CodeInfo(
        "seed-missing-date",
        E,
        S,
        "The first line does not start with the date header",
        "start the file with ' date YYYY-MM-DD ' and then the lead paragraph",
    ),
    CodeInfo(
        "seed-malformed-date",
        E,
        S,
        "The date is not written as YYYY-MM-DD",
        "write the date as four-digit year, month and day with hyphens, e.g. 2025-11-27",
    ),
    CodeInfo(
        "seed-invalid-date",
        E,
        S,
        "The date does not exist in the calendar",
        "correct the day or month; the date must exist, e.g. 2025-02-28",
    ),
    CodeInfo(
        "seed-duplicate-date",
        E,
        S,
        "The header holds more than one date",
        "keep only the publication date in the header",
    ),
    CodeInfo(
        "seed-missing-body",
        E,
        S,
        "The header is not followed by any text",
        "put the lead paragraph after the date on the first line",
    ),
    CodeInfo(
        "seed-lead-not-on-date-line",
        E,
        S,
        "The lead paragraph does not start on the date line",
        "move the lead paragraph up onto the date line: ' date YYYY-MM-DD The lead…'",
    ),
    CodeInfo(
        "seed-paragraph-too-long",
        E,
        S,
        "A paragraph is longer than the limit",
        "split the paragraph with a blank line or raise max_paragraph_chars in corpus.toml",
    ),
    CodeInfo(
        "seed-long-word",
        W,
        S,
        "A run of more than 200 characters without a space",
        "check for a pasted URL, base64 data or missing spaces",
    ),
    CodeInfo(
        "seed-not-nfc",
        W,
        S,
        "The text is not in Unicode NFC; it was normalised",
        "re-save the text in NFC (composed characters); the canonical text is NFC already",
    ),
    CodeInfo(
        "seed-tab",
        W,
        S,
        "A tab character inside the text; it was turned into a space",
        "replace the tab with a space",
    ),
    CodeInfo(
        "seed-mojibake",
        W,
        S,
        "Text looks like UTF-8 decoded with the wrong encoding",
        "replace sequences such as 'â€œ' by the characters meant (here '“'); re-copy from the source",
    ),
    CodeInfo(
        "quote-unbalanced",
        W,
        S,
        "A quotation mark has no partner",
        "add the missing opening or closing quotation mark",
    ),
    CodeInfo(
        "lang-undetected",
        W,
        S,
        "The language could not be detected",
        "set default_lang in corpus.toml or pass --lang",
    ),
    CodeInfo(
        "json-invalid",
        E,
        J,
        "The file is not valid JSON",
        "fix the JSON syntax at the position given",
    ),
    CodeInfo(
        "schema-version",
        E,
        J,
        "The document was written for another version of the canonical schema",
        "convert it again from its seed with this corpus-tools (corpus convert SEED, or corpus export)",
    ),
    CodeInfo(
        "schema-violation",
        E,
        J,
        "The document does not satisfy the JSON Schema",
        "fix the value at the JSON pointer given; see schema/document.schema.json",
    ),
    CodeInfo(
        "duplicate-id",
        E,
        C,
        "Two files have the same document id",
        "give one of the files a new sequence number and hash",
    ),
    CodeInfo(
        "duplicate-hash",
        E,
        C,
        "Two files share the hash part of the name",
        "the hash identifies the article: keep one file, or give the other its own hash",
    ),
    CodeInfo("duplicate-file", E, C, "Two files are byte-identical", "delete one of the copies"),
    CodeInfo(
        "duplicate-text",
        E,
        C,
        "Two documents have the same text",
        "delete one of the copies, or correct the one that was pasted wrongly",
    ),
    CodeInfo(
        "near-duplicate",
        W,
        C,
        "Two documents are almost the same text",
        "check whether one is a revised copy of the other; keep one",
    ),
    CodeInfo(
        "date-in-future",
        E,
        C,
        "The date is after today",
        "correct the date; articles cannot be published in the future",
    ),
    CodeInfo(
        "date-too-early",
        E,
        C,
        "The date is before the corpus's earliest date",
        "correct the date, or lower earliest_date in corpus.toml",
    ),
    CodeInfo(
        "sequence-gap",
        W,
        C,
        "Sequence numbers skip values",
        "number seeds consecutively, or ignore if documents were withdrawn on purpose",
    ),
    CodeInfo(
        "sequence-repeat",
        W,
        C,
        "Two seeds share a sequence number",
        "give each seed its own sequence number",
    ),
    CodeInfo(
        "metadata-not-utf8",
        E,
        C,
        "The source metadata table is not valid UTF-8",
        "save metadata.csv as UTF-8 (in a spreadsheet: Save As, CSV UTF-8)",
    ),
    CodeInfo(
        "metadata-syntax",
        E,
        C,
        "The source metadata table is not valid CSV",
        'write one header line, then one line per document, cells separated by commas; quote a cell that holds a comma or a quotation mark, doubling the mark inside ("")',
    ),
    CodeInfo(
        "metadata-missing-column",
        E,
        C,
        "A required column is missing from the source metadata table's header",
        "add the column to the header line (id,publication,url,author,headline,licence); its cells may be empty",
    ),
    CodeInfo(
        "metadata-unknown-column",
        W,
        C,
        "A column of the source metadata table is not in its schema and is ignored",
        "correct the column name (see schema/metadata.tableschema.json), or remove the column",
    ),
    CodeInfo(
        "metadata-duplicate-id",
        E,
        C,
        "Two rows of the source metadata table have the same document id",
        "merge the two rows into one, or correct the id of one of them",
    ),
    CodeInfo(
        "metadata-unknown-id",
        W,
        C,
        "A row of the source metadata table names no seed of the corpus",
        "correct the id (the seed's file name without .txt), or remove the row of a deleted seed",
    ),
    CodeInfo(
        "metadata-bad-url",
        E,
        C,
        "A URL in the source metadata table is not an absolute http or https address",
        "write the full address as the browser shows it, starting with https:// or http://, with spaces and other special characters percent-encoded",
    ),
    CodeInfo(
        "metadata-bad-value",
        E,
        C,
        "A value of the source metadata table cannot be used",
        "correct the cell as the message says: one line of text, no control characters",
    ),
    CodeInfo(
        "config-invalid",
        E,
        C,
        "corpus.toml is not valid (the run stops with exit code 2)",
        "fix corpus.toml as the message says; see schema/corpus.schema.json",
    ),
    CodeInfo("export-missing", E, X, "An export file is missing", "run: corpus export"),
    CodeInfo(
        "export-stale",
        E,
        X,
        "An export file does not match the seeds",
        "run: corpus export, and commit the result",
    ),
    CodeInfo(
        "exports-absent",
        E,
        X,
        "The corpus has no export folder",
        "run: corpus export (or say in corpus.toml that exports are not tracked: [exports] tracked = false)",
    ),
    CodeInfo(
        "export-not-checked",
        W,
        X,
        "Export files were not checked",
        "fix the errors above, then run corpus validate again",
    ),
    CodeInfo(
        "export-not-validated",
        W,
        X,
        "An export file was too large to validate as one tree",
        'validate it with a streaming validator, e.g. jing schema/tei/corpus-tei.rng exports/corpus.tei.xml; or set [rules] export-not-validated = "off" in corpus.toml',
    ),
    CodeInfo(
        "export-extra",
        E,
        X,
        "A file in the export folder belongs to no document",
        "run: corpus export (it removes files of deleted seeds)",
    ),
    CodeInfo(
        "export-invalid",
        E,
        X,
        "An export file is not valid against its schema",
        "run: corpus export; if it persists, report a bug",
    ),
    CodeInfo(
        "tei-schematron",
        E,
        X,
        "A TEI file breaks a Schematron rule of the TEI schema given (--tei-schematron)",
        "change the element on that line so that the rule holds (the message quotes it); for an export file, run corpus export, and report a bug if it persists",
    ),
    CodeInfo(
        "fixity-changed",
        E,
        X,
        "A packaged or exported file differs from the size or hash recorded for it",
        "restore the file from a copy you trust, or make the package again (corpus package, corpus export)",
    ),
    CodeInfo(
        "fixity-missing",
        E,
        X,
        "A file recorded in the bag's manifest or in datapackage.json is missing",
        "restore the file from a copy you trust, or make the package again",
    ),
    CodeInfo(
        "fixity-extra",
        E,
        X,
        "A file is in the bag or export folder but in no manifest or datapackage.json",
        "remove the file, or make the package again so that it is recorded",
    ),
)

CODES: dict[str, CodeInfo] = {info.code: info for info in _CATALOGUE}
# Rules of corpus policy, which corpus.toml may turn off, down or up, or ignore for some
# files; every other finding makes a document invalid (or the export untrue) and cannot
# be turned down.
POLICY_CODES = frozenset(
    {
        info.code
        for info in _CATALOGUE
        if info.severity is Severity.WARNING and info.level is not Level.EXPORT
    }
    | {"duplicate-text", "duplicate-hash", "date-in-future", "date-too-early"}
    | {"export-not-validated"}
)
# Findings about the call rather than the data: the run exits 2, as for a usage error.
USAGE_CODES = frozenset({"path-missing"})


def code_info(code: str) -> CodeInfo:
    """The catalogue entry of ``code``; a code not in the catalogue is a ValueError."""
    info = CODES.get(code)
    if info is None:
        raise ValueError(f"unknown diagnostic code {code!r}: not in the catalogue")
    return info


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a stable code, where it is, and what to do about it."""

    code: str
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    hint: str | None = None
    severity: Severity | None = None
    related: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Checked here, where a finding is made, so that a mistyped code fails the test
        # that makes it rather than a report that looks it up later.
        code_info(self.code)

    @property
    def info(self) -> CodeInfo:
        """The catalogue entry of this code."""
        return CODES[self.code]

    @property
    def effective_severity(self) -> Severity:
        """The severity given, else the catalogue's."""
        return self.severity or CODES[self.code].severity

    @property
    def level(self) -> Level:
        """The validation level of this code."""
        return CODES[self.code].level

    @property
    def effective_hint(self) -> str:
        """The hint given, else the catalogue's."""
        return self.hint or CODES[self.code].hint

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, line, column, code, message."""
        return (self.file, self.line or 0, self.column or 0, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "code": self.code,
            "severity": self.effective_severity.value,
            "level": self.level.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
            "message": self.message,
            "hint": self.effective_hint,
            "related": list(self.related),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        """Rebuild a diagnostic from ``to_dict()`` output; an unknown code is a ValueError.

        Stored reports come from this very version (the cache key includes the code), so
        an unknown code there is damage, not an older catalogue to tolerate.
        """
        code = data["code"]
        info = code_info(code)
        severity = Severity(data["severity"])
        hint = data.get("hint")
        return cls(
            code=code,
            file=data["file"],
            message=data["message"],
            line=data.get("line"),
            column=data.get("column"),
            pointer=data.get("pointer"),
            hint=None if hint == info.hint else hint,
            severity=None if severity is info.severity else severity,
            related=tuple(data.get("related", ())),
        )

    def location(self) -> str:
        """``file:line:col`` with the parts that are known."""
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc


@dataclass
class Report:
    """All findings of a run, and how many files were checked."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    suppressed: int = 0  # findings that corpus.toml turned off or ignored for a file
    # Checks that did not run by the configuration's choice, each saying why: a report
    # never passes in silence over something it did not look at.
    not_checked: list[str] = field(default_factory=list)

    def append(self, item: Diagnostic) -> None:
        """Add one finding."""
        self.diagnostics.append(item)

    def extend(self, items: Iterable[Diagnostic]) -> None:
        """Add findings."""
        self.diagnostics.extend(items)

    def sorted(self) -> list[Diagnostic]:
        """Findings in their stable order."""
        return sorted(self.diagnostics, key=Diagnostic.sort_key)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    @property
    def errors(self) -> int:
        """Number of errors."""
        return sum(1 for d in self.diagnostics if d.effective_severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        """Number of warnings."""
        return sum(1 for d in self.diagnostics if d.effective_severity is Severity.WARNING)

    @property
    def valid(self) -> bool:
        """True when there is no error."""
        return self.errors == 0

    def exit_code(self, *, strict: bool = False) -> int:
        """0 when clean, 1 on errors (or on warnings when ``strict``), 2 when a path given
        does not exist (the rest was still checked)."""
        if any(d.code in USAGE_CODES for d in self.diagnostics):
            return 2
        if self.errors or (strict and self.warnings):
            return 1
        return 0

    def summary(self) -> str:
        """The one-line summary: ``N files, E errors, W warnings``."""

        def plural(n: int, word: str) -> str:
            return f"{n} {word}" + ("" if n == 1 else "s")

        parts = [
            plural(self.files, "file"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
        ]
        if self.suppressed:
            parts.append(f"{self.suppressed} suppressed by corpus.toml")
        return ", ".join(parts)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from ``to_dict()`` output."""
        return cls(
            [Diagnostic.from_dict(d) for d in data["diagnostics"]],
            files=data["summary"]["files"],
            suppressed=data["summary"].get("suppressed", 0),
            not_checked=list(data["summary"].get("not_checked", ())),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the whole report."""
        by_level: dict[str, dict[str, int]] = {
            lvl.value: {"errors": 0, "warnings": 0} for lvl in Level
        }
        for d in self.diagnostics:
            key = "errors" if d.effective_severity is Severity.ERROR else "warnings"
            by_level[d.level.value][key] += 1
        summary: dict[str, Any] = {
            "files": self.files,
            "errors": self.errors,
            "warnings": self.warnings,
            "suppressed": self.suppressed,
        }
        if self.not_checked:
            summary["not_checked"] = list(self.not_checked)
        return {
            "valid": self.valid,
            "summary": summary,
            "levels": by_level,
            "diagnostics": [d.to_dict() for d in self.sorted()],
        }
