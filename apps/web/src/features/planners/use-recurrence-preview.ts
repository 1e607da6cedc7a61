import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { type PlannerFormValues, previewRequest, totalMinutes } from "./planner-form-values.ts";
import { useDebouncedValue } from "./use-debounced-value.ts";

const PREVIEW_DELAY_MS = 300;
const SHOWN_OCCURRENCES = 5;

// Only the key of a disabled query; a fixed one so that it is not a new cache entry per render.
const NO_REQUEST = { start: new Date(0) };

export type PlannerWindowPreview = { start: Date; end: Date };

/**
 * The planner's next windows as the server computes them for the form's rule, start and
 * zone, asked ~300 ms after the last change. Windows that already ended are skipped, so
 * editing an old planner still shows what comes next.
 */
export function useRecurrencePreview(values: PlannerFormValues) {
  const trpc = useTRPC();
  // `values` is the form's state object: it only changes when the person edits. Typing in
  // another field (the name) restarts the wait but asks the same query, which is cached.
  const settled = useDebouncedValue(values, PREVIEW_DELAY_MS);
  const now = new Date();
  const request = previewRequest(settled, now);
  const waiting = JSON.stringify(previewRequest(values, now)) !== JSON.stringify(request);

  const query = useQuery({
    ...trpc.scheduler.recurrence.preview.queryOptions(request ?? NO_REQUEST),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const minutes = Math.max(0, totalMinutes(settled) || 0);
  const windows: PlannerWindowPreview[] = (query.data?.occurrences ?? [])
    .map((start) => ({ start, end: new Date(start.getTime() + minutes * 60_000) }))
    .filter((window) => window.end.getTime() > now.getTime())
    .slice(0, SHOWN_OCCURRENCES);

  return {
    /** False while the form lacks a rule (an empty custom rule), a date or a time. */
    ready: request !== null,
    /** Between a change and the server's answer to it; what is shown meanwhile is the previous answer. */
    pending: waiting || (request !== null && query.isFetching),
    text: request && query.data ? query.data.text : null,
    windows: request && query.data ? windows : [],
    /** Whether the server found any occurrence at all (all of them may have ended). */
    anyOccurrence: (query.data?.occurrences.length ?? 0) > 0,
    error: request && query.isError ? describeError(query.error) : null,
  };
}
