import type { RouterInputs } from "@agendacraft/api";

type PreviewInput = RouterInputs["scheduler"]["recurrence"]["preview"];
export type RecurrencePreset = NonNullable<PreviewInput["preset"]>;
export type Weekday = Extract<RecurrencePreset, { kind: "weekly" }>["days"][number];

/** What the "Repeats" menu offers: the domain's presets (weekends is its weekly preset on SA, SU), or a rule. */
export type RepeatKind = "daily" | "weekdays" | "weekends" | "weekly" | "monthly_on_day" | "custom";

export const REPEAT_OPTIONS: { value: RepeatKind; label: string }[] = [
  { value: "daily", label: "Every day" },
  { value: "weekdays", label: "Weekdays" },
  { value: "weekends", label: "Weekends" },
  { value: "weekly", label: "Weekly on…" },
  { value: "monthly_on_day", label: "Monthly on day…" },
  { value: "custom", label: "Custom rule" },
];

export const WEEKDAYS: { value: Weekday; label: string }[] = [
  { value: "MO", label: "Mon" },
  { value: "TU", label: "Tue" },
  { value: "WE", label: "Wed" },
  { value: "TH", label: "Thu" },
  { value: "FR", label: "Fri" },
  { value: "SA", label: "Sat" },
  { value: "SU", label: "Sun" },
];

/** How the repetition is chosen in the form. */
export type RepeatChoice = {
  kind: RepeatKind;
  /** For "weekly". */
  days: Weekday[];
  /** For "monthly_on_day": "1".."31", or "-1" for the last day. */
  monthDay: string;
  /** For "custom": RRULE text in the domain's supported subset. */
  rule: string;
};

/** What `scheduler.recurrence.preview` is asked with; null while a custom rule is still empty. */
export function repeatSource(choice: RepeatChoice): { preset: RecurrencePreset } | { rule: string } | null {
  switch (choice.kind) {
    case "daily":
      return { preset: { kind: "daily" } };
    case "weekdays":
      return { preset: { kind: "weekdays" } };
    case "weekends":
      return { preset: { kind: "weekly", days: ["SA", "SU"] } };
    case "weekly":
      return { preset: { kind: "weekly", days: choice.days } };
    case "monthly_on_day":
      return { preset: { kind: "monthly_on_day", day: Number(choice.monthDay) } };
    case "custom":
      return choice.rule.trim() ? { rule: choice.rule } : null;
  }
}

const WEEKLY_DAYS = /^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/;
const MONTHLY_DAY = /^FREQ=MONTHLY;BYMONTHDAY=(-1|[1-9]|[12]\d|3[01])$/;

/**
 * The menu entry for a stored rule. Stored rules are canonical (the domain's
 * formatRuleParts: fixed part order, INTERVAL=1 left out), so an exact match is enough;
 * anything else is edited as a custom rule.
 */
export function choiceFromRule(rule: string): RepeatChoice {
  const base: RepeatChoice = { kind: "custom", days: ["MO"], monthDay: "1", rule };
  if (rule === "FREQ=DAILY") return { ...base, kind: "daily" };
  if (rule === "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR") return { ...base, kind: "weekdays" };
  if (rule === "FREQ=WEEKLY;BYDAY=SA,SU") return { ...base, kind: "weekends" };
  const weekly = WEEKLY_DAYS.exec(rule)?.[1];
  if (weekly) {
    const codes = weekly.split(",");
    return { ...base, kind: "weekly", days: WEEKDAYS.map((day) => day.value).filter((day) => codes.includes(day)) };
  }
  const monthly = MONTHLY_DAY.exec(rule)?.[1];
  if (monthly) return { ...base, kind: "monthly_on_day", monthDay: monthly };
  return base;
}
