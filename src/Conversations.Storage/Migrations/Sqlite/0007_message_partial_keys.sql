-- Most messages have no provider id (web chat, agents, the assistant) and the assistant's and system messages
-- have no client id, yet the table's UNIQUE constraints kept an index entry for each of them: one more B-tree
-- page rewritten per message in every group commit, for entries that can never conflict. The same keys stay
-- unique as partial indexes over the messages that have them. A constraint written in CREATE TABLE cannot be
-- dropped in SQLite, so the table is rebuilt (in this migration's transaction).
CREATE TABLE messages_rebuilt (
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
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;

INSERT INTO messages_rebuilt (conversation_id, seq, id, kind, author_kind, author_id, author_name, text, attachment, options,
    client_message_id, channel_id, external_id, created_at)
SELECT conversation_id, seq, id, kind, author_kind, author_id, author_name, text, attachment, options,
    client_message_id, channel_id, external_id, created_at
FROM messages;

DROP TABLE messages;
ALTER TABLE messages_rebuilt RENAME TO messages;
CREATE UNIQUE INDEX ux_messages_client_id ON messages (conversation_id, client_message_id) WHERE client_message_id IS NOT NULL;
CREATE UNIQUE INDEX ux_messages_external_id ON messages (channel_id, external_id) WHERE external_id IS NOT NULL;
