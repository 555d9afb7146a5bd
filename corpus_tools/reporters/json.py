"""The JSON report: ``Report.to_dict()``, for scripts."""

from __future__ import annotations

import json

from corpus_tools.diagnostics import Report
from corpus_tools.reporters import ReportContext


class JsonReporter:
    """The library's ``Report.to_dict()`` as JSON."""

    name = "json"
    description = "the report as JSON (Report.to_dict), for scripts"
    extension = "json"
    lists_files = False

    def render(self, report: Report, context: ReportContext) -> str:
        """Render ``report.to_dict()`` with sorted keys."""
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


REPORTER = JsonReporter()
