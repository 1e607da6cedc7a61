import type { PrismaClient } from "@agendacraft/db/client";
import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import type { FakeTodoist } from "@agendacraft/fake-todoist";
import { createUser } from "../../notifier/testing/fixtures.ts";
import type { Clock } from "../../shared/clock.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import { connectTodoistWithToken } from "../connect/connect-todoist-with-token.ts";
import type { TodoistConfig } from "../todoist-config.ts";

let accounts = 0;

/**
 * A new person connected, with a personal token, to a new account of the fake Todoist, exactly
 * as todoist.connect() does it. Returns the account's email (to arrange things in the fake).
 */
export async function connectFakeAccount({
  db,
  fake,
  config,
  secrets,
  clock,
}: {
  db: PrismaClient;
  fake: FakeTodoist;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
}): Promise<{ userId: string; email: string; connectionId: string }> {
  accounts += 1;
  const user = await createUser(db, { timeZone: "Europe/Berlin" });
  const email = `account-${accounts}-${user.id}@example.com`;
  fake.addAccount({ email, fullName: "Ada Lovelace", timezone: "Europe/Berlin" });
  await connectTodoistWithToken({
    db,
    config,
    secrets,
    clock,
    events: { record: async () => {} },
    jobs: createRecordingJobs(),
    actorId: user.id,
    input: { apiToken: fake.issueToken(email) },
  });
  const connection = await db.todoistConnection.findUniqueOrThrow({ where: { userId: user.id }, select: { id: true } });
  return { userId: user.id, email, connectionId: connection.id };
}
