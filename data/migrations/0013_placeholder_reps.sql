-- Numbered 0013, after 0012: databases already at 12 apply only higher numbers (0011 is unused).
-- People an import made up rather than read (issue 17): a file without a salesperson column
-- whose mapping or preset credits every line to a default rep (Superstore's "Unassigned").
-- Such a rep is a placeholder: its sales count in every total, but it is never ranked,
-- targeted, reviewed or counted as a person.
-- A table of its own rather than a column of reps: every writer that inserts whole rep rows
-- positionally (the demo, the tests' fixtures) stays as it is.
CREATE TABLE placeholder_reps (
    rep_id INTEGER PRIMARY KEY
);
