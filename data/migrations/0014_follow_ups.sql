-- Working the follow-up list (issue 20): what someone did about a customer who was due.
-- Append-only: an action is never updated or deleted; an undo is a row of its own (kind 'undo',
-- undoes = the action it reverses), and reads leave out every action an undo names.
-- A logged contact is also a row of `activities` (activity_id), so it counts as a contact
-- everywhere; undoing it deletes that activity row in the undo's own transaction.
-- submission_id is UNIQUE: the same form submission lands once. Ids are max + 1 inside the
-- writer's transaction; two writers that pick the same id collide on the primary key and the
-- loser retries (data/follow_ups.py).
CREATE TABLE follow_up_actions (
    action_id     BIGINT PRIMARY KEY,
    submission_id VARCHAR NOT NULL UNIQUE,
    kind          VARCHAR NOT NULL CHECK (kind IN ('log', 'snooze', 'done', 'reassign', 'undo')),
    customer_id   INTEGER NOT NULL,
    action_day    DATE NOT NULL,      -- the day it counts for (the list's day)
    next_date     DATE,               -- log: the next contact date; snooze: until this day
    rep_id        INTEGER,            -- log: who made the contact; reassign: the new owner
    activity_id   BIGINT,             -- log: the activities row it added
    outcome       VARCHAR,            -- log: reached / no_answer / left_message / not_interested
    note          VARCHAR,            -- log: the note; snooze: the reason
    undoes        BIGINT,             -- undo: the action it reverses
    user_id       INTEGER,            -- who acted; NULL when no one was signed in
    created_at    TIMESTAMP NOT NULL,
    CHECK ((kind = 'undo') = (undoes IS NOT NULL)),
    CHECK (kind <> 'snooze' OR next_date IS NOT NULL),
    CHECK (kind <> 'reassign' OR rep_id IS NOT NULL)
);
