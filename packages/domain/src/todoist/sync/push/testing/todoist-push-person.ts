import type { PrismaClient } from "@agendacraft/db/client";
import type { JobSender } from "@agendacraft/db/jobs";
import type { FakeTodoist } from "@agendacraft/fake-todoist";
import { createUser } from "../../../../notifier/testing/fixtures.ts";
import {
  completeTask,
  createTask,
  deleteTask,
  moveTask,
  reopenTask,
  updateTask,
  ZCreateTaskInput,
  ZMoveTaskInput,
  ZUpdateTaskInput,
} from "../../../../scheduler/tasks/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { createEventOutbox, dispatchEvents } from "../../../../shared/events/index.ts";
import { createTodoistClient, staticTodoistAuth } from "../../../api/todoist-client.ts";
import { ZTodoistItem } from "../../../api/todoist-objects.ts";
import { localFieldsOf, remoteFieldsOf } from "../../../todoist-snapshot.ts";
import { pushTodoistChanges } from "../../push-todoist-changes.ts";
import { createTodoistPushSubscriber } from "../../todoist-push-subscriber.ts";

type Raw<T extends { parse(value: unknown): unknown }> = Parameters<T["parse"]>[0];
type NewTodoistTask = Parameters<FakeTodoist["addTask"]>[1];

/**
 * A person with a Todoist connection (on the fake) and tasks linked as an import leaves them:
 * the Todoist item, the local task, and the snapshot of both. Local changes go through the
 * scheduler's services and the real outbox; `deliver` hands them to the push subscriber.
 */
export async function todoistPushPerson({
  prisma,
  fake,
  clock,
  jobs,
  timeZone = "Europe/Berlin",
}: {
  prisma: PrismaClient;
  fake: FakeTodoist;
  clock: Clock;
  jobs: JobSender;
  timeZone?: string;
}) {
  const user = await createUser(prisma, { timeZone });
  const email = `person-${user.id}@example.com`;
  const account = fake.addAccount({ email, timezone: timeZone });
  const connection = await prisma.todoistConnection.create({
    data: {
      userId: user.id,
      todoistUserId: account.id,
      email,
      name: email,
      timeZone,
      authKind: "token",
      // The push is handed its client; it never opens the stored token.
      accessToken: "not read by the push",
    },
  });
  await prisma.todoistProjectLink.create({
    data: { connectionId: connection.id, todoistId: account.inbox_project_id, isInbox: true, name: "Inbox" },
  });
  const client = createTodoistClient({
    apiOrigin: fake.url,
    auth: staticTodoistAuth(fake.issueToken(email)),
    backoffMs: 1,
  });
  const events = createEventOutbox({ jobs, clock });
  const actor = { db: prisma, actorId: user.id, events };
  const subscribers = [createTodoistPushSubscriber({ jobs, clock })];
  let projects = 0;

  return {
    user,
    email,
    connection,
    client,
    /** A Todoist project and the local project imported from it. */
    async linkProject(name: string) {
      const remote = fake.addProject(email, { name });
      projects += 1;
      const project = await prisma.project.create({ data: { userId: user.id, name, order: projects } });
      await prisma.todoistProjectLink.create({
        data: { connectionId: connection.id, todoistId: remote.id, projectId: project.id, name },
      });
      return { todoistId: remote.id, projectId: project.id };
    },
    /** A Todoist item and its local task, linked with both sides agreed. */
    async linkTask(remoteInput: NewTodoistTask, localInput: Raw<typeof ZCreateTaskInput>) {
      const remote = fake.addTask(email, remoteInput);
      const task = await createTask({ ...actor, clock, input: ZCreateTaskInput.parse(localInput) });
      const stored = await prisma.task.findUniqueOrThrow({ where: { id: task.id } });
      await prisma.todoistTaskLink.create({
        data: {
          connectionId: connection.id,
          todoistId: remote.id,
          taskId: task.id,
          synced: { remote: remoteFieldsOf(ZTodoistItem.parse(remote)), local: localFieldsOf(stored) },
        },
      });
      return { todoistId: remote.id, taskId: task.id };
    },
    update: (raw: Raw<typeof ZUpdateTaskInput>) => updateTask({ ...actor, clock, input: ZUpdateTaskInput.parse(raw) }),
    move: (raw: Raw<typeof ZMoveTaskInput>) => moveTask({ ...actor, input: ZMoveTaskInput.parse(raw) }),
    complete: (id: string) => completeTask({ ...actor, clock, id }),
    reopen: (id: string) => reopenTask({ ...actor, clock, id }),
    delete: (id: string) => deleteTask({ ...actor, id }),
    /** Delivers the person's events to the push subscriber, as the worker's dispatch would. */
    async deliver() {
      const outcome = await dispatchEvents({ db: prisma, userId: user.id, subscribers, clock });
      if (outcome.failed.length > 0) throw new Error(`delivery failed: ${JSON.stringify(outcome.failed)}`);
    },
    push: () => pushTodoistChanges({ db: prisma, client, clock, connectionId: connection.id }),
    link: (todoistId: string) =>
      prisma.todoistTaskLink.findUnique({
        where: { connectionId_todoistId: { connectionId: connection.id, todoistId } },
      }),
    /** The sync requests this person's pushes made (the fake records every request). */
    syncRequests: () => fake.requests.filter((request) => request.path === "/api/v1/sync"),
  };
}
