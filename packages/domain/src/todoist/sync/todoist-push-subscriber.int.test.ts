import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask, ZCreateTaskInput } from "../../scheduler/tasks/index.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createEventOutbox } from "../../shared/events/index.ts";
import { todoistPushPerson } from "./push/testing/todoist-push-person.ts";
import { TODOIST_PUSH_DELAY_MS, TODOIST_SYNC_JOB } from "./todoist-sync-job-type.ts";

const NOW = new Date("2026-06-01T05:00:00Z");
const clock = fixedClock(NOW);

// The subscriber on the real outbox: the scheduler's services record events, the dispatcher
// delivers them, and the subscriber marks links and asks for the connection's sync.
describe("the Todoist push subscriber", () => {
  const database = useTestDatabase();
  let fake: FakeTodoist;

  beforeAll(async () => {
    fake = await startFakeTodoist({ now: () => clock.now() });
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function person() {
    const jobs = createRecordingJobs();
    const who = await todoistPushPerson({ prisma: database().prisma, fake, clock, jobs });
    const syncJobs = () => jobs.sent.filter((job) => job.name === TODOIST_SYNC_JOB);
    return { ...who, jobs, syncJobs };
  }

  it("marks the link dirty and asks for the connection's sync (keyed by the connection) a few seconds later", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask({ content: "Draft" }, { summary: "Draft" });
    await who.update({ id: taskId, summary: "Draft v2" });
    await who.update({ id: taskId, minutes: 50 });
    await who.deliver();

    expect((await who.link(todoistId))?.dirty).toBe(true);
    const sent = who.syncJobs();
    expect(sent.length).toBeGreaterThan(0);
    for (const job of sent) {
      expect(job).toMatchObject({
        data: { connectionId: who.connection.id },
        options: { singletonKey: who.connection.id, startAfter: new Date(NOW.getTime() + TODOIST_PUSH_DELAY_MS) },
      });
    }
  });

  it("asks for the sync when a linked task is completed or deleted", async () => {
    const who = await person();
    const completed = await who.linkTask({ content: "Pay rent" }, { summary: "Pay rent" });
    await who.complete(completed.taskId);
    await who.deliver();
    expect(who.syncJobs()).toHaveLength(1);
    expect((await who.link(completed.todoistId))?.dirty).toBe(true);

    const deleted = await who.linkTask({ content: "Old idea" }, { summary: "Old idea" });
    await who.delete(deleted.taskId);
    await who.deliver();
    expect(who.syncJobs()).toHaveLength(2);
    expect(await who.link(deleted.todoistId)).toMatchObject({ taskId: null });
  });

  it("asks for nothing when nothing reaches Todoist: unlinked tasks, values Todoist holds, fields it has no place for", async () => {
    const who = await person();
    const { todoistId, taskId } = await who.linkTask({ content: "Tidy" }, { summary: "Tidy" });
    await who.update({ id: taskId, priority: 1 }); // "Lowest": Todoist's p4, as before
    const own = await createTask({
      db: database().prisma,
      actorId: who.user.id,
      events: createEventOutbox({ jobs: who.jobs, clock }),
      clock,
      input: ZCreateTaskInput.parse({ summary: "Not from Todoist" }),
    });
    await who.update({ id: own.id, summary: "Still not from Todoist" });
    await who.deliver();

    expect(who.syncJobs()).toEqual([]);
    expect((await who.link(todoistId))?.dirty).toBe(false);
  });
});
