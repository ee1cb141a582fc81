"""Messages of the import package, in English (EN) and Simplified Chinese (ZH), key for key."""

from __future__ import annotations

EN: dict[str, str] = {}

ZH: dict[str, str] = {}
