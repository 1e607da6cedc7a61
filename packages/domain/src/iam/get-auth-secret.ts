import { randomBytes } from "node:crypto";
import type { Db } from "../shared/db.ts";

const AUTH_SECRET_KEY = "auth_secret";

/**
 * The secret that signs session cookies. An operator may set one (AUTH_SECRET);
 * otherwise the first start mints one and keeps it in the database, so every server
 * process sharing the database signs and checks cookies alike and restarts keep
 * people signed in.
 */
export async function getAuthSecret({ db, configured }: { db: Db; configured?: string }): Promise<string> {
  if (configured) return configured;
  const row = await db.appMeta.upsert({
    where: { key: AUTH_SECRET_KEY },
    create: { key: AUTH_SECRET_KEY, value: randomBytes(32).toString("base64url") },
    update: {},
  });
  return row.value;
}
