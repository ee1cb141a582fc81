"""Every write adds its audit row in its own transaction (data/audit.py): reviews, targets and
scenarios, publishing, imports, merges, settings, presets. The row names who acted (the actor
passed in), the action and the object; a write that is refused or rolled back leaves none.
The sweep runs a representative flow and checks that every committed transaction left a row."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli import main
from data import audit, company_profile, settings
from data.auth import add_user
from data.errors import HuddleDataError, ValidationFailed
from data.importing.company import merge
from data.importing.errors import ImportRejected
from data.importing.presets import get_preset, save_preset
from data.importing.runner import ImportRequest, run_imports
from data.models import Target
from data.reviews import (
    ReviewInvalid,
    check_review,
    new_submission_id,
    save_draft,
    set_action_item_done,
    submit_review,
)
from data.store import Store
from data.targets import delete_scenario, publish_scenario, save_scenario
from tests.conftest import DATASETS

MAVEN = DATASETS / "maven-crm"
TODAY = date(2026, 11, 20)
APRIL = (date(2025, 4, 1), date(2025, 4, 30))
SCORES = {"results": 4, "customer_satisfaction": 3, "teamwork": 5, "attitude": 4, "skills": 3}


def _rows(store: Store) -> list[dict[str, Any]]:
    """Every audit row, oldest first, details parsed."""
    names = ("audit_id", "user_id", "action", "object_type", "object_id", "details")
    found = store.rows(
        "SELECT audit_id, user_id, action, object_type, object_id, CAST(details AS VARCHAR)"
        " FROM audit_log ORDER BY audit_id"
    )
    rows = [dict(zip(names, row, strict=True)) for row in found]
    for row in rows:
        row["details"] = json.loads(row["details"]) if row["details"] else None
    return rows


def _count(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM audit_log"))


def _company(path: Path) -> tuple[Store, int]:
    """A file with one team, two people (1 lead, 2 rep), two customers and an admin; returns
    the store and the admin's user_id (the actor of every write below)."""
    store = Store(path)
    with store.transaction() as cur:
        cur.execute("INSERT INTO teams VALUES (1, 'Retail', NULL, 'retail', 1)")
        cur.execute(
            "INSERT INTO reps VALUES (1, 'Lead Lee', 1, 'group_leader', '2020-01-01', NULL),"
            " (2, 'Rep Ray', 1, 'sales_rep', '2021-03-01', NULL)"
        )
        cur.execute(
            "INSERT INTO customers (customer_id, name) VALUES (10, 'Acme'), (11, 'Acme Ltd')"
        )
    admin = add_user(store, login="boss@example.com", role="admin", password="a long passphrase")
    return store, admin.user_id


def _review(status: str = "submitted", **changes: Any) -> Any:
    raw: dict[str, Any] = {
        "rep_id": 2,
        "kind": "monthly_evaluation",
        "period_start": date(2026, 10, 1),
        "period_end": date(2026, 10, 31),
        "reviewer": "Lead Lee",
        "scores": dict(SCORES),
        "strengths": "Quick follow-ups.",
        "areas_to_improve": "More new customers.",
        "goals": [{"text": "Call 10 lapsed customers", "due_date": date(2026, 11, 30)}],
    }
    raw.update(changes)
    return check_review(raw, status=status, today=TODAY)  # type: ignore[arg-type]


def _target(scope_id: int, value: int) -> Target:
    return Target(
        period_start=APRIL[0], period_end=APRIL[1], scope="rep", scope_id=scope_id,
        metric="revenue", value=value,
    )  # fmt: skip


# --- one row per write, with the actor, action and object --------------------------------


