"""Reusable UI pieces: tiles, charts, filters, tables. Pages compose these; no SQL here."""
