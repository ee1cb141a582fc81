-- Training plans and role duties (issue 21).

-- One row per training item of a person (rep_id): a course, a skill to learn, or a
-- certification (which may expire). The row holds the item's state now; every change to it
-- is kept in training_changes. submission_id is the form submission that added the item, so a
-- double click adds it once. review_id names the review the item was planned in, if any.
CREATE TABLE training_items (
    item_id       VARCHAR PRIMARY KEY,
    submission_id VARCHAR NOT NULL UNIQUE,
    rep_id        INTEGER NOT NULL,
    kind          VARCHAR NOT NULL CHECK (kind IN ('course', 'skill', 'certification')),
    title         VARCHAR NOT NULL CHECK (title <> ''),
    due_date      DATE NOT NULL,
    status        VARCHAR NOT NULL
                  CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
    completed_on  DATE,
    result        VARCHAR,
    expires_on    DATE,
    review_id     VARCHAR,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    CHECK ((status = 'done') = (completed_on IS NOT NULL)),
    CHECK (expires_on IS NULL OR kind = 'certification')
);

-- Every change to a training item after it was added (status, result, dates), append-only,
-- with the state before and after. submission_id is the form submission, so a repeat lands
-- once.
CREATE TABLE training_changes (
    submission_id VARCHAR PRIMARY KEY,
    item_id       VARCHAR NOT NULL,
    changed_at    TIMESTAMP NOT NULL,
    user_id       INTEGER,
    before        JSON NOT NULL,
    after         JSON NOT NULL
);

-- A role's duties and the KPIs it is measured on (codes of metrics/catalogue.py), in English
-- and Chinese side by side (each reader sees their language; an empty one falls back to the
-- other). Versions: an edit adds the next version, nothing is updated in place, so every old
-- wording is kept. submission_id is the form submission, so a double click adds one version.
CREATE TABLE role_duties (
    role          VARCHAR NOT NULL,
    version       INTEGER NOT NULL CHECK (version >= 1),
    submission_id VARCHAR NOT NULL UNIQUE,
    duties_en     VARCHAR NOT NULL,
    duties_zh     VARCHAR NOT NULL,
    kpis          VARCHAR[] NOT NULL,
    edited_by     VARCHAR,
    user_id       INTEGER,
    created_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (role, version)
);
