-- Orleans' reminder service reads the reminders of its share of the ring by grain hash, and fences
-- removals with an ETag. Rows written before this migration get their hash from the reminder table
-- when the silo starts (the hash is Orleans' own, computed in .NET).
ALTER TABLE reminders ADD COLUMN grain_hash INTEGER NULL;
ALTER TABLE reminders ADD COLUMN etag INTEGER NOT NULL DEFAULT 1;
CREATE INDEX reminders_grain_hash ON reminders (grain_hash);
