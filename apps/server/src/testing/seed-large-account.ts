import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@agendacraft/db/client";
import { createApiToken } from "@agendacraft/domain/iam";
import { newId, systemClock } from "@agendacraft/domain/shared";

/** How big the seeded account is; the defaults are the "realistic large account" of the limits benchmark. */
export type LargeAccountShape = {
  tasks: number;
  /** Of the tasks, the share with a start time (in the next 60 days) and the share done; the rest are open and unscheduled. */
  scheduledShare: number;
  doneShare: number;
  planners: number;
  calendars: number;
  /** Busy events per calendar per day, from 7 days ago to 90 days ahead (what a sync keeps). */
  eventsPerCalendarDay: number;
  projects: number;
  areas: number;
  notifications: number;
  planRuns: number;
  tokens: number;
};

export const LARGE_ACCOUNT: LargeAccountShape = {
  tasks: 5000,
  scheduledShare: 0.2,
  doneShare: 0.3,
  planners: 50,
  calendars: 20,
  eventsPerCalendarDay: 4,
  projects: 100,
  areas: 20,
  notifications: 1000,
  planRuns: 30,
  tokens: 20,
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kathmandu", "UTC", "Australia/Sydney"];
const RULES = [
  "FREQ=DAILY",
  "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  "FREQ=WEEKLY;BYDAY=SA,SU",
  "FREQ=WEEKLY;BYDAY=MO,WE,FR",
  "FREQ=MONTHLY;BYMONTHDAY=1,15",
];

/** A small seeded generator, so every run seeds the same account. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await write(rows.slice(i, i + 1000));
}

/**
 * One person with a lot of everything, written straight to the database (seeding 5,000
 * tasks through the API would take minutes): tasks spread over projects and the inbox
 * (open unscheduled, scheduled in the next weeks, done), planners in several zones,
 * calendars full of busy events, notifications, plan runs and tokens. Returns an API
 * token to call the server as that person. `now` anchors every date.
 */
export async function seedLargeAccount(
  prisma: PrismaClient,
  { shape = LARGE_ACCOUNT, now = new Date() }: { shape?: LargeAccountShape; now?: Date } = {},
): Promise<{ userId: string; token: string }> {
  const next = random(20_260_601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const user = await prisma.user.create({
    data: { name: "Large Account", email: `large-${randomUUID()}@example.com`, timeZone: "Europe/Berlin" },
  });
  const userId = user.id;

  const areas = Array.from({ length: shape.areas }, (_, i) => ({
    id: newId(),
    userId,
    name: `Area ${i}`,
    order: i + 1,
  }));
  await prisma.area.createMany({ data: areas });
  const projects = Array.from({ length: shape.projects }, (_, i) => ({
    id: newId(),
    userId,
    areaId: areas.length > 0 ? (areas[i % areas.length]?.id ?? null) : null,
    name: `Project ${i}`,
    order: i + 1,
  }));
  await prisma.project.createMany({ data: projects });

  const planners = Array.from({ length: shape.planners }, (_, i) => ({
    id: newId(),
    userId,
    name: `Planner ${i}`,
    recurrence: RULES[i % RULES.length] as string,
    startDate: new Date(now.getTime() - 60 * DAY),
    startTime: `${String(6 + (i % 12)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
    minutes: 60 + (i % 8) * 60,
    timeZone: ZONES[i % ZONES.length] as string,
  }));
  await prisma.planner.createMany({ data: planners });

  // Orders are 1..n per project and in the inbox, as the services keep them.
  const nextOrder = new Map<string | null, number>();
  const tasks = Array.from({ length: shape.tasks }, (_, i) => {
    const project = next() < 0.8 ? pick(projects) : null;
    const projectId = project?.id ?? null;
    const order = (nextOrder.get(projectId) ?? 0) + 1;
    nextOrder.set(projectId, order);
    const roll = next();
    const minutes = pick([15, 30, 30, 45, 60, 90, 120]);
    const done = roll < shape.doneShare;
    const scheduled = !done && roll < shape.doneShare + shape.scheduledShare;
    const start = new Date(Math.ceil((now.getTime() + next() * 60 * DAY) / (15 * MINUTE)) * 15 * MINUTE);
    return {
      id: newId(),
      userId,
      projectId,
      areaId: project?.areaId ?? null,
      plannerId: next() < 0.3 ? pick(planners).id : null,
      summary: `${pick(["Write", "Review", "Call", "Plan", "Fix", "Prepare"])} ${pick(["report", "budget", "slides", "release", "notes"])} ${i}`,
      description: next() < 0.3 ? "Some longer notes about what this task involves and who asked for it." : "",
      priority: Math.floor(next() * 6),
      order,
      minutes,
      startTime: scheduled ? start : null,
      endTime: scheduled ? new Date(start.getTime() + minutes * MINUTE) : null,
      dueAt: next() < 0.2 ? new Date(now.getTime() + Math.floor(next() * 90) * DAY) : null,
      completedAt: done ? new Date(now.getTime() - Math.floor(next() * 90) * DAY) : null,
    };
  });
  await inChunks(tasks, (data) => prisma.task.createMany({ data }));

  const syncFrom = now.getTime() - 7 * DAY;
  for (let c = 0; c < shape.calendars; c++) {
    const feed = await prisma.calendarFeed.create({
      data: {
        userId,
        name: `Calendar ${c}`,
        url: `https://calendar.example.com/calendar/ical/private-${randomUUID()}/basic.ics`,
        lastSyncedAt: now,
        eventCount: 97 * shape.eventsPerCalendarDay,
      },
    });
    const events = Array.from({ length: 97 * shape.eventsPerCalendarDay }, (_, e) => {
      const day = Math.floor(e / shape.eventsPerCalendarDay);
      const start = syncFrom + day * DAY + 7 * HOUR + Math.floor(next() * 48) * 15 * MINUTE;
      return {
        userId,
        feedId: feed.id,
        uid: `event-${e}#${new Date(start).toISOString()}`,
        summary: `Meeting ${e}`,
        start: new Date(start),
        end: new Date(start + pick([15, 30, 60, 90]) * MINUTE),
      };
    });
    await inChunks(events, (data) => prisma.busyEvent.createMany({ data }));
  }

  const notifications = Array.from({ length: shape.notifications }, (_, i) => ({
    userId,
    kind: "task_starting",
    taskId: tasks[i % tasks.length]?.id ?? null,
    title: `Starting soon: task ${i}`,
    body: "In 5 minutes.",
    dedupeKey: `bench:${userId}:${i}`,
    createdAt: new Date(now.getTime() - i * HOUR),
    readAt: i % 2 ? new Date(now.getTime() - i * HOUR + MINUTE) : null,
  }));
  await inChunks(notifications, (data) => prisma.notification.createMany({ data }));

  await prisma.planRun.createMany({
    data: Array.from({ length: shape.planRuns }, (_, i) => ({
      userId,
      options: { horizonDays: 14 },
      placedCount: 100 + i,
      unplacedCount: i,
      createdAt: new Date(now.getTime() - i * DAY),
    })),
  });

  let token = "";
  for (let i = 0; i < shape.tokens; i++) {
    const created = await createApiToken({
      db: prisma,
      actorId: userId,
      input: { name: `Script ${i}` },
      clock: systemClock,
    });
    token = created.secret;
  }
  return { userId, token };
}
