"""Single sign-on: which Huddle user an identity provider's e-mail address is.

Rule, in words (the sign-in page and the README say the same): after signing in with the
company's identity provider (Streamlit's st.login, OIDC), the person is the enabled Huddle user
whose sign-in name is that e-mail address, compared without regard to case or surrounding
spaces. No such user, a disabled one, or no (verified) e-mail address: refused, nothing is
written. The identity provider has checked the person, so a password lock does not apply.
"""

from __future__ import annotations

from collections.abc import Iterable

from data.auth import AccountDisabled, SignInRefused, User


class NoAccount(SignInRefused):
    """The identity provider's e-mail address is not any Huddle user's sign-in name."""


def sso_user(users: Iterable[User], email: str | None, *, verified: bool | None = None) -> User:
    """The user `email` signs in as; NoAccount or AccountDisabled when there is none.
    `verified` is the provider's email_verified claim: an address it says is unverified
    (False) is refused; no claim (None) is taken as the provider's word.

    A pure function of the users and the address, so it is tested without a provider."""
    key = (email or "").strip().lower()
    if not key or verified is False:
        raise NoAccount.of("auth.sso_no_email")
    found = next((u for u in users if u.login == key), None)
    if found is None:
        raise NoAccount.of("auth.sso_no_account", email=key)
    if found.disabled:
        raise AccountDisabled.of("auth.disabled")
    return found
