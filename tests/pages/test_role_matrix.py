"""Each role, signed in (HUDDLE_AUTH on) on a copy of the demo company, page by page: what it
sees, what it is refused, URL tampering, and a rep asking for another rep's review.

The demo's accounts (data/auth_demo.py): admin, manager, lead-1 (Samuel Hill, rep 1, who
leads team 1 Retail Stores: its groups are Downtown Store 5, Riverside Store 6 and Airport
Store 7), rep-9 (Claire Green, Downtown Store) and rep-10 (Ethan Mitchell, Downtown Store);
a viewer is added here with data.auth.add_user.

Exports: every table with a download button is drawn by components.tables.table_with_download,
which draws the first rows of the very frame it hands to the CSV button (shaped by the same
function); AppTest keeps no download data (no media file manager without a server), so the
drawn frames are what is checked, and they are the first rows of what the button would
download (tests/components/test_tables.py checks the download holds the rest).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

import components.filters
from components.access import PAGE_ROLES, SIGN_IN, can_open
from components.auth_session import SEEN_KEY, SIGNED_IN_KEY, USER_KEY
from components.text import t, use_language
from data import auth
from data.audit import utc_now
from data.auth import User
from data.config import DB_ENV_VAR
from data.models import Target
from data.store import Store
from data.targets import save_scenario
from metrics import lookups

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = sorted(p for p in PAGE_ROLES if p != SIGN_IN)
LOGINS = ["admin", "manager", "lead-1", "rep-9", "viewer"]
DEC = (date(2026, 12, 1), date(2026, 12, 31))  # the month after the demo ends
TEAM_1 = {"Retail Stores", "Downtown Store", "Riverside Store", "Airport Store"}


@dataclass(frozen=True)
class Signed:
    """The demo copy, its accounts by login, and its people (read before any page opens it:
    a second, read-only connection to a file the app holds open is refused by DuckDB)."""

    path: Path
    users: dict[str, User]
    people: pd.DataFrame


@pytest.fixture
def signed(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Signed:
    """A copy of the demo company with its accounts and a viewer, sign-in ON (argon2id at its
    lowest cost: the real hash, cheaply)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", lambda: cheap)
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    store = Store(path)
    with store.transaction() as cur:
        auth.seed_demo_users(cur)
    auth.add_user(store, login="viewer", role="viewer", password=None)
    users = {u.login: u for u in auth.list_users(store)}
    people = lookups.reps(store)
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    monkeypatch.setenv("HUDDLE_AUTH", "on")
    return Signed(path, users, people)


def _open(signed: Signed, login: str, page: str, params: dict[str, str] | None = None) -> AppTest:
    """`page` as `login` sees it. A page in their menu is opened through app.py; a page not in
    it is opened as a URL typed by hand (the page file alone, as a fresh server's first
    request runs it), where the page's own access check answers."""
    user = signed.users[login]
    allowed = can_open(user, page)
    at = AppTest.from_file(APP if allowed else str(ROOT / page), default_timeout=120)
    at.query_params["lang"] = "en"
    at.query_params.update(params or {})
    now = utc_now()
    at.session_state[USER_KEY] = user.user_id
    at.session_state[SIGNED_IN_KEY] = now
    at.session_state[SEEN_KEY] = now
    at.run()
    if allowed:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def _frames(at: AppTest) -> list[pd.DataFrame]:
    return [d.value for d in at.dataframe]


@pytest.mark.parametrize("login", LOGINS)
def test_each_role_opens_its_pages_and_is_refused_the_rest(signed: Signed, login: str) -> None:
    role = signed.users[login].role
    for page in PAGES:
        at = _open(signed, login, page)
        if role in PAGE_ROLES[page]:
            assert not _errors(at), (page, _errors(at))
        else:
            with use_language("en"):
                refusal = t("access.refused", role=t(f"user_role.{role}"))
            assert _errors(at) == [refusal], page
            # Nothing of the page is drawn: no title, number, table or download.
            assert not at.title and not at.metric and not at.dataframe, page
            assert not at.get("download_button"), page


