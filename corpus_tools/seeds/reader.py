"""read_seed: the file-system part of reading a seed (links, size, reading safely)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic
from corpus_tools.model import Source
from corpus_tools.paths import display_path
from corpus_tools.seeds.convert import convert_seed
from corpus_tools.seeds.result import SeedResult


def read_seed(
    path: Path,
    root: Path,
    config: Config | None = None,
    *,
    lang_override: str | None = None,
    source: Source | None = None,
) -> SeedResult:
    """Read one seed file under ``root`` (links leaving the root are refused); ``source``
    is its row of the source metadata table, if any."""
    config = config or Config()
    rel = display_path(path, root)
    target = path
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        try:
            target.relative_to(os.path.realpath(root))
        except ValueError:
            return SeedResult(
                rel,
                None,
                [
                    Diagnostic(
                        "seed-symlink-outside",
                        rel,
                        f"symbolic link to {os.readlink(path)!r} leaves the corpus folder; refused, not followed",
                    )
                ],
            )
    try:
        data = _read_regular(target, config.max_seed_bytes)
    except _TooLarge as exc:
        return SeedResult(
            rel,
            None,
            [
                Diagnostic(
                    "seed-too-large",
                    rel,
                    f"the file has {exc.size} bytes; the limit is {config.max_seed_bytes}",
                )
            ],
            size=exc.size,
        )
    except OSError as exc:
        return SeedResult(
            rel, None, [Diagnostic("seed-unreadable", rel, f"cannot read: {exc.strerror or exc}")]
        )
    return convert_seed(data, rel, config, lang_override=lang_override, source=source)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, refusing anything else without blocking on it.

    Opened without following a link (a link swapped in after the check is refused) and
    without blocking (a named pipe would hang the run); the checks are made on the open
    file, so what is checked is what is read.
    """
    fd = os.open(path, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a folder, pipe or device)")
        # Ask for the file's size (plus one byte, to notice growth) rather than the
        # limit: read(n) allocates n bytes up front.
        data = fh.read(min(st.st_size, limit) + 1)
        if len(data) > limit:
            raise _TooLarge(max(st.st_size, len(data)))
        return data
