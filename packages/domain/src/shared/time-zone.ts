import { ZText } from "./text.ts";

/** True for IANA zone names this runtime knows ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A person's or a planner's IANA zone. The error code stays iam's: clients already branch on it. */
export const ZTimeZone = ZText.trim()
  .min(1, "Choose a time zone")
  .refine(isValidTimeZone, {
    message: "Unknown time zone: use an IANA name such as Europe/Berlin",
    params: { code: "iam.unknown_time_zone" },
  });
