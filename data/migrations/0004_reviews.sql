-- Performance reviews (issue 6). A review's rows stay versions: every save adds one, nothing is
-- updated in place. Who saved a version can differ from the reviewer named in it (a manager
-- correcting a lead's review), so each version records its author and an optional reason.
ALTER TABLE reviews ADD COLUMN edited_by VARCHAR;
ALTER TABLE reviews ADD COLUMN change_note VARCHAR;

-- Action items (the goals written in a review) ticked done or reopened. Append-only: an item's
-- state is its latest event, so every tick is kept with who made it and when. event_id is the
-- submission id, so a double click records one event.
CREATE TABLE review_action_events (
    event_id   VARCHAR PRIMARY KEY,
    review_id  VARCHAR NOT NULL,
    item_id    VARCHAR NOT NULL,
    done       BOOLEAN NOT NULL,
    changed_by VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
