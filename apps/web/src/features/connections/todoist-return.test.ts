import { describe, expect, it } from "vitest";
import { readTodoistReturn } from "./todoist-return.ts";

const read = (query: string) => readTodoistReturn(new URLSearchParams(query));

describe("the message after coming back from Todoist", () => {
  it("says Todoist was connected and the import is on its way", () => {
    expect(read("todoist=connected")).toEqual({ tone: "success", message: expect.stringMatching(/is connected/) });
  });

  it("says why it was not connected, for the reasons the callback names", () => {
    expect(read("todoist=error&reason=denied")).toEqual({
      tone: "error",
      message: expect.stringMatching(/not connected: access was denied/),
    });
    expect(read("todoist=error&reason=expired")?.message).toMatch(/expired.*Try connecting again/);
    expect(read("todoist=error&reason=failed")?.message).toMatch(/did not come through/);
  });

  it("never repeats an unknown reason from the address", () => {
    const notice = read("todoist=error&reason=Call+0800+to+fix+your+account");
    expect(notice?.tone).toBe("error");
    expect(notice?.message).not.toMatch(/0800/);
  });

  it("says nothing on a page not opened by Todoist's redirect", () => {
    expect(read("")).toBeNull();
    expect(read("todoist=whatever")).toBeNull();
    expect(read("google=connected")).toBeNull();
  });
});
