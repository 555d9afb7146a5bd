"""The files that plug corpus-tools into other tools (workflow, action, hook) and their guide.

Each is checked against the tool's schema (check-jsonschema's built-in, vendored schemas:
no network), and then run for real: the action's and the workflow's shell steps with
bash and the environment GitHub would give them, the hook with ``pre-commit try-repo``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

from corpus_tools.diagnostics import CODES
from corpus_tools.inputs import discover

from .conftest import REPO
from .test_pr_gate import (
    BROKEN_DATE,
    S1,
    S2,
    S4,
    S5,
    S6,
    UNBALANCED_QUOTE,
    VALID,
    Repo,
    annotations,
    as_github_checkout,
    git_env,
    make_pull_request,
    make_repo,
)

WORKFLOW = REPO / ".github" / "workflows" / "corpus.yml"
ACTION = REPO / "action.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
CHECK_JSONSCHEMA = (sys.executable, "-m", "check_jsonschema", "--builtin-schema")
# Any attempt to reach the network fails at once: a closed port on the loopback address.
NO_NETWORK = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
    "no_proxy": "",
}


def load(path: Path) -> Any:
    """A YAML file as data (``on`` stays a string key; YAML 1.1 would make it True)."""
    text = path.read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans (only true and false), as GitHub reads workflows."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


# --- schemas -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "path"),
    [("vendor.github-workflows", WORKFLOW), ("vendor.github-actions", ACTION)],
    ids=["workflow", "action"],
)
def test_file_satisfies_the_github_schema(schema: str, path: Path) -> None:
    proc = subprocess.run(
        [*CHECK_JSONSCHEMA, schema, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, **NO_NETWORK},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok -- validation done" in proc.stdout


def test_check_jsonschema_rejects_a_broken_action(tmp_path: Path) -> None:
    """The schema check has teeth: a composite step without ``shell`` is refused."""
    broken = tmp_path / "action.yml"
    text = ACTION.read_text(encoding="utf-8")
    broken.write_text(text.replace("      shell: bash\n", "", 1), encoding="utf-8")
    proc = subprocess.run(
        [*CHECK_JSONSCHEMA, "vendor.github-actions", str(broken)],
        capture_output=True,
        text=True,
        env={**os.environ, **NO_NETWORK},
    )
    assert proc.returncode == 1, proc.stdout


# --- what the files say --------------------------------------------------------------


def _scripts(steps: list[dict[str, Any]]) -> list[str]:
    return [step["run"] for step in steps if "run" in step]


def _step(steps: list[dict[str, Any]], name: str) -> dict[str, Any]:
    (found,) = [step for step in steps if step.get("name") == name]
    return found


def test_workflow_gates_pull_requests_with_least_privilege() -> None:
    wf = load(WORKFLOW)
    assert "pull_request" in wf["on"]
    assert wf["permissions"] == {"contents": "read"}
    (job,) = wf["jobs"].values()
    assert "permissions" not in job
    steps = job["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    assert _step(steps, "Install corpus-tools")["run"].startswith("python -m pip install .\n")
    # One command checks seeds and exports: no second pass, no second CI round.
    assert not any("corpus export" in script for script in _scripts(steps))
    validate = _step(steps, VALIDATE_WORKFLOW)
    assert validate["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert '--changed-since "origin/$BASE_REF"' in validate["run"]
    command = " ".join(validate["run"].replace("\\\n", " ").split())
    assert '--format github --format markdown --output - --output "$GITHUB_STEP_SUMMARY"' in command


def test_no_expression_is_pasted_into_a_script() -> None:
    """Script injection: ${{ }} values reach the shell only through env."""
    steps = load(ACTION)["runs"]["steps"]
    steps += [s for job in load(WORKFLOW)["jobs"].values() for s in job["steps"]]
    for script in _scripts(steps):
        assert "${{" not in script, script


def test_action_inputs() -> None:
    action = load(ACTION)
    assert action["name"]
    assert action["description"]
    assert set(action["branding"]) == {"icon", "color"}
    assert action["runs"]["using"] == "composite"
    defaults = {name: spec["default"] for name, spec in action["inputs"].items()}
    assert defaults == {
        "paths": "",
        "base-ref": "${{ github.base_ref }}",
        "fail-on": "error",
        "root": ".",
        "python-version": "3.11",
        "check-exports": "true",
    }
    assert all(spec["description"] for spec in action["inputs"].values())
    setup = action["runs"]["steps"][0]
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"] == {"python-version": "${{ inputs.python-version }}"}


def hook() -> dict[str, Any]:
    """The corpus-validate hook of .pre-commit-hooks.yaml."""
    (only,) = load(HOOKS)
    assert isinstance(only, dict)
    return only


def test_hook_definition() -> None:
    h = hook()
    assert h["id"] == "corpus-validate"
    assert h["entry"] == "corpus validate --no-exports"
    assert h["language"] == "python"
    assert h["pass_filenames"] is True
    # Corpus rules compare the files passed: no parallel batches.
    assert h["require_serial"] is True


def test_hook_sends_exactly_the_files_ci_checks(tmp_path: Path) -> None:
    """The hook's ``files`` pattern selects what ``corpus validate`` reads in seeds/."""
    names = [
        "001_0123456789abcdef.txt",
        "002_fedcba9876543210.TXT",  # misnamed: CI reports it, so must the hook
        "003_00112233aabbccdd.md",
        "notes.txt",
        ".gitkeep",  # hidden: CI ignores it
        "sub/004_4a5b6c7d8e9f0a1b.txt",  # sub-folders are not read
    ]
    for name in names:
        (tmp_path / "seeds" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "seeds" / name).write_text("x", encoding="utf-8")
    read_by_ci = {
        p.relative_to(tmp_path).as_posix() for p in discover([tmp_path / "seeds"], tmp_path)
    }
    pattern = re.compile(hook()["files"])
    candidates = [f"seeds/{n}" for n in names] + ["NOTES.txt", "exports/seeds/x.txt"]
    assert {p for p in candidates if pattern.search(p)} == read_by_ci


