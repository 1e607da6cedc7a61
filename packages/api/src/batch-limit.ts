import { DomainError } from "@agendacraft/domain/shared";
import { TRPCError } from "@trpc/server";

/**
 * Refuses a batch of more than `maxCalls` calls before any of them runs: one request
 * must not multiply the work (and the guesses) it can make. Thrown from the context
 * factory, so tRPC answers 400 with `common.batch_too_large` for every call in it.
 */
export function assertBatchWithinLimit(calls: number, maxCalls: number | undefined): void {
  if (maxCalls === undefined || calls <= maxCalls) return;
  const cause = new DomainError({
    kind: "INVALID",
    code: "common.batch_too_large",
    message: `A request may carry at most ${maxCalls} calls; this one has ${calls}. Send fewer at a time.`,
    details: { maxCalls, calls },
  });
  throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
}
