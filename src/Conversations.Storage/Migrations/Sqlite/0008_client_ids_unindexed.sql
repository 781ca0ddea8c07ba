-- The conversation grain, the only writer of its conversation's messages, checks client message ids itself
-- (ConversationGrain.StoredWithClientIdAsync). Their unique index was one more B-tree page written per message
-- in every group commit: about a third of the WAL frames at e2e saturation (3.0 -> 2.0 frames per message).
-- A conversation's rows are contiguous in the table's primary key, so a lookup by client id within one
-- conversation still reads only that conversation.
DROP INDEX ux_messages_client_id;
