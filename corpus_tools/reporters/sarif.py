"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

from corpus_tools.diagnostics import CODES, Diagnostic, Report
from corpus_tools.reporters import (
    SARIF_SCHEMA,
    SARIF_VERSION,
    TOOL_NAME,
    ReportContext,
    severity_of,
)


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
        "level": severity_of(d),
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


REPORTER = SarifReporter()
