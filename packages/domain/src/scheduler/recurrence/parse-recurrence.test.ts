import { describe, expect, it } from "vitest";
import { DomainError } from "../../shared/errors.ts";
import { parseRecurrence } from "./parse-recurrence.ts";
import { ZRecurrenceRule } from "./schemas.ts";

function failure(text: string): DomainError {
  try {
    parseRecurrence(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("parseRecurrence", () => {
  it.each([
    ["FREQ=DAILY", "FREQ=DAILY"],
    ["FREQ=WEEKLY", "FREQ=WEEKLY"],
    ["FREQ=MONTHLY", "FREQ=MONTHLY"],
    ["FREQ=YEARLY", "FREQ=YEARLY"],
    ["FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;INTERVAL=3"],
    ["FREQ=DAILY;INTERVAL=999", "FREQ=DAILY;INTERVAL=999"],
    ["FREQ=WEEKLY;BYDAY=WE,MO", "FREQ=WEEKLY;BYDAY=MO,WE"],
    ["FREQ=MONTHLY;BYDAY=1MO,-1FR", "FREQ=MONTHLY;BYDAY=1MO,-1FR"],
    ["FREQ=MONTHLY;BYDAY=+2TU", "FREQ=MONTHLY;BYDAY=2TU"],
    ["FREQ=YEARLY;BYDAY=20MO", "FREQ=YEARLY;BYDAY=20MO"],
    ["FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1,15,1", "FREQ=MONTHLY;BYMONTHDAY=1,15,-1"],
    ["FREQ=MONTHLY;BYMONTHDAY=31,-31", "FREQ=MONTHLY;BYMONTHDAY=31,-31"],
    ["FREQ=YEARLY;BYMONTH=12,1,6", "FREQ=YEARLY;BYMONTH=1,6,12"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"],
    ["FREQ=WEEKLY;COUNT=1000", "FREQ=WEEKLY;COUNT=1000"],
    ["FREQ=WEEKLY;COUNT=1", "FREQ=WEEKLY;COUNT=1"],
    ["FREQ=DAILY;UNTIL=20261231T235959Z", "FREQ=DAILY;UNTIL=20261231T235959Z"],
    ["FREQ=DAILY;UNTIL=20261231", "FREQ=DAILY;UNTIL=20261231"],
    ["FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,MO", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU"],
  ])("accepts %s", (input, rrule) => {
    expect(parseRecurrence(input)).toEqual({ rrule, exdates: [], text: rrule });
  });

  it("accepts the RRULE: prefix, any letter case, stray spaces and a trailing semicolon", () => {
    expect(parseRecurrence("  rrule:freq=weekly; byday=fr,mo ;").rrule).toBe("FREQ=WEEKLY;BYDAY=MO,FR");
  });

  it("leaves out the defaults INTERVAL=1 and WKST=MO so that equal rules are equal text", () => {
    expect(parseRecurrence("INTERVAL=1;WKST=MO;BYDAY=MO;FREQ=WEEKLY").rrule).toBe("FREQ=WEEKLY;BYDAY=MO");
  });

  it("collects EXDATE lines into one sorted line without duplicates", () => {
    const parsed = parseRecurrence(
      "RRULE:FREQ=DAILY\r\nEXDATE:20260107T080000Z,20260105T080000Z\n\nexdate:20260105T080000Z",
    );
    expect(parsed).toEqual({
      rrule: "FREQ=DAILY",
      exdates: [new Date("2026-01-05T08:00:00Z"), new Date("2026-01-07T08:00:00Z")],
      text: "FREQ=DAILY\nEXDATE:20260105T080000Z,20260107T080000Z",
    });
    expect(parseRecurrence(parsed.text)).toEqual(parsed);
  });

  it.each(["BYHOUR=9", "BYMINUTE=30", "BYSECOND=0", "BYYEARDAY=100", "BYWEEKNO=20", "RSCALE=HEBREW", "X-NAME=1"])(
    "rejects the unsupported part %s and names it",
    (part) => {
      const error = failure(`FREQ=DAILY;${part}`);
      const name = part.split("=")[0];
      expect(error).toMatchObject({
        kind: "INVALID",
        code: "scheduler.unsupported_rrule_part",
        message: `${name} is not supported in a recurrence rule`,
        details: { part: name },
      });
    },
  );

  it.each([
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY", "DTSTART"],
    ["FREQ=DAILY\nRDATE:20260101T090000Z", "RDATE"],
    ["FREQ=DAILY\nEXRULE:FREQ=WEEKLY", "EXRULE"],
  ])("rejects other properties: %s", (text, part) => {
    expect(failure(text)).toMatchObject({ code: "scheduler.unsupported_rrule_part", details: { part } });
  });

  it("rejects sub-daily frequencies as unsupported", () => {
    expect(failure("FREQ=HOURLY")).toMatchObject({
      code: "scheduler.unsupported_rrule_part",
      message: "FREQ=HOURLY is not supported in a recurrence rule",
      details: { part: "FREQ", value: "HOURLY" },
    });
  });

  it.each([
    ["", "FREQ", "FREQ is required"],
    ["INTERVAL=2", "FREQ", "FREQ is required"],
    ["EXDATE:20260105T090000Z", "FREQ", "FREQ is required"],
    ["FREQ=SOMETIMES", "FREQ", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"],
    ["FREQ=", "FREQ", "FREQ needs a value"],
    ["FREQ=DAILY;FREQ=WEEKLY", "FREQ", "FREQ appears more than once"],
    ["FREQ=DAILY;INTERVAL", "INTERVAL", "is not a NAME=VALUE part"],
    ["FREQ=DAILY;INTERVAL=0", "INTERVAL", "INTERVAL must be a whole number from 1 to 999"],
    ["FREQ=DAILY;INTERVAL=1000", "INTERVAL", "INTERVAL must be a whole number from 1 to 999"],
    ["FREQ=DAILY;INTERVAL=1.5", "INTERVAL", "INTERVAL must be a whole number from 1 to 999"],
    ["FREQ=DAILY;INTERVAL=-2", "INTERVAL", "INTERVAL must be a whole number from 1 to 999"],
    ["FREQ=DAILY;COUNT=0", "COUNT", "COUNT must be a whole number from 1 to 1000"],
    ["FREQ=DAILY;COUNT=1001", "COUNT", "COUNT must be a whole number from 1 to 1000"],
    ["FREQ=DAILY;UNTIL=2026-12-31", "UNTIL", "UNTIL must be a UTC date-time"],
    ["FREQ=DAILY;UNTIL=20261231T235959", "UNTIL", "UNTIL must be a UTC date-time"],
    ["FREQ=DAILY;UNTIL=20260230", "UNTIL", "UNTIL must be a UTC date-time"],
    ["FREQ=DAILY;UNTIL=20261231T245959Z", "UNTIL", "UNTIL must be a UTC date-time"],
    ["FREQ=DAILY;COUNT=3;UNTIL=20261231T235959Z", "COUNT", "Use either COUNT or UNTIL, not both"],
    ["FREQ=WEEKLY;BYDAY=XX", "BYDAY", "BYDAY must list weekdays"],
    ["FREQ=WEEKLY;BYDAY=MO,,TU", "BYDAY", "BYDAY must list weekdays"],
    ["FREQ=MONTHLY;BYDAY=0MO", "BYDAY", "BYDAY must list weekdays"],
    ["FREQ=WEEKLY;BYDAY=1MO", "BYDAY", "BYDAY ordinals like 1MO or -1FR need FREQ=MONTHLY or FREQ=YEARLY"],
    ["FREQ=DAILY;BYDAY=-1FR", "BYDAY", "BYDAY ordinals like 1MO or -1FR need FREQ=MONTHLY or FREQ=YEARLY"],
    ["FREQ=MONTHLY;BYDAY=6MO", "BYDAY", "BYDAY ordinals must be from 1 to 5"],
    ["FREQ=YEARLY;BYMONTH=3;BYDAY=-6SU", "BYDAY", "BYDAY ordinals must be from 1 to 5"],
    ["FREQ=YEARLY;BYDAY=54MO", "BYDAY", "BYDAY ordinals must be from 1 to 53"],
    ["FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY", "BYMONTHDAY must list whole numbers from 1 to 31 or -31 to -1"],
    ["FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY", "BYMONTHDAY must list whole numbers"],
    ["FREQ=MONTHLY;BYMONTHDAY=1,x", "BYMONTHDAY", "BYMONTHDAY must list whole numbers"],
    ["FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY", "BYMONTHDAY cannot be used with FREQ=WEEKLY"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "BYMONTHDAY", "none of the months in BYMONTH has"],
    ["FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=-31", "BYMONTHDAY", "none of the months in BYMONTH has"],
    ["FREQ=YEARLY;BYMONTH=13", "BYMONTH", "BYMONTH must list whole numbers from 1 to 12"],
    ["FREQ=YEARLY;BYMONTH=-1", "BYMONTH", "BYMONTH must list whole numbers from 1 to 12"],
    ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS", "BYSETPOS must list whole numbers from 1 to 366"],
    ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", "BYSETPOS", "BYSETPOS must list whole numbers"],
    ["FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS", "BYSETPOS needs another part"],
    ["FREQ=WEEKLY;WKST=XX", "WKST", "WKST must be a weekday"],
    ["FREQ=DAILY\nEXDATE:20260105", "EXDATE", "EXDATE must list UTC date-times"],
    ["FREQ=DAILY\nEXDATE;TZID=Europe/Berlin:20260105T090000", "EXDATE", "EXDATE must list UTC date-times"],
    ["FREQ=DAILY\nFREQ=WEEKLY", "RRULE", "only one RRULE line"],
    ["RRULE;X=1:FREQ=DAILY", "RRULE", "RRULE parameters are not supported"],
  ])("rejects %j as malformed, naming %s", (text, part, message) => {
    const error = failure(text);
    expect(error).toMatchObject({ kind: "INVALID", code: "scheduler.invalid_rrule", details: { part } });
    expect(error.message).toContain(message);
  });

  it("refuses very long input and more than 1000 EXDATEs", () => {
    expect(failure(`FREQ=DAILY;${";".repeat(20_001)}`).details).toEqual({ part: "RRULE" });
    const base = Date.UTC(2026, 0, 1);
    const exdates = Array.from({ length: 1001 }, (_, i) =>
      new Date(base + i * 60_000)
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, ""),
    );
    expect(failure(`FREQ=DAILY\nEXDATE:${exdates.join(",")}`).message).toBe("EXDATE can list at most 1000 dates");
  });
});

describe("ZRecurrenceRule", () => {
  it("transforms a rule into its stored text", () => {
    expect(ZRecurrenceRule.parse("RRULE:FREQ=WEEKLY;BYDAY=WE,MO\nEXDATE:20260105T090000Z")).toBe(
      "FREQ=WEEKLY;BYDAY=MO,WE\nEXDATE:20260105T090000Z",
    );
  });

  it.each([
    ["FREQ=DAILY;BYHOUR=9", "scheduler.unsupported_rrule_part", "BYHOUR is not supported in a recurrence rule"],
    ["FREQ=DAILY;INTERVAL=0", "scheduler.invalid_rrule", "INTERVAL must be a whole number from 1 to 999"],
  ])("reports %s as a zod issue carrying the domain code", (input, code, message) => {
    const result = ZRecurrenceRule.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "custom", message, params: { code } })]);
  });

  it("works inside object schemas and rejects non-strings", () => {
    expect(ZRecurrenceRule.optional().parse(undefined)).toBeUndefined();
    expect(ZRecurrenceRule.safeParse(42).success).toBe(false);
  });
});
