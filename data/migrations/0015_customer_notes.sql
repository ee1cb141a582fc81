-- The customer file (issue 20): what the team writes about a customer, beside the imported data.
-- Both tables are append-only, so every word anyone wrote stays viewable with its author and day.

-- Notes and preferences. Rows are versions: an edit adds the next version of the same note_id,
-- nothing is updated in place. submission_id is UNIQUE, so a double click saves once. The
-- author is the signed-in user (NULL with sign-in off) and their rep_id when they are a person
-- of the company (a person is identified by rep_id, never by name).
CREATE TABLE customer_notes (
    note_id        VARCHAR NOT NULL,
    version        INTEGER NOT NULL CHECK (version >= 1),
    submission_id  VARCHAR NOT NULL UNIQUE,
    customer_id    INTEGER NOT NULL,
    kind           VARCHAR NOT NULL CHECK (kind IN ('note', 'preference', 'contact')),
    text           VARCHAR NOT NULL,
    author_user_id INTEGER,
    author_rep_id  INTEGER,
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (note_id, version)
);

-- Tags added and removed. A tag's state is its latest event (highest seq) for the customer and
-- the tag's key (lower case: "VIP" and "vip" are one tag). submission_id is UNIQUE, as above.
CREATE TABLE customer_tag_events (
    seq            BIGINT PRIMARY KEY,
    submission_id  VARCHAR NOT NULL UNIQUE,
    customer_id    INTEGER NOT NULL,
    tag            VARCHAR NOT NULL,
    tag_key        VARCHAR NOT NULL,
    added          BOOLEAN NOT NULL,
    author_user_id INTEGER,
    author_rep_id  INTEGER,
    created_at     TIMESTAMP NOT NULL
);
