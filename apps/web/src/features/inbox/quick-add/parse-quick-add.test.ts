import { describe, expect, it } from "vitest";
import { type ParsedQuickAdd, parseQuickAdd, type QuickAddContext, tokenKey } from "./parse-quick-add.ts";

const HEALTH = { id: "0190f3a0-0000-7000-8000-000000000001", name: "Health" };
const DEEP_WORK = { id: "0190f3a0-0000-7000-8000-000000000002", name: "Deep Work" };

/** Tuesday 1 December 2026, 10:00 in Berlin (09:00 UTC). */
const context = (overrides: Partial<QuickAddContext> = {}): QuickAddContext => ({
  now: new Date("2026-12-01T09:00:00Z"),
  timeZone: "Europe/Berlin",
  projects: [HEALTH, DEEP_WORK],
  kept: new Set(),
  dueOnFirstRepeat: false,
  ...overrides,
});

/** The fields a line sets, as the form will send them (instants as ISO text). */
function fields({ summary, tokens }: ParsedQuickAdd) {
  const out: Record<string, unknown> = { summary };
  for (const token of tokens) {
    if (token.kind === "due") out.dueAt = token.dueAt.toISOString();
    if (token.kind === "startAfter") out.startAfter = token.startAfter.toISOString();
    if (token.kind === "minutes") out.minutes = token.minutes;
    if (token.kind === "priority") out.priority = token.priority;
    if (token.kind === "project") out.projectId = token.projectId;
    if (token.kind === "repeat") out.recurrence = token.rule;
  }
  return out;
}

