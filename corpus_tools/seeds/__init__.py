"""Reading seed files into canonical documents, keeping exact seed line numbers.

``convert_seed`` is a pure function of the seed bytes, its path and the settings: no
clock, no environment. It runs the stages in order: ``decode`` (bytes to text),
``header`` (the date), ``paragraphs`` (lines to paragraphs), ``normalise`` (canonical
text) and ``annotate`` (quotations, language, title, counts). ``read_seed`` adds the
file-system part (links, size, reading).
"""

from __future__ import annotations

from corpus_tools.seeds.convert import CONVERTER, convert_seed
from corpus_tools.seeds.names import SEED_NAME, parse_name
from corpus_tools.seeds.reader import read_seed
from corpus_tools.seeds.result import SeedResult

__all__ = [
    "CONVERTER",
    "SEED_NAME",
    "SeedResult",
    "convert_seed",
    "parse_name",
    "read_seed",
]
