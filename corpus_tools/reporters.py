"""Renderings of a Report: text, json, github, markdown, junit and sarif.

A reporter is a small class with a ``name`` (the CLI token), a ``description``, the
usual file ``extension`` and ``render(report, context) -> str``. Every output is a pure
function of the report and the context: no clock, no host name, no absolute paths, so
the same findings always give the same bytes. Adding a format is one class and one line
in ``REPORTERS``.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from lxml import etree

from corpus_tools._version import __version__
from corpus_tools.diagnostics import CODES, Diagnostic, Level, Report, Severity

TOOL_NAME = "corpus-tools"
# Where a SARIF viewer sends readers for the tool; must be an absolute URI.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
# A PR comment holds at most 65536 characters; beyond this many rows the table is cut.
MARKDOWN_MAX_ROWS = 200
# Ids listed per kind of corpus change before the list is cut.
MARKDOWN_MAX_IDS = 50

_LEVELS: tuple[str, ...] = tuple(level.value for level in Level)


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
        unknown = sorted(set(self.checked) - set(_LEVELS))
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


def _severity(d: Diagnostic) -> str:
    return d.effective_severity.value


def _line_col(d: Diagnostic) -> str:
    """``:line:col`` with the parts that are known."""
    return d.location()[len(d.file) :]


# --- text ----------------------------------------------------------------------------

_BOLD, _RED, _YELLOW, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[0m"


class TextReporter:
    """``path:line:col: error[code] message; help: hint``, one per line, then a summary."""

    name = "text"
    description = "one line per finding, like a compiler, then the summary"
    extension = "txt"
    lists_files = False

    def render(self, report: Report, context: ReportContext) -> str:
        """Render the findings as text, with ANSI colours when ``context.color``."""
        lines: list[str] = []
        for d in report.sorted():
            path = printable(d.file) + _line_col(d)
            tag = f"{_severity(d)}[{d.code}]"
            if context.color:
                colour = _RED if d.effective_severity is Severity.ERROR else _YELLOW
                path = f"{_BOLD}{path}{_RESET}"
                tag = f"{colour}{tag}{_RESET}"
            lines.append(
                f"{path}: {tag} {printable(d.message)}; help: {printable(d.effective_hint)}"
            )
        lines.extend(f"note: not checked: {printable(what)}" for what in report.not_checked)
        lines.append(report.summary())
        return "\n".join(lines) + "\n"


# --- json ----------------------------------------------------------------------------


class JsonReporter:
    """The library's ``Report.to_dict()`` as JSON."""

    name = "json"
    description = "the report as JSON (Report.to_dict), for scripts"
    extension = "json"
    lists_files = False

    def render(self, report: Report, context: ReportContext) -> str:
        """Render ``report.to_dict()`` with sorted keys."""
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# --- github --------------------------------------------------------------------------


