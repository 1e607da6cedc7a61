import type { JobSender } from "@agendacraft/db/jobs";
import { Prisma } from "@agendacraft/db/prisma";
import type { Clock } from "../../shared/clock.ts";
import { type Db, withTransaction } from "../../shared/db.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import type { TodoistUser } from "../api/todoist-objects.ts";
import { TodoistSyncJob } from "../sync/todoist-sync-job-type.ts";
import { expiresAt } from "./stored-todoist-auth.ts";
import type { TodoistGrant } from "./todoist-oauth-requests.ts";
import { sealTodoistAccessToken, sealTodoistRefreshToken } from "./todoist-tokens.ts";

/**
 * Stores the person's Todoist connection (one per person) after Todoist vouched for the
 * token, and queues its sync (the first import) in the same transaction.
 *
 * The same Todoist account again (a reconnect after a refused token, or switching between
 * token and OAuth): the links and sync_token stay, so nothing is imported twice.
 * Another Todoist account than the linked one: the connection is replaced. The old account's
 * links and pending commands go and the sync starts over with a full import ("*"); the tasks
 * and projects imported from the old account stay here as ordinary ones (as after
 * disconnect({ keepTasks: true })), since changes to them could no longer reach their account.
 */
export async function storeTodoistConnection({
  db,
  secrets,
  clock,
  jobs,
  userId,
  user,
  authKind,
  grant,
}: {
  db: Db;
  secrets: SecretKeyring;
  clock: Clock;
  jobs: JobSender;
  userId: string;
  /** GET /api/v1/user with the new token. */
  user: TodoistUser;
  authKind: "token" | "oauth";
  grant: TodoistGrant;
}): Promise<{ connectionId: string }> {
  return withTransaction(db, async (tx) => {
    const existing = await tx.todoistConnection.findUnique({
      where: { userId },
      select: { id: true, todoistUserId: true },
    });
    const otherAccount = existing !== null && existing.todoistUserId !== user.id;
    if (existing && otherAccount) {
      await tx.todoistTaskLink.deleteMany({ where: { connectionId: existing.id } });
      await tx.todoistProjectLink.deleteMany({ where: { connectionId: existing.id } });
      await tx.todoistCommand.deleteMany({ where: { connectionId: existing.id } });
    }
    const fields = {
      todoistUserId: user.id,
      email: user.email,
      name: user.full_name || user.email,
      timeZone: user.tz_info?.timezone ?? null,
      authKind,
      status: "ok" as const,
      lastError: null,
      accessToken: sealTodoistAccessToken(secrets, grant.accessToken),
      refreshToken: grant.refreshToken ? sealTodoistRefreshToken(secrets, grant.refreshToken) : null,
      accessTokenExpiresAt: expiresAt(clock, grant.expiresInSeconds),
    };
    const startOver = {
      syncToken: "*",
      completedSince: null,
      lastSyncedAt: null,
      lastResult: Prisma.DbNull,
      runningPhase: null,
      runningDone: 0,
      runningTotal: 0,
      runningSince: null,
    };
    const connection = existing
      ? await tx.todoistConnection.update({
          where: { id: existing.id },
          data: { ...fields, ...(otherAccount ? startOver : {}), version: { increment: 1 } },
          select: { id: true },
        })
      : await tx.todoistConnection.create({ data: { userId, ...fields }, select: { id: true } });
    await jobs.send(TodoistSyncJob, { connectionId: connection.id }, { tx, singletonKey: connection.id });
    return { connectionId: connection.id };
  });
}
