"""The corpus's own policy over the findings: rule severities and per-file suppressions
from ``corpus.toml``, applied to a report (suppressed findings are counted, not lost)."""

from __future__ import annotations

import fnmatch

from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic, Report, Severity

_LEVELS = {"warning": Severity.WARNING, "error": Severity.ERROR}


def apply_policy(report: Report, config: Config) -> Report:
    """``report`` with ``config``'s rules applied in place: a rule set to ``off`` or a
    finding ignored for its file is dropped and counted in ``report.suppressed``; a rule
    set to ``warning`` or ``error`` gets that severity."""
    if not config.rules and not config.ignore:
        return report
    levels = dict(config.rules)
    kept: list[Diagnostic] = []
    for d in report.diagnostics:
        level = levels.get(d.code)
        ignored = any(
            d.code in codes and fnmatch.fnmatchcase(d.file, files)
            for files, codes, _ in config.ignore
        )
        if level == "off" or ignored:
            report.suppressed += 1
            continue
        if level is not None and _LEVELS[level] is not d.effective_severity:
            d = Diagnostic(
                d.code,
                d.file,
                d.message,
                d.line,
                d.column,
                d.pointer,
                d.hint,
                _LEVELS[level],
                d.related,
            )
        kept.append(d)
    report.diagnostics[:] = kept
    return report
