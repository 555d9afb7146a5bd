"""A Markdown summary for ``$GITHUB_STEP_SUMMARY`` or a pull-request comment."""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus_tools.diagnostics import Report, Severity
from corpus_tools.reporters import (
    LEVELS,
    MARKDOWN_MAX_IDS,
    MARKDOWN_MAX_ROWS,
    CorpusChanges,
    ReportContext,
    printable,
    severity_of,
)

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
        for level in LEVELS:
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
                    f"| {icon} {severity_of(d)} | `{d.code}` | {escape_markdown(where)} "
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


REPORTER = MarkdownReporter()
