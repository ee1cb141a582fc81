-- Stock on hand per product and store/team, as counted (issue 23). One row per count: the
-- quantity on hand on `count_date` and what it cost (value_cents, integer cents, the whole
-- quantity's cost), optionally with the units received since the previous count.
-- A count is the stock at the start of its day and holds until the next count of the same
-- product at the same team: the stock KPIs (metrics/catalogue.py) read each day's stock as the
-- latest count on or before it, and nothing before a product's first count.
-- team_id is the store (or team) that holds the stock; its sales are the order lines of that
-- team and the groups below it.
CREATE TABLE stock (
    count_date  DATE NOT NULL,
    team_id     INTEGER NOT NULL,
    product_id  INTEGER NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity >= 0),
    value_cents BIGINT NOT NULL CHECK (value_cents >= 0),
    received    INTEGER CHECK (received IS NULL OR received >= 0),
    PRIMARY KEY (count_date, team_id, product_id)
);
