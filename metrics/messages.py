"""Messages the metrics layer shows users, in English (EN) and Simplified Chinese (ZH)."""

from __future__ import annotations

EN: dict[str, str] = {}

ZH: dict[str, str] = {}
