"""The ``corpus`` command, for the console script and ``python -m corpus_tools``.

The command line's modules are imported here, where a Ctrl-C pressed while they load
ends the run as one at any later moment does: exit code 130 and one line, no traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Load the command line and run it."""
    try:
        from corpus_tools.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("corpus: interrupted\n")
        raise SystemExit(130) from None
    run()


if __name__ == "__main__":
    main()