def test_the_roles_pages_are_as_declared() -> None:
    # The matrix the test above walks, in words: admin every page; manager all but Data;
    # lead all but Data; rep no Team, Targets, Stock or Data; viewer stand-up, KPI Trends,
    # Explain, definitions, the suggestion box (read only) and their account only.
    def pages(role: str) -> set[str]:
        return {
            p.removeprefix("pages/").removesuffix(".py") for p in PAGES if role in PAGE_ROLES[p]
        }

    every = {"standup", "kpi_trends", "explain", "definitions", "account", "suggestions"}
    lead = every | {"segments", "incentives", "reviews", "team", "targets"}
    lead |= {"customer"}  # the customer file opens for whoever opens Segments
    lead |= {"follow_ups"}  # a follow-up list is worked by the people who own it
    lead |= {"stock"}  # the stores' stock: leads and up (issue 23)
    own = {"weekly", "training"}  # a person's own week and training plan (issue 21)
    lead |= own
    assert pages("admin") == lead | {"data"}
    assert pages("manager") == lead and pages("lead") == lead
    rep = {"segments", "incentives", "reviews", "customer", "follow_ups"}
    assert pages("rep") == every | rep | own
    assert pages("viewer") == every


def test_a_lead_sees_their_team_and_its_groups_only(signed: Signed) -> None:
    trends = _open(signed, "lead-1", "pages/kpi_trends.py")
    # The breakdown under Retail Stores is its three groups, no other team's.
    [breakdown] = _frames(trends)
    assert set(breakdown["Group"]) == {"Downtown Store", "Riverside Store", "Airport Store"}
    picker = trends.sidebar.selectbox(key="team")
    assert {o.removeprefix("↳ ") for o in picker.options} == TEAM_1
    team = _open(signed, "lead-1", "pages/team.py")
    people = signed.people
    in_team = set(people.loc[people["team_id"].isin([1, 5, 6, 7]), "name"])
    frames = _frames(team)
    # Every table with a Team column (the people table and its CSV among them) is team 1's.
    for frame in frames:
        if "Team" in frame.columns:
            assert set(frame["Team"]) == {"Retail Stores"}
        if "Person" in frame.columns:
            assert set(frame["Person"]) <= in_team
    assert any("Person" in f.columns for f in frames)
    board = _frames(_open(signed, "lead-1", "pages/incentives.py"))[0]
    assert set(board["Team"]) == {"Retail Stores"}


def test_a_rep_sees_their_own_numbers_only(signed: Signed) -> None:
    people = signed.people
    others = set(people.loc[people["rep_id"] != 9, "name"]) - {"Claire Green"}
    standup = _open(signed, "rep-9", "pages/standup.py")
    [board] = [h.value for h in standup.get("html") if "Claire Green" in str(h.value)]
    assert not [name for name in others if name in board]  # nobody else's row
    # The screen is titled with the rep's own name, not "Whole company".
    assert any(m.value.startswith("## Stand-up · Claire Green ·") for m in standup.markdown)
    reviews = _open(signed, "rep-9", "pages/reviews.py")
    assert reviews.selectbox(key="person").options == ["Claire Green"]
    segments = _open(signed, "rep-9", "pages/segments.py")
    owners = [f for f in _frames(segments) if "Owner" in f.columns]
    assert owners and all(set(f["Owner"]) == {"Claire Green"} for f in owners)


def test_a_reps_leaderboard_ranks_everyone_with_no_amounts(signed: Signed) -> None:
    # The plan sets no visibility of its own, so a rep sees the board as the hide-amounts mode
    # shows it: rank, name, attainment, pace, change and team for everyone; no money.
    at = _open(signed, "rep-9", "pages/incentives.py")
    board = _frames(at)[0]
    assert list(board.columns) == ["#", "Rep", "Attainment", "Pace", "Change", "Team"]
    assert len(board) > 1 and any("Claire Green" in r for r in board["Rep"])
    # Her own ladder is hers alone, with her amounts.
    assert at.selectbox(key="ladder_rep").options == ["Claire Green"]


