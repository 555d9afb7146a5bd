"""How paths are shown in reports: relative to the corpus root, always encodable."""

from __future__ import annotations

import os
from pathlib import Path

# The name prefix of a file staged beside its target: dot-files, which every listing of
# the corpus skips, and recognisable when a killed run leaves one behind.
TMP_PREFIX = ".corpus-tmp-"


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
