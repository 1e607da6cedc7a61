import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "./database-unavailable.ts";

// Wrappings seen in production that the embedded test database cannot produce (it has no
// statement_timeout, no server restarts, no pool of its own), written as the libraries
// shape them. The integration test covers refused and dropped connections for real.
function prismaRawQueryError(driverError: Record<string, unknown>) {
  return Object.assign(new Error("Raw query failed."), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: driverError } },
  });
}

describe("isDatabaseUnavailableError", () => {
  it.each([
    [
      "a statement cancelled by statement_timeout",
      prismaRawQueryError({ kind: "postgres", code: "57014", originalCode: "57014" }),
    ],
    ["the server shutting down", prismaRawQueryError({ kind: "postgres", code: "57P01" })],
    ["too many connections", prismaRawQueryError({ kind: "TooManyConnections" })],
    ["a pool that hands out no connection in time", new Error("timeout exceeded when trying to connect")],
    ["Prisma's pool timeout", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    [
      "a transaction that could not start in time",
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
        code: "P2028",
      }),
    ],
    [
      "a pg error with a connection-exception SQLSTATE",
      Object.assign(new Error("terminating"), { code: "08006", severity: "FATAL" }),
    ],
    [
      "a library's wrapper around a dropped connection",
      Object.assign(new Error("Failed to get session"), {
        name: "APIError",
        cause: new Error("Connection terminated unexpectedly"),
      }),
    ],
  ])("recognises %s", (_case, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaRawQueryError({ kind: "postgres", code: "23505" })],
    [
      "a bad date",
      Object.assign(new Error("date/time field value out of range"), { code: "22008", severity: "ERROR" }),
    ],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    [
      "a query on a transaction already closed (a bug, not the database)",
      Object.assign(new Error("Transaction API error: Transaction already closed"), { code: "P2028" }),
    ],
    ["not an error at all", "ECONNREFUSED"],
  ])("leaves %s alone", (_case, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });

  it("stops on a cause chain that loops", () => {
    const first = new Error("first");
    const second = new Error("second", { cause: first });
    Object.assign(first, { cause: second });
    expect(isDatabaseUnavailableError(first)).toBe(false);
  });
});
