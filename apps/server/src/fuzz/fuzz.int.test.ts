import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { APP_ORIGIN, callProcedure } from "../testing/http.ts";
import { fieldHints } from "./field-hints.ts";
import { type FuzzFixture, seedFuzzData, startFuzzFixture } from "./fuzz-fixture.ts";
import { fuzzOptions } from "./fuzz-options.ts";
import { describeLoggedErrors, FuzzReport } from "./fuzz-report.ts";
import { IdPool } from "./id-pool.ts";
import { type FuzzProcedure, listProcedures } from "./procedures.ts";
import { requestPlans } from "./request-plans.ts";
import { runFuzz } from "./run-fuzz.ts";

/** Queries callable without input (lists with defaults, settings, probes); subscriptions excluded. */
function needsNoInput(procedure: FuzzProcedure): boolean {
  return procedure.type === "query" && (procedure.input as z.ZodType).safeParse(undefined).success;
}

/**
 * Thousands of generated requests against the real server, signed in: every procedure's
 * input schema made valid-ish and then hostile, plus hostile HTTP and tRPC shapes. No
 * answer may be a 5xx, none may take longer than the time limit, and afterwards the server
 * must be ready, the person still signed in (cookie and token) and their account working.
 * FUZZ_SEED and FUZZ_RUNS reproduce a run.
 */
describe("fuzzing the HTTP API", () => {
  const database = useTestDatabase();
  const options = fuzzOptions(process.env);
  let pool: IdPool;
  let fixture: FuzzFixture;

  beforeAll(async () => {
    fixture = await startFuzzFixture(database());
    pool = new IdPool(new Set([fixture.person.tokenId]));
    await seedFuzzData(fixture, database(), pool);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it(
    `answers ${options.runs} generated requests without a 5xx or a hang`,
    async () => {
      const procedures = listProcedures();
      const report = new FuzzReport();
      const reproduce = `FUZZ_SEED=${options.seed} FUZZ_RUNS=${options.runs}`;
      console.log(`fuzz: ${procedures.length} procedures, seed ${options.seed} (reproduce with ${reproduce})`);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await runFuzz({
        baseUrl: fixture.server.url,
        arbitrary: requestPlans({
          procedures,
          hintsFor: (procedure) => fieldHints(procedure, { calendarUrls: fixture.calendarUrls }),
        }),
        ...options,
        pool,
        credentials: { cookie: fixture.person.cookie, token: fixture.person.token },
        report,
      });
      const cpu = process.cpuUsage(cpuBefore);
      const seconds = (ms: number) => (ms / 1000).toFixed(1);
      // CPU time of this process (fuzzer, server and embedded database alike), to read the wall time against.
      console.log(
        `${report.summary()} in ${seconds(performance.now() - started)} s (CPU ${seconds((cpu.user + cpu.system) / 1000)} s)`,
      );
      console.log(`fuzz: slowest: ${report.slowestRequests()}`);
      const missed = report.neverSucceeded(procedures.map((procedure) => procedure.path));
      console.log(`fuzz: procedures without a 200 in this run: ${missed.join(", ") || "none"}`);

      // Soft: every check below runs and reports, whatever fails first.
      const failures = report.failureReport();
      // An error in the log is a failure too, even behind a 4xx (the cause of each 500 is there as well).
      expect.soft(describeLoggedErrors(fixture.server.logLines()), `errors the server logged (${reproduce})`).toBe("");
      expect
        .soft(
          report.failureCount(),
          `5xx answers, timeouts or no answers (${reproduce}), once per procedure and error:\n${failures}`,
        )
        .toBe(0);
      // Most requests must get past validation and do something, or the fuzz tests little.
      expect.soft(report.count("200")).toBeGreaterThan(options.runs / 10);

      const ready = await fetch(`${fixture.server.url}/ready`);
      expect.soft(ready.status, "/ready after the run").toBe(200);
      const signedIn = { cookie: fixture.person.cookie, origin: APP_ORIGIN };
      const me = await callProcedure(fixture.server.url, "iam.me", { headers: signedIn });
      expect.soft(me, "signed in by cookie").toMatchObject({ status: 200, data: { id: fixture.person.id } });
      const viaToken = await callProcedure(fixture.server.url, "iam.me", {
        headers: { authorization: `Bearer ${fixture.person.token}` },
      });
      expect.soft(viaToken, "signed in by token").toMatchObject({ status: 200, data: { id: fixture.person.id } });
      // Whatever was stored, the account still works: every query that needs no input answers.
      const broken: string[] = [];
      for (const procedure of procedures.filter(needsNoInput)) {
        const { status } = await callProcedure(fixture.server.url, procedure.path, { headers: signedIn });
        if (status !== 200) broken.push(`${procedure.path} ${status}`);
      }
      expect.soft(broken, "queries that no longer answer for the person").toEqual([]);
    },
    10 * 60_000,
  );
});