def test_review_saves_and_ticks_are_audited_and_repeats_are_not(tmp_path: Path) -> None:
    store, admin = _company(tmp_path / "a.duckdb")
    before = _count(store)
    draft = save_draft(
        store, _review("draft"), submission_id="s1", edited_by="Lead Lee", actor=admin
    )
    # The same submission again lands nowhere new: no second row.
    save_draft(store, _review("draft"), submission_id="s1", edited_by="Lead Lee", actor=admin)
    submitted = submit_review(
        store, _review(), submission_id="s2", edited_by="Lead Lee",
        review_id=draft.review_id, base_version=1, actor=admin,
    )  # fmt: skip
    item = store.scalar(
        "SELECT json_extract_string(notes, '$.goals[0].item_id') FROM reviews"
        " WHERE review_id = $id AND version = 2",
        {"id": draft.review_id},
    )
    set_action_item_done(
        store, draft.review_id, item, done=True, changed_by="Lead Lee", event_id="e1", actor=admin
    )
    set_action_item_done(  # the same event again: nothing written, no row
        store, draft.review_id, item, done=True, changed_by="Lead Lee", event_id="e1", actor=admin
    )
    rows = _rows(store)[before:]
    assert [(r["action"], r["user_id"], r["object_type"], r["object_id"]) for r in rows] == [
        ("review.draft", admin, "review", draft.review_id),
        ("review.submit", admin, "review", draft.review_id),
        ("review.action_item", admin, "review", draft.review_id),
    ]
    assert rows[1]["details"]["version"] == submitted.version == 2
    assert rows[1]["details"]["rep_id"] == 2
    assert rows[2]["details"] == {"item_id": item, "done": True}
    # No review text or scores in the audit: those live in the review's own rows.
    assert "Quick follow-ups" not in json.dumps([r["details"] for r in rows])


def test_a_refused_review_leaves_no_audit_row(tmp_path: Path) -> None:
    store, admin = _company(tmp_path / "a.duckdb")
    before = _count(store)
    with pytest.raises(ReviewInvalid):  # person 99 does not exist: refused inside the write
        submit_review(
            store, _review(rep_id=99), submission_id=new_submission_id(),
            edited_by="Lead Lee", actor=admin,
        )  # fmt: skip
    assert _count(store) == before


def test_scenario_save_publish_and_delete_are_audited(tmp_path: Path) -> None:
    store, admin = _company(tmp_path / "a.duckdb")
    before = _count(store)
    save_scenario(store, "Plan", "revenue", *APRIL, [_target(2, 500)], actor=admin)
    save_scenario(store, "Spare", "revenue", *APRIL, [_target(2, 700)], actor=admin)
    publish_scenario(store, "Plan", "revenue", *APRIL, replaced_scenario="Old", actor=admin)
    assert delete_scenario(store, "Spare", "revenue", *APRIL, actor=admin) == 1
    assert delete_scenario(store, "Spare", "revenue", *APRIL, actor=admin) == 0  # nothing left
    rows = _rows(store)[before:]
    assert [(r["action"], r["user_id"], r["object_id"]) for r in rows] == [
        ("target.scenario_save", admin, "Plan"),
        ("target.scenario_save", admin, "Spare"),
        ("target.publish", admin, "Plan"),
        ("target.scenario_delete", admin, "Spare"),
    ]
    # Publishing made 1 row official and replaced none (no official April target before).
    assert rows[2]["details"] == {
        "metric": "revenue", "period_start": "2025-04-01", "period_end": "2025-04-30",
        "published": 1, "replaced": 0, "replaced_scenario": "Old",
    }  # fmt: skip


def test_a_refused_publish_leaves_no_audit_row(tmp_path: Path) -> None:
    store, admin = _company(tmp_path / "a.duckdb")
    before = _count(store)
    with pytest.raises(ValidationFailed):  # no scenario of that name: refused
        publish_scenario(store, "Nope", "revenue", *APRIL, replaced_scenario="Old", actor=admin)
    assert _count(store) == before


def test_settings_merges_and_presets_are_audited(tmp_path: Path) -> None:
    store, admin = _company(tmp_path / "a.duckdb")
    before = _count(store)
    settings.set_currency(store, "EUR", actor=admin)
    settings.set_currency(store, "usd", actor=admin)
    company_profile.set_profile(store, name="Acme Sales", actor=admin)
    merge(store, "customers", 11, 10, actor=admin)
    save_preset(store, "mine", get_preset("maven-crm").for_table("customers"), "a.csv", actor=admin)
    rows = _rows(store)[before:]
    assert [(r["action"], r["user_id"], r["object_type"], r["object_id"]) for r in rows] == [
        ("settings.currency", admin, "setting", "currency"),
        ("settings.currency", admin, "setting", "currency"),
        ("settings.company_profile", admin, "setting", None),
        ("data.merge", admin, "customers", "11"),
        ("import.preset_save", admin, "import_preset", "mine"),
    ]
    assert rows[0]["details"] == {"before": None, "after": "EUR"}
    assert rows[1]["details"] == {"before": "EUR", "after": "USD"}  # "usd" is stored upper-case
    assert rows[3]["details"] == {"table": "customers", "from_id": 11, "into_id": 10}


