"""Which files a branch changes, from git: for ``corpus validate --changed-since REF``.

The comparison starts at the merge base of REF and HEAD, as a pull request does: files
that changed only on the base branch after the branch was made are not the branch's
changes. With ``include_worktree`` the staged, unstaged and untracked files count too.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ChangeError", "ChangeSet", "changed_files", "committed_tree", "file_at"]


class ChangeError(Exception):
    """The changes cannot be worked out; the message says what to do."""


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Paths (POSIX, relative to the repository root) changed since the merge base."""

    ref: str
    base: str
    top: Path
    added: frozenset[str]
    modified: frozenset[str]
    deleted: frozenset[str]

    @property
    def present(self) -> frozenset[str]:
        """Changed paths that exist now (added or modified): the ones to check."""
        return self.added | self.modified

    @property
    def paths(self) -> frozenset[str]:
        """Every changed path."""
        return self.added | self.modified | self.deleted

    def relative_to(self, folder: Path) -> ChangeSet:
        """Only the changes inside ``folder`` (e.g. a corpus root), relative to it."""
        prefix = folder.resolve().relative_to(self.top.resolve()).as_posix()
        if prefix == ".":
            return self
        start = prefix + "/"

        def inside(paths: frozenset[str]) -> frozenset[str]:
            return frozenset(p[len(start) :] for p in paths if p.startswith(start))

        return ChangeSet(
            self.ref,
            self.base,
            folder.resolve(),
            inside(self.added),
            inside(self.modified),
            inside(self.deleted),
        )


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    # --no-optional-locks: a status in a shared checkout must not take index.lock.
    try:
        return subprocess.run(
            ["git", "--no-optional-locks", *args], cwd=cwd, capture_output=True, check=False
        )
    except FileNotFoundError as exc:
        raise ChangeError(
            "git is not installed or not on PATH; install git or drop --changed-since"
        ) from exc


def _stderr(proc: subprocess.CompletedProcess[bytes]) -> str:
    text = os.fsdecode(proc.stderr).strip()
    return f" (git said: {text.splitlines()[-1]})" if text else ""


def _fetch_hint(ref: str) -> str:
    remote, _, branch = ref.partition("/")
    if branch and remote in ("origin", "upstream"):
        return f"git fetch {remote} {branch}"
    return f"git fetch origin {ref}"


def _top(root: Path) -> Path:
    proc = _git(root, "rev-parse", "--show-toplevel")
    if proc.returncode != 0:
        raise ChangeError(
            f"{root} is not inside a git repository{_stderr(proc)}; "
            "run from a git checkout, or drop --changed-since to check every file"
        )
    return Path(os.fsdecode(proc.stdout).rstrip("\n"))


def _commit(top: Path, ref: str) -> str:
    proc = _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if proc.returncode != 0:
        raise ChangeError(
            f"unknown git ref {ref!r}: it is not a branch, tag or commit in this clone; "
            f"fetch the base branch first, e.g.: {_fetch_hint(ref)}"
        )
    return proc.stdout.decode("ascii").strip()


