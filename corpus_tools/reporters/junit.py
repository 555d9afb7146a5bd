"""JUnit XML for CI test dashboards: a test suite per level, a test case per file."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from corpus_tools.diagnostics import Diagnostic, Report, Severity
from corpus_tools.reporters import LEVELS, TOOL_NAME, ReportContext, severity_of

if TYPE_CHECKING:
    from lxml import etree

# Characters XML 1.0 cannot hold at all; lxml refuses them, so they are written as escapes.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids written as escapes."""
    return _XML_INVALID.sub(_xml_escape_char, text)


def _finding_line(d: Diagnostic) -> str:
    return f"{d.location()}: {severity_of(d)}[{d.code}] {d.message}\nhelp: {d.effective_hint}"


class JunitReporter:
    """JUnit XML: a test suite per level, a test case per file checked at that level."""

    name = "junit"
    description = "JUnit XML for CI test dashboards (errors fail, warnings go to system-out)"
    extension = "xml"
    lists_files = True

    def render(self, report: Report, context: ReportContext) -> str:
        """Render the findings as JUnit XML; only errors are failures."""
        cases: dict[str, dict[str, list[Diagnostic]]] = {level: {} for level in LEVELS}
        for level, files in context.checked.items():
            for file in files:
                cases[level].setdefault(file, [])
        for d in report.sorted():
            cases[d.level.value].setdefault(d.file, []).append(d)

        from lxml import etree  # only this report needs it: keep start-up light

        root = etree.Element("testsuites")
        total_tests = total_failures = 0
        for level in LEVELS:
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


REPORTER = JunitReporter()