describe("parseQuickAdd", () => {
  it("reads the issue's example line into every field, in the person's zone", () => {
    const parsed = parseQuickAdd("Book dentist tomorrow 3pm 30m p1 #Health every weekday", context());
    expect(fields(parsed)).toEqual({
      summary: "Book dentist",
      // 15:00 on Wednesday 2 December in Berlin (UTC+1).
      dueAt: "2026-12-02T14:00:00.000Z",
      minutes: 30,
      priority: 5,
      projectId: HEALTH.id,
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    });
    expect(parsed.tokens.map((token) => [token.kind, token.text])).toEqual([
      ["due", "tomorrow 3pm"],
      ["minutes", "30m"],
      ["priority", "p1"],
      ["project", "#Health"],
      ["repeat", "every weekday"],
    ]);
  });

  it.each([
    ["Write report", { summary: "Write report" }],
    ["Stretch 30m", { summary: "Stretch", minutes: 30 }],
    ["Stretch 45 min", { summary: "Stretch", minutes: 45 }],
    ["Deep dive 1h", { summary: "Deep dive", minutes: 60 }],
    ["Deep dive 1h30", { summary: "Deep dive", minutes: 90 }],
    ["Deep dive 1h 30m", { summary: "Deep dive", minutes: 90 }],
    ["Deep dive 1.5h", { summary: "Deep dive", minutes: 90 }],
    ["Deep dive 2 hours", { summary: "Deep dive", minutes: 120 }],
    ["Plan 90min", { summary: "Plan", minutes: 90 }],
    ["Fix bug p2", { summary: "Fix bug", priority: 4 }],
    ["Fix bug P3", { summary: "Fix bug", priority: 3 }],
    ["Fix bug p4", { summary: "Fix bug", priority: 0 }],
    ["Fix bug urgent", { summary: "Fix bug", priority: 5 }],
    ["high Fix bug", { summary: "Fix bug", priority: 4 }],
    ["Fix bug medium", { summary: "Fix bug", priority: 3 }],
    ["Fix bug low", { summary: "Fix bug", priority: 2 }],
    ["Buy low-fat milk", { summary: "Buy low-fat milk" }],
    ["Read chapter p5", { summary: "Read chapter p5" }],
    ["Ship v2 #deep work", { summary: "Ship v2", projectId: DEEP_WORK.id }],
    ["Ship v2 #DEEP", { summary: "Ship v2 #DEEP", projectId: null }],
    ["Email#Health stays", { summary: "Email#Health stays" }],
    ["Water plants every day", { summary: "Water plants", recurrence: "FREQ=DAILY" }],
    ["Review every monday", { summary: "Review", recurrence: "FREQ=WEEKLY;BYDAY=MO" }],
    // No date: "every week" means the weekday of today, a Tuesday, as the menu would.
    ["Review every week", { summary: "Review", recurrence: "FREQ=WEEKLY;BYDAY=TU" }],
    // With a date, the series starts that day: Friday 4 December.
    [
      "Review friday every week",
      { summary: "Review", dueAt: "2026-12-04T22:59:59.999Z", recurrence: "FREQ=WEEKLY;BYDAY=FR" },
    ],
    ["Pay rent every month", { summary: "Pay rent", recurrence: "FREQ=MONTHLY;BYMONTHDAY=1" }],
    ["Check every fortnight", { summary: "Check every fortnight", recurrence: null }],
    ["Call mum friday", { summary: "Call mum", dueAt: "2026-12-04T22:59:59.999Z" }],
    ["Call mum tomorrow at 9:30", { summary: "Call mum", dueAt: "2026-12-02T08:30:00.000Z" }],
    ["Pay rent 15 jan", { summary: "Pay rent", dueAt: "2027-01-15T22:59:59.999Z" }],
    ["Submit in 2 days", { summary: "Submit", dueAt: "2026-12-03T22:59:59.999Z" }],
    ["Send report by friday 5pm", { summary: "Send report", dueAt: "2026-12-04T16:00:00.000Z" }],
    ["Meet Sam for 1h", { summary: "Meet Sam", minutes: 60 }],
    ["Meet at cafe", { summary: "Meet at cafe" }],
  ])("%j", (line, expected) => {
    expect(fields(parseQuickAdd(line, context()))).toEqual(expected);
  });

  it("reads dates in the person's zone, not the browser's: Kathmandu (UTC+05:45) is already on the next day", () => {
    // 20:00 UTC on 1 December is 01:45 on 2 December in Kathmandu.
    const parsed = parseQuickAdd("Call bank tomorrow 3pm", {
      ...context(),
      now: new Date("2026-12-01T20:00:00Z"),
      timeZone: "Asia/Kathmandu",
    });
    // 15:00 on 3 December in Kathmandu.
    expect(fields(parsed)).toEqual({ summary: "Call bank", dueAt: "2026-12-03T09:15:00.000Z" });
  });

  it.each([
    // An hour without am/pm from 1 to 7 is the afternoon: nobody means 05:00 by "at 5".
    ["Call mum tomorrow at 5", "2026-12-02T16:00:00.000Z"],
    ["Call mum tomorrow at 5am", "2026-12-02T04:00:00.000Z"],
    ["Call mum tomorrow at 8", "2026-12-02T07:00:00.000Z"],
    ["Call mum tomorrow at 17:00", "2026-12-02T16:00:00.000Z"],
  ])("reads the hour of %j as a working hour", (line, dueAt) => {
    expect(fields(parseQuickAdd(line, context()))).toMatchObject({ summary: "Call mum", dueAt });
  });

  it("ends a date without a time at the end of that day in the zone", () => {
    const parsed = parseQuickAdd("Call bank today", { ...context(), timeZone: "Asia/Kathmandu" });
    expect(fields(parsed)).toEqual({ summary: "Call bank", dueAt: "2026-12-01T18:14:59.999Z" });
  });

  it("keeps the wall-clock time across a DST change (New York springs forward on 8 March 2026)", () => {
    const parsed = parseQuickAdd("Standup 9am on 9 march", {
      ...context(),
      now: new Date("2026-03-06T15:00:00Z"),
      timeZone: "America/New_York",
    });
    // 09:00 EDT (UTC-4), although it is EST (UTC-5) when typed.
    expect(fields(parsed).dueAt).toBe("2026-03-09T13:00:00.000Z");
  });

  it("takes only the first of each kind; the rest stays in the summary", () => {
    expect(fields(parseQuickAdd("Run p1 then p2 30m 45m", context()))).toEqual({
      summary: "Run then p2 45m",
      priority: 5,
      minutes: 30,
    });
  });

  it("does not read the days of a repetition as a due date", () => {
    expect(fields(parseQuickAdd("Gym every monday and friday", context()))).toEqual({
      summary: "Gym",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,FR",
    });
  });

  it("leaves a removed token's words in the summary and does not set its field", () => {
    const line = "Read p1 manual tomorrow";
    const first = parseQuickAdd(line, context());
    const priority = first.tokens.find((token) => token.kind === "priority");
    expect(priority).toBeDefined();
    const kept = new Set([tokenKey(priority ?? { kind: "priority", text: "" })]);
    expect(fields(parseQuickAdd(line, { ...context(), kept }))).toEqual({
      summary: "Read p1 manual",
      dueAt: "2026-12-02T22:59:59.999Z",
    });
  });

  it("names an unknown project without setting one, leaving its words in the summary", () => {
    const parsed = parseQuickAdd("Plant tulips #Garden", context());
    expect(parsed.tokens).toEqual([{ kind: "project", index: 13, text: "#Garden", projectId: null, name: "Garden" }]);
    expect(parsed.summary).toBe("Plant tulips #Garden");
  });

  describe("a start: the task is not planned before it", () => {
    it.each([
      // Friday 4 December starts at midnight in Berlin (UTC+1).
      ["Call the bank after friday", { summary: "Call the bank", startAfter: "2026-12-03T23:00:00.000Z" }],
      ["Call the bank not before 2pm", { summary: "Call the bank", startAfter: "2026-12-01T13:00:00.000Z" }],
      ["Renew passport starting monday", { summary: "Renew passport", startAfter: "2026-12-06T23:00:00.000Z" }],
      ["Renew passport from tomorrow", { summary: "Renew passport", startAfter: "2026-12-01T23:00:00.000Z" }],
    ])("%s", (line, expected) => {
      expect(fields(parseQuickAdd(line, context()))).toEqual(expected);
    });

    it("reads a start and a deadline from one line, each from its own words", () => {
      const parsed = parseQuickAdd("Tax return after monday by friday 2h", context());
      expect(fields(parsed)).toEqual({
        summary: "Tax return",
        startAfter: "2026-12-06T23:00:00.000Z",
        // The end of Friday 4 December in Berlin.
        dueAt: "2026-12-04T22:59:59.999Z",
        minutes: 120,
      });
      expect(parsed.tokens.map((token) => [token.kind, token.text])).toEqual([
        ["startAfter", "after monday"],
        ["due", "friday"],
        ["minutes", "2h"],
      ]);
    });

    it("leaves its words in the summary when its chip is removed, and sets no deadline from them", () => {
      const parsed = parseQuickAdd(
        "Call the bank after friday",
        context({ kept: new Set([tokenKey({ kind: "startAfter", text: "after friday" })]) }),
      );
      expect(fields(parsed)).toEqual({ summary: "Call the bank after friday" });
    });
  });

  describe("a repeating line without a day", () => {
    const firstRepeat = (line: string) =>
      parseQuickAdd(line, context({ dueOnFirstRepeat: true })).tokens.find((token) => token.kind === "due");

    it("is due at the end of its first day: today for every day, the next Monday for every monday", () => {
      // Tuesday 1 December in Berlin.
      expect(firstRepeat("Stretch every day")).toMatchObject({
        text: "",
        firstRepeat: true,
        dueAt: new Date("2026-12-01T22:59:59.999Z"),
      });
      expect(firstRepeat("Review every monday")?.dueAt).toEqual(new Date("2026-12-07T22:59:59.999Z"));
      expect(firstRepeat("Review every weekday")?.dueAt).toEqual(new Date("2026-12-01T22:59:59.999Z"));
      expect(firstRepeat("Chores every weekend")?.dueAt).toEqual(new Date("2026-12-05T22:59:59.999Z"));
    });

    it("keeps a typed day, and adds none for a repeat it did not understand or when removed", () => {
      expect(firstRepeat("Review friday every week")).toMatchObject({ text: "friday" });
      expect(firstRepeat("Check every fortnight")).toBeUndefined();
      const kept = new Set([tokenKey({ kind: "due", text: "" })]);
      expect(
        parseQuickAdd("Stretch every day", context({ dueOnFirstRepeat: true, kept })).tokens.map((token) => token.kind),
      ).toEqual(["repeat"]);
    });
  });
});
