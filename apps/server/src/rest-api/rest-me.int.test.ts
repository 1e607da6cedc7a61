import { useTestDatabase } from "@agendacraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personWithToken, restCall } from "../testing/rest.ts";
import { startTestServer, type TestServer } from "../testing/start-test-server.ts";

describe("REST API v1: /me", () => {
  const database = useTestDatabase();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ db: database().prisma });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers the token's owner in snake_case, with and without the trailing slash", async () => {
    const person = await personWithToken(server.url, "Ada Lovelace");
    for (const path of ["/api/v1/me", "/api/v1/me/"]) {
      const me = await restCall(server.url, "GET", path, { token: person.token });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        id: person.userId,
        email: expect.stringMatching(/^rest-.+@example\.com$/),
        name: "Ada Lovelace",
        time_zone: expect.any(String),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        has_password: true,
      });
    }
  });

  it("answers 401 without a token", async () => {
    const anonymous = await restCall(server.url, "GET", "/api/v1/me/");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: "common.unauthorized" } });
  });
});
