import { createRateLimitStore } from "@agendacraft/domain/shared";
import { bench, describe } from "vitest";
import type { ServerDeps } from "../context.ts";
import { createTestDeps } from "../testing/create-test-deps.ts";
import { callerFor, createTestUser } from "../testing/test-users.ts";
import { createApiRateLimiter } from "./create-api-rate-limiter.ts";

// What the rate limit adds to a call: one upsert on the counters' table. Embedded
// database by default; PostgreSQL with TEST_DATABASE_URL. (Benchmarks run no
// beforeAll/afterAll hooks: the database is opened here and closed by the last bench.)
const harness = await createTestDeps();
const store = createRateLimitStore({ db: harness.database.prisma });
const limits = { perMinute: 1_000_000_000, anonymousPerMinute: 1_000_000_000, sensitivePerHour: 1 };
const limited: ServerDeps = { ...harness.deps, rateLimiter: createApiRateLimiter({ store, limits }) };
const user = await createTestUser(harness.deps);

const options = { time: 3_000, warmupTime: 500 };

describe("rate limit overhead per tRPC call (iam.me)", () => {
  bench(
    "without a rate limit",
    async () => {
      await callerFor(harness.deps, user.session).iam.me();
    },
    options,
  );
  bench(
    "with the rate limit",
    async () => {
      await callerFor(limited, user.session).iam.me();
    },
    options,
  );
  bench(
    "the counter upsert alone",
    async () => {
      await limited.rateLimiter?.call({ session: user.session, clientIp: null });
    },
    { ...options, teardown: (_task, mode) => (mode === "run" ? harness.close() : undefined) },
  );
});
