import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it, vi } from "vitest";
import { createUser } from "../notifier/testing/fixtures.ts";
import { fixedClock } from "../shared/clock.ts";
import { domainCodeOf as domainCode } from "../shared/testing-domain-code.ts";
import { runIdempotent } from "./run-idempotent.ts";

// A *.pg.int.test.ts file runs only against a PostgreSQL server (TEST_DATABASE_URL; see
// vitest.workspace.ts): the embedded database is one session, so a second request there
// simply waits its turn (run-idempotent.int.test.ts covers that) and never sees a key in progress.
const NOW = new Date("2026-06-01T09:00:00Z");

describe("runIdempotent on a PostgreSQL server", () => {
  const database = useTestDatabase();

  it("answers in_progress when the first request holds the key longer than the wait", async () => {
    const { prisma } = database();
    const user = await createUser(prisma);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let claimed = false;
    const run = (waitMs: number) =>
      runIdempotent({
        db: prisma,
        actorId: user.id,
        key: "key-in-progress",
        procedure: "test.create",
        request: { name: "Report" },
        clock: fixedClock(NOW),
        waitMs,
        async execute() {
          claimed = true;
          await held;
          return "done";
        },
        serialize: (result) => result,
        deserialize: (stored) => stored as string,
      });
    const first = run(10_000);
    await vi.waitFor(() => expect(claimed).toBe(true));
    expect(await domainCode(run(100))).toBe("common.idempotency_key_in_progress");
    release();
    await expect(first).resolves.toEqual({ result: "done", replayed: false });
    await expect(run(100)).resolves.toEqual({ result: "done", replayed: true });
  });
});
