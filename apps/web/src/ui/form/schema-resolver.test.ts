import { ZUpdateNotificationSettingsInput } from "@agendacraft/domain/notifier/schemas";
import { ZCreateTaskInput } from "@agendacraft/domain/scheduler/tasks/schemas";
import { describe, expect, it } from "vitest";
import { FORM_ERROR_KEY, schemaResolver } from "./schema-resolver.ts";

type Values = { summary: string; minutes: string; deadline: string };

const resolver = schemaResolver({
  schema: ZCreateTaskInput,
  toInput: (values: Values) => ({
    summary: values.summary,
    ...(values.minutes === "" ? {} : { minutes: Number(values.minutes) }),
    ...(values.deadline === "" ? {} : { dueAt: new Date(values.deadline) }),
  }),
  check: (values: Values) => (values.minutes === "0" ? { minutes: "Enter how many minutes the task takes" } : {}),
  mapping: { fields: { dueAt: "deadline" } },
});

async function resolve(values: Values) {
  return resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
}

describe("schemaResolver", () => {
  it("passes the procedure's input (not the parsed output) to the submit when the schema accepts it", async () => {
    const result = await resolve({ summary: "  Write report ", minutes: "45", deadline: "" });
    expect(result).toEqual({ values: { summary: "  Write report ", minutes: 45 }, errors: {} });
  });

  it("puts the server schema's messages under the form's fields, renamed inputs included", async () => {
    const result = await resolve({ summary: "   ", minutes: "999", deadline: "3000-01-01" });
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      summary: { type: "validation", message: "Enter a summary" },
      minutes: { type: "validation", message: "A task takes at most 480 minutes" },
      deadline: { type: "validation", message: "Use a date from 1970-01-01 to 2999-12-31" },
    });
  });

  it("lets the form's own rule speak for a field instead of the schema's", async () => {
    const result = await resolve({ summary: "Write report", minutes: "0", deadline: "" });
    expect(result.errors).toEqual({
      minutes: { type: "validation", message: "Enter how many minutes the task takes" },
    });
  });

  it("keeps a message about the whole input for the form-level error", async () => {
    const settings = schemaResolver({
      schema: ZUpdateNotificationSettingsInput,
      toInput: () => ({}),
    });
    const result = await settings({ leadMinutes: "" }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.errors).toEqual({ [FORM_ERROR_KEY]: { type: "validation", message: "Change at least one setting" } });
  });
});
