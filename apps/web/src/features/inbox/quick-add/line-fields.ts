import type { ParsedQuickAdd } from "./quick-add-token.ts";

/** The task fields a parsed line sets; a token that names nothing we know (rule or project null) sets none. */
export type LineFields = {
  summary: string;
  minutes?: number;
  priority?: number;
  projectId?: string;
  dueAt?: Date;
  startAfter?: Date;
  recurrence?: string;
};

export function lineFields({ summary, tokens }: ParsedQuickAdd): LineFields {
  const fields: LineFields = { summary };
  for (const token of tokens) {
    if (token.kind === "due") fields.dueAt = token.dueAt;
    if (token.kind === "startAfter") fields.startAfter = token.startAfter;
    if (token.kind === "minutes") fields.minutes = token.minutes;
    if (token.kind === "priority") fields.priority = token.priority;
    if (token.kind === "project" && token.projectId) fields.projectId = token.projectId;
    if (token.kind === "repeat" && token.rule) fields.recurrence = token.rule;
  }
  return fields;
}
