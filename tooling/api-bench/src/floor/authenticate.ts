import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type pg from "pg";

/**
 * The floor's half of what iam's authenticateApiToken does per request: one lookup of the
 * bearer secret's SHA-256 in api_tokens. The id of the person, or null (401).
 */
export async function authenticate(pool: pg.Pool, request: IncomingMessage): Promise<string | null> {
  const header = request.headers.authorization;
  if (!header?.startsWith("Bearer act_")) return null;
  const hash = createHash("sha256").update(header.slice("Bearer ".length)).digest("hex");
  const { rows } = await pool.query<{ userId: string; expiresAt: Date | null }>(
    `SELECT "userId", "expiresAt" FROM api_tokens WHERE "tokenHash" = $1`,
    [hash],
  );
  const token = rows[0];
  if (!token || (token.expiresAt && token.expiresAt <= new Date())) return null;
  return token.userId;
}