# --- the hook, installed and run by pre-commit ---------------------------------------


def _snapshot_of_this_repository(dest: Path, env: dict[str, str]) -> Path:
    """A git repository holding the working tree's package, as a hook repository.

    try-repo would take this repository's HEAD plus tracked edits; a snapshot of the
    files that make the package tests exactly the code the rest of the suite tests.
    """
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, dest / name)
    for name in ("corpus_tools", "schema"):
        shutil.copytree(REPO / name, dest / name, ignore=ignore)
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A", "--", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "snapshot"],
    ):
        subprocess.run(["git", *args], cwd=dest, env=env, check=True, capture_output=True)
    return dest


def _pre_commit_env(tmp_path: Path, env: dict[str, str]) -> dict[str, str]:
    """pre-commit's hook environment built offline from what the test run has installed.

    pre-commit pip-installs the hook repository into a fresh virtualenv, which needs an
    index for the dependencies and for hatchling (the build backend). Instead, the
    virtualenv's Python finds this test run's site-packages on PYTHONPATH (click,
    jsonschema, lxml, hatchling: already installed, so pip installs none of them), pip
    never asks an index, and the wheel is built without build isolation by the hatchling
    installed here (PIP_NO_BUILD_ISOLATION=0 is pip's inverted spelling of
    --no-build-isolation). The package itself still goes into pre-commit's environment.
    """
    return {
        **env,
        **NO_NETWORK,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PYTHONPATH": os.pathsep.join(
            dict.fromkeys(sysconfig.get_path(n) for n in ("purelib", "platlib"))
        ),
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "VIRTUALENV_OVERRIDE_APP_DATA": str(tmp_path / "virtualenv-app-data"),
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PRE_COMMIT_COLOR": "never",
    }


PRE_COMMIT = (sys.executable, "-m", "pre_commit")


