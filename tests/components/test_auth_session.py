"""Session rules (components/auth_session.py): expiry edges and the HUDDLE_AUTH switch."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from components.auth_session import AUTH_ENV, auth_on, session_expired

SIGNED_IN = datetime(2026, 11, 20, 8, 0)


def test_a_session_ends_12_hours_after_sign_in_even_with_clicks() -> None:
    # Signed in 08:00, last click a minute ago: 19:59:59 is 11 h 59 min 59 s -> still on;
    # 20:00:00 is exactly 12 h -> ended (the limit reached counts as passed).
    assert not session_expired(
        SIGNED_IN, datetime(2026, 11, 20, 19, 59), datetime(2026, 11, 20, 19, 59, 59)
    )
    assert session_expired(SIGNED_IN, datetime(2026, 11, 20, 19, 59), datetime(2026, 11, 20, 20, 0))


def test_a_session_ends_after_2_hours_without_a_click() -> None:
    # Last click 09:30: 11:29:59 is 1 h 59 min 59 s idle -> on; 11:30:00 is 2 h -> ended.
    seen = datetime(2026, 11, 20, 9, 30)
    assert not session_expired(SIGNED_IN, seen, seen + timedelta(hours=2) - timedelta(seconds=1))
    assert session_expired(SIGNED_IN, seen, seen + timedelta(hours=2))


@pytest.mark.parametrize(
    ("value", "on"),
    [(None, True), ("on", True), ("1", True), ("off", False), ("OFF", False), ("0", False),
     ("false", False), ("no", False)],
)  # fmt: skip
def test_sign_in_is_on_unless_the_switch_says_off(
    value: str | None, on: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if value is None:
        monkeypatch.delenv(AUTH_ENV, raising=False)
    else:
        monkeypatch.setenv(AUTH_ENV, value)
    assert auth_on() is on
