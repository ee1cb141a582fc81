-- DuckDB functions Huddle's SQL uses that PostgreSQL lacks or computes differently, run by
-- PostgresStore before the migrations (each CREATE OR REPLACE, so running it again is harmless).

-- round() as DuckDB computes it. A double is scaled, rounded half away from zero and scaled
-- back in double arithmetic (PostgreSQL's own round(double) rounds half to even, and
-- round(numeric) first converts the double to 15 significant digits); a numeric rounds as a
-- decimal, half away from zero, which both engines share.
CREATE OR REPLACE FUNCTION huddle_round(value double precision, digits integer)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value >= 0 THEN floor(value * 10::double precision ^ digits + 0.5)
                ELSE -floor(-value * 10::double precision ^ digits + 0.5)
           END / 10::double precision ^ digits
$$;
CREATE OR REPLACE FUNCTION huddle_round(value numeric, digits integer)
RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT round(value, digits) $$;
CREATE OR REPLACE FUNCTION huddle_round(value bigint, digits integer)
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT value $$;
