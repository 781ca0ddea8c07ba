-- Who uploaded a file: a visitor may read back only its own uploads; agents read their workspace's.
ALTER TABLE uploads ADD COLUMN contact_id TEXT NULL;
ALTER TABLE uploads ADD COLUMN agent_id TEXT NULL;
