import { describe, expect, it } from "vitest";
import { ZColor } from "../../shared/color.ts";
import { todoistColorHex } from "./todoist-colors.ts";

describe("todoistColorHex", () => {
  it("gives Todoist's palette as colours a project accepts", () => {
    for (const name of ["berry_red", "blue", "charcoal", "taupe"]) {
      expect(ZColor.safeParse(todoistColorHex(name)).success, name).toBe(true);
    }
    expect(todoistColorHex("berry_red")).toBe("#B8256F");
  });

  it("leaves an unknown or missing colour to the default", () => {
    expect(todoistColorHex("ultraviolet")).toBeUndefined();
    expect(todoistColorHex(null)).toBeUndefined();
  });
});
