import { TRPCClientError } from "@agendacraft/client";
import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error.ts";

/** A failure as the client builds it from the server's error envelope (see packages/api/src/errors/format-error.ts). */
function serverError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe("describeError", () => {
  it("puts each validation message under its field, nested fields by dotted path", () => {
    const described = describeError(
      serverError("Invalid input", {
        code: "BAD_REQUEST",
        httpStatus: 400,
        zodError: {
          formErrors: [],
          fieldErrors: {},
          issues: [
            { path: "minutes", code: "too_big", message: "A task takes at most 480 minutes" },
            { path: "options.bufferMinutes", code: "too_big", message: "Too much" },
          ],
        },
      }),
    );
    expect(described.kind).toBe("validation");
    expect(described.fieldErrors).toEqual({
      minutes: ["A task takes at most 480 minutes"],
      "options.bufferMinutes": ["Too much"],
    });
    expect(described.message).toBe("A task takes at most 480 minutes");
  });

  it("shows a domain error by its code with the server's human message", () => {
    const described = describeError(
      serverError("Pick a start in the future.", {
        code: "BAD_REQUEST",
        httpStatus: 400,
        domainError: { kind: "VALIDATION", code: "scheduler.start_in_past", details: {} },
      }),
    );
    expect(described).toMatchObject({ kind: "domain", code: "scheduler.start_in_past" });
    expect(described.message).toBe("Pick a start in the future.");
  });

  it("never shows a server crash's message, and calls a missing answer a network failure", () => {
    const crash = describeError(
      serverError("TypeError: cannot read x of undefined at ...", { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 }),
    );
    expect(crash.kind).toBe("unknown");
    expect(crash.message).not.toMatch(/TypeError|undefined/);
    expect(describeError(new TypeError("Failed to fetch")).kind).toBe("network");
  });

  it("describes a refused /api/auth call the same way: field errors, our words for known codes, no answer as network", () => {
    expect(
      describeError({
        status: 400,
        code: "iam.invalid_sign_up",
        fieldErrors: { password: ["Use at least 10 characters"] },
      }),
    ).toMatchObject({
      kind: "validation",
      code: "iam.invalid_sign_up",
      fieldErrors: { password: ["Use at least 10 characters"] },
    });
    expect(
      describeError({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" }),
    ).toEqual({
      kind: "domain",
      message: "That email and password do not match an account.",
      code: "INVALID_EMAIL_OR_PASSWORD",
      fieldErrors: {},
    });
    expect(describeError({ status: 500, message: "Error: at line 3" }).message).not.toMatch(/line 3/);
    expect(describeError({ status: 0 }).kind).toBe("network");
  });
});