def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path) -> None:
    import hatchling  # noqa: F401  (builds the hook's package offline; see _pre_commit_env)

    env = git_env(tmp_path)
    pc_env = _pre_commit_env(tmp_path, env)
    hooks_repo = _snapshot_of_this_repository(tmp_path / "corpus-tools", env)
    corpus = Repo(tmp_path / "corpus", env)
    corpus.commit("two seeds", {S1: VALID[S1], S2: VALID[S2]}, "corpus.toml")
    broken = "seeds/003_00112233aabbccdd.txt"
    for rel, text in {broken: BROKEN_DATE, "seeds/.gitkeep": "", "NOTES.txt": "x\n"}.items():
        corpus.write(rel, text)
    corpus.git("add", "--", "seeds", "NOTES.txt")
    files = [broken, "seeds/.gitkeep", "NOTES.txt"]

    failed = subprocess.run(
        [*PRE_COMMIT, "try-repo", str(hooks_repo), "corpus-validate", "--files", *files],
        cwd=corpus.path,
        env=pc_env,
        capture_output=True,
        encoding="utf-8",
    )

    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"^corpus validate\.+Failed$", failed.stdout, re.M), failed.stdout
    assert (
        f"{broken}:1:7: error[seed-invalid-date] date 2025-02-30 does not exist in the "
        "calendar; help: February 2025 has 28 days" in failed.stdout
    )
    # Only the seed was passed: neither the hidden file nor the notes outside seeds/.
    assert "\n1 file, 1 error, 0 warnings\n" in failed.stdout

    # Fixed, and run as a corpus repository would: its config names the hook repository.
    # A second hook of the same environment shows where `corpus` and the package come
    # from: pre-commit's environment, not the test run's own installation.
    corpus.write(broken, VALID[S5])
    corpus.git("add", "--", "seeds")
    probe = "sh -c 'command -v corpus; python -c \"import corpus_tools as c; print(c.__file__)\"'"
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hooks_repo, env=env, capture_output=True, text=True
    ).stdout.strip()
    hooks = [
        {"id": "corpus-validate"},
        {"id": "corpus-validate", "name": "probe", "entry": probe, "pass_filenames": False},
    ]
    config = tmp_path / "pre-commit-config.yaml"
    config.write_text(
        yaml.safe_dump({"repos": [{"repo": str(hooks_repo), "rev": rev, "hooks": hooks}]}),
        encoding="utf-8",
    )
    passed = subprocess.run(
        [*PRE_COMMIT, "run", "--config", str(config), "--verbose", "--files", *files],
        cwd=corpus.path,
        env=pc_env,
        capture_output=True,
        encoding="utf-8",
    )

    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^corpus validate\.+Passed$", passed.stdout, re.M), passed.stdout
    assert "\n1 file, 0 errors, 0 warnings\n" in passed.stdout
    assert re.search(r"/py_env-python[^/]*/bin/corpus$", passed.stdout, re.M), passed.stdout
    assert re.search(
        r"/py_env-python[^/]*/lib/.*/site-packages/corpus_tools/__init__\.py$",
        passed.stdout,
        re.M,
    ), passed.stdout


# --- the action's and the workflow's shell steps, run with bash ----------------------

_EXPRESSION = re.compile(r"\$\{\{\s*([a-z_]+)\.([A-Za-z0-9_-]+)\s*\}\}")
_CONDITION = re.compile(r"^inputs\.([A-Za-z0-9_-]+) == '([^']*)'$")


def _expand(value: str, contexts: dict[str, dict[str, str]]) -> str:
    """Evaluate the ``${{ context.name }}`` expressions the files use; refuse any other."""
    expanded = _EXPRESSION.sub(lambda m: contexts[m.group(1)][m.group(2)], value)
    assert "${{" not in expanded, f"unsupported expression in {value!r}"
    return expanded


