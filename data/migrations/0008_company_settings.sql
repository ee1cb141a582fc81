-- Settings that belong to the company's data, not to whoever reads it: the currency its
-- amounts are in (CNY, USD or EUR). One row per setting; a setting never written has no row.
CREATE TABLE company_settings (
    name VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
