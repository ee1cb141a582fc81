"""The follow-up list (回访) on a real CRM export: Maven's accounts carry no owner and nobody
logged an activity, yet every listed account has an owner and its won deals count as
contacts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data.rollups import ROLLUPS_ENV_VAR
from data.store import Store
from metrics import follow_ups, segments
from metrics.filters import Filters
from metrics.requests_follow_ups import FollowUpList
from tests.data.test_import_datasets import MAVEN, _import_maven

# Maven's last close day: the day a lead would look at the list.
AS_OF = date(2017, 12, 31)
YEAR = Filters(start=date(2017, 1, 1), end=AS_OF)


@pytest.fixture(scope="module")
def maven(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _import_maven(tmp_path_factory.mktemp("maven") / "maven.duckdb")


@pytest.fixture(scope="module")
def latest_wins() -> pd.DataFrame:
    """Per account, from the file itself: the latest won close day and who won on it."""
    frame = pd.read_csv(MAVEN / "sales_pipeline.csv", parse_dates=["close_date"])
    won = frame[(frame["deal_stage"] == "Won") & frame["account"].notna()]
    last = won.groupby("account")["close_date"].max().rename("last_won")
    won = won.join(last, on="account")
    on_last = won[won["close_date"] == won["last_won"]]
    return on_last.groupby("account").agg(
        last_won=("last_won", "first"), agents=("sales_agent", lambda s: set(s))
    )


def test_maven_follow_ups_have_owners_and_count_sales_as_contact(
    maven: Store, latest_wins: pd.DataFrame
) -> None:
    assert maven.scalar("SELECT count(owner_rep_id) FROM customers") == 0  # none in the export
    assert maven.scalar("SELECT count(*) FROM activities") == 0  # and no logged contact
    frame = follow_ups.everyone(maven, AS_OF)
    assert not frame.empty
    for row in frame.itertuples():
        expected = latest_wins.loc[row.customer]
        # no activities on Maven: the last contact is the latest won deal in the file, and the
        # owner one of the agents who won a deal with the account that day
        assert pd.Timestamp(row.last_contact) == expected["last_won"]
        assert row.owner in expected["agents"]
    # The list due on the last day is drawn from those, each with an owner and a due date no
    # sooner than the rule allows after the last sale (a sale counts as a contact).
    due = FollowUpList.for_filters(YEAR, AS_OF).run(maven)  # what the pages fetch
    assert not due.empty and due["owner"].notna().all()
    assert set(due["customer_id"]) <= set(frame["customer_id"])
    for row in due.itertuples():
        assert (
            pd.Timestamp(row.due) - pd.Timestamp(row.last_contact)
        ).days >= follow_ups.MIN_GAP_DAYS


def test_maven_lifecycle_is_the_same_from_the_buying_days_rollup(
    maven: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert segments.days_rolled(maven, YEAR), "the import left the rollup current"
    rolled = segments.lifecycle_over_time(maven, YEAR, AS_OF)
    stages = segments.lifecycle(maven, YEAR, AS_OF)
    monkeypatch.setenv(ROLLUPS_ENV_VAR, "off")
    assert not segments.days_rolled(maven, YEAR)
    assert rolled.equals(segments.lifecycle_over_time(maven, YEAR, AS_OF))
    assert stages.equals(segments.lifecycle(maven, YEAR, AS_OF))
    assert rolled["customers"].sum() > 0