class Runner:
    """Runs ``run:`` steps as GitHub does (``bash --noprofile --norc -eo pipefail``)."""

    def __init__(self, tmp_path: Path, repo: Repo, base_ref: str = "main") -> None:
        self.repo = repo
        tmp_path.mkdir(parents=True, exist_ok=True)
        self.summary = tmp_path / "step-summary.md"
        self.summary.write_text("", encoding="utf-8")
        self.output = tmp_path / "github-output"
        self.github = {"base_ref": base_ref, "action_path": str(REPO)}
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        # `corpus` is the CLI under test; `python` only records the install command.
        self.pip_log = tmp_path / "pip.log"
        _executable(bin_dir / "corpus", f'exec "{sys.executable}" -m corpus_tools "$@"\n')
        _executable(bin_dir / "python", f'printf "%s\\n" "$@" > "{self.pip_log}"\n')
        self.env = {
            **repo.env,
            **NO_NETWORK,
            "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(repo.path),
            "GITHUB_ACTION_PATH": str(REPO),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_OUTPUT": str(self.output),
            "RUNNER_OS": "Linux",
        }

    def run(
        self, step: dict[str, Any], inputs: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run one step with its ``env:`` evaluated against ``inputs`` and ``github``."""
        assert step.get("shell", "bash") == "bash"
        contexts = {"inputs": inputs or {}, "github": self.github}
        env = dict(self.env)
        for key, value in step.get("env", {}).items():
            env[key] = _expand(str(value), contexts)
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=self.repo.path,
            env=env,
            capture_output=True,
            encoding="utf-8",
        )

    def action(self, **given: str) -> dict[str, subprocess.CompletedProcess[str]]:
        """Run the action's shell steps in order, stopping at the first failure."""
        action = load(ACTION)
        inputs = {
            name: given.get(
                name.replace("-", "_"), _expand(spec["default"], {"github": self.github})
            )
            for name, spec in action["inputs"].items()
        }
        results: dict[str, subprocess.CompletedProcess[str]] = {}
        for step in action["runs"]["steps"]:
            if "run" not in step:
                continue
            if "if" in step:
                m = _CONDITION.match(step["if"])
                assert m, f"unsupported condition {step['if']!r}"
                if inputs[m.group(1)] != m.group(2):
                    continue
            results[step["name"]] = proc = self.run(step, inputs)
            if proc.returncode != 0:
                break
        return results


def _executable(path: Path, body: str) -> None:
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)


VALIDATE = "Validate the corpus"
CACHE_KEY = "Key the result cache"
VALIDATE_WORKFLOW = "Validate the seeds and the exports"


def test_action_on_a_pull_request(tmp_path: Path) -> None:
    repo = make_pull_request(tmp_path)
    as_github_checkout(repo)
    runner = Runner(tmp_path, repo)

    results = runner.action()

    assert runner.pip_log.read_text(encoding="utf-8").splitlines() == [
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        str(REPO),
    ]
    # A failure stops the job (the cache is saved by a `uses:` step, not run here).
    assert list(results) == ["Install corpus-tools", CACHE_KEY, VALIDATE]
    validate = results[VALIDATE]
    assert validate.returncode == 1, validate.stderr
    assert validate.stderr == ""
    assert annotations(validate.stdout) == [
        ("error", S5, 1, 7, "seed-invalid-date"),
        ("warning", S6, 1, 36, "quote-unbalanced"),
    ]
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("## ❌ Corpus validation failed\n\n4 files, 1 error, 1 warning")


def test_workflow_validate_step_on_a_pull_request(tmp_path: Path) -> None:
    repo = make_pull_request(tmp_path)
    as_github_checkout(repo)
    runner = Runner(tmp_path, repo)
    (job,) = load(WORKFLOW)["jobs"].values()

    proc = runner.run(_step(job["steps"], VALIDATE_WORKFLOW))

    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert annotations(proc.stdout) == [
        ("error", S5, 1, 7, "seed-invalid-date"),
        ("warning", S6, 1, 36, "quote-unbalanced"),
    ]
    assert "| ❌ error | `seed-invalid-date` |" in runner.summary.read_text(encoding="utf-8")


