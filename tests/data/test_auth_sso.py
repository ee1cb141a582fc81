"""Single sign-on's mapping (data.auth_sso.sso_user), a pure function: the provider's e-mail
address -> the enabled Huddle user with that sign-in name, or a refusal in words. The OIDC
round trip itself (st.login) cannot run in the tests: it needs a real identity provider."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from data.auth import AccountDisabled, User
from data.auth_sso import NoAccount, sso_user
from data.messages import english

ANN = User(
    user_id=1, login="ann@example.com", display_name="Ann", role="lead", rep_id=3, team_id=1,
    disabled=False, failed_attempts=0, locked_until=None, password_changed_at=None,
    created_at=datetime(2026, 1, 1), has_password=False,
)  # fmt: skip
BOB = replace(ANN, user_id=2, login="bob@example.com", display_name="Bob", disabled=True)
USERS = [ANN, BOB]


@pytest.mark.parametrize("email", ["ann@example.com", "Ann@Example.COM", "  ann@example.com "])
def test_the_email_finds_its_user_whatever_the_case(email: str) -> None:
    assert sso_user(USERS, email) == ANN
    assert sso_user(USERS, email, verified=True) == ANN


def test_a_locked_user_signs_in_through_the_provider() -> None:
    # The lock is about guessed passwords; the provider checked the person.
    locked = replace(ANN, locked_until=datetime(2099, 1, 1), failed_attempts=0)
    assert sso_user([locked], "ann@example.com") == locked


def test_no_account_for_the_email_is_said_with_the_address() -> None:
    with pytest.raises(NoAccount) as refused:
        sso_user(USERS, "Carol@Example.com")
    assert refused.value.key == "auth.sso_no_account"
    assert str(refused.value) == english("auth.sso_no_account", email="carol@example.com")
    assert str(refused.value).startswith("No Huddle account for carol@example.com;")


def test_a_disabled_user_is_refused() -> None:
    with pytest.raises(AccountDisabled):
        sso_user(USERS, "bob@example.com")


@pytest.mark.parametrize(("email", "verified"), [(None, None), ("", None), ("  ", True),
                                                 ("ann@example.com", False)])  # fmt: skip
def test_no_verified_address_is_refused(email: str | None, verified: bool | None) -> None:
    with pytest.raises(NoAccount) as refused:
        sso_user(USERS, email, verified=verified)
    assert refused.value.key == "auth.sso_no_email"


def test_a_login_that_only_looks_like_the_address_does_not_match() -> None:
    # The whole address is the key: "ann" is not ann@example.com.
    with pytest.raises(NoAccount):
        sso_user([replace(ANN, login="ann")], "ann@example.com")
