import type { PrismaClient } from "@agendacraft/db/client";
import type { Auth } from "@agendacraft/domain/iam";
import { createArea, ZCreateAreaInput } from "@agendacraft/domain/scheduler/areas";
import { createPlanner, ZCreatePlannerInput } from "@agendacraft/domain/scheduler/planners";
import { createProject, ZCreateProjectInput } from "@agendacraft/domain/scheduler/projects";
import { createTask, ZCreateTaskInput } from "@agendacraft/domain/scheduler/tasks";
import type { Clock } from "@agendacraft/domain/shared";
import type { EventRecorder } from "@agendacraft/domain/shared/events";
import { Temporal } from "temporal-polyfill";
import { DEMO_AREAS, DEMO_PLANNERS, DEMO_PROJECTS, DEMO_RECURRING_TASKS, DEMO_TASKS, DEMO_USER } from "./demo-data.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export type SeedResult = { email: string; password: string; created: boolean; tasks: number };

/**
 * Creates the demo user with areas, projects, planners and tasks through the same
 * services the API uses, recording their events: the worker then queues the dated
 * tasks' reminders. Idempotent: when the demo user already has data it changes nothing.
 */
export async function seedDemo({
  prisma,
  auth,
  clock,
  events,
  timeZone,
  print,
}: {
  prisma: PrismaClient;
  auth: Auth;
  clock: Clock;
  /** The outbox (a real one: reminders and re-plans follow from what the seed records). */
  events: EventRecorder;
  timeZone: string;
  print: (line: string) => void;
}): Promise<SeedResult> {
  const result = (created: boolean, tasks: number) => ({
    email: DEMO_USER.email,
    password: DEMO_USER.password,
    created,
    tasks,
  });
  let user = await prisma.user.findUnique({ where: { email: DEMO_USER.email }, select: { id: true } });
  if (user && (await prisma.area.count({ where: { userId: user.id } })) > 0) {
    print(`The demo user already has data; nothing to do.`);
    return result(false, await prisma.task.count({ where: { userId: user.id } }));
  }
  if (!user) {
    print(`Creating the demo user ${DEMO_USER.email}...`);
    const signedUp = await auth.api.signUpEmail({ body: { ...DEMO_USER, timeZone } });
    user = { id: signedUp.user.id };
  }
  const actorId = user.id;
  const db = prisma;

  print("Creating areas and projects...");
  const areaIds = new Map<string, string>();
  for (const area of DEMO_AREAS) {
    const created = await createArea({
      db,
      actorId,
      input: ZCreateAreaInput.parse({ name: area.name, color: area.color }),
    });
    areaIds.set(area.key, created.id);
  }
  const projectIds = new Map<string, string>();
  for (const project of DEMO_PROJECTS) {
    const input = ZCreateProjectInput.parse({
      name: project.name,
      color: project.color,
      areaId: areaIds.get(project.area),
    });
    projectIds.set(project.key, (await createProject({ db, actorId, input })).id);
  }

  print("Creating planners...");
  const today = Temporal.Instant.fromEpochMilliseconds(clock.now().getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  for (const planner of DEMO_PLANNERS) {
    const input = ZCreatePlannerInput.parse({ ...planner, startDate: today.toString(), timeZone });
    await createPlanner({ db, actorId, input, events });
  }

  print(`Creating ${DEMO_TASKS.length + DEMO_RECURRING_TASKS.length} tasks...`);
  const now = clock.now().getTime();
  for (const task of DEMO_TASKS) {
    const input = ZCreateTaskInput.parse({
      summary: task.summary,
      minutes: task.minutes,
      priority: task.priority,
      ...(task.project ? { projectId: projectIds.get(task.project) } : {}),
      ...(task.dueInDays !== null ? { dueAt: new Date(now + task.dueInDays * DAY_MS) } : {}),
    });
    await createTask({ db, actorId, input, clock, events });
  }
  const tomorrow = today.add({ days: 1 });
  for (const task of DEMO_RECURRING_TASKS) {
    const start = tomorrow.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(task.localTime) });
    const input = ZCreateTaskInput.parse({
      summary: task.summary,
      minutes: task.minutes,
      priority: task.priority,
      recurrence: task.recurrence,
      startTime: new Date(start.epochMilliseconds),
    });
    await createTask({ db, actorId, input, clock, events });
  }
  return result(true, DEMO_TASKS.length + DEMO_RECURRING_TASKS.length);
}
