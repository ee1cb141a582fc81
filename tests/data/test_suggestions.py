"""The suggestion box: posting (anonymous stores no author anywhere), answering, status
changes with a reason, and adopted suggestions credited per person."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pandas as pd
import pytest

from data import suggestions as suggestion_writes
from data.store import Store
from data.suggestions import SuggestionInvalid, answer_suggestion, post_suggestion
from metrics import suggestions
from metrics.scope import Scope
from tests.metrics.fixture import build_tiny_company
from tests.store_engines import StoreMaker
from tests.table_reads import assert_each_write_names_what_it_changes


@pytest.fixture
def store(new_store: StoreMaker) -> Iterator[Store]:
    s = new_store("box")
    build_tiny_company(s)
    yield s
    s.close()


def _post(
    store: Store,
    sid: str,
    *,
    anonymous: bool = False,
    rep: int | None = 202,
    team: int | None = 2,
    user: int | None = 5,
) -> None:
    post_suggestion(
        store,
        kind="process",
        title="Shorter stand-up",
        body="Ten minutes is enough",
        team_id=team,
        anonymous=anonymous,
        author_rep_id=rep,
        user_id=user,
        submission_id=sid,
    )


def test_an_anonymous_suggestion_stores_no_author_anywhere(store: Store) -> None:
    _post(store, "anon-1", anonymous=True, rep=202, user=5)
    row = store.rows(
        "SELECT author_rep_id, author_user_id, anonymous FROM suggestions"
        " WHERE suggestion_id = 'anon-1'"
    )
    assert row == [(None, None, True)]
    audit = store.rows("SELECT user_id, CAST(details AS VARCHAR) FROM audit_log")
    assert len(audit) == 1
    user_id, details = audit[0]
    assert user_id is None  # the audit row names no user either
    loaded = json.loads(details)
    # Only what the suggestion is and which box it went to: no person, no user.
    assert loaded == {"kind": "process", "team_id": 2, "anonymous": True}


def test_a_named_suggestion_keeps_its_author_and_a_double_click_posts_once(store: Store) -> None:
    _post(store, "named-1")
    _post(store, "named-1")
    assert store.rows("SELECT author_rep_id, author_user_id FROM suggestions") == [(202, 5)]
    assert store.rows("SELECT user_id, action FROM audit_log") == [(5, "suggestion.post")]


def test_status_changes_need_a_reason_and_adopted_ones_are_credited(store: Store) -> None:
    _post(store, "s1")  # Eve's
    _post(store, "s2", anonymous=True)
    _post(store, "s3", rep=101, team=1)  # Ann's
    with pytest.raises(SuggestionInvalid) as refused:
        answer_suggestion(store, "s1", status="adopted", answer=" ", user_id=9, submission_id="e0")
    assert refused.value.key == "routine.reason_required"
    answer_suggestion(store, "s1", status="considering", answer="", user_id=9, submission_id="e1")
    answer_suggestion(
        store,
        "s1",
        status="considering",
        answer="Trying it next week",
        user_id=9,
        submission_id="e2",
    )
    answer_suggestion(
        store,
        "s1",
        status="adopted",
        answer="Works: 10 minutes from Monday",
        user_id=9,
        submission_id="e3",
    )
    answer_suggestion(store, "s2", status="adopted", answer="Done", user_id=9, submission_id="e4")
    answer_suggestion(
        store,
        "s3",
        status="declined",
        answer="Clashes with the delivery slot",
        user_id=9,
        submission_id="e5",
    )
    actions = [r[0] for r in store.rows("SELECT action FROM audit_log ORDER BY audit_id")][3:]
    assert actions == [
        "suggestion.status",
        "suggestion.answer",
        "suggestion.status",
        "suggestion.status",
        "suggestion.status",
    ]
    frame = suggestions.suggestions(store, Scope())
    by_id = frame.set_index("suggestion_id")
    assert by_id.loc["s1", "status"] == "adopted"
    assert by_id.loc["s1", "answer"] == "Works: 10 minutes from Monday"
    assert by_id.loc["s3", "status"] == "declined"
    assert pd.isna(by_id.loc["s2", "author_rep_id"]) and pd.isna(by_id.loc["s2", "author"])
    # Adopted: s1 (Eve) and s2 (anonymous, credited to no one); s3 was declined.
    counts = suggestions.adopted_counts(store)
    assert counts.to_dict("records") == [{"rep_id": 202, "rep": "Eve", "adopted": 1}]


def test_who_reads_which_box(store: Store) -> None:
    _post(store, "north", rep=101, team=1)
    _post(store, "hub", rep=102, team=11)
    _post(store, "south", rep=202, team=2)
    _post(store, "company", rep=202, team=None)

    def ids(scope: Scope) -> set[str]:
        return set(suggestions.suggestions(store, scope)["suggestion_id"])

    assert ids(Scope()) == {"north", "hub", "south", "company"}
    # A lead of North reads North and North Hub (below it), and the company-wide box.
    assert ids(Scope(kind="team", team_id=1)) == {"north", "hub", "company"}
    # Ben sits in North Hub: his box and North's above it.
    assert ids(Scope(kind="rep", rep_id=102)) == {"north", "hub", "company"}
    assert ids(Scope(kind="rep", rep_id=202)) == {"south", "company"}


def test_a_merge_moves_the_author_and_a_replaced_company_empties_the_box(store: Store) -> None:
    from data.importing.company import merge
    from data.importing.runner import clear_company

    _post(store, "ben", rep=102, team=11)
    # Ben (102) merged into Cai (103), North Hub (11) into North (1): the suggestion follows.
    merge(store, "reps", 102, 103)
    merge(store, "teams", 11, 1)
    assert store.rows("SELECT author_rep_id, team_id FROM suggestions") == [(103, 1)]
    answer_suggestion(store, "ben", status="adopted", answer="Yes", user_id=1, submission_id="x")
    # Replacing the company: its suggestions and answers name its people, so they go too.
    with store.transaction() as cur:
        clear_company(cur)
    assert store.scalar("SELECT count(*) FROM suggestions") == 0
    assert store.scalar("SELECT count(*) FROM suggestion_events") == 0


def test_each_suggestion_write_names_the_tables_it_changes(store: Store) -> None:
    writes = [
        lambda: _post(store, "s1"),
        lambda: answer_suggestion(
            store, "s1", status="considering", answer="", user_id=9, submission_id="e1"
        ),
    ]
    assert_each_write_names_what_it_changes(store, suggestion_writes.TOUCHES, writes)
