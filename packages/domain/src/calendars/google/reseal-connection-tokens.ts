import { type Db, withTransaction } from "../../shared/db.ts";
import { isDomainError } from "../../shared/errors.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { openAccessToken, openRefreshToken, sealAccessToken, sealRefreshToken } from "./connection-tokens.ts";

const BATCH_SIZE = 200;

export type ResealConnectionTokensResult = {
  /** Connections whose tokens were written with the current key. */
  sealed: number;
  /** Connections with a token no configured key opens: left as they were. */
  unreadable: number;
};

type TokenRow = { id: string; accessToken: string | null; refreshToken: string | null };

/**
 * Seals every Google connection's tokens with the current key (key rotation), in batches
 * by id, each batch in its own transaction. Idempotent, and safe beside running servers: a
 * connection whose tokens changed meanwhile (a refresh) already has them under the current key,
 * so it is left as it is.
 */
export async function resealConnectionTokens({
  db,
  secrets,
  batchSize = BATCH_SIZE,
}: {
  db: Db;
  secrets: SecretKeyring;
  batchSize?: number;
}): Promise<ResealConnectionTokensResult> {
  const settled = `v1.${secrets.current.id}.`;
  let sealed = 0;
  let unreadable = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<TokenRow[]>`
      SELECT id::text AS id, "accessToken", "refreshToken" FROM calendar_connections
      WHERE id > ${after}::uuid
        AND (NOT starts_with(coalesce("accessToken", ${settled}), ${settled})
          OR NOT starts_with(coalesce("refreshToken", ${settled}), ${settled}))
      ORDER BY id LIMIT ${batchSize}`;
    const last = rows.at(-1);
    if (!last) return { sealed, unreadable };
    after = last.id;
    const updates: { row: TokenRow; accessToken: string | null; refreshToken: string | null }[] = [];
    for (const row of rows) {
      try {
        updates.push({
          row,
          accessToken: row.accessToken && sealAccessToken(secrets, openAccessToken(secrets, row.accessToken)),
          refreshToken: row.refreshToken && sealRefreshToken(secrets, openRefreshToken(secrets, row.refreshToken)),
        });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        unreadable++;
      }
    }
    sealed += await withTransaction(db, async (tx) => {
      let written = 0;
      for (const { row, accessToken, refreshToken } of updates) {
        const { count } = await tx.calendarConnection.updateMany({
          where: { id: row.id, accessToken: row.accessToken, refreshToken: row.refreshToken },
          data: { accessToken, refreshToken },
        });
        written += count;
      }
      return written;
    });
  }
}
