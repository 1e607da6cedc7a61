import { describe, expect, it } from "vitest";
import { composeTaskStartingEmail, composeTaskStartingNotification } from "./compose-task-starting.ts";
import { formatLocalStart } from "./format-task-start.ts";

describe("formatLocalStart", () => {
  it("reads the wall clock in the person's zone, not the machine's (tests run in Asia/Kathmandu)", () => {
    const instant = new Date("2026-06-01T12:30:00Z");
    expect(formatLocalStart(instant, "Europe/Berlin")).toEqual({
      time: "14:30",
      date: "Monday 1 June 2026",
      day: "2026-06-01",
    });
    expect(formatLocalStart(instant, "Asia/Kathmandu").time).toBe("18:15");
    expect(formatLocalStart(instant, "America/New_York").time).toBe("08:30");
  });

  it("follows daylight saving time on both sides of a change", () => {
    // Berlin moves from UTC+1 to UTC+2 on 29 March 2026 at 01:00 UTC.
    expect(formatLocalStart(new Date("2026-03-29T00:30:00Z"), "Europe/Berlin").time).toBe("01:30");
    expect(formatLocalStart(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin").time).toBe("03:30");
  });

  it("falls back to UTC for a zone it does not know", () => {
    expect(formatLocalStart(new Date("2026-06-01T12:30:00Z"), "Mars/Olympus").time).toBe("12:30");
  });
});

describe("composing a task starting reminder", () => {
  const facts = {
    summary: "Write\nreport",
    startTime: new Date("2026-06-01T12:30:00Z"),
    endTime: new Date("2026-06-01T13:15:00Z"),
    timeZone: "Europe/Berlin",
    userName: "Mia",
  };

  it("titles it with the local start time and the summary on one line", () => {
    expect(composeTaskStartingNotification(facts)).toEqual({
      title: "Starting at 14:30: Write report",
      body: "Starts at 14:30 on Monday 1 June 2026 (Europe/Berlin) and runs until 15:15.",
    });
  });

  it("names the end's day when the task runs past midnight", () => {
    const late = { ...facts, startTime: new Date("2026-06-01T21:30:00Z"), endTime: new Date("2026-06-01T22:30:00Z") };
    expect(composeTaskStartingNotification(late).body).toContain("until 00:30 on Tuesday 2 June 2026");
  });

  it("writes an email with the summary in the subject and the start in the person's zone", () => {
    const mail = composeTaskStartingEmail({
      ...facts,
      to: "mia@example.com",
      appUrl: "https://agendacraft.example.com",
    });
    expect(mail.to).toBe("mia@example.com");
    expect(mail.subject).toBe("Starting at 14:30: Write report");
    expect(mail.text).toContain('"Write report" starts at 14:30 on Monday 1 June 2026 (Europe/Berlin)');
    expect(mail.text).toContain("Open AgendaCraft: https://agendacraft.example.com");
  });
});
