import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateTime } from "luxon";
import { useMemo } from "react";
import { endOfDayFromDateInput } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { presetFor, todayInputValue } from "./recurrence-presets.ts";
import type { RecurrencePresetKind } from "./task-types.ts";

/**
 * Turns a picked preset into the rule a task stores, by asking the server
 * (`scheduler.recurrence.preview` runs the domain's presetToRule), so the web never writes
 * RRULE text itself. The same call describes the choice in words while the person edits.
 */
export function useRecurrenceRule({
  kind,
  deadline,
  timeZone,
}: {
  kind: RecurrencePresetKind | null;
  /** The deadline field's value ("2026-03-13" or ""); the series starts on that day. */
  deadline: string;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const today = todayInputValue(timeZone);

  const input = useMemo(() => {
    if (!kind) return null;
    // Without a deadline the rule is still wanted (the server then explains that a
    // repeating task needs a date), so today stands in as the first day.
    const validDeadline = DateTime.fromISO(deadline, { zone: timeZone }).isValid ? deadline : today;
    const start = endOfDayFromDateInput(validDeadline, timeZone);
    if (!start) return null;
    const preset = presetFor(kind, DateTime.fromISO(validDeadline, { zone: timeZone }));
    return { preset, start, timeZone, count: 1 };
  }, [kind, deadline, today, timeZone]);

  const preview = useQuery(trpc.scheduler.recurrence.preview.queryOptions(input ?? skipToken));

  /** The canonical rule for the current choice, or undefined when the task does not repeat. */
  async function resolveRule(): Promise<string | undefined> {
    if (!input) return undefined;
    const result = await queryClient.fetchQuery(trpc.scheduler.recurrence.preview.queryOptions(input));
    return result.rule;
  }

  return { preview, resolveRule };
}
