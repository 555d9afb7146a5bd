"""The ``corpus`` command, for the console script and ``python -m corpus_tools``.

The command line's modules are imported here, where a Ctrl-C pressed while they load
ends the run as one at any later moment does: exit code 130 and one line, no traceback.
"""

from __future__ import annotations

import os
import signal
import sys


def main() -> None:
    """Load the command line and run it."""
    try:
        from corpus_tools.cli import main as run
    except KeyboardInterrupt:
        # Ended at once, as cli._exit_interrupted says why: a Ctrl-C that went through
        # an extension module's import would otherwise turn 130 into a death by SIGINT.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        sys.stderr.write("corpus: interrupted\n")
        sys.stderr.flush()
        os._exit(130)
    run()


if __name__ == "__main__":
    main()
