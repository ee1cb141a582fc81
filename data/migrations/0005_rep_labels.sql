-- How each person is named in breakdowns: their name, with their id added when someone else
-- has the same name, so two people called Wang Wei are never added together.
CREATE VIEW rep_labels AS
SELECT rep_id,
       CASE WHEN count(*) OVER (PARTITION BY name) > 1 THEN name || ' (#' || rep_id || ')'
            ELSE name END AS label
FROM reps;
