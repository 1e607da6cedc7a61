import { createServer } from "node:net";
import { createDatabase, type Database } from "@agendacraft/db/client";
import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { createAuth } from "./create-auth.ts";
import { handleAuthRequest } from "./handle-auth-request.ts";

const ORIGIN = "http://localhost:3000";
const SECRET = "test-secret-that-is-long-enough-for-hmac";

function authRequest(path: string, init: { body?: unknown; cookie?: string } = {}) {
  return new Request(`${ORIGIN}/api/auth${path}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers: {
      origin: ORIGIN,
      "content-type": "application/json",
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

describe("handleAuthRequest", () => {
  const database = useTestDatabase();
  let unreachable: Database;
  let closePort: () => Promise<void>;

  beforeAll(async () => {
    // Accepts and drops every connection, as a database that crashed would.
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    closePort = () => new Promise((resolve) => server.close(() => resolve()));
    unreachable = await createDatabase({
      url: `postgresql://postgres@127.0.0.1:${typeof address === "object" && address ? address.port : 0}/none`,
    });
  });
  afterAll(async () => {
    await unreachable?.close();
    await closePort?.();
  });

  const authOver = (prisma: Database["prisma"]) =>
    createAuth({ prisma, secret: SECRET, baseURL: ORIGIN, trustedOrigins: [ORIGIN] });

  it("returns the library's answers, refusals included", async () => {
    const auth = authOver(database().prisma);
    const credentials = { email: "ada@example.com", password: "correct horse battery" };
    const signedUp = await handleAuthRequest(
      auth,
      authRequest("/sign-up/email", { body: { name: "Ada", ...credentials } }),
    );
    expect(signedUp.status).toBe(200);
    const wrong = await handleAuthRequest(
      auth,
      authRequest("/sign-in/email", { body: { ...credentials, password: "not the password" } }),
    );
    expect(wrong.status).toBe(401);
  });

  it("throws common.unavailable while the database is unreachable, whichever way the library fails", async () => {
    const working = authOver(database().prisma);
    const signedUp = await handleAuthRequest(
      working,
      authRequest("/sign-up/email", {
        body: { name: "Bo", email: "bo@example.com", password: "correct horse battery" },
      }),
    );
    const cookie = signedUp.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");

    const down = authOver(unreachable.prisma);
    const requests = {
      // The library lets the driver's error escape.
      "sign-in": authRequest("/sign-in/email", {
        body: { email: "bo@example.com", password: "correct horse battery" },
      }),
      // The library answers 500 "Failed to get session" with the driver's error as its cause.
      "get-session": authRequest("/get-session", { cookie }),
    };
    for (const [label, request] of Object.entries(requests)) {
      const error = await handleAuthRequest(down, request).catch((e: unknown) => e);
      expect(error, label).toBeInstanceOf(DomainError);
      expect(error, label).toMatchObject({ kind: "UNAVAILABLE", code: "common.unavailable" });
    }
  });
});