def escape_data(text: str) -> str:
    """Escape a workflow command's message as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value as the Actions runner expects."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    """GitHub Actions workflow commands: an annotation per finding."""

    name = "github"
    description = "GitHub Actions annotations (::error / ::warning workflow commands)"
    extension = "txt"
    lists_files = False

    def render(self, report: Report, context: ReportContext) -> str:
        """Render one ``::error``/``::warning`` command per finding, then the summary."""
        lines: list[str] = []
        for d in report.sorted():
            props: list[tuple[str, str]] = []
            if d.file:
                props.append(("file", printable(d.file, keep_newlines=True)))
            if d.line is not None:
                props.append(("line", str(d.line)))
                if d.column is not None:
                    props.append(("col", str(d.column)))
            props.append(("title", d.code))
            joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
            message = printable(f"{d.message}\nhelp: {d.effective_hint}", keep_newlines=True)
            message = escape_data(message)
            lines.append(f"::{_severity(d)} {joined}::{message}")
        lines.extend(
            f"::notice title=not checked::{escape_data(printable(what))}"
            for what in report.not_checked
        )
        lines.append(report.summary())
        return "\n".join(lines) + "\n"


# --- markdown ------------------------------------------------------------------------

_MD_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_SPECIAL = re.compile(r"[\\`*_\[\]|~&<>]")


def _md_char(match: re.Match[str]) -> str:
    ch = match.group()
    return _MD_HTML.get(ch, "\\" + ch)


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown on one line, safe inside a table cell."""
    text = _MD_SPECIAL.sub(_md_char, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return printable(text)


def _md_code(text: str) -> str:
    """``text`` as an inline code span (outside tables), fenced past any backticks in it."""
    text = printable(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_list(items: Iterable[str]) -> str:
    ordered = sorted(items)
    shown = ", ".join(_md_code(item) for item in ordered[:MARKDOWN_MAX_IDS])
    if len(ordered) > MARKDOWN_MAX_IDS:
        shown += f" and {len(ordered) - MARKDOWN_MAX_IDS} more"
    return shown or "none"


class MarkdownReporter:
    """A Markdown summary for ``$GITHUB_STEP_SUMMARY`` or a pull-request comment."""

    name = "markdown"
    description = "Markdown summary for $GITHUB_STEP_SUMMARY or a pull-request comment"
    extension = "md"
    lists_files = False

    def render(self, report: Report, context: ReportContext) -> str:
        """Render a status heading, counts per level, the findings and the changes."""
        data = report.to_dict()
        status = "✅ Corpus validation passed" if report.valid else "❌ Corpus validation failed"
        out = [f"## {status}", "", f"{report.summary()} (corpus-tools {context.version})", ""]
        out += [f"Not checked: {escape_markdown(what)}" for what in report.not_checked]
        out += [""] if report.not_checked else []
        out += ["| Level | Errors | Warnings |", "| --- | ---: | ---: |"]
        for level in _LEVELS:
            counts = data["levels"][level]
            out.append(f"| {level} | {counts['errors']} | {counts['warnings']} |")
        out.append("")

        findings = report.sorted()
        if findings:
            out += ["### Findings", ""]
            out += ["| Severity | Code | Location | Message |", "| --- | --- | --- | --- |"]
            for d in findings[:MARKDOWN_MAX_ROWS]:
                icon = "❌" if d.effective_severity is Severity.ERROR else "⚠️"
                where = d.location()
                out.append(
                    f"| {icon} {_severity(d)} | `{d.code}` | {escape_markdown(where)} "
                    f"| {escape_markdown(d.message)} |"
                )
            if len(findings) > MARKDOWN_MAX_ROWS:
                rest = len(findings) - MARKDOWN_MAX_ROWS
                out += ["", f"… and {rest} more; run `corpus validate` for the full list."]
            out.append("")
            out += ["### How to fix", ""]
            hints = sorted({(d.code, d.effective_hint) for d in findings})
            out += [f"- `{code}`: {escape_markdown(hint)}" for code, hint in hints]
            out.append("")
        else:
            out += ["No findings.", ""]

        if context.changes is not None:
            out += self._changes(context.changes)
        return "\n".join(out).rstrip("\n") + "\n"

    @staticmethod
    def _changes(changes: CorpusChanges) -> list[str]:
        out = ["### Corpus changes", ""]
        if changes.empty:
            return [*out, "No documents or metadata files changed.", ""]
        out += [
            f"- Added documents ({len(changes.added)}): {_md_list(changes.added)}",
            f"- Removed documents ({len(changes.removed)}): {_md_list(changes.removed)}",
            f"- Changed documents ({len(changes.modified)}): {_md_list(changes.modified)}",
            f"- Metadata files changed ({len(changes.metadata)}): {_md_list(changes.metadata)}",
            "",
        ]
        return out


# --- junit ---------------------------------------------------------------------------

# Characters XML 1.0 cannot hold at all; lxml refuses them, so they are written as escapes.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids written as escapes."""
    return _XML_INVALID.sub(_xml_escape_char, text)


def _finding_line(d: Diagnostic) -> str:
    return f"{d.location()}: {_severity(d)}[{d.code}] {d.message}\nhelp: {d.effective_hint}"


class JunitReporter:
    """JUnit XML: a test suite per level, a test case per file checked at that level."""

    name = "junit"
    description = "JUnit XML for CI test dashboards (errors fail, warnings go to system-out)"
    extension = "xml"
    lists_files = True

    def render(self, report: Report, context: ReportContext) -> str:
        """Render the findings as JUnit XML; only errors are failures."""
        cases: dict[str, dict[str, list[Diagnostic]]] = {level: {} for level in _LEVELS}
        for level, files in context.checked.items():
            for file in files:
                cases[level].setdefault(file, [])
        for d in report.sorted():
            cases[d.level.value].setdefault(d.file, []).append(d)

        from lxml import etree  # only this report needs it: keep start-up light

        root = etree.Element("testsuites")
        total_tests = total_failures = 0
        for level in _LEVELS:
            suite = etree.SubElement(root, "testsuite")
            suite_failures = 0
            for file in sorted(cases[level]):
                found = cases[level][file]
                case = etree.SubElement(
                    suite, "testcase", classname=level, name=xml_text(file), time="0"
                )
                errors = [d for d in found if d.effective_severity is Severity.ERROR]
                warnings = [d for d in found if d.effective_severity is Severity.WARNING]
                for d in errors:
                    failure = etree.SubElement(
                        case, "failure", type=d.code, message=xml_text(d.message)
                    )
                    failure.text = xml_text(_finding_line(d))
                if warnings:
                    out = etree.SubElement(case, "system-out")
                    out.text = xml_text("\n".join(_finding_line(d) for d in warnings))
                suite_failures += bool(errors)
            tests = len(cases[level])
            if level == "export" and report.not_checked:
                props = etree.Element("properties")
                for what in report.not_checked:
                    etree.SubElement(props, "property", name="not-checked", value=xml_text(what))
                suite.insert(0, props)
            _set_counts(suite, level, tests, suite_failures)
            total_tests += tests
            total_failures += suite_failures
        _set_counts(root, TOOL_NAME, total_tests, total_failures)
        xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        return xml.decode("utf-8")


def _set_counts(element: etree._Element, name: str, tests: int, failures: int) -> None:
    """Set the attributes dashboards read, in a fixed order (failures = failed cases)."""
    for key, value in (
        ("name", name),
        ("tests", str(tests)),
        ("failures", str(failures)),
        ("errors", "0"),
        ("skipped", "0"),
        ("time", "0"),
    ):
        element.set(key, value)


# --- sarif ---------------------------------------------------------------------------


def _artifact(file: str) -> dict[str, Any]:
    # A SARIF uri is a URI reference: spaces, '%', '#' and non-ASCII must be encoded.
    # surrogateescape turns an undecodable file-name byte back into its %XX form.
    uri = urllib.parse.quote(file, safe="/", errors="surrogateescape")
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _rule(code: str) -> dict[str, Any]:
    info = CODES[code]
    return {
        "id": code,
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": f"{info.title}. To fix: {info.hint}."},
        "help": {"text": info.hint},
        "defaultConfiguration": {"level": info.severity.value},
        "properties": {"tags": [info.level.value]},
    }


def _result(d: Diagnostic, index: int) -> dict[str, Any]:
    # GitHub code scanning shows only results whose region has a startLine (the
    # multitool's GH and SARIF2017 rules): a finding about a whole file (a name, a
    # duplicate, an export) points at its first line.
    region: dict[str, int] = {"startLine": 1 if d.line is None else d.line}
    if d.line is not None and d.column is not None:
        region["startColumn"] = d.column
    physical: dict[str, Any] = {"artifactLocation": _artifact(d.file), "region": region}
    text = d.message
    if d.hint and d.hint != d.info.hint:
        # The rule's help holds the catalogue hint; only a finding's own hint is repeated.
        text += f"\nhelp: {d.hint}"
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": _severity(d),
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
    }
    if d.related:
        result["relatedLocations"] = [
            {"id": n, "physicalLocation": {"artifactLocation": _artifact(path)}}
            for n, path in enumerate(d.related)
        ]
    if d.pointer is not None:
        result["properties"] = {"pointer": d.pointer}
    return result


class SarifReporter:
    """SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers."""

    name = "sarif"
    description = "SARIF 2.1.0 for GitHub code scanning"
    extension = "sarif"
    lists_files = False

    def render(self, report: Report, context: ReportContext) -> str:
        """Render one run with the rules used and a result per finding."""
        findings = report.sorted()
        codes = sorted({d.code for d in findings})
        index = {code: n for n, code in enumerate(codes)}
        log = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": TOOL_NAME,
                            "version": context.version,
                            "rules": [_rule(code) for code in codes],
                        }
                    },
                    # Columns count characters (code points), as Python strings do.
                    "columnKind": "unicodeCodePoints",
                    "results": [_result(d, index[d.code]) for d in findings],
                }
            ],
        }
        if report.not_checked:
            (run,) = log["runs"]
            assert isinstance(run, dict)
            run["properties"] = {"notChecked": list(report.not_checked)}
        return json.dumps(log, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


REPORTERS: dict[str, Reporter] = {
    r.name: r
    for r in (
        TextReporter(),
        JsonReporter(),
        GithubReporter(),
        MarkdownReporter(),
        JunitReporter(),
        SarifReporter(),
    )
}
