import { ACCOUNT_LIMITS, limitReached } from "../../shared/account-limits.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { ApiTokenDto, CreateApiTokenInput } from "../schemas.ts";
import { apiTokenSelect } from "./api-token.select.ts";
import { generateApiTokenSecret } from "./api-token-secret.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a personal API token; the secret is returned here and never again. At most ACCOUNT_LIMITS.apiTokens, expired ones included (revoke to make room). */
export async function createApiToken({
  db,
  actorId,
  input,
  clock,
}: {
  db: Db;
  actorId: string;
  input: CreateApiTokenInput;
  clock: Clock;
}): Promise<{ token: ApiTokenDto; secret: string }> {
  if ((await db.apiToken.count({ where: { userId: actorId } })) >= ACCOUNT_LIMITS.apiTokens) {
    throw limitReached({ code: "iam.too_many_tokens", max: ACCOUNT_LIMITS.apiTokens, what: "API tokens" });
  }
  const { secret, prefix, hash } = generateApiTokenSecret();
  const now = clock.now();
  const token = await db.apiToken.create({
    data: {
      userId: actorId,
      name: input.name,
      prefix,
      tokenHash: hash,
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
    },
    select: apiTokenSelect,
  });
  return { token, secret };
}
