-- Outbound connector deliveries name the message they carry, so a provider's status callback can be
-- matched to it; message_status keeps the furthest status each outbound message reached on its channel.
ALTER TABLE outbound_deliveries ADD COLUMN message_id TEXT NULL;

CREATE TABLE message_status (
    channel_id  TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (channel_id, message_id)
) WITHOUT ROWID;
