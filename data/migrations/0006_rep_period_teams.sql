-- The team a person's targets for a period are filed under: the team they were in for that
-- period, as sales are filed under the team on the order. A person who moves team keeps their
-- June target (and its attainment) with the team they sold for in June, and has their July
-- target with the team they sell for in July. Every writer of rep targets records the row
-- (data/targets.py record_rep_teams, data/demo.py); a rep target with no row here falls back
-- to the person's current team (reps.team_id).
CREATE TABLE rep_period_teams (
    rep_id       INTEGER NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    team_id      INTEGER NOT NULL,
    PRIMARY KEY (rep_id, period_start, period_end)
);

-- Backfill every rep target there is (official and scenarios), by the rule record_rep_teams
-- applies: the team on most of the person's order lines in the period (equal counts: the
-- team of the latest of those lines, then the lower team_id), else their current team.
INSERT INTO rep_period_teams (rep_id, period_start, period_end, team_id)
WITH periods AS (
    SELECT DISTINCT scope_id AS rep_id, period_start, period_end
    FROM targets WHERE scope = 'rep'
), sold AS (
    SELECT p.rep_id, p.period_start, p.period_end, o.team_id,
           count(*) AS lines, max(o.order_date) AS last_day
    FROM periods p
    JOIN orders o ON o.rep_id = p.rep_id AND o.order_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.rep_id, p.period_start, p.period_end, o.team_id
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY rep_id, period_start, period_end
                                 ORDER BY lines DESC, last_day DESC, team_id) AS n
    FROM sold
)
SELECT p.rep_id, p.period_start, p.period_end, coalesce(k.team_id, r.team_id)
FROM periods p
LEFT JOIN ranked k ON k.rep_id = p.rep_id AND k.period_start = p.period_start
                  AND k.period_end = p.period_end AND k.n = 1
LEFT JOIN reps r ON r.rep_id = p.rep_id
WHERE coalesce(k.team_id, r.team_id) IS NOT NULL;
