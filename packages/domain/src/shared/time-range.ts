import type { z } from "zod";

const DAY_MS = 86_400_000;

/**
 * The checks every "from .. to" query input shares: the end after the start, and no more
 * than `maxDays` at once (so one request cannot ask for years of rows). Each input keeps its
 * own stable codes.
 */
export function refineTimeRange(options: { maxDays: number; invalidCode: string; tooLongCode: string }) {
  return ({ from, to }: { from: Date; to: Date }, ctx: z.RefinementCtx) => {
    if (to.getTime() <= from.getTime()) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "The end of the range must be after its start",
        params: { code: options.invalidCode },
      });
    } else if (to.getTime() - from.getTime() > options.maxDays * DAY_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `Ask for at most ${options.maxDays} days at a time`,
        params: { code: options.tooLongCode },
      });
    }
  };
}
