-- A version per table, beside the one data version (data/table_versions.py says how they are
-- read). A write that names the tables it changes (a logged call: activities,
-- follow_up_actions, audit_log) moves only theirs, so a cached answer that reads none of them
-- (Segments' RFM and lifecycle over ten million order lines) stays warm. Every other write
-- moves the row '*', which every cached answer is keyed on.
CREATE TABLE table_versions (
    table_name VARCHAR PRIMARY KEY,
    version    BIGINT NOT NULL
);
INSERT INTO table_versions VALUES ('*', 0);
