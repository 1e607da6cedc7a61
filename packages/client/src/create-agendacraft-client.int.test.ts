import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { appRouter } from "@agendacraft/api";
import { createContextFactory } from "@agendacraft/api/context";
import { createTestDeps } from "@agendacraft/api/testing";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAgendaCraftClient,
  domainErrorCode,
  MAX_BATCH_CALLS,
  TRPCClientError,
} from "./create-agendacraft-client.ts";

describe("createAgendaCraftClient", () => {
  let harness: Awaited<ReturnType<typeof createTestDeps>>;
  let server: Server;
  let url: string;
  const seenHeaders: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    harness = await createTestDeps();
    // The server's own context factory, batch cap included, at the server's default cap.
    const createContext = createContextFactory({ ...harness.deps, maxBatchCalls: 10 });
    const handler = createHTTPHandler({
      router: appRouter,
      createContext: ({ req, info }) => {
        seenHeaders.push(req.headers);
        return createContext({ req: { id: "test", method: req.method ?? "GET", headers: req.headers }, info });
      },
    });
    server = createServer((req, res) => {
      req.url = req.url?.replace(/^\/trpc/, "");
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await harness?.close();
  });

  it("calls procedures with superjson and batches concurrent calls into one request", async () => {
    seenHeaders.length = 0;
    const client = createAgendaCraftClient({ url });
    const [health, version] = await Promise.all([client.meta.health.query(), client.meta.version.query()]);
    expect(health.version).toBe("0.0.0-test");
    expect(version.instanceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenHeaders).toHaveLength(1);
  });

  it("splits many concurrent calls into batches the server accepts", async () => {
    seenHeaders.length = 0;
    const client = createAgendaCraftClient({ url });
    const results = await Promise.all(Array.from({ length: 25 }, () => client.meta.health.query()));
    expect(results).toHaveLength(25);
    expect(seenHeaders).toHaveLength(Math.ceil(25 / MAX_BATCH_CALLS));
  });

  it("sends a personal token as a bearer Authorization header, and nothing without one", async () => {
    seenHeaders.length = 0;
    await createAgendaCraftClient({ url, token: "act_example_token" }).meta.health.query();
    await createAgendaCraftClient({ url }).meta.health.query();
    expect(seenHeaders[0]?.authorization).toBe("Bearer act_example_token");
    expect(seenHeaders[1]?.authorization).toBeUndefined();
  });

  it("sends a call's idempotencyKey as its own request's Idempotency-Key header, others stay batched", async () => {
    seenHeaders.length = 0;
    const client = createAgendaCraftClient({ url, token: "act_example_token" });
    await Promise.all([
      client.meta.health.query(undefined, { context: { idempotencyKey: "key-1" } }),
      client.meta.health.query(undefined, { context: { idempotencyKey: "key-2" } }),
      client.meta.health.query(),
      client.meta.version.query(),
    ]);
    const keys = seenHeaders.map((headers) => headers["idempotency-key"] ?? null).sort();
    expect(keys).toEqual(["key-1", "key-2", null]);
    expect(seenHeaders.every((headers) => headers.authorization === "Bearer act_example_token")).toBe(true);
  });

  it("surfaces server errors as TRPCClientError with the domain code (null when there is none)", async () => {
    const client = createAgendaCraftClient({ url });
    // A void-input query given input fails validation on the server.
    const error = await (client.meta.health.query as (input: unknown) => Promise<unknown>)({ bogus: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).data).toMatchObject({ code: "BAD_REQUEST" });
    expect(domainErrorCode(error)).toBeNull();
    expect(domainErrorCode(new Error("plain"))).toBeNull();
  });
});
