import { fixedClock } from "@agendacraft/domain/shared";
import { describe, expect, it } from "vitest";
import { createContextFactory, createContextInner, type ServerDeps } from "./context.ts";
import { recordingLog } from "./testing/create-test-deps.ts";

// Context creation never touches the database, so a placeholder stands in for it here.
const deps = {
  db: {} as ServerDeps["db"],
  log: recordingLog(),
  clock: fixedClock("2026-01-01T00:00:00Z"),
  app: { version: "1", startedAt: new Date("2026-01-01T00:00:00Z") },
} satisfies ServerDeps;

describe("createContextInner", () => {
  it("defaults to an anonymous caller with an internal request id", () => {
    const ctx = createContextInner({ deps });
    expect(ctx.session).toBeNull();
    expect(ctx.requestId).toBe("internal");
    expect(ctx.db).toBe(deps.db);
  });

  it("carries the session and request id it is given", () => {
    const ctx = createContextInner({ deps, session: { userId: "u1", sessionId: "s1" }, requestId: "r-1" });
    expect(ctx.session).toEqual({ userId: "u1", sessionId: "s1" });
    expect(ctx.requestId).toBe("r-1");
  });
});

describe("createContextFactory", () => {
  it("takes the request id and the request's logger from the HTTP request", async () => {
    const requestLog = recordingLog();
    const createContext = createContextFactory(deps);
    const ctx = await createContext({ req: { id: "req-42", headers: {}, log: requestLog } });
    expect(ctx.requestId).toBe("req-42");
    expect(ctx.log).toBe(requestLog);
    expect(ctx.session).toBeNull();
  });
});
