"""The text report: one line per finding, like a compiler, then the summary."""

from __future__ import annotations

from corpus_tools.diagnostics import Report, Severity
from corpus_tools.reporters import ReportContext, line_col, printable, severity_of

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
            path = printable(d.file) + line_col(d)
            tag = f"{severity_of(d)}[{d.code}]"
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


REPORTER = TextReporter()