def test_workflow_validate_step_on_a_push_checks_everything(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    repo.commit("a broken seed straight on main", {S4: BROKEN_DATE})
    runner = Runner(tmp_path, repo, base_ref="")  # github.base_ref is empty on push
    (job,) = load(WORKFLOW)["jobs"].values()

    proc = runner.run(_step(job["steps"], VALIDATE_WORKFLOW))

    assert proc.returncode == 1, proc.stderr
    assert annotations(proc.stdout) == [("error", S4, 1, 7, "seed-invalid-date")]
    assert proc.stdout.splitlines()[-1] == "4 files, 1 error, 0 warnings"


def test_action_with_a_corpus_in_a_sub_folder(tmp_path: Path) -> None:
    """Annotations name files from the repository root, where GitHub looks for them."""
    env = git_env(tmp_path)
    repo = Repo(tmp_path / "repo", env)
    corpus = "texts, 2025"  # a ',' must be escaped in the annotation's file property
    (repo.path / corpus).mkdir()
    (repo.path / "corpus.toml").rename(repo.path / corpus / "corpus.toml")
    repo.commit("corpus", {f"{corpus}/{S1}": VALID[S1]}, f"{corpus}/corpus.toml")
    repo.git("switch", "-q", "-c", "pr")
    repo.commit("broken", {f"{corpus}/{S2}": BROKEN_DATE})
    as_github_checkout(repo)
    runner = Runner(tmp_path, repo)

    results = runner.action(root=corpus, check_exports="false")

    validate = results[VALIDATE]
    assert validate.returncode == 1, validate.stderr
    assert validate.stdout.splitlines()[0].startswith(
        f"::error file=texts%2C 2025/{S2},line=1,col=7,title=seed-invalid-date::"
    )
    assert validate.stdout.splitlines()[-1] == "1 file, 1 error, 0 warnings"


def test_action_paths_are_data_not_code(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    runner = Runner(tmp_path, repo, base_ref="")
    evil = "$(touch pwned) `touch pwned2`;touch pwned3"

    results = runner.action(paths=f"{S1}\n  {S2}\t{evil}", check_exports="false")

    validate = results[VALIDATE]
    assert validate.returncode == 2  # paths that do not exist: a usage error
    assert not list(repo.path.glob("pwned*"))
    # Split on white space, each word a path: reported as missing, never run.
    missing = {a[1] for a in annotations(validate.stdout) if a[4] == "path-missing"}
    assert missing == set(evil.split())
    assert validate.stdout.splitlines()[-1] == "2 files, 5 errors, 0 warnings"


def test_action_fail_on_warning_and_full_check_with_exports(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    # This corpus keeps its exports in the repository (the default).
    (repo.path / "corpus.toml").write_bytes((REPO / "corpus.toml").read_bytes())
    repo.commit("track the exports", None, "corpus.toml")
    exported = repo.corpus("export")
    assert exported.returncode == 0, exported.stderr
    repo.commit("exports", None, "exports")
    repo.git("switch", "-q", "-c", "pr")
    repo.commit("a seed with an unclosed quotation", {S4: UNBALANCED_QUOTE})
    exported = repo.corpus("export")
    assert exported.returncode == 0, exported.stderr
    repo.commit("exports", None, "exports")
    as_github_checkout(repo)

    lenient = Runner(tmp_path / "lenient", repo).action()
    assert [p.returncode for p in lenient.values()] == [0, 0, 0]
    assert list(lenient) == ["Install corpus-tools", CACHE_KEY, VALIDATE]
    assert annotations(lenient[VALIDATE].stdout) == [("warning", S4, 1, 36, "quote-unbalanced")]

    strict = Runner(tmp_path / "strict", repo).action(fail_on="warning")
    assert strict[VALIDATE].returncode == 1

    # The exports are stale once a seed changes without `corpus export`: the same
    # validate step finds it, next to the seed findings.
    repo.commit("edit without export", {S2: VALID[S2].replace("care", "good care")})
    stale = Runner(tmp_path / "stale", repo, base_ref="").action()
    assert stale[VALIDATE].returncode == 1
    assert {a[4] for a in annotations(stale[VALIDATE].stdout)} == {
        "quote-unbalanced",
        "export-stale",
    }


# --- CONTRIBUTING.md -----------------------------------------------------------------

CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", CONTRIBUTING, re.M | re.S)


def test_contributing_groups_every_code() -> None:
    missing = [code for code in CODES if f"`{code}`" not in CONTRIBUTING]
    assert not missing, f"CONTRIBUTING.md does not say how to fix {missing}"


def test_contributing_example_output_is_the_real_output() -> None:
    example = _blocks("text")[1]
    assert example == (REPO / "tests" / "goldens" / "pr" / "text.txt").read_text(encoding="utf-8")


def test_contributing_example_seed_is_valid(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    repo.write("seeds/004_4a5b6c7d8e9f0a1b.txt", _blocks("text")[0])
    proc = repo.validate("--no-exports", "seeds/004_4a5b6c7d8e9f0a1b.txt")
    assert (proc.returncode, proc.stdout) == (0, "1 file, 0 errors, 0 warnings\n")
