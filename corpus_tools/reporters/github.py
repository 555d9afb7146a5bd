"""GitHub Actions workflow commands: an annotation per finding."""

from __future__ import annotations

from corpus_tools.diagnostics import Report
from corpus_tools.reporters import ReportContext, printable, severity_of


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
            lines.append(f"::{severity_of(d)} {joined}::{message}")
        lines.extend(
            f"::notice title=not checked::{escape_data(printable(what))}"
            for what in report.not_checked
        )
        lines.append(report.summary())
        return "\n".join(lines) + "\n"


REPORTER = GithubReporter()
