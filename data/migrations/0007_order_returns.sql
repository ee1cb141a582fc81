-- When a returned order line came back (issue 15). A return booked after its order's period
-- must not change what that period earned: commission claws it back in the period of its
-- return date. Kept in its own table, keyed like an order line, rather than as a column of
-- orders, so every writer that inserts whole order rows stays as it is. A returned line
-- without a row here has no known return date: it counts on its order date.
CREATE TABLE order_returns (
    order_id    VARCHAR NOT NULL,
    line_no     INTEGER NOT NULL,
    return_date DATE NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
