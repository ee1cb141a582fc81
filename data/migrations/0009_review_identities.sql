-- One review per person, kind and period (issue 19). A review is a chain of versions, so the
-- rule cannot be a UNIQUE on `reviews`; this table holds each review's identity once, and its
-- primary key makes the database itself refuse a second review of the same person, kind and
-- period, whichever program, session or connection writes it (data/reviews.py turns the
-- refusal into a conflict the user resolves). A row whose review has since been deleted (an
-- import that replaced the company) is taken over by the next review of that identity.
CREATE TABLE review_identities (
    rep_id       INTEGER NOT NULL,
    kind         VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    review_id    VARCHAR NOT NULL,
    PRIMARY KEY (rep_id, kind, period_start, period_end)
);

-- Reviews written before this rule: each identity goes to the review first saved for it (its
-- latest version's person, kind and period). A second review saved earlier stays in the
-- history and can still be edited; only new reviews of that identity are refused.
INSERT INTO review_identities
SELECT rep_id, kind, period_start, period_end, arg_min(review_id, first_saved)
FROM (
    SELECT review_id, arg_max(rep_id, version) AS rep_id, arg_max(kind, version) AS kind,
           arg_max(period_start, version) AS period_start,
           arg_max(period_end, version) AS period_end, min(created_at) AS first_saved
    FROM reviews
    GROUP BY review_id
) AS latest
GROUP BY rep_id, kind, period_start, period_end;
