CREATE TABLE grain_state (
    type        text        NOT NULL,
    key         text        NOT NULL,
    state_name  text        NOT NULL,
    version     bigint      NOT NULL,
    payload     bytea       NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (type, key, state_name)
);

CREATE TABLE messages (
    conversation_id   text        NOT NULL,
    seq               bigint      NOT NULL,
    id                text        NOT NULL,
    kind              text        NOT NULL,
    author_kind       text        NOT NULL,
    author_id         text        NULL,
    author_name       text        NOT NULL,
    text              text        NULL,
    attachment        text        NULL,
    options           text        NULL,
    client_message_id text        NULL,
    channel_id        text        NULL,
    external_id       text        NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (conversation_id, client_message_id),
    UNIQUE (channel_id, external_id)
);

CREATE TABLE reminders (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    name        text        NOT NULL,
    start_at    timestamptz NOT NULL,
    period_ms   bigint      NOT NULL,
    PRIMARY KEY (grain_type, grain_key, name)
);

CREATE TABLE conversation_index (
    conversation_id     text        NOT NULL PRIMARY KEY,
    workspace_id        text        NOT NULL,
    site_id             text        NOT NULL,
    channel_id          text        NOT NULL,
    status              text        NOT NULL,
    assigned_agent_id   text        NULL,
    assigned_agent_name text        NULL,
    contact_id          text        NOT NULL,
    contact_name        text        NOT NULL,
    last_message_text   text        NULL,
    last_message_author text        NULL,
    last_message_at     timestamptz NULL,
    unanswered          integer     NOT NULL,
    waiting_since       timestamptz NULL,
    monitored           text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX ix_conversation_index_list ON conversation_index (workspace_id, status, updated_at DESC, conversation_id DESC);

CREATE TABLE conversation_unread (
    conversation_id text    NOT NULL,
    agent_id        text    NOT NULL,
    unread          integer NOT NULL,
    PRIMARY KEY (conversation_id, agent_id)
);
CREATE INDEX ix_conversation_unread_agent ON conversation_unread (agent_id, conversation_id);

CREATE TABLE events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id    text        NOT NULL,
    type            text        NOT NULL,
    conversation_id text        NULL,
    agent_id        text        NULL,
    occurred_at     timestamptz NOT NULL,
    data            text        NULL
);
CREATE INDEX ix_events_workspace_time ON events (workspace_id, occurred_at);

CREATE TABLE uploads (
    id           text        NOT NULL PRIMARY KEY,
    workspace_id text        NOT NULL,
    content_type text        NOT NULL,
    name         text        NOT NULL,
    size         bigint      NOT NULL,
    bytes        bytea       NULL,
    path         text        NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE outbound_deliveries (
    id              text        NOT NULL PRIMARY KEY,
    channel_id      text        NOT NULL,
    conversation_id text        NOT NULL,
    payload         text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    status          text        NOT NULL,
    last_error      text        NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX ix_outbound_deliveries_due ON outbound_deliveries (status, next_attempt_at);
