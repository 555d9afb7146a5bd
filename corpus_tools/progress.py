"""A minimal progress bar for long runs on an interactive terminal."""

from __future__ import annotations

import time
from typing import TextIO

_MIN_ITEMS = 500  # short runs finish before a bar would help
_INTERVAL = 0.1


class Progress:
    """Counts work done and redraws one line on ``stream`` at most ten times a second."""

    def __init__(self, total: int, label: str, stream: TextIO) -> None:
        self.total = total
        self.label = label
        self.stream = stream
        self.done = 0
        self._shown = False
        self._next = 0.0
        self._active = total >= _MIN_ITEMS

    def advance(self, n: int = 1) -> None:
        """Record ``n`` more items done."""
        self.done += n
        if not self._active:
            return
        now = time.monotonic()
        if now >= self._next or self.done == self.total:
            self._next = now + _INTERVAL
            width = 30
            filled = width * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
            self.stream.flush()
            self._shown = True

    def close(self) -> None:
        """Clear the bar's line."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
