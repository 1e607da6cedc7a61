import { verifyPassword } from "better-auth/crypto";
import type { Db } from "../shared/db.ts";
import { DomainError } from "../shared/errors.ts";

/** Checks the actor's password against the stored hash (the auth library's scrypt). */
export async function assertPassword({ db, userId, password }: { db: Db; userId: string; password: string }) {
  const account = await db.account.findFirst({
    where: { userId, providerId: "credential" },
    select: { password: true },
  });
  const valid = account?.password ? await verifyPassword({ hash: account.password, password }) : false;
  if (!valid) {
    throw new DomainError({
      kind: "INVALID",
      code: "iam.wrong_password",
      message: "That password is not correct.",
      details: { field: "password" },
    });
  }
}
