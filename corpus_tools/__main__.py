"""Run the command-line interface with ``python -m corpus_tools``."""

from corpus_tools.cli import main

main()
