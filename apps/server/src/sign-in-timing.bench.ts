import { randomUUID } from "node:crypto";
import { createTestDatabase } from "@agendacraft/db/testing";
import { afterAll, bench, describe } from "vitest";
import { postJson } from "./testing/http.ts";
import { startTestServer } from "./testing/start-test-server.ts";

/**
 * A failed sign-in must not tell whether the email exists: both paths hash a password (the
 * auth library hashes a dummy for an unknown email), so both take about as long. Without
 * that, the unknown-email path answers about ten times faster. Compare the two means in
 * `pnpm bench`: they should be within a factor of two. A timing belongs here, not in a test,
 * where a busy machine would make it flaky; iam-http.int.test.ts checks that the answers are
 * the same.
 */
const PASSWORD = "correct horse battery";

const database = await createTestDatabase();
const server = await startTestServer({
  db: database.prisma,
  env: { AUTH_RATE_LIMIT_PER_IP: "1000000", AUTH_RATE_LIMIT_PER_EMAIL: "1000000" },
});
const email = `bench-${randomUUID()}@example.com`;
await postJson(`${server.url}/api/auth/sign-up/email`, { name: "Bench", email, password: PASSWORD });

async function signIn(attemptEmail: string, password: string) {
  const { status } = await postJson(`${server.url}/api/auth/sign-in/email`, { email: attemptEmail, password });
  if (status !== 401) throw new Error(`expected 401 for a failed sign-in, got ${status}`);
}

describe("a failed sign-in takes as long whether or not the email exists", () => {
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  bench("unknown email", () => signIn(`nobody-${randomUUID()}@example.com`, PASSWORD), { iterations: 20 });
  bench("known email, wrong password", () => signIn(email, "wrong password here"), { iterations: 20 });
});
