"""The data layer's messages to users, in English (EN) and Simplified Chinese (ZH), key for key.

An error raised with a key (`HuddleDataError.of`) carries its English text for the CLI and
logs; the interface shows the same key in the user's language. The import package keeps its
own messages in data/importing/messages.py; they join this catalogue here.
"""

from __future__ import annotations

from data.importing import messages as import_messages

_EN: dict[str, str] = {}

_ZH: dict[str, str] = {}

EN: dict[str, str] = {**_EN, **import_messages.EN}
ZH: dict[str, str] = {**_ZH, **import_messages.ZH}


def english(key: str, **values: object) -> str:
    """The English text of message `key`, with its {placeholders} filled in."""
    return EN[key].format(**values)
