import { randomUUID } from "node:crypto";
import { createDurableStorage, createTestDatabase, type DurableStorage } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { spawnServer } from "./testing/spawn-server.ts";
import { startTestServer } from "./testing/start-test-server.ts";

// The limits as production runs them: counters in the database, not in a process.

const serverUrl = process.env.TEST_DATABASE_URL;
const LIMITS = {
  TRUST_PROXY: "true",
  API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: "6",
  API_RATE_LIMIT_SENSITIVE_PER_HOUR: "2",
  PUBLIC_URL: APP_ORIGIN,
  AUTH_SECRET: "rate-limit-tests-secret-at-least-32-characters",
};

type Running = { url: string; stop(): Promise<unknown> };

/** A real server process on the storage; resolves once it listens. */
async function startProcess(env: Record<string, string>): Promise<Running> {
  const server = spawnServer({ ...env, ...LIMITS });
  try {
    return { url: await server.listening, stop: () => server.stop("SIGTERM") };
  } catch (error) {
    await server.stop("SIGKILL");
    throw error;
  }
}

const healthFrom = (url: string, ip: string) =>
  callProcedure(url, "meta.health", { headers: { "x-forwarded-for": ip } }).then((response) => response.status);

// Each test starts real processes (tsx, PGlite); a busy 2-core machine needs the room.
describe("API rate limits across server processes", { timeout: 180_000 }, () => {
  let storage: DurableStorage;
  beforeAll(async () => {
    storage = await createDurableStorage({ migrated: true });
  });
  afterAll(async () => {
    await storage?.dispose();
  });

  it("two servers on one database count one caller's calls together, and only that caller's", async () => {
    const servers: Running[] = [];
    const database = serverUrl ? null : await createTestDatabase();
    try {
      if (database) {
        // The embedded database belongs to one process, so without TEST_DATABASE_URL the two
        // servers share a process but nothing else: each has its own limiter and memory.
        for (let index = 0; index < 2; index++) {
          const server = await startTestServer({ db: database.prisma, env: LIMITS });
          servers.push({ url: server.url, stop: () => server.close() });
        }
      } else {
        // Two processes on one PostgreSQL database, started one after the other (each migrates).
        servers.push(await startProcess(storage.env));
        servers.push(await startProcess(storage.env));
      }
      const [first, second] = servers as [Running, Running];
      const caller = "192.0.2.80";
      const statuses = [];
      for (let call = 0; call < 3; call++) {
        statuses.push(await healthFrom(first.url, caller), await healthFrom(second.url, caller));
      }
      expect(statuses).toEqual(Array(6).fill(200));
      expect(await healthFrom(first.url, caller)).toBe(429);
      expect(await healthFrom(second.url, caller)).toBe(429);

      expect(await healthFrom(first.url, "192.0.2.81")).toBe(200);
      expect(await healthFrom(second.url, "192.0.2.81")).toBe(200);
    } finally {
      for (const server of servers) await server.stop();
      await database?.close();
    }
  });

  it("keeps counting across a restart", async () => {
    const ip = "192.0.2.90";
    const first = await startProcess(storage.env);
    let headers: Record<string, string>;
    try {
      const signedUp = await postJson(
        `${first.url}/api/auth/sign-up/email`,
        { name: "Ada", email: `ada-${randomUUID()}@example.com`, password: "correct horse battery" },
        { origin: APP_ORIGIN, "x-forwarded-for": ip },
      );
      expect(signedUp.status).toBe(200);
      headers = { cookie: cookieFrom(signedUp.headers), origin: APP_ORIGIN, "x-forwarded-for": ip };
      for (let guess = 0; guess < 2; guess++) {
        const wrong = await callProcedure(first.url, "iam.changePassword", {
          input: { current: `guess ${guess}`, next: "a brand new password" },
          headers,
          method: "POST",
        });
        expect(wrong.error?.data).toMatchObject({ domainError: { code: "iam.wrong_password" } });
      }
    } finally {
      await first.stop();
    }

    const restarted = await startProcess(storage.env);
    try {
      const refused = await callProcedure(restarted.url, "iam.changePassword", {
        input: { current: "guess 3", next: "a brand new password" },
        headers,
        method: "POST",
      });
      expect(refused.status).toBe(429);
      expect(refused.error?.data).toMatchObject({ domainError: { code: "common.rate_limited" } });
    } finally {
      await restarted.stop();
    }
  });
});
