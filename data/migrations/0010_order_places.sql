-- Where and through which channel an order line was sold, when the file says so (issue 17).
-- Tableau's Superstore gives Region, State and City per order line (the ship-to), not per
-- customer: one customer buys in several regions. A line's own place and channel beat its
-- customer's (region, city) and its team's (channel) in every breakdown and filter; a line
-- without a row here, or with a blank column, falls back to those.
-- Kept in a table of its own keyed like an order line, as order_returns (0007) is, rather
-- than as columns of orders: every writer that inserts whole order rows (the demo, the tests'
-- fixtures) stays as it is, and the demo's lines keep no place of their own.
CREATE TABLE order_places (
    order_id VARCHAR NOT NULL,
    line_no  INTEGER NOT NULL,
    region   VARCHAR,
    city     VARCHAR,
    store    VARCHAR,
    channel  VARCHAR CHECK (channel IN ('retail', 'wholesale', 'private_domain', 'showroom', 'other')),
    PRIMARY KEY (order_id, line_no)
);