def test_url_tampering_is_refused_in_words(signed: Signed) -> None:
    lead_refusal = (
        "You can see the numbers of Retail Stores only (that team and the groups below it)."
    )
    for page in ("pages/kpi_trends.py", "pages/team.py", "pages/standup.py"):
        at = _open(signed, "lead-1", page, {"team": "Showroom"})
        assert _errors(at) == [lead_refusal], page
        assert not at.dataframe and not at.metric, page
    at = _open(signed, "rep-9", "pages/kpi_trends.py", {"team": "Downtown Store"})
    assert _errors(at) == ["You can see your own numbers only."]
    assert not at.dataframe and not at.metric


def test_a_rep_asking_for_another_reps_review_is_refused(signed: Signed) -> None:
    # ?person=10 (Ethan Mitchell, her desk neighbour) on Claire Green's Reviews page.
    for section in ("write", "history"):
        at = _open(signed, "rep-9", "pages/reviews.py", {"person": "10", "section": section})
        assert _errors(at) == ["You can see your own numbers only."], section
        assert not at.dataframe and "Ethan Mitchell" not in str([m.value for m in at.markdown])
    # Her own, asked the same way, opens.
    own = _open(signed, "rep-9", "pages/reviews.py", {"person": "9"})
    assert not _errors(own) and own.selectbox(key="person").value == 9
    # A lead asking for someone outside their team is refused too (rep 22 leads team 2).
    at = _open(signed, "lead-1", "pages/reviews.py", {"person": "22"})
    assert _errors(at) == [
        "You can see the numbers of Retail Stores only (that team and the groups below it)."
    ]


def test_a_lead_whose_account_names_no_team_is_told_so(
    signed: Signed, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The users table refuses such a row (CHECK: a lead names a team), so the account is
    # given to the session directly: the page must still answer in words, not a traceback.
    nameless = replace(signed.users["lead-1"], team_id=None)
    monkeypatch.setattr(components.filters, "current_user", lambda: nameless)
    for page in ("pages/kpi_trends.py", "pages/standup.py"):
        at = _open(signed, "lead-1", page)
        with use_language("en"):
            assert _errors(at) == [t("access.no_scope.lead")], page
        assert not at.dataframe and not at.metric, page


def test_a_lead_lists_only_their_teams_target_scenarios(signed: Signed) -> None:
    # Two December revenue scenarios (the Targets page opens on next month, revenue): one for
    # Retail Stores' people (teams 1, 5, 6, 7 today), one for Wholesale Distribution's
    # (teams 2, 8, 9, 10). Lead-1 compares and publishes only the first; the admin both.
    people = signed.people
    store = Store(signed.path)
    for name, teams in (("Retail December", [1, 5, 6, 7]), ("Wholesale December", [2, 8, 9, 10])):
        ids = [int(r) for r in people.loc[people["team_id"].isin(teams), "rep_id"]]
        rows = [
            Target(period_start=DEC[0], period_end=DEC[1], scope="rep", scope_id=rep_id,
                   metric="revenue", value=1_000_00)
            for rep_id in ids
        ]  # fmt: skip
        save_scenario(store, name, "revenue", *DEC, rows)
    store.close()
    lead = _open(signed, "lead-1", "pages/targets.py")
    assert lead.multiselect(key="tgt_compare").options == ["Retail December"]
    assert lead.selectbox(key="tgt_publish_pick").options == ["Retail December"]
    admin = _open(signed, "admin", "pages/targets.py")
    assert sorted(admin.multiselect(key="tgt_compare").options) == [
        "Retail December",
        "Wholesale December",
    ]
