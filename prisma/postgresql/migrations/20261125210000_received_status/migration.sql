-- Copied from the SQLite migration (hand-written, no schema change): reviewed as valid PostgreSQL.
-- Events that take no reply were stored as "answered" (with answeredAt = receivedAt) before the
-- "received" status existed; only interactive events have a deadline.
UPDATE "Interaction" SET "status" = 'received', "answeredAt" = NULL WHERE "status" = 'answered' AND "deadlineAt" IS NULL;
