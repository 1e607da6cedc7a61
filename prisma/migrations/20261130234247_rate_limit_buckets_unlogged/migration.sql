-- Rate-limit counters move to rate-limiter-flexible's PostgreSQL store (one upsert per
-- hit), which keeps the expiry as epoch milliseconds. Converted in place, so windows
-- open during the upgrade keep their counts.
ALTER TABLE "rate_limit_buckets"
  ALTER COLUMN "expire" SET DATA TYPE BIGINT USING (EXTRACT(EPOCH FROM "expire") * 1000)::BIGINT;

-- A row without an expiry would never reset under that store.
DELETE FROM "rate_limit_buckets" WHERE "expire" IS NULL;

-- Every API call rewrites a counter: without WAL the write costs no disk flush. After a
-- database crash (not a clean restart) PostgreSQL empties the table, which only restarts
-- the current windows. Prisma cannot express UNLOGGED, so it lives only here.
ALTER TABLE "rate_limit_buckets" SET UNLOGGED;
