import { describe, expect, it } from "vitest";
import { describeRecurrence } from "./describe-recurrence.ts";

describe("describeRecurrence", () => {
  it.each([
    ["FREQ=DAILY", "every day"],
    ["FREQ=DAILY;INTERVAL=2", "every 2 days"],
    ["FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "every weekday"],
    ["FREQ=DAILY;BYDAY=SA,SU", "every Saturday and Sunday"],
    ["FREQ=WEEKLY", "weekly"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"],
    ["FREQ=WEEKLY;BYDAY=WE,MO", "weekly on Monday and Wednesday"],
    ["FREQ=WEEKLY;BYDAY=MO,WE,FR", "weekly on Monday, Wednesday and Friday"],
    ["FREQ=WEEKLY;BYDAY=SA,SU", "weekly on weekends"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "every 2 weeks on Thursday"],
    ["FREQ=MONTHLY", "monthly"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "monthly on the 1st"],
    ["FREQ=MONTHLY;BYMONTHDAY=2,3,11,22,23", "monthly on the 2nd, 3rd, 11th, 22nd and 23rd"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "monthly on the last day"],
    ["FREQ=MONTHLY;BYMONTHDAY=-2", "monthly on the second-to-last day"],
    ["FREQ=MONTHLY;BYMONTHDAY=-10", "monthly on the 10th-to-last day"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "monthly on the last Friday"],
    ["FREQ=MONTHLY;BYDAY=1MO,3MO", "monthly on the first Monday and the third Monday"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "monthly on the last weekday"],
    ["FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1", "monthly on the first weekend day"],
    ["FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=1,-1", "monthly on the first and last Monday or Friday"],
    ["FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", "monthly on the 13th if it is a Friday"],
    ["FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "monthly on the 28th, 29th, 30th and 31st, only the last one"],
    ["FREQ=YEARLY", "yearly"],
    ["FREQ=YEARLY;INTERVAL=4", "every 4 years"],
    ["FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "yearly in March on the last Sunday"],
    ["FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1", "yearly in January and July on the 1st"],
    ["FREQ=YEARLY;BYDAY=1MO", "yearly on the first Monday of the year"],
    ["FREQ=DAILY;COUNT=1", "every day, once"],
    ["FREQ=WEEKLY;BYDAY=MO;COUNT=10", "weekly on Monday, 10 times"],
    ["FREQ=DAILY;UNTIL=20261231", "every day, until 2026-12-31"],
    ["FREQ=DAILY;UNTIL=20261231T235959Z", "every day, until 2026-12-31 23:59 UTC"],
    ["FREQ=DAILY\nEXDATE:20260105T090000Z", "every day, skipping 1 date"],
    ["FREQ=DAILY\nEXDATE:20260105T090000Z,20260106T090000Z", "every day, skipping 2 dates"],
  ])("describes %j as %j", (rule, text) => {
    expect(describeRecurrence(rule)).toBe(text);
  });

  it("rejects what parseRecurrence rejects", () => {
    expect(() => describeRecurrence("FREQ=DAILY;BYHOUR=9")).toThrow("BYHOUR is not supported in a recurrence rule");
  });
});
