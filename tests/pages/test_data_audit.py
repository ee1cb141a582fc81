"""The Data page's audit log (AppTest): an admin signed in changes the currency on the page;
the audit section lists that change by the admin's login, with its CSV download."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.auth_session import SEEN_KEY, SIGNED_IN_KEY, USER_KEY
from components.text import t
from data.audit import utc_now
from data.auth import add_user
from data.config import DB_ENV_VAR
from data.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _audit_frame(at: AppTest) -> pd.DataFrame:
    """The audit table: the one table on the page with an Action column."""
    return next(d.value for d in at.dataframe if t("audit.col.action") in d.value.columns)


def test_an_admin_sees_their_own_change_in_the_audit_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "audit.duckdb"
    store = Store(path)
    admin = add_user(store, login="boss@example.com", role="admin", password="a long passphrase")
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    monkeypatch.setenv("HUDDLE_AUTH", "on")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    now = utc_now()
    at.session_state[USER_KEY] = admin.user_id
    at.session_state[SIGNED_IN_KEY] = now
    at.session_state[SEEN_KEY] = now
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("audit.header") in [s.value for s in at.subheader]
    at.selectbox(key="data.currency").select("EUR").run()
    at.button(key="data.currency.save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = _audit_frame(at)
    # Newest first: the currency change by the admin, then adding the admin (by no one: the
    # account was made outside the app, as the first admin is).
    latest = shown.iloc[0]
    assert latest[t("audit.col.who")] == "boss@example.com"
    assert latest[t("audit.col.action")] == "Currency changed"
    assert latest[t("audit.col.object")] == "setting currency"
    assert '"after": "EUR"' in latest[t("audit.col.details")]
    assert shown.iloc[1][t("audit.col.who")] == t("audit.nobody")
    assert shown.iloc[1][t("audit.col.action")] == "Account added"
    assert any(b.label for b in at.get("download_button"))  # the table's CSV is offered
    # Filtered by action: only the account's creation; by who: only the admin's own change.
    at.multiselect(key="data.audit.actions").select("user.add").run()
    assert _audit_frame(at)[t("audit.col.action")].tolist() == ["Account added"]
    at.multiselect(key="data.audit.actions").unselect("user.add").run()
    at.selectbox(key="data.audit.who").select(admin.user_id).run()
    assert _audit_frame(at)[t("audit.col.action")].tolist() == ["Currency changed"]
    at.selectbox(key="data.audit.who").select(0).run()  # no one signed in
    assert _audit_frame(at)[t("audit.col.action")].tolist() == ["Account added"]
    at.multiselect(key="data.audit.actions").select("target.publish").run()
    assert t("audit.none") in [i.value for i in at.info]  # said, not a blank table
