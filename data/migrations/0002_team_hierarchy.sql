-- The team hierarchy as views, so any query can ask "this team and every group below it".
-- depth < 20 guards against a parent cycle typed in by hand.
CREATE VIEW team_closure AS
WITH RECURSIVE walk(ancestor_id, team_id, depth) AS (
    SELECT team_id, team_id, 0 FROM teams
    UNION ALL
    SELECT w.ancestor_id, t.team_id, w.depth + 1
    FROM walk w JOIN teams t ON t.parent_id = w.team_id
    WHERE w.depth < 20
)
SELECT ancestor_id, team_id, depth FROM walk;

-- Each team's top-level team (itself when it has no parent).
CREATE VIEW team_roots AS
SELECT c.team_id, c.ancestor_id AS root_id
FROM team_closure c JOIN teams a ON a.team_id = c.ancestor_id
WHERE a.parent_id IS NULL;
