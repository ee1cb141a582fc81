-- Importing files: the keys files use for people, customers, products and teams, the log of
-- every import, and mapping presets users save.

-- A file's own id or name for a row Huddle created or matched, so importing the file again
-- updates that row instead of adding another. kind 'id' is the file's id (Customer ID),
-- 'name' a name (also the alias a merge leaves behind). hire_inferred marks people whose hire
-- date Huddle had to infer from their first sale or deal.
CREATE TABLE import_keys (
    entity        VARCHAR NOT NULL CHECK (entity IN ('teams', 'reps', 'customers', 'products')),
    kind          VARCHAR NOT NULL CHECK (kind IN ('id', 'name')),
    key           VARCHAR NOT NULL,
    id            INTEGER NOT NULL,
    hire_inferred BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (entity, kind, key)
);

-- One row per import that was written (a rejected import leaves the database as it was).
CREATE TABLE import_log (
    import_id      INTEGER PRIMARY KEY,
    imported_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    file_name      VARCHAR NOT NULL,
    file_sha256    VARCHAR NOT NULL,
    file_bytes     BIGINT NOT NULL,
    target_table   VARCHAR NOT NULL,
    preset         VARCHAR,
    encoding       VARCHAR,
    on_error       VARCHAR NOT NULL CHECK (on_error IN ('reject', 'quarantine')),
    rows_in_file   BIGINT NOT NULL,
    rows_added     BIGINT NOT NULL,
    rows_updated   BIGINT NOT NULL,
    rows_unchanged BIGINT NOT NULL,
    rows_rejected  BIGINT NOT NULL,
    warnings       BIGINT NOT NULL,
    created        JSON,              -- {"reps": 3, "customers": 12}: rows the file's names added
    mapping        JSON NOT NULL
);

-- Column mappings saved by name from the Data page or the CLI (shipped ones are TOML files).
CREATE TABLE import_presets (
    name       VARCHAR PRIMARY KEY,
    definition JSON NOT NULL,
    saved_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
