import { type Db, withTransaction } from "../shared/db.ts";
import { isDomainError } from "../shared/errors.ts";
import type { SecretKeyring } from "../shared/secrets/secret-keyring.ts";
import { openFeedUrl, sealFeedUrl } from "./feed-url-secret.ts";

const BATCH_SIZE = 200;

export type SealFeedUrlsResult = {
  /** Rows written with the current key. */
  sealed: number;
  /** Rows no configured key opens: left as they were (their syncs say so in lastError). */
  unreadable: number;
};

/**
 * Seals stored calendar addresses with the current key, in batches by id, each batch in
 * its own transaction. `plaintext`: only addresses stored before encryption (run at every
 * start; a no-op once done). `all`: also every address sealed with an older key (key
 * rotation). Idempotent, and safe beside running servers: a row changed meanwhile is
 * left to the next run instead of overwritten.
 */
export async function sealFeedUrls({
  db,
  secrets,
  scope,
  batchSize = BATCH_SIZE,
}: {
  db: Db;
  secrets: SecretKeyring;
  scope: "plaintext" | "all";
  /** Rows read and written per transaction. */
  batchSize?: number;
}): Promise<SealFeedUrlsResult> {
  // Every value sealed with the current key starts so; a plaintext address never starts with "v1.".
  const settled = scope === "plaintext" ? "v1." : `v1.${secrets.current.id}.`;
  let sealed = 0;
  let unreadable = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; url: string }[]>`
      SELECT id::text AS id, url FROM calendar_feeds
      WHERE id > ${after}::uuid AND NOT starts_with(url, ${settled})
      ORDER BY id LIMIT ${batchSize}`;
    const last = rows.at(-1);
    if (!last) return { sealed, unreadable };
    after = last.id;
    const updates: { id: string; from: string; to: string }[] = [];
    for (const row of rows) {
      try {
        updates.push({ id: row.id, from: row.url, to: sealFeedUrl(secrets, openFeedUrl(secrets, row.url)) });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        unreadable++;
      }
    }
    sealed += await withTransaction(db, async (tx) => {
      let written = 0;
      for (const { id, from, to } of updates) {
        written += (await tx.calendarFeed.updateMany({ where: { id, url: from }, data: { url: to } })).count;
      }
      return written;
    });
  }
}
