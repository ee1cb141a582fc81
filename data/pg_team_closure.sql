-- PostgreSQL only, run by PostgresStore after the migrations (every statement idempotent).
-- The team hierarchy as a materialised view kept current by a trigger on teams, instead of
-- the recursive view of migration 0002: PostgreSQL cannot estimate a recursive view's rows, guesses one team under
-- any team, and then plans nested loops that rescan the orders table for each row (a KPI
-- query with a team filter ran for minutes on 200,000 order lines; against this one, with
-- real statistics, in seconds). DuckDB keeps the view.
-- The walk below is migration 0002's: it holds exactly the rows that view gives.
CREATE OR REPLACE VIEW huddle_team_walk AS
WITH RECURSIVE walk(ancestor_id, team_id, depth) AS (
    SELECT team_id, team_id, 0 FROM teams
    UNION ALL
    SELECT w.ancestor_id, t.team_id, w.depth + 1
    FROM walk w JOIN teams t ON t.parent_id = w.team_id
    WHERE w.depth < 20
)
SELECT ancestor_id, team_id, depth FROM walk;

-- A materialised view, not a table: company copies and backups list base tables only.
CREATE MATERIALIZED VIEW IF NOT EXISTS huddle_team_closure AS SELECT * FROM huddle_team_walk;
CREATE INDEX IF NOT EXISTS huddle_team_closure_ancestor ON huddle_team_closure (ancestor_id);

CREATE OR REPLACE FUNCTION huddle_refresh_team_closure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    REFRESH MATERIALIZED VIEW huddle_team_closure;
    ANALYZE huddle_team_closure;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS huddle_team_closure_refresh ON teams;
CREATE TRIGGER huddle_team_closure_refresh AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams
    FOR EACH STATEMENT EXECUTE FUNCTION huddle_refresh_team_closure();

-- Current now (teams may have been written before this script first ran), and the view
-- every query (and team_roots) reads becomes the table.
REFRESH MATERIALIZED VIEW huddle_team_closure;
ANALYZE huddle_team_closure;
CREATE OR REPLACE VIEW team_closure AS
SELECT ancestor_id, team_id, depth FROM huddle_team_closure;