def _merge_base(top: Path, ref: str, commit: str, head: str) -> str:
    proc = _git(top, "merge-base", commit, head)
    if proc.returncode == 0:
        return proc.stdout.decode("ascii").strip()
    shallow = _git(top, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
    if shallow:
        raise ChangeError(
            f"no common ancestor of {ref!r} and HEAD in this shallow clone{_stderr(proc)}; "
            f"fetch more history: git fetch --unshallow origin (or {_fetch_hint(ref)} with "
            "--depth large enough; in GitHub Actions: actions/checkout with fetch-depth: 0)"
        )
    raise ChangeError(
        f"{ref!r} and HEAD have no common ancestor{_stderr(proc)}; "
        "pass the branch this one was made from as --changed-since"
    )


def _name_status(output: bytes) -> list[tuple[str, str]]:
    """Parse ``git diff --name-status -z --no-renames`` into (status letter, path) pairs."""
    fields = output.split(b"\0")
    pairs: list[tuple[str, str]] = []
    for i in range(0, len(fields) - 1, 2):
        pairs.append((fields[i][:1].decode("ascii"), os.fsdecode(fields[i + 1])))
    return pairs


def _untracked(output: bytes) -> list[str]:
    """The untracked paths of ``git status --porcelain -z``."""
    fields = iter(output.split(b"\0"))
    paths: list[str] = []
    for entry in fields:
        if len(entry) < 4:
            continue
        xy, path = entry[:2], entry[3:]
        if xy == b"??":
            paths.append(os.fsdecode(path))
        elif b"R" in xy or b"C" in xy:
            next(fields, None)  # a rename or copy carries its source path in the next field
    return paths


def changed_files(root: Path, ref: str, *, include_worktree: bool = True) -> ChangeSet:
    """Files added, modified or deleted since the merge base of ``ref`` and HEAD.

    Raises ``ChangeError`` when git cannot tell (not a repository, unknown ref, no
    common history); the message says what to do.
    """
    if not ref or ref.startswith("-"):
        raise ChangeError(f"{ref!r} is not a git ref; pass a branch, tag or commit")
    if not root.is_dir():  # else subprocess's FileNotFoundError would blame git
        raise ChangeError(f"{root} is not a folder")
    top = _top(root)
    head = _git(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if head.returncode != 0:
        raise ChangeError("the repository has no commit yet; commit first, then run again")
    base = _merge_base(top, ref, _commit(top, ref), head.stdout.decode("ascii").strip())

    # With the working tree, diff the merge base against it directly: that is the net
    # change of commits, staged and unstaged edits together (a file added on the branch
    # and deleted in the working tree is no change at all).
    target = [] if include_worktree else ["HEAD"]
    diff = _git(
        top, "diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", base, *target, "--"
    )
    if diff.returncode != 0:
        raise ChangeError(f"git diff failed{_stderr(diff)}")
    added: set[str] = set()
    modified: set[str] = set()
    deleted: set[str] = set()
    for status, path in _name_status(diff.stdout):
        {"A": added, "D": deleted}.get(status, modified).add(path)

    if include_worktree:
        proc = _git(top, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames")
        if proc.returncode != 0:
            raise ChangeError(f"git status failed{_stderr(proc)}")
        for path in _untracked(proc.stdout):
            if path in deleted:  # deleted from git, but a file of that name is back
                deleted.discard(path)
                modified.add(path)
            else:
                added.add(path)

    return ChangeSet(
        ref=ref,
        base=base,
        top=top,
        added=frozenset(added),
        modified=frozenset(modified),
        deleted=frozenset(deleted),
    )


def file_at(changes: ChangeSet, rel: str) -> bytes | None:
    """The bytes of the file ``rel`` (relative to the folder ``changes`` are relative
    to, such as the corpus root) at their merge base, or None where there was none."""
    proc = _git(changes.top, "cat-file", "blob", f"{changes.base}:./{rel}")
    return proc.stdout if proc.returncode == 0 else None


@contextlib.contextmanager
def committed_tree(root: Path) -> Iterator[tuple[Path, int]]:
    """The corpus at ``root`` as committed at HEAD, in a temporary folder, and how many
    files under ``root`` differ in the working tree (staged, unstaged or untracked).

    ``--committed-only`` judges these bytes, not the working-tree copies: a broken
    committed seed fixed only in the working tree still fails, as it will in CI.
    """
    top = _top(root)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    status = _git(top, "status", "--porcelain", "-z", "--untracked-files=all", "--", prefix)
    if status.returncode != 0:
        raise ChangeError(f"git status failed{_stderr(status)}")
    differing = sum(1 for entry in status.stdout.split(b"\0") if entry[:3].strip())
    with tempfile.TemporaryDirectory(prefix="corpus-committed-") as tmp:
        proc = subprocess.Popen(
            ["git", "--no-optional-locks", "archive", "--format=tar", "HEAD", "--", prefix],
            cwd=top,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None
        try:
            with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
                for member in tar:
                    # Plain files and folders; a committed link is made again as a link,
                    # never followed here: the seed reader judges it as it judges one in
                    # the working tree (left out, a link seed would pass unseen).
                    if member.isfile() or member.isdir():
                        _extract(tar, member, tmp)
                    elif member.issym():
                        _link(member, tmp)
        except tarfile.TarError as exc:
            raise ChangeError(f"git archive HEAD failed: {exc}") from exc
        finally:
            # tarfile stops at the end-of-archive blocks, before git has written the
            # padding of its last record: closing the pipe then would kill git with
            # SIGPIPE (exit -13, nothing on stderr), at random. Read it to the end.
            while proc.stdout.read(1 << 16):
                pass
            proc.stdout.close()
            err = b""
            if proc.stderr is not None:
                err = proc.stderr.read()
                proc.stderr.close()
            if proc.wait() != 0:
                text = os.fsdecode(err).strip()
                raise ChangeError(
                    f"git archive HEAD failed{f' (git said: {text})' if text else ''}"
                )
        yield Path(tmp) / prefix, differing


def _link(member: tarfile.TarInfo, folder: str) -> None:
    # By hand: the "data" filter refuses a link that points out of the folder, and such
    # a link is just what the reader must see to refuse it.
    parts = member.name.split("/")
    if member.name.startswith("/") or ".." in parts:
        raise ChangeError(f"git archive HEAD gave an unsafe path {member.name!r}")
    path = os.path.join(folder, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    os.symlink(member.linkname, path)


def _extract(tar: tarfile.TarFile, member: tarfile.TarInfo, folder: str) -> None:
    # The "data" filter refuses absolute paths and links out of the folder; Pythons that
    # lack it (3.10 before 3.10.12) still get the member-type check of the caller.
    if hasattr(tarfile, "data_filter"):
        tar.extract(member, folder, set_attrs=False, filter="data")
    else:  # pragma: no cover - old Python only
        tar.extract(member, folder, set_attrs=False)
