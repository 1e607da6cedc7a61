import type { ServerDeps } from "../context.ts";
import { callerFor, createTestUser, type TestUser } from "./test-users.ts";

/** Minutes of each ordinary task: 10,000 of them fill about 73 days of the all-day planner. */
export const LARGE_ACCOUNT_TASK_MINUTES = 10;
/** Minutes of each task tied to the short late slot: twice the slot, so it can only be placed in parts. */
export const LARGE_ACCOUNT_SPLIT_MINUTES = 60;
/** A plan over the whole horizon, splitting what fits no single slot. */
export const LARGE_ACCOUNT_PLAN = {
  horizonDays: 90,
  options: { bufferMinutes: 0, dailyCapMinutes: null, split: { enabled: true, minChunkMinutes: 15 } },
} as const;

export type LargeAccount = {
  user: TestUser;
  caller: ReturnType<typeof callerFor>;
  /** Every open task, the split ones last. */
  taskIds: string[];
  splitTaskIds: string[];
};

/**
 * A person with `tasks` open unscheduled tasks, all of which a 90-day plan places: an
 * all-day planner (00:00-23:00 UTC) for ordinary 10-minute tasks, and a 30-minute late
 * slot (23:15) for `splitTasks` one-hour tasks tied to it, which must be split in two.
 * Tasks are inserted directly (in bulk): creating 10,000 through the API would take minutes.
 */
export async function createLargeAccount(
  deps: ServerDeps,
  { tasks, splitTasks = 0 }: { tasks: number; splitTasks?: number },
): Promise<LargeAccount> {
  const user = await createTestUser(deps, "Busy Person");
  const caller = callerFor(deps, user.session);
  await caller.iam.updateProfile({ timeZone: "UTC" });
  const startDate = deps.clock.now().toISOString().slice(0, 10);
  await caller.scheduler.planners.create({
    name: "All day",
    recurrence: "FREQ=DAILY",
    startDate,
    startTime: "00:00",
    minutes: 23 * 60,
  });
  const lateSlot = await caller.scheduler.planners.create({
    name: "Late slot",
    recurrence: "FREQ=DAILY",
    startDate,
    startTime: "23:15",
    minutes: 30,
  });

  const ordinary = tasks - splitTasks;
  await deps.db.task.createMany({
    data: Array.from({ length: tasks }, (_, i) => ({
      userId: user.userId,
      summary: `Task ${i + 1}`,
      order: i + 1,
      priority: i % 6,
      ...(i < ordinary
        ? { minutes: LARGE_ACCOUNT_TASK_MINUTES }
        : { minutes: LARGE_ACCOUNT_SPLIT_MINUTES, plannerId: lateSlot.id }),
    })),
  });
  const stored = await deps.db.task.findMany({
    where: { userId: user.userId },
    orderBy: { order: "asc" },
    select: { id: true },
  });
  const taskIds = stored.map((task) => task.id);
  return { user, caller, taskIds, splitTaskIds: taskIds.slice(ordinary) };
}
