-- Stand-up commitments (issue 20): during the stand-up a lead records who (rep_id) will do what
-- by when, with an optional customer or deal. Rows are never updated: whether a commitment is
-- done is its latest event in commitment_events, so every tick and untick is kept.
-- submission_id is UNIQUE: a double click on "Record" saves once.
CREATE TABLE commitments (
    commitment_id VARCHAR PRIMARY KEY,
    submission_id VARCHAR NOT NULL UNIQUE,
    standup_day   DATE NOT NULL,        -- the stand-up's day (its as-of date)
    team_id       INTEGER,              -- the team the stand-up was for; NULL: whole company
    rep_id        INTEGER NOT NULL,     -- who will do it
    what          VARCHAR NOT NULL,
    due_date      DATE NOT NULL,
    customer_id   INTEGER,
    deal_id       VARCHAR,
    created_by    INTEGER,              -- users.user_id; NULL when no one was signed in
    created_at    TIMESTAMP NOT NULL
);

-- Done or not done again. event_id is the submission id, so a double click records one event;
-- seq orders a commitment's events (1, 2, ...), UNIQUE so two writers cannot both be "next".
CREATE TABLE commitment_events (
    event_id      VARCHAR PRIMARY KEY,
    commitment_id VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    done          BOOLEAN NOT NULL,
    changed_by    INTEGER,
    changed_at    TIMESTAMP NOT NULL,
    UNIQUE (commitment_id, seq)
);
