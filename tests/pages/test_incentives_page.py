"""AppTest runs of the Incentives page on the demo company (ending 20 Nov 2026)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components import incentives_view, views
from data.config import DB_ENV_VAR
from data.store import Store
from metrics.incentive_plan import DEFAULT_PLAN_PATH, PLAN_ENV_VAR
from metrics.requests import Request

ROOT = Path(__file__).resolve().parents[2]


def _page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/incentives.py")
    return at.run()


def _board(at: AppTest) -> pd.DataFrame:
    frame = next(d.value for d in at.dataframe if "Rep" in d.value.columns)
    return frame.data if hasattr(frame, "data") else frame  # a Styler holds its frame


def _clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_what_the_page_works_out_side_by_side_is_what_its_sections_read(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first run works out the board (with the commissions it needs), the awards and the
    # contests side by side (components/incentives_requests.py); each must be a request a
    # section then reads, or the page would work out something it never shows.
    from components import cache

    fetched: list[tuple[bool, str]] = []
    real_fetch = cache.fetch

    def fetch(request: Request) -> object:
        side_by_side = threading.current_thread().name.startswith("ThreadPoolExecutor")
        fetched.append((side_by_side, request.cache_key()))
        return real_fetch(request)

    monkeypatch.setattr(cache, "fetch", fetch)
    _clean(_page())
    ahead = {key for side_by_side, key in fetched if side_by_side}
    read = {key for side_by_side, key in fetched if not side_by_side}
    assert {key.split(":")[0].rsplit(".", 1)[1] for key in ahead} == {
        "Leaderboard", "Commissions", "Awards", "Contests",
    }  # fmt: skip
    assert ahead <= read, ahead - read


def test_the_page_shows_a_ranked_board_awards_contests_and_a_ladder(demo_db: Path) -> None:
    at = _page()
    _clean(at)
    board = _board(at)
    # Ranked by attainment by default (the demo has targets); phone first: rank, name,
    # attainment and pace, then the amounts (revenue so far beside its target: both halves of
    # the ratio); the medal sits in the name.
    assert list(board.columns) == [
        "#", "Rep", "Attainment", "Pace", "Revenue", "Target", "Change", "Commission", "Team",
    ]  # fmt: skip
    targeted = board[board["Target"].fillna(0) > 0]
    ratios = targeted["Revenue"] / targeted["Target"] - targeted["Attainment"]
    assert (ratios.abs() < 1e-9).all(), "attainment is the revenue shown over the target shown"
    assert [r[:1] for r in board["Rep"].head(3)] == ["🥇", "🥈", "🥉"], "the top three stand out"
    assert board["Attainment"].dropna().is_monotonic_decreasing
    assert any("Ranked by attainment" in c.value for c in at.caption)
    assert board["Change"].str.match(r"^(▲ \d+|▼ \d+|–|new)$").all()
    assert board["Commission"].notna().any() and (board["Commission"].fillna(0) >= 0).all()
    markdown = " ".join(m.value for m in at.markdown)
    assert "Monthly sales champion" in markdown and "Team collaboration award" in markdown
    assert "days left" in markdown, "a running contest says how long is left"
    captions = " ".join(c.value for c in at.caption)
    assert "The most revenue in the period." in captions, "each award's rule in words"
    assert "At least 2 CSAT responses needed." in captions
    assert "more** in sales" in markdown, "the one-rep ladder states the next step"
    assert len(at.get("plotly_chart")) >= 2  # group standings and the tier ladder


def test_a_long_board_shows_its_top_and_says_so(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _board(_page())
    monkeypatch.setattr(incentives_view, "LEADERBOARD_ROWS", 5)
    views.clear_views()  # the board as built before the rule changed
    at = _page()
    _clean(at)
    top = _board(at)
    assert len(whole) > 5
    assert list(top["Rep"]) == list(whole["Rep"].head(5)), "the top five, in rank order"
    assert any(
        c.value.startswith(f"The top 5 of {len(whole)} people are shown") for c in at.caption
    )


def test_switching_the_kpi_reranks_the_board(demo_db: Path) -> None:
    at = _page()
    at.pills(key="board_kpi").set_value("revenue").run()
    by_revenue = _board(at)
    assert list(by_revenue.columns)[:5] == ["#", "Rep", "Attainment", "Pace", "Revenue"]
    assert by_revenue["Revenue"].is_monotonic_decreasing
    at.pills(key="board_kpi").set_value("won_deals").run()
    _clean(at)
    by_deals = _board(at)
    assert "Won deals" in by_deals.columns and "Revenue" not in by_deals.columns
    assert by_deals["Won deals"].is_monotonic_decreasing
    assert list(by_deals["Rep"]) != list(by_revenue["Rep"])
    at.pills(key="board_kpi").set_value("csat").run()
    _clean(at)
    by_csat = _board(at)
    assert "CSAT" in by_csat.columns
    # CSAT has no targets: no empty target, attainment or pace columns, and a caption says so.
    assert {"Target", "Attainment", "Pace"}.isdisjoint(by_csat.columns)
    assert any("has no targets" in c.value for c in at.caption)


def test_hiding_amounts_keeps_ranks_and_attainment_only(demo_db: Path) -> None:
    at = _page()
    at.toggle(key="hide_amounts").set_value(True).run()
    _clean(at)
    board = _board(at)
    assert {"Revenue", "Target", "Commission"}.isdisjoint(board.columns)
    assert {"#", "Rep", "Attainment", "Pace", "Change"} <= set(board.columns)
    # Nobody's money: not the award winners', the runners-up', nor the contest entrants'
    # (a rule may still name an amount, such as "above $5,000 in the period before").
    people = [m.value for m in at.markdown] + [
        c.value for c in at.caption if "Runner-up" in c.value
    ]
    people += [p.proto.text for p in at.get("progress")]
    assert people and not [line for line in people if "$" in line]


def test_a_broken_plan_names_the_line_and_field(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "plan.toml"
    text = DEFAULT_PLAN_PATH.read_text("utf-8").replace('mode = "marginal"', 'mode = "often"')
    broken.write_text(text, "utf-8")
    monkeypatch.setenv(PLAN_ENV_VAR, str(broken))
    at = _page()
    assert not at.exception
    assert len(at.error) == 1
    line = next(i for i, row in enumerate(text.splitlines(), 1) if '"often"' in row)
    assert f"line {line}, field plans[2].commission.mode" in at.error[0].value


def test_two_people_with_one_name_appear_apart(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "namesakes.duckdb"
    shutil.copy(demo_db, copy)
    store = Store(copy)
    first, second = store.rows(
        "SELECT rep_id, name FROM reps WHERE role = 'sales_rep' AND leave_date IS NULL "
        "ORDER BY rep_id LIMIT 2"
    )
    with store.transaction() as con:
        con.execute(
            "UPDATE reps SET name = $name WHERE rep_id = $id", {"name": first[1], "id": second[0]}
        )
    store.close()
    monkeypatch.setenv(DB_ENV_VAR, str(copy))
    at = _page()
    at.pills(key="board_kpi").set_value("revenue").run()
    _clean(at)
    board = _board(at)
    namesakes = board[board["Rep"].str.startswith(f"{first[1]} (")]
    assert len(namesakes) == 2, list(board["Rep"])
    assert namesakes["Rep"].is_unique, "each is told apart by group (or id)"
    assert namesakes["Revenue"].notna().all()
    options = at.selectbox(key="ladder_rep").options
    assert len([o for o in options if o.startswith(f"{first[1]} (")]) == 2


def test_a_month_not_over_is_provisional_and_rules_are_in_words(demo_db: Path) -> None:
    """The demo ends on 20 Nov 2026: November runs to 30 Nov, so standings and awards are
    so far. The 2026 plan gives one award per person, breaks ties on attainment and claws
    returns back in the month of their return date; the page says all three."""
    at = _page()
    _clean(at)
    captions = " ".join(c.value for c in at.caption)
    assert "Provisional: the period runs to" in captions and "counted to" in captions
    markdown = " ".join(m.value for m in at.markdown)
    assert "(so far)" in markdown, "an award's leader is marked as leading so far"
    assert "A tie for first goes to the higher revenue attainment" in captions
    assert "One award per person" in captions
    assert "in the month it came back (its return date)" in captions
    assert "Ranked by attainment of the whole period's target, best first" in captions


def test_the_tier_table_shows_nothing_paid_below_the_threshold(demo_db: Path) -> None:
    at = _page()
    _clean(at)
    tiers = next(d.value for d in at.dataframe if "Tier" in d.value.columns)
    # The 2026 plan: threshold 50%, tiers 0/80/100% at 2/4/6%, marginal.
    assert list(tiers["Tier"]) == [
        "Below the 50% threshold", "50% – 80% of target", "80% – 100% of target",
        "100% and above",
    ]  # fmt: skip
    assert list(tiers["Rate"]) == ["Nothing paid", "2%", "4%", "6%"]


def test_selecting_a_board_row_opens_that_persons_ladder(demo_db: Path) -> None:
    at = _page()
    board = _board(at)
    options = at.selectbox(key="ladder_rep").options
    # The board's third row, by name (without its medal), picked by selecting the row.
    third = board["Rep"].iloc[2].split(" ", 1)[1]
    box = at.selectbox(key="ladder_rep")
    assert box.index is not None and options[box.index] != third, "not shown before"
    # What a click on the row sends: the dataframe's selection, keyed like the widget.
    at.session_state["incentives_board"] = {"selection": {"rows": [2], "columns": []}}
    at.run()
    _clean(at)
    box = at.selectbox(key="ladder_rep")
    assert box.index is not None and box.options[box.index] == third
