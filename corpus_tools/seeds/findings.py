"""The findings collector of one seed conversion: diagnostics and normalisations."""

from __future__ import annotations

from corpus_tools.diagnostics import Diagnostic, Severity


class Findings:
    """What converting one seed found (diagnostics, in order) and did (normalisations)."""

    __slots__ = ("_counts", "_once", "diagnostics", "normalisations", "path")

    # Findings of one code listed per file: a paragraph of 20,000 stray quotation marks
    # would otherwise bury the report in 20,000 lines saying the same.
    MAX_PER_CODE = 20

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.normalisations: set[str] = set()
        self._once: set[str] = set()
        self._counts: dict[str, int] = {}

    def add(
        self,
        code: str,
        message: str,
        line: int | None,
        column: int | None,
        hint: str | None = None,
    ) -> None:
        """Record a finding at a seed line and column (``hint``: one that fits this very
        mistake better than the catalogue's). Past ``MAX_PER_CODE`` findings of one code
        one more says that the rest are not listed."""
        count = self._counts.get(code, 0) + 1
        self._counts[code] = count
        if count <= self.MAX_PER_CODE:
            self.diagnostics.append(Diagnostic(code, self.path, message, line, column, hint=hint))
        elif count == self.MAX_PER_CODE + 1:
            message = (
                f"and more like the {self.MAX_PER_CODE} above from here on, not listed: "
                "fix those first"
            )
            self.diagnostics.append(Diagnostic(code, self.path, message, line, column))

    def warn_once(self, code: str, message: str, line: int, column: int) -> None:
        """Record a finding unless this code was already recorded through here.

        A repeated warning (every tab, every paragraph with a decomposed letter) would
        drown the report; the first place is enough to show what to fix.
        """
        if code not in self._once:
            self._once.add(code)
            self.add(code, message, line, column)

    def warned(self, code: str) -> bool:
        """True when ``warn_once`` already recorded this code (further searches are moot)."""
        return code in self._once

    def normalised(self, what: str) -> None:
        """Record a normalisation applied to the text (kept in the document's provenance)."""
        self.normalisations.add(what)

    @property
    def has_errors(self) -> bool:
        """True when a finding is an error by its catalogue entry."""
        return any(d.info.severity is Severity.ERROR for d in self.diagnostics)
