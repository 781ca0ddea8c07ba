-- The Data Protection key ring in the database, so every process over this file reads the same keys.
-- Orleans membership exists only on PostgreSQL: a cluster of nodes needs a database server.
CREATE TABLE data_protection_keys (
    name        TEXT    NOT NULL PRIMARY KEY,
    xml         TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
) WITHOUT ROWID;
