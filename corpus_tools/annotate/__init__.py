"""Annotation engine (placeholder)."""
