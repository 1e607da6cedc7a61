import { describe, expect, it } from "vitest";
import { describeConnectionError } from "./describe-connection-error.ts";

describe("describeConnectionError", () => {
  it("finds the socket code under fetch's and tRPC's wrappers", () => {
    const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:3000"), { code: "ECONNREFUSED" });
    const fetchError = new TypeError("fetch failed", { cause: socket });
    expect(describeConnectionError(new Error("wrapped", { cause: fetchError }))).toBe("connection refused");
  });

  it("looks inside the AggregateError of dual-stack hosts", () => {
    const v6 = Object.assign(new Error("connect ECONNREFUSED ::1:3000"), { code: "ECONNREFUSED" });
    const fetchError = new TypeError("fetch failed", { cause: new AggregateError([v6]) });
    expect(describeConnectionError(fetchError)).toBe("connection refused");
  });

  it("recognizes the request timeout", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(describeConnectionError(new Error("aborted", { cause: timeout }))).toBe("no answer in time");
  });

  it("returns null for errors from a server that answered", () => {
    expect(describeConnectionError(new Error("Unexpected token < in JSON"))).toBeNull();
    expect(describeConnectionError("not an error")).toBeNull();
  });
});
