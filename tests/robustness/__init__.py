"""Robustness suite: hostile input, faults and concurrent use (see docs/guarantees.md)."""
