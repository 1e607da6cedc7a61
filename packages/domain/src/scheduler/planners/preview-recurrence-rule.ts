import { getUserTimeZone } from "../../iam/index.ts";
import type { Db } from "../../shared/db.ts";
import { DomainError } from "../../shared/errors.ts";
import { presetToRule, previewRecurrence } from "../recurrence/index.ts";
import type { PreviewRecurrenceInput, RecurrencePreviewDto } from "./schemas.ts";

/** The next occurrences of a rule or preset, shown while a person edits a planner or a recurring task. */
export async function previewRecurrenceRule({
  db,
  actorId,
  input,
}: {
  db: Db;
  actorId: string;
  input: PreviewRecurrenceInput;
}): Promise<RecurrencePreviewDto> {
  const rule = input.rule ?? (input.preset ? presetToRule(input.preset) : undefined);
  if (rule === undefined) {
    throw new DomainError({
      kind: "INVALID",
      code: "scheduler.rule_or_preset",
      message: "Enter a rule or pick a preset",
      details: { field: "rule" },
    });
  }
  const timeZone = input.timeZone ?? (await getUserTimeZone({ db, actorId }));
  return previewRecurrence({ rule, start: input.start, timeZone, count: input.count });
}