def test_refused_settings_and_merges_leave_no_audit_row(tmp_path: Path) -> None:
    store, admin = _company(tmp_path / "a.duckdb")
    before = _count(store)
    with pytest.raises(HuddleDataError):
        settings.set_currency(store, "XXX-not-a-code", actor=admin)
    with pytest.raises(HuddleDataError):
        company_profile.set_profile(store, fiscal_year_start=13, actor=admin)
    with pytest.raises(HuddleDataError):  # customer 99 does not exist: refused in the write
        merge(store, "customers", 99, 10, actor=admin)
    assert _count(store) == before


def test_each_imported_file_gets_a_row_and_a_refused_or_dry_run_none(tmp_path: Path) -> None:
    store, admin = _company(tmp_path / "a.duckdb")
    preset = get_preset("maven-crm")
    requests = [
        ImportRequest(MAVEN / f.file, f.mapping, preset="maven-crm", replace_existing=True)
        for f in preset.import_order
    ]
    before = _count(store)
    run_imports(store, requests, today=TODAY, actor=admin, dry_run=True)
    assert _count(store) == before  # a dry run rolls its audit rows back with the rest
    reports = run_imports(store, requests, today=TODAY, actor=admin)
    rows = _rows(store)[before:]
    # One replace (the company is cleared once), then one row per file, in import order.
    assert [r["action"] for r in rows] == ["import.replace"] + ["import.file"] * len(requests)
    assert all(r["user_id"] == admin for r in rows)
    assert [r["object_id"] for r in rows[1:]] == [str(r.import_id) for r in reports]
    accounts = next(r for r in rows[1:] if r["details"]["table"] == "customers")
    assert accounts["details"]["file"] == "accounts.csv" and accounts["details"]["added"] == 85
    # A refused last file (one deal in a stage Huddle does not know) rolls back the files
    # written before it in the same transaction, and their audit rows with them.
    folder = tmp_path / "maven"
    shutil.copytree(MAVEN, folder)
    pipeline = folder / "sales_pipeline.csv"
    lines = pipeline.read_text("utf-8").splitlines(keepends=True)
    cells = lines[1].split(",")
    cells[lines[0].split(",").index("deal_stage")] = "Maybe"
    lines[1] = ",".join(cells)
    pipeline.write_text("".join(lines), "utf-8")
    counted = _count(store)
    with pytest.raises(ImportRejected):
        run_imports(
            store, [ImportRequest(folder / r.path.name, r.mapping) for r in requests],
            today=TODAY, actor=admin,
        )  # fmt: skip
    assert _count(store) == counted


def test_the_cli_writes_with_no_actor_and_says_so(tmp_path: Path) -> None:
    # The command line has no signed-in user: actor None, details {"via": "cli"}.
    db = tmp_path / "cli.duckdb"
    Store(db).close()
    assert main(["settings", "currency", "EUR", "--db", str(db)]) == 0
    store = Store(db)
    row = _rows(store)[-1]
    assert (row["action"], row["user_id"]) == ("settings.currency", None)
    assert row["details"] == {"before": None, "after": "EUR", "via": "cli"}
    store.close()


# --- the sweep: every committed transaction of a flow left a row -------------------------


def _version(store: Store) -> int:
    """Committed transactions so far: Store.transaction adds 1 to data_version per commit."""
    return int(store.scalar("SELECT version FROM data_version WHERE id = 1"))


