"""The SARIF reports as GitHub code scanning reads them: Microsoft's SARIF multitool.

``Sarif.Multitool validate --rule-kind "Sarif;Ghas"`` runs the SARIF best-practice rules
and the GitHub Advanced Security ones (``Gh``, the older name of that rule kind, is an
alias that runs nothing in multitool 5.x). The multitool comes from npm
(``npm install -g @microsoft/sarif-multitool``, as ``.ci/run`` does) and runs offline.
Its ``sarif-multitool`` command is a Node wrapper that hands the arguments to a shell,
which would cut ``Sarif;Ghas`` at the ``;``, so the tests call the platform binary itself.
Where the multitool is missing these tests skip, except in CI (``CI=true``), where a
skip would hide the check: there they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from corpus_tools._version import __version__

from .conftest import GOLDENS

# SARIF2005 asks for the tool's ``informationUri``: the project has no public address
# yet. Only that message of the rule is excused; the rest of SARIF2005 (such as a
# non-numeric tool version) still fails.
EXCUSED = {("SARIF2005", "Warning_ProvideToolnformationUri")}
RULE_KINDS = "Sarif;Ghas"
# The report goldens and the pull-request golden (whose tool version is a placeholder).
SARIF_GOLDENS = [GOLDENS / "reports" / "sarif.sarif", GOLDENS / "pr" / "sarif.json"]


def find_multitool() -> Path | None:
    """The multitool's platform binary: ``$SARIF_MULTITOOL``, or beside npm's wrapper."""
    given = os.environ.get("SARIF_MULTITOOL")
    if given:
        return Path(given)
    wrapper = shutil.which("sarif-multitool")
    if wrapper is None:
        return None
    package = Path(wrapper).resolve().parent  # .../@microsoft/sarif-multitool (bin.js)
    platform = f"sarif-multitool-{sys.platform}"  # Node's process.platform: linux, darwin, win32
    exe = "Sarif.Multitool.exe" if sys.platform == "win32" else "Sarif.Multitool"
    for folder in (package.parent / platform, package / "node_modules" / "@microsoft" / platform):
        if (folder / exe).is_file():
            return folder / exe
    return None


@pytest.fixture(scope="module")
def multitool() -> Path:
    """The binary, or a skip (a failure in CI) that says how to install it."""
    exe = find_multitool()
    if exe is None or not os.access(exe, os.X_OK):
        reason = (
            "Microsoft's SARIF multitool is not installed "
            "(npm install -g @microsoft/sarif-multitool; .ci/run installs it)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; in CI this check must run")
        pytest.skip(reason)
    return exe


def validate(multitool: Path, log: Path, out: Path) -> list[tuple[str, str, str, str]]:
    """(rule, message id, level, where) of every finding of the multitool on ``log``."""
    env = {
        **os.environ,
        # .NET works without ICU on a minimal machine; no telemetry, no first-run banner.
        "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1",
        "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
    }
    proc = subprocess.run(
        [str(multitool), "validate", str(log), "--rule-kind", RULE_KINDS, "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    run = json.loads(out.read_text(encoding="utf-8"))["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"], proc.stdout
    problems = invocation.get("toolExecutionNotifications", []) + invocation.get(
        "toolConfigurationNotifications", []
    )
    assert problems == [], problems
    rules: list[dict[str, Any]] = run["tool"]["driver"].get("rules", [])
    found = []
    for result in run["results"]:
        rule = rules[result["ruleIndex"]] if "ruleIndex" in result else {}
        level = result.get("level") or rule.get("defaultConfiguration", {}).get("level", "warning")
        where = result["message"].get("arguments", [""])[0]
        found.append((result["ruleId"], result["message"].get("id", ""), level, where))
    return found


def real_version(golden: Path, dest: Path) -> Path:
    """``golden`` with the placeholder version put back, as the reporter writes it."""
    text = golden.read_text(encoding="utf-8").replace(
        '"version": "VERSION"', f'"version": "{__version__}"'
    )
    dest.write_text(text, encoding="utf-8")
    return dest


@pytest.mark.parametrize("golden", SARIF_GOLDENS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_multitool_finds_nothing_in_the_sarif_goldens(
    multitool: Path, golden: Path, tmp_path: Path
) -> None:
    log = real_version(golden, tmp_path / "report.sarif")
    found = validate(multitool, log, tmp_path / "out.sarif")
    errors_and_warnings = [
        f for f in found if f[2] in ("error", "warning") and f[:2] not in EXCUSED
    ]
    assert errors_and_warnings == []


def test_multitool_catches_what_github_would_hide(multitool: Path, tmp_path: Path) -> None:
    """The check has teeth: a result without a region (SARIF2017) or without a location
    (GH1015, so the GitHub rules really run) is reported."""
    log = json.loads((SARIF_GOLDENS[0]).read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    del results[0]["locations"][0]["physicalLocation"]["region"]
    del results[1]["locations"]
    broken = tmp_path / "broken.sarif"
    broken.write_text(json.dumps(log, indent=2), encoding="utf-8")

    rules = {f[0] for f in validate(multitool, broken, tmp_path / "out.sarif")}

    assert {"SARIF2017", "GH1015"} <= rules
