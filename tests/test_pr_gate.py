"""The pull-request gate end to end: ``corpus validate --changed-since`` in throwaway git repos.

Each test builds a small corpus repository (``corpus.toml`` of this repository, a base
branch ``main``) and runs the real CLI in a subprocess from inside it, as CI does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus_tools._version import __version__
from corpus_tools.reporters import SARIF_VERSION

from .conftest import GOLDENS, UNTRACKED_TOML

PR_GOLDENS = GOLDENS / "pr"
TODAY = "2026-01-01"
Golden = Callable[[Path, bytes], None]

# Valid seeds: one article each, distinct enough that no corpus rule links them.
S1 = "seeds/001_0123456789abcdef.txt"
S2 = "seeds/002_fedcba9876543210.txt"
S3 = "seeds/003_00112233aabbccdd.txt"
S4 = "seeds/004_4a5b6c7d8e9f0a1b.txt"
S5 = "seeds/005_5b6c7d8e9f0a1b2c.txt"
S6 = "seeds/006_6c7d8e9f0a1b2c3d.txt"
S7 = "seeds/007_7d8e9f0a1b2c3d4e.txt"

VALID = {
    S1: " date 2025-01-10 The council met on Monday to approve the budget for the coming year.\n"
    "\nMembers voted in favour after a long debate about schools and roads.\n",
    S2: " date 2025-02-11 Rain is expected across the north of the country this weekend.\n"
    "\nForecasters warned of flooding near rivers and advised drivers to take care.\n",
    S3: " date 2025-03-12 The new library opened its doors to readers on Saturday morning.\n"
    "\nThe building holds more than forty thousand books and a small cinema.\n",
    S4: " date 2025-04-13 A local bakery won the national bread prize this week.\n"
    "\nThe owner said the recipe came from her grandmother in the mountains.\n",
    S5: " date 2025-02-28 The mayor announced a new bus line for the eastern districts.\n"
    "\nService begins next month, with a bus every ten minutes at peak hours.\n",
    S6: " date 2025-05-14 The minister said “the reforms will continue next year.”\n"
    "\nCritics were not convinced and asked for a vote in parliament.\n",
    S7: " date 2025-06-15 Fishermen on the coast reported the largest catch in a decade.\n"
    "\nPrices at the harbour market fell by a third within a week.\n",
}
# A date that does not exist (error) and an opening quotation mark never closed (warning).
BROKEN_DATE = VALID[S5].replace("2025-02-28", "2025-02-30")
UNBALANCED_QUOTE = VALID[S6].replace("year.”", "year.")
S2_EDITED = VALID[S2].replace("take care.", "take great care.")

# The test corpus does not track its exports, and the GitHub report says so.
NOT_CHECKED = "::notice title=not checked::exports/ ([exports] tracked = false in corpus.toml)\n"


def git_env(tmp_path: Path) -> dict[str, str]:
    """The environment for git and the CLI: no user or system git config, no outer repo."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "CORPUS_"))}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CEILING_DIRECTORIES=str(tmp_path),
        PYTHONIOENCODING="utf-8",
    )
    return env


