"""Which files a run reads: the seeds folder, or the paths given, as a compact list."""

from __future__ import annotations

import array
import bisect
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

SEEDS_DIR = "seeds"


class _Names(Sequence[str]):
    """Names packed into one string with their end offsets: a name of its own costs
    about 70 bytes, 50 of them the object's header; packed, a seed's name costs its
    characters and 8 bytes."""

    def __init__(self, names: list[str]) -> None:
        self._text = "".join(names)
        self._ends = array.array("q")
        end = 0
        for name in names:
            end += len(name)
            self._ends.append(end)

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        end = self._ends[index]  # IndexError and negative indices as a list's
        index %= len(self._ends)
        return self._text[self._ends[index - 1] if index else 0 : end]

    def __iter__(self) -> Iterator[str]:
        start, text = 0, self._text
        for end in self._ends:
            yield text[start:end]
            start = end


class FileList(Sequence[Path]):
    """Input files as folder and name strings, a ``Path`` made only when asked for.

    A ``Path`` costs about 330 bytes and a name about 70: at 100,000 seeds this list is
    most of what a run holds per file, so the names are packed (``_Names``).
    """

    def __init__(self) -> None:
        self._groups: list[tuple[str | None, Sequence[str]]] = []
        self._starts: list[int] = []
        self._size = 0

    def add(self, folder: str | None, names: list[str]) -> None:
        """Append ``names`` in ``folder`` (None: each name is a path as given)."""
        if names:
            self._groups.append((folder, _Names(names) if len(names) > 1 else names))
            self._starts.append(self._size)
            self._size += len(names)

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        g = bisect.bisect_right(self._starts, index) - 1
        folder, names = self._groups[g]
        name = names[index - self._starts[g]]
        return Path(name if folder is None else os.path.join(folder, name))

    def __iter__(self) -> Iterator[Path]:
        for name in self.fspaths():
            yield Path(name)

    def fspaths(self) -> Iterator[str]:
        """The paths as strings: a warm run only stats them, and a Path costs more."""
        for folder, names in self._groups:
            if folder is None:
                yield from names
            else:
                join = os.path.join
                for name in names:
                    yield join(folder, name)


def discover(paths: Iterable[Path], root: Path) -> FileList:
    """The input files: given files as they are, and every visible file below a folder
    given, sub-folders included (a file in a sub-folder of seeds/ is then reported as
    misplaced, never silently left out), sorted."""
    found = FileList()
    for p in paths:
        if p.is_dir() and not p.is_symlink():
            _walk(os.fspath(p), found)
        else:
            found.add(None, [os.fspath(p)])
    return found


def _walk(folder: str, found: FileList) -> None:
    files: list[str] = []
    folders: list[str] = []
    for entry in os.scandir(folder):
        if entry.name.startswith("."):
            continue
        (folders if entry.is_dir(follow_symlinks=False) else files).append(entry.name)
    found.add(folder, sorted(files))
    for name in sorted(folders):
        _walk(os.path.join(folder, name), found)
