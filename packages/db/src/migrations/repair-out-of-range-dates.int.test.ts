import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/use-test-database.ts";
import { applyMigrations } from "./apply-migrations.ts";

const MIGRATION = "20261201090000_repair_out_of_range_dates";
const LAST = "2999-12-31 23:59:59.999+00";
const FIRST = "1970-01-01 00:00:00+00";

// The repair runs the way a deployment runs it: the schema engine applies the migration
// to a database that holds rows written before dates were range-checked.
describe(`migration ${MIGRATION}`, () => {
  const database = useTestDatabase();
  const sql = (text: string) => database().pool.query(text);
  const rows = async (text: string) => (await sql(text)).rows;

  it("repairs every user-set date outside 1970..2999 and leaves the rest alone", async () => {
    // The test database is already migrated: forget the repair so it runs on the rows below.
    await sql(`DELETE FROM _prisma_migrations WHERE migration_name = '${MIGRATION}'`);
    await sql(`
      INSERT INTO users (id, name, email, "updatedAt") VALUES ('0190a000-0000-7000-8000-000000000001', 'Ada', 'ada@example.com', now());
      INSERT INTO tasks (id, "userId", summary, "order", "updatedAt", "startTime", "endTime", "dueAt") VALUES
        ('0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-000000000001', 'start in 10000', 1, now(), '10000-01-01 00:00+00', '10000-01-01 00:30+00', NULL),
        ('0190a000-0000-7000-8000-0000000000a2', '0190a000-0000-7000-8000-000000000001', 'end in 10000', 2, now(), '2026-06-01 09:00+00', '10000-01-01 00:00+00', '2026-06-05 00:00+00'),
        ('0190a000-0000-7000-8000-0000000000a3', '0190a000-0000-7000-8000-000000000001', 'due in 10000', 3, now(), NULL, NULL, '10000-01-01 00:00+00'),
        ('0190a000-0000-7000-8000-0000000000a4', '0190a000-0000-7000-8000-000000000001', 'due in 1900', 4, now(), NULL, NULL, '1900-01-01 00:00+00'),
        ('0190a000-0000-7000-8000-0000000000a5', '0190a000-0000-7000-8000-000000000001', 'fine', 5, now(), '2026-06-01 09:00+00', '2026-06-01 10:00+00', '2999-12-31 23:59:59.999+00');
      INSERT INTO task_blocks (id, "userId", "taskId", start, "end") VALUES
        ('0190a000-0000-7000-8000-0000000000b1', '0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000a1', '10000-01-01 00:00+00', '10000-01-01 00:30+00'),
        ('0190a000-0000-7000-8000-0000000000b2', '0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000a5', '2026-06-01 09:00+00', '2026-06-01 09:30+00');
      INSERT INTO plan_runs (id, "userId", options, "placedCount", "unplacedCount") VALUES
        ('0190a000-0000-7000-8000-0000000000c1', '0190a000-0000-7000-8000-000000000001', '{}', 3, 0);
      INSERT INTO plan_run_changes (id, "runId", "taskId", "oldStart", "oldEnd", "newStart", "newEnd", explanation, "appliedVersion") VALUES
        ('0190a000-0000-7000-8000-0000000000d1', '0190a000-0000-7000-8000-0000000000c1', '0190a000-0000-7000-8000-0000000000a1', NULL, NULL, '10000-01-01 00:00+00', '10000-01-01 00:30+00', 'placed far', 1),
        ('0190a000-0000-7000-8000-0000000000d2', '0190a000-0000-7000-8000-0000000000c1', '0190a000-0000-7000-8000-0000000000a2', '10000-01-01 00:00+00', '10000-01-01 00:30+00', '2026-06-01 09:00+00', '2026-06-01 09:30+00', 'moved back', 1),
        ('0190a000-0000-7000-8000-0000000000d3', '0190a000-0000-7000-8000-0000000000c1', '0190a000-0000-7000-8000-0000000000a5', NULL, NULL, '2026-06-01 09:00+00', '2026-06-01 10:00+00', 'fine', 1);
      INSERT INTO calendar_feeds (id, "userId", name, url, "eventCount") VALUES
        ('0190a000-0000-7000-8000-0000000000e1', '0190a000-0000-7000-8000-000000000001', 'Work', 'https://calendar.example.com/basic.ics', 3);
      INSERT INTO busy_events (id, "userId", "feedId", uid, summary, start, "end") VALUES
        ('0190a000-0000-7000-8000-0000000000f1', '0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000e1', 'ok', 'ok', '2026-06-01 09:00+00', '2026-06-01 10:00+00'),
        ('0190a000-0000-7000-8000-0000000000f2', '0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000e1', 'forever', 'forever', '2026-06-01 12:00+00', '10000-01-01 00:00+00'),
        ('0190a000-0000-7000-8000-0000000000f3', '0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000e1', 'ancient', 'ancient', '1900-01-01 00:00+00', '1900-01-01 01:00+00');
      INSERT INTO planners (id, "userId", name, recurrence, "startDate", "startTime", minutes, "timeZone", "updatedAt") VALUES
        ('0190a000-0000-7000-8000-000000000101', '0190a000-0000-7000-8000-000000000001', 'far', 'FREQ=DAILY', '9999-12-31', '09:00', 60, 'UTC', now()),
        ('0190a000-0000-7000-8000-000000000102', '0190a000-0000-7000-8000-000000000001', 'old', 'FREQ=DAILY', '1900-01-01', '09:00', 60, 'UTC', now()),
        ('0190a000-0000-7000-8000-000000000103', '0190a000-0000-7000-8000-000000000001', 'fine', 'FREQ=DAILY', '2026-06-01', '09:00', 60, 'UTC', now());
    `);

    expect(await applyMigrations(database().url)).toEqual([MIGRATION]);

    expect(
      await rows(`SELECT summary, "startTime"::text AS start, "endTime"::text AS end, "dueAt"::text AS due
                  FROM tasks ORDER BY "order"`),
    ).toEqual([
      { summary: "start in 10000", start: null, end: null, due: null },
      { summary: "end in 10000", start: null, end: null, due: "2026-06-05 00:00:00+00" },
      { summary: "due in 10000", start: null, end: null, due: LAST },
      { summary: "due in 1900", start: null, end: null, due: FIRST },
      { summary: "fine", start: "2026-06-01 09:00:00+00", end: "2026-06-01 10:00:00+00", due: LAST },
    ]);
    expect(await rows(`SELECT id::text FROM task_blocks ORDER BY id`)).toEqual([
      { id: "0190a000-0000-7000-8000-0000000000b2" },
    ]);
    expect(
      await rows(`SELECT explanation, "oldStart"::text AS old_start, "oldEnd"::text AS old_end
                  FROM plan_run_changes ORDER BY id`),
    ).toEqual([
      { explanation: "moved back", old_start: null, old_end: null },
      { explanation: "fine", old_start: null, old_end: null },
    ]);
    expect(await rows(`SELECT uid FROM busy_events ORDER BY uid`)).toEqual([{ uid: "ok" }]);
    expect(await rows(`SELECT "eventCount" AS count FROM calendar_feeds`)).toEqual([{ count: 1 }]);
    expect(await rows(`SELECT name, "startDate"::text AS start FROM planners ORDER BY name`)).toEqual([
      { name: "far", start: "2999-12-31" },
      { name: "fine", start: "2026-06-01" },
      { name: "old", start: "1970-01-01" },
    ]);

    // Every repaired row reads back through Prisma (the year 10000 used to come back as an Invalid Date).
    const tasks = await database().prisma.task.findMany({ select: { startTime: true, endTime: true, dueAt: true } });
    const dates = tasks.flatMap((task) => [task.startTime, task.endTime, task.dueAt]).filter((date) => date !== null);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date) => !Number.isNaN(date.getTime()))).toBe(true);
  });
});
