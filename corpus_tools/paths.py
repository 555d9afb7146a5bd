"""Where the corpus root is, and how paths are shown in reports: relative to that root,
always encodable."""

from __future__ import annotations

import os
from pathlib import Path

from corpus_tools.errors import UsageError

# The corpus's settings; the folder holding it is the corpus root.
CONFIG_NAME = "corpus.toml"
# The name prefix of a file staged beside its target: dot-files, which every listing of
# the corpus skips, and recognisable when a killed run leaves one behind.
TMP_PREFIX = ".corpus-tmp-"


def find_root(start: Path) -> Path:
    """The corpus root: ``start`` or the nearest parent folder holding ``corpus.toml``,
    as git finds its repository. Raises ``UsageError`` when there is none."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder if folder != here else start
    raise UsageError(
        f"no {CONFIG_NAME} in {start} or any folder above it: run corpus inside a corpus "
        f"(the folder holding {CONFIG_NAME}, seeds/ and exports/), or pass --root DIR"
    )


def corpus_root(root: Path | None) -> Path:
    """The root given (which must hold ``corpus.toml``), or the one found upward from
    the current folder. Nothing is created anywhere when there is no corpus.

    Here, not in ``config``: a run answered from a snapshot finds the root but never
    reads ``corpus.toml``, and need not load what reading it takes."""
    if root is None:
        return find_root(Path("."))
    if not (root / CONFIG_NAME).is_file():
        what = "does not exist" if not root.exists() else f"holds no {CONFIG_NAME}"
        raise UsageError(
            f"--root {root}: the folder {what}; a corpus root holds {CONFIG_NAME}, seeds/ "
            "and exports/"
        )
    return root


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form where possible, else as given."""
    shown = _relative(os.fspath(path), os.fspath(root))
    # A file name that is not valid UTF-8 holds lone surrogates, which no report can
    # encode: show its bytes escaped instead.
    if not shown.isascii():
        shown = shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return shown


def _relative(path: str, root: str) -> str:
    # String work first: pathlib is slow enough to show up on 100,000 files.
    if root in ("", ".") and not os.path.isabs(path):
        return path[2:] if path.startswith("./") else path
    prefix = root.rstrip("/") + "/"
    if path.startswith(prefix) and "/../" not in path and "/./" not in path:
        return path[len(prefix) :]
    try:
        return Path(path).absolute().relative_to(Path(root).absolute()).as_posix()
    except ValueError:
        return Path(path).as_posix()
