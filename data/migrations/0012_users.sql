-- Sign-in, roles and the record of every change (issue 18).
-- Ids are given by the writer as max + 1 inside its transaction, as import_log's are (0003):
-- the store serializes writes, and a file rebuilt the same way gets the same ids.

-- Who may sign in. login is the lower-cased e-mail or name typed at sign-in. password_hash is
-- argon2's encoded hash (never the password); NULL for a user who signs in only by single
-- sign-on. A lead or a rep is a person in reps and is identified by rep_id, never by name; a
-- lead's team_id is the team (with its groups) they lead. Five wrong passwords in a row set
-- locked_until (data/auth.py states the rule).
CREATE TABLE users (
    user_id             INTEGER PRIMARY KEY,
    login               VARCHAR NOT NULL UNIQUE CHECK (login <> '' AND login = lower(trim(login))),
    display_name        VARCHAR NOT NULL,
    password_hash       VARCHAR,
    role                VARCHAR NOT NULL CHECK (role IN ('admin', 'manager', 'lead', 'rep', 'viewer')),
    rep_id              INTEGER,
    team_id             INTEGER,
    disabled            BOOLEAN NOT NULL DEFAULT false,
    failed_attempts     INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until        TIMESTAMP,
    password_changed_at TIMESTAMP,
    created_at          TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK (role NOT IN ('lead', 'rep') OR rep_id IS NOT NULL),
    CHECK ((role = 'lead') = (team_id IS NOT NULL))
);

-- One row per write, in the write's own transaction: who (user_id, NULL when no one was signed
-- in, e.g. the CLI or a failed sign-in), when (UTC), what (action, the object's type and id)
-- and details as JSON (before and after). Append-only: nothing updates or deletes a row.
-- Ids come from a sequence, not max + 1: two processes writing at once (two app replicas,
-- the CLI beside the app) each get their own, and neither's change fails on the audit row.
CREATE SEQUENCE audit_log_ids START 1;
CREATE TABLE audit_log (
    audit_id    BIGINT PRIMARY KEY DEFAULT nextval('audit_log_ids'),
    logged_at   TIMESTAMP NOT NULL,  -- "at" is a reserved word in DuckDB
    user_id     INTEGER,
    action      VARCHAR NOT NULL,
    object_type VARCHAR NOT NULL,
    object_id   VARCHAR,
    details     JSON
);

-- Read-only links for a wall screen showing one team's stand-up without a person signed in.
-- Only the token's SHA-256 is kept: the plain token is shown once, when it is made. token_id
-- names a token for listing and revoking without knowing it. Revoked tokens stay, as a record.
CREATE TABLE screen_tokens (
    token_id     INTEGER PRIMARY KEY,
    token_hash   VARCHAR NOT NULL UNIQUE,
    team_id      INTEGER NOT NULL,
    show_amounts BOOLEAN NOT NULL DEFAULT false,
    created_by   INTEGER,
    created_at   TIMESTAMP NOT NULL,
    revoked_at   TIMESTAMP
);
