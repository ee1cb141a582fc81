"""For test files that build the demo company and check no password: the demo's sign-in
accounts hashed with argon2id at its lowest cost (the real hash, cheaply, as the sign-in tests
do). At the library's default cost the eight accounts take about 3 s of each build's 10 s."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher

from data import auth

CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(scope="module", autouse=True)
def cheap_password_hashes() -> Iterator[None]:
    """Import it into a test module (autouse there, before the module's own builds). Not
    into one that uses the session's demo (demo_db_path): built while this is on, it would
    carry cheap hashes into every later test file of the run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_hasher", lambda: CHEAP)
        yield
