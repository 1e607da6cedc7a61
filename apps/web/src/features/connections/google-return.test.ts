import { describe, expect, it } from "vitest";
import { readGoogleReturn } from "./google-return.ts";

const read = (query: string) => readGoogleReturn(new URLSearchParams(query));

describe("the message after coming back from Google", () => {
  it("says a calendar was connected", () => {
    expect(read("google=connected")).toEqual({ tone: "success", message: expect.stringMatching(/is connected/) });
  });

  it("names the calendar permission that was not granted, in Google's own words", () => {
    const missing = read("google=missing_scope&missing=calendar.events");
    expect(missing?.tone).toBe("error");
    expect(missing?.message).toMatch(/this permission was not granted: “View and edit events on your calendars”/);
  });

  it("names each of several missing permissions, and an unknown one as Google sent it", () => {
    const missing = read("google=missing_scope&missing=calendar.app.created,calendar.settings.readonly");
    expect(missing?.message).toMatch(
      /these permissions were not granted: “Make a calendar of its own for your planned tasks”, “calendar.settings.readonly”/,
    );
  });

  it("says access was denied, that the link expired, or that Google's answer failed", () => {
    expect(read("google=denied")?.message).toMatch(/access was denied/);
    expect(read("google=failed")?.message).toMatch(/could not be connected.*Try again/);
    expect(read("google=expired")?.message).toMatch(/expired.*Try connecting again/);
  });

  it("says nothing on a page not opened by Google's redirect", () => {
    expect(read("")).toBeNull();
    expect(read("google=whatever")).toBeNull();
  });
});
