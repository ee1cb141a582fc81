-- PostgreSQL only, run by PostgresStore after the migrations (every statement idempotent).
-- Indexes the pages need on PostgreSQL and DuckDB does not (DuckDB scans a column's zone maps;
-- PostgreSQL without an index scans the whole table once per outer row of a correlated
-- subquery). Each one is here because a page was measured slow without it.

-- The follow-up list looks up each due customer's last order by order_id: 116 s without
-- this index on a 200,000-line demo, 1.5 s with it.
CREATE INDEX IF NOT EXISTS huddle_orders_order_id ON orders (order_id);

-- Measured at 1,000,000 order lines (benchmarks/bench_postgres.py --with-indexes): with these
-- three, the KPI tiles, trends and breakdowns of a month run level with DuckDB (0.5-1.5x,
-- from 3-12x), and the follow-up list and stand-up drop from over 30 s to 7-9 s.
CREATE INDEX IF NOT EXISTS huddle_orders_date ON orders (order_date);
CREATE INDEX IF NOT EXISTS huddle_orders_customer_date ON orders (customer_id, order_date);
CREATE INDEX IF NOT EXISTS huddle_activities_customer_date ON activities (customer_id, activity_date);
