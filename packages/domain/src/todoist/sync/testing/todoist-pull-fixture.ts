import type { PrismaClient } from "@agendacraft/db/client";
import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import type { FakeTodoist } from "@agendacraft/fake-todoist";
import { createUser } from "../../../notifier/testing/fixtures.ts";
import type { Clock } from "../../../shared/clock.ts";
import { createRecordingEvents } from "../../../shared/events/create-recording-events.ts";
import { newId } from "../../../shared/ids.ts";
import { createTodoistClient, staticTodoistAuth } from "../../api/todoist-client.ts";
import { type OnProgress, pullTodoistChanges } from "../pull-todoist-changes.ts";

/**
 * A person with a Todoist account in the fake and a connection row, and their pull bound to
 * a client on the fake (the token is passed to the client, so the row holds no real one).
 */
export async function todoistPuller({
  prisma,
  fake,
  clock,
  timeZone = "Europe/Berlin",
}: {
  prisma: PrismaClient;
  fake: FakeTodoist;
  clock: Clock;
  timeZone?: string;
}) {
  const user = await createUser(prisma, { timeZone });
  const email = `todoist-${newId()}@example.com`;
  const account = fake.addAccount({ email, fullName: "Ada", timezone: timeZone });
  const connection = await prisma.todoistConnection.create({
    data: {
      userId: user.id,
      todoistUserId: account.id,
      email,
      name: "Ada",
      timeZone,
      authKind: "token",
      accessToken: "not-used-in-these-tests",
    },
  });
  const client = createTodoistClient({
    apiOrigin: fake.url,
    auth: staticTodoistAuth(fake.issueToken(email)),
    backoffMs: 1,
  });
  const events = createRecordingEvents();
  const pull = (options: { onProgress?: OnProgress; signal?: AbortSignal } = {}) =>
    pullTodoistChanges({
      db: prisma,
      client,
      clock,
      events,
      jobs: createRecordingJobs(),
      connectionId: connection.id,
      ...options,
    });
  const link = async (todoistId: string) =>
    prisma.todoistTaskLink.findUniqueOrThrow({
      where: { connectionId_todoistId: { connectionId: connection.id, todoistId } },
    });
  const taskOf = async (todoistId: string) => {
    const { taskId } = await link(todoistId);
    if (!taskId) throw new Error(`The Todoist task ${todoistId} has no local task.`);
    return prisma.task.findUniqueOrThrow({ where: { id: taskId } });
  };
  return { userId: user.id, email, connectionId: connection.id, client, events, pull, link, taskOf };
}
