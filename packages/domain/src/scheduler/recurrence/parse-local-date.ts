import { Temporal } from "temporal-polyfill";

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" as a real calendar date, or null ("2026-02-30" is null). */
export function parseLocalDate(text: string): Temporal.PlainDate | null {
  const match = typeof text === "string" ? LOCAL_DATE.exec(text) : null;
  if (!match) return null;
  try {
    return Temporal.PlainDate.from(
      { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
      { overflow: "reject" },
    );
  } catch {
    return null;
  }
}
