import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@agendacraft/db/testing";
import { fixedClock } from "@agendacraft/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callProcedure, cookieFrom, postJson } from "./testing/http.ts";
import { startTestServer, type TestServer } from "./testing/start-test-server.ts";

/** A client retrying a create (its first answer lost) sends the same Idempotency-Key again. */
describe("Idempotency-Key over HTTP", () => {
  const database = useTestDatabase();
  let server: TestServer;
  let headers: Record<string, string>;
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma, clock: fixedClock("2026-03-20T08:00:00Z") });
    const signedUp = await postJson(`${server.url}/api/auth/sign-up/email`, {
      name: "Retrying Person",
      email: `retry-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    userId = (signedUp.body.user as { id: string }).id;
    headers = { cookie: cookieFrom(signedUp.headers), origin: APP_ORIGIN };
  });
  afterAll(async () => {
    await server?.close();
  });

  const createTask = (summary: string, key: string) =>
    callProcedure(server.url, "scheduler.tasks.create", {
      method: "POST",
      input: { summary },
      headers: { ...headers, "idempotency-key": key },
    });

  it("a retried create returns the same task and only one row exists", async () => {
    const key = randomUUID();
    const first = await createTask("Send the invoice", key);
    const retry = await createTask("Send the invoice", key);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.data).toEqual(first.data);
    expect(await database().prisma.task.count({ where: { userId, summary: "Send the invoice" } })).toBe(1);
  });

  it("the same key with another body is 409 common.idempotency_key_reused; a bad key is 400", async () => {
    const key = randomUUID();
    await createTask("Book the venue", key);
    const reused = await createTask("Book another venue", key);
    expect(reused.status).toBe(409);
    expect(reused.error?.data).toMatchObject({ domainError: { code: "common.idempotency_key_reused" } });

    const tooLong = await createTask("Book the venue", "k".repeat(256));
    expect(tooLong.status).toBe(400);
    expect(tooLong.error?.data).toMatchObject({ domainError: { code: "common.invalid_idempotency_key" } });
    expect(await database().prisma.task.count({ where: { userId, summary: { startsWith: "Book" } } })).toBe(1);
  });
});
