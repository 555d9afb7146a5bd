"""Change detection for ``--changed-since``, on throwaway git repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from corpus_tools.changes import ChangeError, ChangeSet, changed_files

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user or system git configuration, a fixed identity, no repository above tmp."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test Author")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "test@example.invalid")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(var, raising=False)


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def write(repo: Path, rel: str, text: str = "text\n") -> None:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str, *paths: str) -> str:
    git(repo, "add", "--", *paths)
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose main branch holds a.txt and b.txt, on a new branch ``feature``."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "a.txt", "a\n")
    write(repo, "b.txt", "b\n")
    commit(repo, "base", "a.txt", "b.txt")
    git(repo, "switch", "-q", "-c", "feature")
    return repo


def sets(changes: ChangeSet) -> tuple[set[str], set[str], set[str]]:
    return set(changes.added), set(changes.modified), set(changes.deleted)


def test_every_commit_of_the_branch_counts(repo: Path) -> None:
    branch_point = git(repo, "rev-parse", "main")
    write(repo, "seeds/001_0123456789abcdef.txt")
    commit(repo, "first", "seeds/001_0123456789abcdef.txt")
    write(repo, "a.txt", "a changed\n")
    commit(repo, "second", "a.txt")
    write(repo, "seeds/002_fedcba9876543210.txt")
    commit(repo, "third", "seeds/002_fedcba9876543210.txt")
    git(repo, "rm", "-q", "b.txt")
    git(repo, "commit", "-q", "-m", "fourth")

    changes = changed_files(repo, "main", include_worktree=False)
    assert changes.base == branch_point
    assert changes.ref == "main"
    assert sets(changes) == (
        {"seeds/001_0123456789abcdef.txt", "seeds/002_fedcba9876543210.txt"},
        {"a.txt"},
        {"b.txt"},
    )
    assert changes.present == {
        "seeds/001_0123456789abcdef.txt",
        "seeds/002_fedcba9876543210.txt",
        "a.txt",
    }
    assert changes.paths == changes.present | {"b.txt"}


def test_stale_branch_ignores_changes_made_only_on_the_base(repo: Path) -> None:
    branch_point = git(repo, "rev-parse", "main")
    write(repo, "f.txt")
    commit(repo, "feature work", "f.txt")
    git(repo, "switch", "-q", "main")
    write(repo, "m.txt")
    write(repo, "a.txt", "a changed on main\n")
    commit(repo, "main moves on", "m.txt", "a.txt")
    git(repo, "rm", "-q", "b.txt")
    git(repo, "commit", "-q", "-m", "main deletes b")
    git(repo, "switch", "-q", "feature")

    changes = changed_files(repo, "main")
    assert changes.base == branch_point
    # a plain `git diff main HEAD` would list m.txt as deleted and a.txt, b.txt as changed
    assert sets(changes) == ({"f.txt"}, set(), set())


def test_staged_unstaged_untracked_and_deleted(repo: Path) -> None:
    write(repo, "staged.txt")
    git(repo, "add", "--", "staged.txt")
    write(repo, "a.txt", "edited, not staged\n")
    (repo / "b.txt").unlink()
    write(repo, "new/deep/untracked.txt")
    write(repo, "é x, y.txt")
    write(repo, "line\nbreak.txt")

    changes = changed_files(repo, "main")
    assert sets(changes) == (
        {"staged.txt", "new/deep/untracked.txt", "é x, y.txt", "line\nbreak.txt"},
        {"a.txt"},
        {"b.txt"},
    )
    assert sets(changed_files(repo, "main", include_worktree=False)) == (set(), set(), set())


def test_staged_deletion_and_modification(repo: Path) -> None:
    git(repo, "rm", "-q", "b.txt")
    write(repo, "a.txt", "edited and staged\n")
    git(repo, "add", "--", "a.txt")
    assert sets(changed_files(repo, "main")) == (set(), {"a.txt"}, {"b.txt"})


def test_net_change_of_commits_and_worktree(repo: Path) -> None:
    write(repo, "short-lived.txt")
    commit(repo, "add", "short-lived.txt")
    git(repo, "rm", "-q", "a.txt")
    git(repo, "commit", "-q", "-m", "remove a")
    (repo / "short-lived.txt").unlink()  # added on the branch, gone again: no change
    write(repo, "a.txt", "back, untracked\n")  # deleted on the branch, back: a change

    assert sets(changed_files(repo, "main")) == (set(), {"a.txt"}, set())
    assert sets(changed_files(repo, "main", include_worktree=False)) == (
        {"short-lived.txt"},
        set(),
        {"a.txt"},
    )


def test_ignored_files_do_not_count(repo: Path) -> None:
    write(repo, ".gitignore", "*.tmp\n")
    write(repo, "scratch.tmp")
    assert sets(changed_files(repo, "main")) == ({".gitignore"}, set(), set())


def test_paths_are_relative_to_the_repository_root(repo: Path) -> None:
    write(repo, "corpus/seeds/001_0123456789abcdef.txt")
    commit(repo, "corpus", "corpus/seeds/001_0123456789abcdef.txt")
    write(repo, "corpus/corpus.toml")
    write(repo, "elsewhere.txt")

    changes = changed_files(repo / "corpus", "main")
    assert changes.top.resolve() == repo.resolve()
    assert changes.added == {
        "corpus/seeds/001_0123456789abcdef.txt",
        "corpus/corpus.toml",
        "elsewhere.txt",
    }
    inner = changes.relative_to(repo / "corpus")
    assert inner.added == {"seeds/001_0123456789abcdef.txt", "corpus.toml"}
    assert changes.relative_to(repo) == changes


def test_accepts_commits_and_tags(repo: Path) -> None:
    git(repo, "tag", "v1", "main")
    write(repo, "f.txt")
    commit(repo, "f", "f.txt")
    for ref in ("v1", git(repo, "rev-parse", "main"), "HEAD~1"):
        assert changed_files(repo, ref).added == {"f.txt"}
    assert sets(changed_files(repo, "HEAD")) == (set(), set(), set())


# --- errors --------------------------------------------------------------------------


def test_not_a_git_repository(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    with pytest.raises(ChangeError, match=r"not inside a git repository.*drop --changed-since"):
        changed_files(folder, "main")


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ChangeError, match="is not a folder"):
        changed_files(tmp_path / "missing", "main")


def test_unknown_ref_says_what_to_fetch(repo: Path) -> None:
    with pytest.raises(ChangeError, match=r"unknown git ref 'origin/main'.*git fetch origin main"):
        changed_files(repo, "origin/main")
    with pytest.raises(ChangeError, match=r"git fetch origin develop"):
        changed_files(repo, "develop")


@pytest.mark.parametrize("ref", ["", "-", "--output=/tmp/x", "-p"])
def test_option_like_refs_are_refused(repo: Path, ref: str) -> None:
    with pytest.raises(ChangeError, match="is not a git ref"):
        changed_files(repo, ref)


def test_no_common_ancestor(repo: Path) -> None:
    git(repo, "switch", "-q", "--orphan", "unrelated")
    write(repo, "u.txt")
    commit(repo, "unrelated history", "u.txt")
    with pytest.raises(ChangeError, match="no common ancestor"):
        changed_files(repo, "main")


def test_shallow_clone_asks_for_more_history(repo: Path, tmp_path: Path) -> None:
    write(repo, "f.txt")
    commit(repo, "feature", "f.txt")
    git(repo, "switch", "-q", "main")
    write(repo, "m.txt")
    commit(repo, "main moves on", "m.txt")
    clone = tmp_path / "clone"
    url = repo.resolve().as_uri()
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", url, str(clone))
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    with pytest.raises(ChangeError, match=r"shallow clone.*fetch-depth: 0"):
        changed_files(clone, "origin/main")
    git(clone, "fetch", "-q", "--unshallow", "origin")
    assert sets(changed_files(clone, "origin/main")) == ({"f.txt"}, set(), set())


def test_repository_without_commits(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    with pytest.raises(ChangeError, match="no commit yet"):
        changed_files(empty, "main")