def test_every_write_of_a_representative_flow_leaves_an_audit_row(tmp_path: Path) -> None:
    store, admin = _company(tmp_path / "a.duckdb")
    preset = get_preset("maven-crm")
    requests = [
        ImportRequest(MAVEN / f.file, f.mapping, preset="maven-crm", replace_existing=True)
        for f in preset.import_order
    ]

    def import_all() -> None:
        run_imports(store, requests, today=TODAY, actor=admin)

    def rep_id() -> int:
        return int(store.scalar("SELECT min(rep_id) FROM reps"))

    def save_target() -> None:
        save_scenario(store, "Plan", "revenue", *APRIL, [_target(rep_id(), 900)], actor=admin)

    def publish() -> None:
        publish_scenario(store, "Plan", "revenue", *APRIL, replaced_scenario="Old", actor=admin)

    saved: dict[str, Any] = {}

    def draft() -> None:
        saved["draft"] = save_draft(
            store, _review("draft", rep_id=rep_id()), submission_id="d1",
            edited_by="Lead Lee", actor=admin,
        )  # fmt: skip

    def submit() -> None:
        submit_review(
            store, _review(rep_id=rep_id()), submission_id="s1", edited_by="Lead Lee",
            review_id=saved["draft"].review_id, base_version=1, actor=admin,
        )  # fmt: skip

    def currency() -> None:
        settings.set_currency(store, "EUR", actor=admin)

    def merge_two() -> None:
        first, second = store.rows("SELECT customer_id FROM customers ORDER BY 1 LIMIT 2")
        merge(store, "customers", second[0], first[0], actor=admin)

    flow = [import_all, save_target, publish, draft, submit, currency, merge_two]
    steps = []
    for step in flow:
        version, count = _version(store), _count(store)
        step()
        steps.append((step.__name__, _version(store) - version, _count(store) - count))
    # Each step is one transaction (one commit); each left at least one row, and the import
    # one per file plus its replace: 4 maven files + 1 = 5 (worked out from the preset).
    assert steps == [
        ("import_all", 1, len(requests) + 1),
        ("save_target", 1, 1),
        ("publish", 1, 1),
        ("draft", 1, 1),
        ("submit", 1, 1),
        ("currency", 1, 1),
        ("merge_two", 1, 1),
    ]
    assert len(requests) == 4
    assert all(r["user_id"] == admin for r in _rows(store)[-11:])
    assert audit.latest(store, 3)["action"].tolist() == [
        "data.merge",
        "settings.currency",
        "review.submit",
    ]


def test_rebuilding_the_demo_is_audited_by_who_asked(tmp_path: Path) -> None:
    from data.importing.company import restore_demo

    store, admin = _company(tmp_path / "a.duckdb")
    restore_demo(store, orders=2_000, actor=admin)
    rows = _rows(store)
    # The build's own transaction audits the accounts it replaces and adds (user.* rows, by
    # no one); the last write is the rebuild itself, by the admin who asked.
    assert (rows[-1]["action"], rows[-1]["user_id"], rows[-1]["details"]) == (
        "data.restore_demo",
        admin,
        {"locale": "en", "by_login": "boss@example.com"},
    )
    assert "users.replaced_by_demo" in {r["action"] for r in rows}


def test_every_audit_action_and_object_is_known_and_said_in_words() -> None:
    # record() refuses a code the Data page cannot say in words; every code it accepts has
    # its words in both languages, and every action written in data/ is one of them.
    import re

    from components.text_audit import EN, ZH

    root = Path(__file__).resolve().parents[2] / "data"
    written = set()
    for path in root.rglob("*.py"):
        written |= set(re.findall(r'"((?:users?|settings|review|screen_token|target|data|import)'
                                  r'\.[a-z_]+)",\s*"[a-z_]+"', path.read_text()))  # fmt: skip
    assert written - {"data.merge"} <= set(audit.ACTIONS), written - set(audit.ACTIONS)
    for code in audit.ACTIONS:
        assert f"audit.action.{code}" in EN and f"audit.action.{code}" in ZH
    for kind in audit.OBJECT_TYPES:
        assert f"audit.object.{kind}" in EN and f"audit.object.{kind}" in ZH
    with pytest.raises(ValueError, match="Unknown audit action"):
        audit.record(None, None, "user.teleported", "user", 1)  # type: ignore[arg-type]
