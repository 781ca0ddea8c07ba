-- Times are INTEGER microseconds since the Unix epoch (UTC): exact, sortable and cheap to compare.
CREATE TABLE grain_state (
    type        TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB    NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (type, key, state_name)
) WITHOUT ROWID;

CREATE TABLE messages (
    conversation_id   TEXT    NOT NULL,
    seq               INTEGER NOT NULL,
    id                TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    author_kind       TEXT    NOT NULL,
    author_id         TEXT    NULL,
    author_name       TEXT    NOT NULL,
    text              TEXT    NULL,
    attachment        TEXT    NULL,
    options           TEXT    NULL,
    client_message_id TEXT    NULL,
    channel_id        TEXT    NULL,
    external_id       TEXT    NULL,
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (conversation_id, client_message_id),
    UNIQUE (channel_id, external_id)
) WITHOUT ROWID;

CREATE TABLE reminders (
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    start_at    INTEGER NOT NULL,
    period_ms   INTEGER NOT NULL,
    PRIMARY KEY (grain_type, grain_key, name)
) WITHOUT ROWID;

CREATE TABLE conversation_index (
    conversation_id     TEXT    NOT NULL PRIMARY KEY,
    workspace_id        TEXT    NOT NULL,
    site_id             TEXT    NOT NULL,
    channel_id          TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    assigned_agent_id   TEXT    NULL,
    assigned_agent_name TEXT    NULL,
    contact_id          TEXT    NOT NULL,
    contact_name        TEXT    NOT NULL,
    last_message_text   TEXT    NULL,
    last_message_author TEXT    NULL,
    last_message_at     INTEGER NULL,
    unanswered          INTEGER NOT NULL,
    waiting_since       INTEGER NULL,
    monitored           TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX ix_conversation_index_list ON conversation_index (workspace_id, status, updated_at DESC, conversation_id DESC);

CREATE TABLE conversation_unread (
    conversation_id TEXT    NOT NULL,
    agent_id        TEXT    NOT NULL,
    unread          INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, agent_id)
) WITHOUT ROWID;
CREATE INDEX ix_conversation_unread_agent ON conversation_unread (agent_id, conversation_id);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id    TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    conversation_id TEXT    NULL,
    agent_id        TEXT    NULL,
    occurred_at     INTEGER NOT NULL,
    data            TEXT    NULL
);
CREATE INDEX ix_events_workspace_time ON events (workspace_id, occurred_at);

CREATE TABLE uploads (
    id           TEXT    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    bytes        BLOB    NULL,
    path         TEXT    NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE outbound_deliveries (
    id              TEXT    NOT NULL PRIMARY KEY,
    channel_id      TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    last_error      TEXT    NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX ix_outbound_deliveries_due ON outbound_deliveries (status, next_attempt_at);