class Repo:
    """A throwaway corpus repository and the commands a contributor or CI would run in it."""

    def __init__(self, path: Path, env: dict[str, str]) -> None:
        self.path = path
        self.env = env
        path.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")
        (path / "corpus.toml").write_text(UNTRACKED_TOML, encoding="utf-8")

    def git(self, *args: str) -> str:
        """Run git; fail the test with git's message when it fails."""
        proc = subprocess.run(
            ["git", *args], cwd=self.path, env=self.env, capture_output=True, text=True
        )
        assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
        return proc.stdout.strip()

    def write(self, rel: str, text: str) -> None:
        """Write a file as UTF-8 bytes exactly (no newline translation)."""
        path = self.path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))

    def commit(self, message: str, files: dict[str, str] | None = None, *paths: str) -> None:
        """Write ``files``, then commit them and ``paths`` (deletions included)."""
        for rel, text in (files or {}).items():
            self.write(rel, text)
        targets = [*(files or {}), *paths]
        self.git("add", "-A", "--", *targets)
        self.git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message)

    def corpus(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the real CLI (``python -m corpus_tools``) from the repository root."""
        return subprocess.run(
            [sys.executable, "-m", "corpus_tools", *args],
            cwd=self.path,
            env=self.env,
            capture_output=True,
            encoding="utf-8",
        )

    def validate(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``corpus validate`` with a fixed today and no result cache (deterministic)."""
        return self.corpus("validate", "--today", TODAY, "--no-cache", *args)


def make_repo(tmp_path: Path, name: str = "corpus") -> Repo:
    """A corpus repository whose ``main`` holds three valid seeds."""
    repo = Repo(tmp_path / name, git_env(tmp_path))
    repo.commit("three seeds", {p: VALID[p] for p in (S1, S2, S3)}, "corpus.toml")
    return repo


def make_pull_request(tmp_path: Path) -> Repo:
    """Branch ``pr`` off ``main``: one valid and two broken seeds added, one seed edited."""
    repo = make_repo(tmp_path)
    repo.git("switch", "-q", "-c", "pr")
    repo.commit(
        "add three seeds, edit one",
        {S4: VALID[S4], S5: BROKEN_DATE, S6: UNBALANCED_QUOTE, S2: S2_EDITED},
    )
    return repo


def as_github_checkout(repo: Repo, branch: str = "pr") -> None:
    """Check out what actions/checkout does for a pull request: the merge into the base.

    The base exists only as the remote-tracking branch ``origin/main`` there.
    """
    repo.git("update-ref", "refs/remotes/origin/main", "main")
    repo.git("switch", "-q", "--detach", "main")
    repo.git("-c", "user.name=t", "-c", "user.email=t@t", "merge", "-q", "--no-ff", branch)
    repo.git("branch", "-q", "-D", "main")


_ANNOTATION = re.compile(
    r"^::(error|warning) file=([^,:]+)(?:,line=(\d+))?(?:,col=(\d+))?,title=([^:]+)::"
)


def annotations(stdout: str) -> list[tuple[str, str, int | None, int | None, str]]:
    """(severity, file, line, col, code) of every GitHub annotation in ``stdout``."""
    found = []
    for line in stdout.splitlines():
        m = _ANNOTATION.match(line)
        if m:
            sev, file, ln, col, code = m.groups()
            found.append((sev, file, int(ln) if ln else None, int(col) if col else None, code))
    return found


def unversioned(text: str) -> str:
    """``text`` with the corpus-tools version replaced, so goldens survive a release."""
    if __version__ != SARIF_VERSION:
        text = text.replace(f'"version": "{__version__}"', '"version": "VERSION"')
    return text.replace(f"corpus-tools {__version__}", "corpus-tools VERSION")


PR_FORMATS = (
    *("--format", "github", "--format", "markdown", "--format", "junit", "--format", "sarif"),
    *("--output", "-", "--output", "summary.md", "--output", "junit.xml"),
    *("--output", "sarif.json"),
)


def test_pull_request_with_broken_seeds_fails_and_points_at_the_lines(
    tmp_path: Path, golden: Golden
) -> None:
    repo = make_pull_request(tmp_path)

    proc = repo.validate("--changed-since", "main", *PR_FORMATS)

    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert annotations(proc.stdout) == [
        ("error", S5, 1, 7, "seed-invalid-date"),
        ("warning", S6, 1, 36, "quote-unbalanced"),
    ]
    assert proc.stdout.splitlines()[-1] == "4 files, 1 error, 1 warning"
    golden(PR_GOLDENS / "github.txt", unversioned(proc.stdout).encode("utf-8"))
    for name in ("summary.md", "junit.xml", "sarif.json"):
        text = (repo.path / name).read_text(encoding="utf-8")
        assert str(tmp_path) not in text
        golden(PR_GOLDENS / name, unversioned(text).encode("utf-8"))

    summary = (repo.path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## ❌ Corpus validation failed\n")
    assert "- Added documents (3): `004_4a5b6c7d8e9f0a1b`, `005_5b6c7d8e9f0a1b2c`" in summary
    assert "- Changed documents (1): `002_fedcba9876543210`" in summary

    junit = (repo.path / "junit.xml").read_text(encoding="utf-8")
    # Only the four changed seeds are test cases; the unchanged ones were not blamed.
    assert re.findall(r'<testcase classname="seed" name="([^"]+)"', junit) == [S2, S4, S5, S6]

    sarif = json.loads((repo.path / "sarif.json").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"],
        )
        for r in results
    ] == [
        ("seed-invalid-date", "error", S5, {"startLine": 1, "startColumn": 7}),
        ("quote-unbalanced", "warning", S6, {"startLine": 1, "startColumn": 36}),
    ]

    # The contributor fixes both seeds in a new commit: the gate passes.
    repo.commit("fix the date and the quotation", {S5: VALID[S5], S6: VALID[S6]})
    fixed = repo.validate("--changed-since", "main", *PR_FORMATS)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert fixed.stdout == NOT_CHECKED + "4 files, 0 errors, 0 warnings\n"
    assert (
        (repo.path / "summary.md")
        .read_text(encoding="utf-8")
        .startswith("## ✅ Corpus validation passed\n")
    )


def test_text_report_of_the_pull_request(tmp_path: Path, golden: Golden) -> None:
    repo = make_pull_request(tmp_path)
    proc = repo.validate("--changed-since", "main")
    assert proc.returncode == 1
    assert proc.stderr == ""
    golden(PR_GOLDENS / "text.txt", proc.stdout.encode("utf-8"))


def test_github_checkout_of_the_pull_request_gives_the_same_findings(tmp_path: Path) -> None:
    """The merge commit that actions/checkout makes, against origin/main, as in the workflow."""
    repo = make_pull_request(tmp_path)
    on_branch = repo.validate("--changed-since", "main", "--format", "github")
    as_github_checkout(repo)
    merged = repo.validate("--changed-since", "origin/main", "--format", "github")
    assert merged.returncode == 1
    assert merged.stdout == on_branch.stdout


def test_a_broken_seed_in_an_early_commit_is_still_caught(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    repo.git("switch", "-q", "-c", "pr")
    repo.commit("first: a broken seed", {S5: BROKEN_DATE})
    repo.commit("second: a valid seed", {S4: VALID[S4]})
    repo.commit("third: an edit", {S2: S2_EDITED})

    proc = repo.validate("--changed-since", "main", "--format", "github")

    assert proc.returncode == 1
    assert annotations(proc.stdout) == [("error", S5, 1, 7, "seed-invalid-date")]
    assert proc.stdout.splitlines()[-1] == "3 files, 1 error, 0 warnings"


def test_a_broken_seed_added_to_main_after_branching_is_not_blamed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    repo.git("switch", "-q", "-c", "pr")
    repo.commit("a valid seed", {S4: VALID[S4]})
    repo.git("switch", "-q", "main")
    # main moves on: a broken seed, and a valid seed edited into a broken one.
    repo.commit(
        "broken on main", {S7: BROKEN_DATE, S3: VALID[S3].replace("2025-03-12", "2025-03-32")}
    )
    repo.git("switch", "-q", "pr")

    stale = repo.validate("--changed-since", "main", "--format", "github")
    assert (stale.returncode, stale.stdout) == (0, NOT_CHECKED + "1 file, 0 errors, 0 warnings\n")

    # In the merge commit of the pull request the broken files are present, yet still
    # not the pull request's doing.
    as_github_checkout(repo)
    merged = repo.validate("--changed-since", "origin/main", "--format", "github")
    assert (merged.returncode, merged.stdout) == (0, NOT_CHECKED + "1 file, 0 errors, 0 warnings\n")
    # A full check (a push to main) does find them.
    full = repo.validate("--format", "github")
    assert full.returncode == 1
    assert {(a[1], a[4]) for a in annotations(full.stdout)} >= {
        (S3, "seed-invalid-date"),
        (S7, "seed-invalid-date"),
    }


def test_a_copy_of_an_unchanged_seed_is_caught(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    repo.git("switch", "-q", "-c", "pr")
    # The same text as the unchanged S2 with other bytes (CRLF, trailing space): not a
    # byte-identical file, but the same document text.
    copy = VALID[S2].replace("\n", "  \r\n")
    repo.commit("a pasted copy", {S4: copy})

    proc = repo.validate("--changed-since", "main", "--format", "github")

    assert proc.returncode == 1
    assert annotations(proc.stdout) == [("error", S4, 1, None, "duplicate-text")]
    assert f"the text is the same as that of {S2}" in proc.stdout
    assert proc.stdout.splitlines()[-1] == "1 file, 1 error, 0 warnings"


def test_fail_on_warning_fails_on_a_warning_alone(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    repo.git("switch", "-q", "-c", "pr")
    repo.commit("a seed with an unclosed quotation", {S4: UNBALANCED_QUOTE})

    lenient = repo.validate("--changed-since", "main", "--format", "github")
    strict = repo.validate("--changed-since", "main", "--format", "github", "--fail-on", "warning")

    assert lenient.returncode == 0
    assert strict.returncode == 1
    assert strict.stdout == lenient.stdout
    assert annotations(strict.stdout) == [("warning", S4, 1, 36, "quote-unbalanced")]
    assert repo.validate("--changed-since", "main", "--strict").returncode == 1


def test_a_change_to_corpus_toml_rechecks_every_seed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    repo.git("switch", "-q", "-c", "pr")
    repo.commit("notes", {"NOTES.md": "not a seed\n"})
    untouched = repo.validate("--changed-since", "main", "--format", "github")
    assert (untouched.returncode, untouched.stdout) == (
        0,
        NOT_CHECKED + "0 files, 0 errors, 0 warnings\n",
    )

    config = (repo.path / "corpus.toml").read_text(encoding="utf-8")
    assert 'earliest_date = "1991-01-01"' in config
    repo.commit(
        "raise the earliest date",
        {"corpus.toml": config.replace('"1991-01-01"', '"2025-03-01"')},
    )
    proc = repo.validate("--changed-since", "main", "--format", "github")

    assert proc.returncode == 1
    assert annotations(proc.stdout) == [
        ("error", S1, 1, 7, "date-too-early"),
        ("error", S2, 1, 7, "date-too-early"),
    ]
    assert proc.stdout.splitlines()[-1] == "3 files, 2 errors, 0 warnings"


def test_a_shallow_clone_says_how_to_fetch_the_history(tmp_path: Path) -> None:
    """The mistake of a workflow without fetch-depth: 0 is a usage error with the fix."""
    repo = make_pull_request(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--no-single-branch", repo.path.as_uri(), clone],
        env=repo.env,
        check=True,
    )
    subprocess.run(["git", "switch", "-q", "pr"], cwd=clone, env=repo.env, check=True)
    proc = subprocess.run(
        [sys.executable, "-m", "corpus_tools", "validate", "--changed-since", "origin/main"],
        cwd=clone,
        env=repo.env,
        capture_output=True,
        encoding="utf-8",
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "shallow clone" in proc.stderr
    assert "fetch-depth: 0" in proc.stderr


@pytest.mark.parametrize("ref", ["no-such-branch", "origin/main"])
def test_an_unknown_base_is_a_usage_error(tmp_path: Path, ref: str) -> None:
    repo = make_pull_request(tmp_path)
    proc = repo.validate("--changed-since", ref)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert f"unknown git ref {ref!r}" in proc.stderr
    assert "git fetch origin" in proc.stderr
