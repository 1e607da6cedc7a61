import { createTestDatabase, type TestDatabase } from "@agendacraft/db/testing";
import { type FakeTodoist, startFakeTodoist } from "@agendacraft/fake-todoist";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { fixedClock } from "../../shared/clock.ts";
import { todoistPuller } from "./testing/todoist-pull-fixture.ts";

// Monday 7 December 2026, 07:00 in Berlin.
const clock = fixedClock("2026-12-07T06:00:00Z");
let database: TestDatabase;
let fake: FakeTodoist;

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await startFakeTodoist({ now: () => clock.now() });
});
afterAll(async () => {
  await fake?.close();
  await database?.close();
});

// The closing note wants the 5,000-task import time: each run imports a fresh account
// (5 projects, 5,000 tasks, 50 recurring, every 10th a sub-task) into a new person, and the
// time of the pull alone is printed (making the person and the fake account is not counted).
describe("Todoist import", () => {
  bench(
    "5,000 tasks into an empty account",
    async () => {
      const person = await todoistPuller({ prisma: database.prisma, fake, clock });
      fake.generate(person.email, { projects: 5, tasks: 5000, recurring: 50 });
      const started = performance.now();
      const result = await person.pull();
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `5,000-task import: ${seconds.toFixed(1)} s, ${result.created} created, ${person.client.requestCount} request(s)`,
      );
      const steady = person.client.requestCount;
      await person.pull();
      console.log(`incremental sync with no changes: ${person.client.requestCount - steady} request(s)`);
    },
    { iterations: 2, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
