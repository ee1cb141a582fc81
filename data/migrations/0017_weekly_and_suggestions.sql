-- Weekly summaries (周总结) and the suggestion box (意见箱), issue 21.
--
-- A person's summary of one week (Monday to Sunday) is a chain of versions: every save adds
-- a row, none is updated, so what was submitted stays readable after later edits. The key
-- (rep_id, week_start, version) makes the database refuse two saves of the same version, from
-- whichever connection. submission_id is UNIQUE: a double click or a retried request lands
-- once. The week's numbers are not stored: they are the declared KPIs, read live.
CREATE TABLE weekly_summaries (
    rep_id        INTEGER NOT NULL,
    week_start    DATE NOT NULL,
    version       INTEGER NOT NULL,
    status        VARCHAR NOT NULL,  -- draft | submitted (a submitted week stays submitted)
    wins          VARCHAR NOT NULL,
    problems      VARCHAR NOT NULL,
    help_needed   VARCHAR NOT NULL,
    plan          JSON NOT NULL,     -- next week's items: [{"text": ..., "due_date": ...}]
    submission_id VARCHAR NOT NULL UNIQUE,
    saved_by      INTEGER,           -- the user who saved (NULL: no one signed in)
    saved_at      TIMESTAMP NOT NULL,
    submitted_at  TIMESTAMP,         -- the first submission's time, carried by later versions
    PRIMARY KEY (rep_id, week_start, version)
);

-- A lead's recap of their team's week, published to the team; versioned like the summaries.
-- The numbers are those published (sums of the people's numbers, as exact decimal text).
CREATE TABLE weekly_recaps (
    team_id       INTEGER NOT NULL,
    week_start    DATE NOT NULL,
    version       INTEGER NOT NULL,
    body          VARCHAR NOT NULL,
    numbers       JSON NOT NULL,
    submission_id VARCHAR NOT NULL UNIQUE,
    published_by  INTEGER,
    published_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (team_id, week_start, version)
);

-- The suggestion box. An anonymous suggestion stores no author at all: author_rep_id and
-- author_user_id are NULL (and its audit row names no user). team_id is the box it was put
-- in (the team that reads and answers it), not the author.
CREATE TABLE suggestions (
    suggestion_id  VARCHAR PRIMARY KEY,  -- the form's submission id: a double click lands once
    team_id        INTEGER,
    kind           VARCHAR NOT NULL,     -- process | product | customer_service
    title          VARCHAR NOT NULL,
    body           VARCHAR NOT NULL,
    anonymous      BOOLEAN NOT NULL,
    author_rep_id  INTEGER,
    author_user_id INTEGER,
    posted_at      TIMESTAMP NOT NULL
);

-- Answers and status changes, append-only: a suggestion's status and answer are its latest
-- event's (new when it has none). event_id is the form's submission id.
CREATE TABLE suggestion_events (
    event_id      VARCHAR PRIMARY KEY,
    suggestion_id VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,  -- new | considering | adopted | declined
    answer        VARCHAR NOT NULL,
    answered_by   INTEGER,           -- the user (NULL: no one signed in)
    answered_at   TIMESTAMP NOT NULL
);
