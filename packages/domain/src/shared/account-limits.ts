import { DomainError } from "./errors.ts";

/**
 * How many of each thing one person may have, so no request has to read or plan an
 * unbounded amount (README "Limits"). Each create checks before it writes; creates that
 * race may pass a limit by a few, which costs nothing. Calendars have theirs in
 * calendars (MAX_FEEDS_PER_USER).
 */
export const ACCOUNT_LIMITS = {
  /** Open (not completed) tasks: what a plan reads and places; plan.commit is built for this many. */
  openTasks: 10_000,
  planners: 50,
  projects: 500,
  areas: 100,
  apiTokens: 50,
} as const;

/** A create refused because the person has `max` of that thing already (409, stable code). */
export function limitReached({ code, max, what }: { code: string; max: number; what: string }): DomainError {
  return new DomainError({
    kind: "CONFLICT",
    code,
    message: `You can have at most ${max.toLocaleString("en-US")} ${what}. Remove some first.`,
    details: { max },
  });
}
