"""Shared fixtures for the data tests: `new_store` and `module_stores` (tests/store_engines.py)
run a test once on a real DuckDB file and once on a real PostgreSQL database."""

from __future__ import annotations

from tests.store_engines import engine, module_stores, new_store

__all__ = ["engine", "module_stores", "new_store"]  # fixtures, found by pytest by name
