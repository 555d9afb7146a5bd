"""Which files a run reads: the seeds folder, or the paths given, as a compact list."""

from __future__ import annotations

import array
import bisect
import heapq
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

SEEDS_DIR = "seeds"


class _Names(Sequence[str]):
    """Names packed into one string with their end offsets: a name of its own costs
    about 70 bytes, 50 of them the object's header; packed, a seed's name costs its
    characters and 8 bytes."""

    def __init__(self, names: Iterable[str]) -> None:
        # Joined a few thousand at a time (io.StringIO would hold four bytes a
        # character until the end).
        pieces: list[str] = []
        chunk: list[str] = []
        self._ends = array.array("q")
        end = 0
        for name in names:
            end += len(name)
            self._ends.append(end)
            chunk.append(name)
            if len(chunk) >= 4096:
                pieces.append("".join(chunk))
                chunk.clear()
        pieces.append("".join(chunk))
        self._text = "".join(pieces)

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

    def add(self, folder: str | None, names: Sequence[str]) -> None:
        """Append ``names`` in ``folder`` (None: each name is a path as given)."""
        if names:
            packed = names if isinstance(names, _Names) or len(names) < 2 else _Names(names)
            self._groups.append((folder, packed))
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

    def groups(self) -> Iterator[tuple[str | None, Sequence[str]]]:
        """The names by folder, in list order (folder None: each name is a path as given)."""
        yield from self._groups

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


# Names sorted and packed at a time: a folder of 100,000 seeds is never a list of
# 100,000 strings (about 8 MB, most of a warm run's memory), but sorted runs merged.
_RUN = 4096


def _walk(folder: str, found: FileList) -> None:
    runs: list[_Names] = []
    files: list[str] = []
    folders: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            (folders if entry.is_dir(follow_symlinks=False) else files).append(entry.name)
            if len(files) >= _RUN:
                files.sort()
                runs.append(_Names(files))
                files = []
    files.sort()
    if runs:
        runs.append(_Names(files))
        found.add(folder, _Names(heapq.merge(*runs)))
    else:
        found.add(folder, files)
    for name in sorted(folders):
        _walk(os.path.join(folder, name), found)
