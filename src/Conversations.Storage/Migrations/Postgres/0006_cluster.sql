-- A cluster of nodes on one database: Orleans membership (one version row per cluster and one row per silo
-- incarnation, each with its own etag for optimistic concurrency) and the Data Protection key ring that
-- every node reads, so a token or cookie protected by one node is accepted by all.
CREATE TABLE membership_versions (
    cluster_id  text        NOT NULL PRIMARY KEY,
    version     integer     NOT NULL,
    etag        text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE membership_silos (
    cluster_id     text        NOT NULL,
    address        text        NOT NULL,
    port           integer     NOT NULL,
    generation     integer     NOT NULL,
    silo_name      text        NOT NULL,
    host_name      text        NOT NULL,
    status         integer     NOT NULL,
    proxy_port     integer     NOT NULL,
    role_name      text        NULL,
    update_zone    integer     NOT NULL,
    fault_zone     integer     NOT NULL,
    suspect_times  text        NULL,
    start_time     timestamptz NOT NULL,
    iamalive_time  timestamptz NOT NULL,
    etag           text        NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

CREATE TABLE data_protection_keys (
    name        text        NOT NULL PRIMARY KEY,
    xml         text        NOT NULL,
    created_at  timestamptz NOT NULL
);
