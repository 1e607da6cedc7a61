import { describe, expect, it } from "vitest";
import { afterOrderCursor, decodeOrderCursor, encodeOrderCursor } from "./order-cursor.ts";

const id = "01936f5e-8a2b-7c3d-9e4f-0a1b2c3d4e5f";

describe("order cursors", () => {
  it("round-trip the position and read as opaque text", () => {
    const cursor = encodeOrderCursor({ order: 42, id });
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(cursor).not.toContain(id);
    expect(decodeOrderCursor(cursor)).toEqual({ order: 42, id });
  });

  it("select the rows after the position in (order, id) order", () => {
    expect(afterOrderCursor(undefined)).toEqual({});
    expect(afterOrderCursor(encodeOrderCursor({ order: 3, id }))).toEqual({
      OR: [{ order: { gt: 3 } }, { order: 3, id: { gt: id } }],
    });
  });

  it.each([
    "x",
    Buffer.from("3").toString("base64url"),
    Buffer.from(`a:${id}`).toString("base64url"),
    Buffer.from(`:${id}`).toString("base64url"),
    Buffer.from(`1.5:${id}`).toString("base64url"),
    // The JSON cursor task lists handed out before they shared this format.
    Buffer.from(JSON.stringify({ order: 1, startTime: null, id })).toString("base64url"),
  ])("reject %s as an invalid cursor", (cursor) => {
    expect(() => decodeOrderCursor(cursor)).toThrow(expect.objectContaining({ code: "common.invalid_cursor" }));
  });
});
