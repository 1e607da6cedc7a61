import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  INBOX_COLOR,
  projectBlockColors,
  readableTextColor,
  relativeLuminance,
} from "./block-colors.ts";
import { blockLabel, blockTimes, priorityMark } from "./block-label.ts";

const ZONE = "Europe/Berlin";

describe("a block's words", () => {
  it("shows whole times, never a cut minute", () => {
    const times = blockTimes(new Date("2026-06-02T13:30:00Z"), new Date("2026-06-02T14:00:00Z"), ZONE);
    expect(times).toEqual({ start: "15:30", end: "16:00" });
  });

  it("names title, day and time, project and priority in one sentence", () => {
    const facts = {
      title: "Call dentist",
      start: new Date("2026-06-02T13:30:00Z"),
      end: new Date("2026-06-02T13:45:00Z"),
      projectName: "Health",
      priority: 5,
      done: false,
      conflict: false,
      inGoogle: false,
    };
    expect(blockLabel(facts, ZONE)).toBe("Call dentist, Tue 2 Jun 15:30–15:45, Health, P1 urgent");
    expect(blockLabel({ ...facts, projectName: null, priority: 0, done: true }, ZONE)).toBe(
      "Call dentist (done), Tue 2 Jun 15:30–15:45, Inbox, No priority",
    );
  });

  it("says last, in words, that a block conflicts with a calendar event", () => {
    const facts = {
      title: "Write report",
      start: new Date("2026-06-02T08:00:00Z"),
      end: new Date("2026-06-02T09:00:00Z"),
      projectName: null,
      priority: 3,
      done: false,
      conflict: true,
      inGoogle: false,
    };
    expect(blockLabel(facts, ZONE)).toBe(
      "Write report, Tue 2 Jun 10:00–11:00, Inbox, P3 medium, conflicts with a calendar event",
    );
  });

  it("says in words that a block is also in the person's Google Calendar", () => {
    const facts = {
      title: "Write report",
      start: new Date("2026-06-02T08:00:00Z"),
      end: new Date("2026-06-02T09:00:00Z"),
      projectName: null,
      priority: 0,
      done: false,
      conflict: false,
      inGoogle: true,
    };
    expect(blockLabel(facts, ZONE)).toBe("Write report, Tue 2 Jun 10:00–11:00, Inbox, No priority, in Google Calendar");
  });

  it("marks priority by urgency and names every level", () => {
    expect([0, 1, 2, 3, 4, 5].map(priorityMark)).toEqual(["", "!", "!", "!!", "!!", "!!!"]);
    const facts = {
      title: "Call dentist",
      start: new Date("2026-06-02T13:30:00Z"),
      end: new Date("2026-06-02T13:45:00Z"),
      projectName: "Health",
      done: false,
      conflict: false,
      inGoogle: false,
    };
    // The label names each level from the one priority table.
    const label = (priority: number) =>
      blockLabel({ ...facts, priority }, ZONE)
        .split(", ")
        .at(-1);
    expect([0, 1, 2, 3, 4, 5].map(label)).toEqual([
      "No priority",
      "Lowest priority",
      "Low priority",
      "P3 medium",
      "P2 high",
      "P1 urgent",
    ]);
  });
});

describe("a block's colours", () => {
  it("uses the project's colour, and the Inbox colour for no project or a malformed one", () => {
    expect(projectBlockColors("#16A34A").backgroundColor).toBe("#16A34A");
    expect(projectBlockColors(null).backgroundColor).toBe(INBOX_COLOR);
    expect(projectBlockColors("green").backgroundColor).toBe(INBOX_COLOR);
  });

  it("keeps text readable (at least 4.5:1) on any colour a person may pick", () => {
    const steps = ["00", "33", "66", "80", "99", "cc", "ff"];
    for (const r of steps)
      for (const g of steps)
        for (const b of steps) {
          const background = `#${r}${g}${b}`;
          const text = readableTextColor(background);
          const ratio = contrastRatio(relativeLuminance(background) ?? 0, relativeLuminance(text) ?? 0);
          expect(ratio, `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
  });
});
